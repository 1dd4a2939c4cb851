import type { ProgressBlock } from '../../../ir/types.js';
import type { BodyChild, DocxState } from '../state.js';

/**
 * A done/total counter is interactive: a DOCX cannot keep it true once a
 * reader ticks a box, and on paper it is noise, so the DOCX draws none
 * (templates mark it `media: 'screen'` as well).
 */
export function progress(_b: ProgressBlock, _st: DocxState): BodyChild[] {
  return [];
}
