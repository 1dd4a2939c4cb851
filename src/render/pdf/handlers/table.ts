/**
 * A table: a shaded header row, then the rows, each cell's text in both
 * languages and its citation line; columns aligned as the Doc says.
 *
 * On A4 each row is a one-row table of its own (same column widths), a flow
 * unit kept whole on a page (flow.ts): pdfmake's header-row repetition and
 * `dontBreakRows` lay rows out in unbreakable blocks, which leave the rest of
 * a page empty and hide where rows landed from the page-break rules. A row
 * that opens a page repeats the header row above it (flow.ts), as the DOCX
 * does. In the reading edition the table's mark and margin notes stand beside
 * its header.
 * On a slide it is one pdfmake table.
 */
import type { TableBlock, TableCell } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, READING, STYLES } from '../constants.js';
import { plainText } from '../inline.js';
import { besideNotes } from './passage.js';
import { slideSpec } from '../slide-spec.js';
import { biStack, blockGap, inset, isSlide, runs, sourceLine, textNode, unit, wide, type Node, type PdfState } from '../state.js';

const PAD = 5;

/**
 * A table on a slide, as the slide geometry draws a glossary: the header row
 * (accent, bold, a rule under it), then a row per entry, the first column
 * (the term, bold, both languages on one line) `termWidth` wide, the others
 * Chinese over English; rows apart by the glossary gap.
 */
function onSlide(b: TableBlock, st: PdfState): Node {
  const g = slideSpec.glossary;
  const cols = b.columns.length;
  const cell = (c: Pick<TableCell, 'text' | 'source'> | undefined, col: number, header = false): Node => {
    const text = c?.text ?? {};
    const color = header ? { color: theme.colors.accent } : {};
    if (col === 0) {
      const runsOf = [...runs(text.zh, 'zh', st, g.term, g.line.zh), ...(text.zh?.length && text.en?.length ? runs([{ text: ' ' }], 'en', st, g.term, g.line.zh) : []), ...runs(text.en, 'en', st, g.term, g.line.zh)];
      return { text: runsOf, fontSize: g.term, bold: true, color: theme.colors.ink, ...color, alignment: b.columns[col]?.align ?? 'left' };
    }
    const stack: Node[] = [];
    const bold = header ? { bold: true } : {};
    if (text.zh?.length) stack.push(textNode(text.zh, 'zh', st, { fontSize: g.zh, css: g.line.zh, ...bold, ...color }));
    if (text.en?.length) stack.push(textNode(text.en, 'en', st, { fontSize: g.en, css: g.line.en, ...bold, ...color }));
    stack.push(...(c?.source ? sourceLine(c.source, st) : []));
    return { stack, alignment: b.columns[col]?.align ?? 'left' };
  };
  const widths = cols === 2 ? [g.termWidth - 8, '*'] : b.columns.map((c, i) => (i === 0 ? g.termWidth - 8 : '*'));
  const header = b.columns.map((c, i) => cell(c, i, true));
  return {
    table: { widths, body: [header, ...b.rows.map((r) => b.columns.map((_, i) => cell(r[i], i)))] },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 1 : 0),
      hLineColor: () => theme.colors.accent,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : 8),
      paddingRight: () => 0,
      // The header's gap split around its rule.
      paddingTop: (i: number) => (i === 1 ? g.gap / 2 : 0),
      paddingBottom: (i: number) => (i === 0 ? g.gap / 2 : g.gap),
    },
  };
}

export const table: Handler<PdfState, 'table', Node> = (b, st) => {
  if (isSlide(st)) {
    if (b.id) st.pending.push(b.id);
    return onSlide(b, st);
  }
  const size = theme.size.meta;
  const reading = (st.doc.product === 'reading' || Boolean(b.notes?.length) || b.mark !== undefined);
  if (b.id) st.pending.push(b.id);
  const cell = (c: TableCell | { text: TableCell['text'] }, header: boolean, col: number, cst: PdfState = st): Node => ({
    stack: [
      // The cell's anchor goes to its first line (as a block's id does).
      ...('id' in c && c.id ? (cst.pending.push(c.id), []) : []),
      ...biStack(c.text, cst, { fontSize: size, css: LINE.note, tail: true, ...(header ? { bold: true, color: theme.colors.ink } : {}) }),
      ...('source' in c ? sourceLine(c.source, cst) : []),
    ],
    alignment: b.columns[col]?.align ?? 'left',
    ...(header ? { fillColor: theme.colors.panel } : {}),
  });
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const available = CONTENT_WIDTH.a4 - (reading ? READING.mark + READING.notes + 2 * READING.gap : 0) - st.indent;
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
  const place = (node: Node, first: boolean, last: boolean): Node => {
    if (reading && first) return besideNotes({ ...st, pending: [] }, b.mark, inset(node, st.indent), b.notes ?? [], last ? blockGap(st) : 0);
    return wide(inset(node, st.indent + (reading ? READING.mark + READING.gap : 0), reading ? READING.notes + READING.gap : 0, 0, last ? blockGap(st) : 0));
  };
  // A row that opens a page repeats the header row above it (a fresh copy each time: pdfmake writes layout state on nodes).
  const fresh = { ...st, pending: [] as string[] };
  const repeat = (): Node => place({ stack: [{ table: { widths, body: [b.columns.map((c, i) => cell(c, true, i, fresh))] }, layout: layout(true) }] }, false, false);
  const all = [header, ...rows];
  all.forEach((r, i) => {
    const first = i === 0;
    const last = i === all.length - 1;
    const row: Node = { stack: [...(first ? caption : []), { table: { widths, body: [r] }, layout: layout(first) }] };
    out.push(unit(st, place(row, first, last), first ? 'heading' : 'keep', first ? undefined : repeat));
  });
  return out;
};
