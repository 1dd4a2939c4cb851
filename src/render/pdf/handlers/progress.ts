/**
 * The done/total counter of the checklist is for screens: paper has only
 * empty boxes to tick, so the PDF draws nothing for it.
 */
import type { Handler } from '../../state.js';
import type { Node, PdfState } from '../state.js';

export const progress: Handler<PdfState, 'progress', Node> = (_b, _st) => [];
