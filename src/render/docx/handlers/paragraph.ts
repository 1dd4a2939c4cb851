import type { ParagraphBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { citeRuns, inlineRuns } from '../runs.js';
import { enStyle, para, zhStyle, type BodyChild, type DocxState } from '../state.js';

/** Running text in the style of its role (note, meta, lead) or its language. */
export function paragraph(b: ParagraphBlock, st: DocxState): BodyChild[] {
  const style =
    b.role === 'note' || b.role === 'meta' ? (b.role === 'note' ? P.note : P.meta) : b.role === 'lead' ? P.lead : b.lang === 'zh' ? zhStyle(st) : enStyle(st);
  return [para(st, style, [...inlineRuns(b.text, b.lang), ...citeRuns(b.cites)])];
}
