/**
 * Which blocks a format shows, by their `media` (see `BlockBase.media`): one predicate per kind of format, so
 * every backend, and the anchor walk it resolves links against, leaves out the same blocks.
 */
import type { Block } from './types.js';

/** Shown on paper (PDF, DOCX): every block but the screen-only ones (`media: 'print'` blocks are paper's own). */
export const onPaper = (b: Block): boolean => b.media !== 'screen';

/** Shown in every format, the only blocks a slide deck (PPTX) draws: no `media` at all. */
export const everywhere = (b: Block): boolean => b.media === undefined;
