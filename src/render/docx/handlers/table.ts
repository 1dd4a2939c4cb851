import { TableRow } from 'docx';
import type { TableBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import { P, T } from '../constants.js';
import { biRuns } from '../runs.js';
import { shade } from '../styles.js';
import { biParagraphs, cell, para, splitWidth, table as wordTable, type BodyChild, type DocxState } from '../state.js';

/** A Word table in the grid style: a repeated, shaded header row, rows that do not split, an optional caption. */
export function table(b: TableBlock, st: DocxState): BodyChild[] {
  const widths = splitWidth(st.width, b.columns.map((c) => c.weight ?? 1));
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map((c, i) => cell(st, biParagraphs(st, c.text, { zh: P.tableHead, en: P.tableHead }), widths[i], { shading: shade(theme.colors.accent) })),
  });
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) => cell(st, biParagraphs(st, c.text, { zh: P.tableZh, en: P.tableEn }, c.cites ?? []), widths[i])),
      }),
  );
  const caption = b.caption ? [para(st, P.caption, [...biRuns(b.caption)])] : [];
  return [...caption, wordTable([head, ...rows], widths, T.grid)];
}
