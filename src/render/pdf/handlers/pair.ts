/**
 * Chinese and English side by side on A4 (and on `columns` slides), stacked
 * on other slides; its tags above, its citation line below.
 */
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import {
  biTagLine,
  blockGap,
  bodySize,
  isSlide,
  langText,
  runs,
  slideT,
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
  const sideBySide = !slide || st.layout === 'columns';
  const zh = b.zh.length ? langText(b.zh, 'zh', st, { id: b.id }) : null;
  const en = b.en.length ? langText(b.en, 'en', st, zh ? {} : { id: b.id }) : null;
  const tags = biTagLine(b.tags, st, { margin: [0, 0, 0, 2] });
  const source = sourceLine(b.source, st, { margin: [0, 2, 0, 0] });
  let body: Node;
  if (sideBySide && zh && en) {
    body = { stack: [...tags, { columns: [{ width: '*', stack: [zh] }, { width: '*', stack: [en] }], columnGap: slide ? 16 : 12 }, ...source] };
  } else {
    body = { stack: [...tags, ...(zh ? [zh] : []), ...(en ? [{ ...en, margin: [0, slide ? 2 : 1, 0, 0] }] : []), ...source] };
  }
  const marked: Node = b.marker
    ? {
        columns: [
          {
            width: slide ? slideT(st).body * 1.8 : 18,
            text: runs([{ text: b.marker }], 'en', st, bodySize('zh', st)),
            bold: true,
            color: STYLES.marker.color,
            fontSize: bodySize('zh', st),
          },
          { width: '*', ...body },
        ],
        columnGap: slide ? 6 : 4,
      }
    : body;
  const node = textColumn(st, { stack: [marked], margin: [0, 0, 0, blockGap(st)] });
  return unit(st, node, textLength(b) <= MAX_KEEP_TEXT ? 'keep' : 'text');
};
