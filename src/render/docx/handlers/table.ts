import { AlignmentType, TableRow } from 'docx';
import type { TableBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import { C, P, T } from '../constants.js';
import { biRuns, hasText, textRun } from '../runs.js';
import { shade } from '../styles.js';
import { biParagraphs, cell, para, runs, slide, sourceLine, splitWidth, table as wordTable, type BodyChild, type DocxState } from '../state.js';
import { marginNotes } from './notes.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A Word table in the grid style: the caption (after the table's mark in the
 * reading edition), a repeated, shaded header row, rows that do not split,
 * each column aligned as the Doc says, a cell's source line small under its
 * text; the table's margin notes follow it.
 */
export function table(b: TableBlock, st: DocxState): BodyChild[] {
  const widths = splitWidth(st.width, b.columns.map((c) => c.weight ?? 1));
  const mark = b.mark ? [textRun(b.mark, 'en', { style: C.marker }), textRun('  ', 'en')] : [];
  const caption = b.caption || b.mark ? [para(st, P.caption, [...mark, ...(b.caption ? biRuns(b.caption, { links: st.links }) : [])])] : [];
  const align = (i: number) => {
    const a = b.columns[i]?.align;
    return a ? { alignment: ALIGN[a] } : {};
  };
  const inCell = (i: number): DocxState => ({ ...st, width: widths[i] });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map((c, i) =>
      cell(st, biParagraphs(inCell(i), c.text, { zh: P.tableHead, en: P.tableHead }).map((p) => p), widths[i], { shading: shade(theme.colors.accent) }),
    ),
  });
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) => {
          const langs = (['zh', 'en'] as const).filter((l) => hasText(c.text[l]));
          const paras = langs.map((l) => para(st, l === 'zh' ? P.tableZh : P.tableEn, runs(st, c.text[l], l), align(i)));
          return cell(st, [...paras, ...sourceLine(st, c.source, slide(st) ? P.slideSource : P.source, align(i))], widths[i]);
        }),
      }),
  );
  return [...caption, wordTable([head, ...rows], widths, T.grid), ...marginNotes(st, b.notes)];
}
