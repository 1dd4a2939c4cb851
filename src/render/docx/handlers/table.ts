import { AlignmentType, BorderStyle, TableRow } from 'docx';
import type { TableBlock } from '../../../ir/types.js';
import { slideSpec, theme } from '../../../theme/theme.js';
import { C, P, T, hex, twip } from '../constants.js';
import { SP } from '../slide-styles.js';
import { biRuns, hasText, textRun } from '../runs.js';
import { shade } from '../styles.js';
import { anchor, biParagraphs, cell, none, noBorders, para, repeatsHeading, runs, slide, sourceLine, splitWidth, table as wordTable, type BodyChild, type DocxState } from '../state.js';
import { marginNotes } from './notes.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A table on a slide, as the slide geometry draws a glossary: border-less,
 * the first column (the term, bold, its languages on one line) `termWidth`
 * wide with a margin of 8 points before the next (the width the template
 * measured the term in), the others sharing the rest, each cell's Chinese
 * over its English; the header row's labels small on one line, over a rule;
 * every row the glossary's gap above the next (its cells' bottom margin).
 */
function glossary(b: TableBlock, st: DocxState): BodyChild[] {
  const g = slideSpec.glossary;
  const n = Math.max(1, b.columns.length, ...b.rows.map((r) => r.length));
  const term = n > 1 ? twip(g.termWidth) : st.width;
  const widths = n > 1 ? [term, ...splitWidth(st.width - term, Array.from({ length: n - 1 }, (_, i) => b.columns[i + 1]?.weight ?? 1))] : [st.width];
  const gap = twip(g.gap);
  const margins = (i: number) => ({ top: 0, bottom: gap, left: 0, right: i === 0 && n > 1 ? twip(8) : i < n - 1 ? twip(8) : 0 });
  const rule = { style: BorderStyle.SINGLE, size: 4, color: hex(theme.colors.rule) };
  const header = b.columns.length
    ? [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: widths.map((w, i) => {
            const c = b.columns[i];
            return cell(st, [para(st, SP.glossaryHead, c ? biRuns(c.text, { links: st.links }) : [], alignOf(b, i))], w, { margins: margins(i), borders: { top: none, left: none, right: none, bottom: rule } });
          }),
        }),
      ]
    : [];
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: widths.map((w, i) => {
          const c = r[i];
          const paras = !c
            ? []
            : i === 0 && n > 1
              ? [para(st, SP.glossaryTerm, biRuns(c.text, { links: st.links, style: '' }), alignOf(b, i))]
              : [...(['zh', 'en'] as const).filter((l) => hasText(c.text[l])).map((l) => para(st, l === 'zh' ? SP.glossaryZh : SP.glossaryEn, runs(st, c.text[l], l), alignOf(b, i))), ...sourceLine(st, c.source, SP.source, alignOf(b, i))];
          return cell(st, paras, w, { margins: margins(i) });
        }),
      }),
  );
  return [wordTable([...header, ...rows], widths, T.plain, { borders: noBorders }), ...marginNotes(st, b.notes)];
}

function alignOf(b: TableBlock, i: number) {
  const a = b.columns[i]?.align;
  return a ? { alignment: ALIGN[a] } : {};
}

/**
 * A Word table in the grid style: the caption (after the table's mark in the
 * reading edition), a repeated, shaded header row, rows that do not split,
 * each column aligned as the Doc says, a cell's source line small under its
 * text; the table's margin notes follow it.
 */
export function table(b: TableBlock, st: DocxState): BodyChild[] {
  if (slide(st)) return glossary(b, st);
  const widths = splitWidth(st.width, b.columns.map((c) => c.weight ?? 1));
  const mark = b.mark ? [textRun(b.mark, 'en', { style: C.marker }), textRun('  ', 'en')] : [];
  // A caption that only repeats the heading above it (the summary's 术语表 Glossary) is left out, as in the PDF.
  const shownCaption = b.caption && !repeatsHeading(b.caption, st) ? b.caption : undefined;
  const caption = shownCaption || b.mark ? [para(st, P.caption, [...mark, ...(shownCaption ? biRuns(shownCaption, { links: st.links }) : [])])] : [];
  const align = (i: number) => alignOf(b, i);
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
          anchor(st, c.id);
          const langs = (['zh', 'en'] as const).filter((l) => hasText(c.text[l]));
          const paras = langs.map((l) => para(st, l === 'zh' ? P.tableZh : P.tableEn, runs(st, c.text[l], l), align(i)));
          return cell(st, [...paras, ...sourceLine(st, c.source, P.source, align(i))], widths[i]);
        }),
      }),
  );
  return [...caption, wordTable([head, ...rows], widths, T.grid), ...marginNotes(st, b.notes)];
}
