/** A boxed callout with an accent rule, or an unboxed one when too long to fit on one page. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { biStack, blockGap, textLength, MAX_BOXED_TEXT, type Node, type PdfState } from '../state.js';

export const callout: Handler<PdfState, 'callout', Node> = (b, st) => {
  const fill = b.tone === 'key' ? theme.colors.accentSoft : theme.colors.panel;
  const inner: Node[] = [];
  if (b.title) inner.push({ stack: biStack(b.title, st, { bold: true }), margin: [0, 0, 0, 4] });
  inner.push(...st.all(b.children));
  // A boxed callout is one table row, which pdfmake cannot break across pages: a long one is not boxed.
  if (textLength(b) > MAX_BOXED_TEXT) return { stack: inner, margin: [0, 0, 0, blockGap(st)] };
  return {
    table: { widths: ['*'], body: [[{ stack: inner, fillColor: fill }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => theme.colors.accent,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 0,
    },
    margin: [0, 0, 0, blockGap(st)],
  };
};
