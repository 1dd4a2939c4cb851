/**
 * A native table, as the slide geometry sets a glossary (`slideSpec.glossary`):
 * the header row, then a row per entry; the first column (the term, bold,
 * both languages on one line) `termWidth` wide with `8` points of space on
 * its right, the others Chinese over English; each row as tall as its text
 * and `gap` points of padding; a rule under each row. A cell's citations are
 * small under its text.
 */
import type { BiInline, TableCell } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { COLOR } from '../constants.js';
import { stack, type Drawn, type Para, type Stroke, type TableCellItem } from '../draw.js';
import type { Handler } from '../../state.js';
import { biLine, biParas, para, plain } from '../inline.js';
import { textHeight } from '../measure.js';
import { metaLine, textBox, typeOf, type PptxState } from '../state.js';

/** Space right of every column but the last, and above and below each row's text. */
const SPACE = 8;

export const table: Handler<PptxState, 'table', Drawn> = (b, env) => {
  const g = slideSpec.glossary;
  const { width } = env;
  const n = b.columns.length;
  const small = typeOf(env).small;
  const parts: Drawn[] = [];
  const caption = plain(b.caption?.zh);
  // On a glossary slide the headline names the table (the geometry has no caption line); elsewhere the caption, unless it repeats the headline.
  if (b.caption && env.layout !== 'glossary' && !(env.slideTitle !== undefined && caption !== '' && env.slideTitle.startsWith(caption))) {
    const rs = biLine(b.caption, { size: small, color: COLOR.muted, small }, '  ', env.links);
    if (rs.length > 0) parts.push(textBox([para(rs, small * typeOf(env).line.small)], width, 'small'));
  }
  // A table without columns has no cells to draw (its caption stays).
  if (n === 0) return stack(parts, 0);
  const weights = b.columns.map((c) => c.weight ?? 1);
  const colW =
    n === 2
      ? [g.termWidth, width - g.termWidth]
      : weights.map((w) => (width * w) / (weights.reduce((s, x) => s + x, 0) || 1));
  const align = (c: number) => b.columns[c]?.align;
  const cellParas = (text: BiInline, c: number, header: boolean): Para[] => {
    const a = align(c) ? { align: align(c) } : {};
    const color = header ? COLOR.accent : COLOR.ink;
    if (c === 0) {
      // The term: bold, both languages on one line.
      const rs = biLine(text, { size: g.term, color, bold: true, small }, ' ', env.links);
      return rs.length > 0 ? [para(rs, g.term * g.line.zh, a)] : [];
    }
    return biParas(
      text,
      {
        zh: { size: g.zh, color: header ? COLOR.accent : COLOR.zh, line: g.line.zh, small, ...(header ? { bold: true } : {}) },
        en: { size: g.en, color: header ? COLOR.accent : COLOR.en, line: g.line.en, small, ...(header ? { bold: true } : {}) },
        ...(align(c) ? { align: align(c) } : {}),
      },
      env.links,
    );
  };
  const rule = (header: boolean): Stroke => (header ? { color: COLOR.accent, width: 1 } : { color: COLOR.rule, width: 0.75 });
  const cell = (paras: Para[], c: number, header: boolean): TableCellItem => ({
    paras,
    pad: [SPACE / 2, c < n - 1 ? SPACE : 0, SPACE / 2, 0],
    border: [null, null, rule(header), null],
  });
  const header = b.columns.map((col, c) => cell(cellParas(col.text, c, true), c, true));
  const body = b.rows.map((row) =>
    colW.map((_, c) => {
      const data: TableCell | undefined = row[c];
      const paras = data ? cellParas(data.text, c, false) : [];
      const meta = metaLine(env, { ...(data?.source ? { source: data.source } : {}) });
      if (meta) paras.push({ ...meta, spaceBefore: 1 });
      return cell(paras, c, false);
    }),
  );
  const rows = [header, ...body];
  const rowH = rows.map((row) => Math.max(0, ...row.map((x, c) => textHeight(x.paras, colW[c] - x.pad[1] - x.pad[3]))) + SPACE);
  const h = rowH.reduce((s, x) => s + x, 0);
  parts.push({ h, items: [{ kind: 'table', x: 0, y: 0, w: width, h, colW, rowH, rows }] });
  return stack(parts, 4);
};
