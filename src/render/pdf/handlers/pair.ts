/**
 * Chinese and English, each led by its tag when the pair has one, and the
 * citation line under them. On A4 side by side (in the reading edition's
 * narrower text column, Chinese over English); on a slide as the slide
 * geometry says: a row of two columns (`columns`), one large pair
 * (`statement`), or Chinese over English with a number column when marked.
 */
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { slideSpec } from '../slide-spec.js';
import {
  blockGap,
  bodySize,
  isSlide,
  langText,
  runs,
  sourceLine,
  textColumn,
  textLength,
  unit,
  MAX_KEEP_TEXT,
  type Node,
  type PdfState,
} from '../state.js';

export const pair: Handler<PdfState, 'pair', Node> = (b, st) => {
  const slide = isSlide(st);
  const statement = slide && st.layout === 'statement';
  // On A4 side by side where the column holds two of a readable measure (the
  // full page width); in the reading edition's text column, between the
  // paragraph marks and the margin notes, Chinese over English.
  const sideBySide = slide ? st.layout === 'columns' : !(st.doc.product === 'reading' && st.page === 'a4');
  const zh = b.zh.length ? langText(b.zh, 'zh', st, { id: b.id, tag: b.tags?.zh }) : null;
  const en = b.en.length ? langText(b.en, 'en', st, { ...(zh ? {} : { id: b.id }), tag: b.tags?.en }) : null;
  const source = sourceLine(b.source, st, { margin: [0, 2, 0, 0] });
  const between = statement ? slideSpec.statement.between : slide ? slideSpec.body.between : 1;
  let body: Node;
  if (sideBySide && zh && en) {
    body = { stack: [{ columns: [{ width: '*', stack: [zh] }, { width: '*', stack: [en] }], columnGap: slide ? slideSpec.columns.gutter : 12 }, ...source] };
  } else {
    body = { stack: [...(zh ? [zh] : []), ...(en ? [{ ...en, margin: [0, zh ? between : 0, 0, 0] }] : []), ...source] };
  }
  const size = bodySize('zh', st);
  const marked: Node = b.marker
    ? {
        columns: [
          { width: slide ? slideSpec.body.marker : 22, text: runs([{ text: b.marker }], 'en', st, size), bold: true, color: STYLES.marker.color, fontSize: size },
          { width: '*', ...body },
        ],
        columnGap: 0,
      }
    : body;
  const node = textColumn(st, { stack: [marked], margin: [0, 0, 0, blockGap(st)] });
  // A lead-in stays with what it introduces, as a heading does.
  return unit(st, node, b.keepWithNext ? 'heading' : textLength(b) <= MAX_KEEP_TEXT ? 'keep' : 'text');
};
