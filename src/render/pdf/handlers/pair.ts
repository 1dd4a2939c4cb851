/** Chinese and English side by side in one unbreakable row, or stacked when long or on a slide. */
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { sz, isSlide, bodySize, langText, citeLine, blockGap, textLength, MAX_SHORT_TEXT, type Node, type PdfState } from '../state.js';

export const pair: Handler<PdfState, 'pair', Node> = (b, st) => {
  // Side by side, a pair is one unbreakable table row, which pdfmake drops when it is taller
  // than the page: a long pair is stacked (Chinese, then English) so that it can break.
  if (isSlide(st) || textLength(b) > MAX_SHORT_TEXT) {
    const body = [
      langText(b.zh, 'zh', st),
      { ...langText(b.en, 'en', st), margin: [0, 1, 0, 0] },
      ...citeLine(b.cites, st),
    ];
    return b.marker
      ? {
          columns: [
            { width: sz(22, st), text: b.marker, ...STYLES.marker, fontSize: bodySize('zh', st) },
            { width: '*', stack: body },
          ],
          columnGap: 4,
          margin: [0, 0, 0, blockGap(st)],
        }
      : { stack: body, margin: [0, 0, 0, blockGap(st)] };
  }
  const zh = langText(b.zh, 'zh', st);
  const en = { stack: [langText(b.en, 'en', st), ...citeLine(b.cites, st, { margin: [0, 3, 0, 0] })] };
  const widths = b.marker ? [18, '*', '*'] : ['*', '*'];
  const row = b.marker ? [{ text: b.marker, ...STYLES.marker }, zh, en] : [zh, en];
  return {
    table: { widths, body: [row], dontBreakRows: true },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : 8),
      paddingRight: () => 0,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 0, 0, blockGap(st)],
  };
};
