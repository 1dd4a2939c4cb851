/** A group draws nothing of its own. */
import type { Handler } from '../../state.js';
import type { Node, PdfState } from '../state.js';

export const group: Handler<PdfState, 'group', Node> = (b, st) => ({ stack: st.all(b.children) });
