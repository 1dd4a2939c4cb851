/**
 * A table: a shaded header row, then the rows, each cell's text in both
 * languages and its citation line; columns aligned as the Doc says.
 *
 * On A4 each row is a one-row table of its own (same column widths), a flow
 * unit kept whole on a page (flow.ts): pdfmake's header-row repetition and
 * `dontBreakRows` lay rows out in unbreakable blocks, which leave the rest of
 * a page empty and hide where rows landed from the page-break rules. In the
 * reading edition the table's mark and margin notes stand beside its header.
 * On a slide it is one pdfmake table.
 */
import type { TableBlock, TableCell } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, READING, STYLES } from '../constants.js';
import { plainText } from '../inline.js';
import { besideNotes } from './passage.js';
import { biStack, blockGap, wide, isSlide, slideT, sourceLine, unit, type Node, type PdfState } from '../state.js';

const PAD = 5;

export const table: Handler<PdfState, 'table', Node> = (b, st) => {
  const slide = isSlide(st);
  const size = slide ? slideT(st).bodyEn : theme.size.meta;
  const reading = !slide && (st.doc.product === 'reading' || Boolean(b.notes?.length) || b.mark !== undefined);
  if (b.id) st.pending.push(b.id);
  const cell = (c: TableCell | { text: TableCell['text'] }, header: boolean, col: number): Node => ({
    stack: [
      ...biStack(c.text, st, { fontSize: size, css: LINE.note, ...(header ? { bold: true, color: theme.colors.ink } : {}) }),
      ...('source' in c ? sourceLine(c.source, st) : []),
    ],
    alignment: b.columns[col]?.align ?? 'left',
    ...(header ? { fillColor: theme.colors.panel } : {}),
  });
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const available = (slide ? CONTENT_WIDTH.slide : CONTENT_WIDTH.a4 - (reading ? READING.mark + READING.notes + 2 * READING.gap : 0)) - st.indent;
  const width = available - b.columns.length * 2 * PAD;
  const widths = weights.map((w) => Math.floor((width * w) / total * 100) / 100);
  const layout = (first: boolean) => ({
    hLineWidth: (i: number) => (i === 0 && !first ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => theme.colors.rule,
    paddingLeft: () => PAD,
    paddingRight: () => PAD,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  });
  const out: Node[] = [];
  const repeatsHeading = b.caption && plainText(b.caption.zh) === st.lastHeading;
  const caption: Node[] = b.caption && !repeatsHeading ? [{ stack: biStack(b.caption, st, { ...STYLES.caption, css: LINE.small }), margin: [0, 0, 0, 4] }] : [];
  const header = b.columns.map((c, i) => cell(c, true, i));
  const rows = b.rows.map((r) => b.columns.map((_, i) => cell(r[i] ?? { text: {} }, false, i)));
  if (slide) {
    out.push(...caption, {
      table: { headerRows: 1, widths, body: [header, ...rows] },
      layout: layout(true),
      margin: [0, 0, 0, blockGap(st)],
    });
    return out;
  }
  const place = (node: Node, first: boolean, last: boolean): Node => {
    const margin = [st.indent + (reading ? READING.mark + READING.gap : 0), 0, reading ? READING.notes + READING.gap : 0, last ? blockGap(st) : 0];
    if (reading && first) return besideNotes({ ...st, pending: [] }, b.mark, { stack: [node], margin: [st.indent, 0, 0, 0] }, b.notes ?? [], last ? blockGap(st) : 0);
    return wide({ ...node, margin });
  };
  const all = [header, ...rows];
  all.forEach((r, i) => {
    const first = i === 0;
    const last = i === all.length - 1;
    const row: Node = { stack: [...(first ? caption : []), { table: { widths, body: [r] }, layout: layout(first) }] };
    out.push(unit(st, place(row, first, last), first ? 'heading' : 'keep'));
  });
  return out;
};
