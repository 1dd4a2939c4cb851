import type { ParagraphBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { bodyStyles } from '../slide-styles.js';
import { enStyle, para, runs, slide, zhStyle, type BodyChild, type DocxState } from '../state.js';

/**
 * Running text in the style of its role (note, meta, lead) or its language.
 * On a slide a note (a glossary's source lines, the closing slide's licence)
 * is the slide's small note, the other roles its body text.
 */
export function paragraph(b: ParagraphBlock, st: DocxState): BodyChild[] {
  if (slide(st)) return [para(st, b.role === 'note' ? bodyStyles(st.density).note : b.lang === 'zh' ? zhStyle(st) : enStyle(st), runs(st, b.text, b.lang))];
  const style = b.role === 'note' ? P.note : b.role === 'meta' ? P.meta : b.role === 'lead' ? P.lead : st.quoted ? P.quote : b.lang === 'zh' ? zhStyle(st) : enStyle(st);
  return [para(st, style, runs(st, b.text, b.lang))];
}
