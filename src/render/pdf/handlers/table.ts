/** A table with a shaded header row that repeats on every page and rows that do not split. */
import type { BiInline } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, STYLES } from '../constants.js';
import { plainText } from '../inline.js';
import { sz, isSlide, slideT, compact, biStack, citeLine, blockGap, type Node, type PdfState } from '../state.js';

export const table: Handler<PdfState, 'table', Node> = (b, st) => {
  const small = isSlide(st) ? sz(slideT(st).bodyEn, st) : sz(theme.size.meta, st);
  const cell = (text: BiInline, cites: string[] | undefined, header: boolean): Node => ({
    stack: [...biStack(text, st, { fontSize: small, ...(header ? { bold: true } : {}) }), ...(cites ? citeLine(cites, st) : [])],
    ...(header ? { fillColor: theme.colors.panel } : {}),
  });
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const width = CONTENT_WIDTH[st.page] - b.columns.length * 10;
  const out: Node[] = [];
  const repeatsHeading = b.caption && plainText(b.caption.zh) === st.lastHeading;
  if (b.caption && !isSlide(st) && !repeatsHeading) out.push({ stack: biStack(b.caption, st, { ...STYLES.caption }), margin: [0, 0, 0, 4] });
  out.push({
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: weights.map((w) => Math.floor((width * w) / total)),
      body: [b.columns.map((c) => cell(c.text, undefined, true)), ...b.rows.map((r) => r.map((c) => cell(c.text, c.cites, false)))],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => (compact(st) ? 2 : 3),
      paddingBottom: () => (compact(st) ? 2 : 3),
    },
    margin: [0, 0, 0, blockGap(st)],
  });
  return out;
};
