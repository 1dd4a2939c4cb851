import type { ParagraphBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { enStyle, para, runs, zhStyle, type BodyChild, type DocxState } from '../state.js';

/** Running text in the style of its role (note, meta, lead) or its language. */
export function paragraph(b: ParagraphBlock, st: DocxState): BodyChild[] {
  const style = b.role === 'note' ? (st.page === 'slide' ? P.slideNote : P.note) : b.role === 'meta' ? P.meta : b.role === 'lead' ? P.lead : st.quoted ? P.quote : b.lang === 'zh' ? zhStyle(st) : enStyle(st);
  return [para(st, style, runs(st, b.text, b.lang))];
}
