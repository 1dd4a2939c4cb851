/** A native table: an accent header row, banded rows, each cell's citations small under its text. */
import { COLOR, FLOOR, GAP } from '../constants.js';
import { stack, type Drawn, type TableCellItem } from '../draw.js';
import type { Handler } from '../../state.js';
import { biLine, biParas, para, plain, runs } from '../inline.js';
import { textHeight } from '../measure.js';
import { bodySize, smallSize, textBox, type PptxState } from '../state.js';

export const table: Handler<PptxState, 'table', Drawn> = (b, env) => {
  const { width } = env;
  const padX = GAP.cellPadX * Math.min(1, env.scale);
  const padY = Math.max(1, GAP.cellPadY * Math.min(1, env.scale));
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const colW = weights.map((w) => (width * w) / total);
  const size = bodySize(env);
  const cellSize = { zh: Math.max(FLOOR.body, size.zh - 2), en: Math.max(FLOOR.body, size.en - 2) };
  const small = smallSize(env);
  const style = (header: boolean) => ({
    zh: { size: cellSize.zh, color: header ? COLOR.white : COLOR.zh, bold: header },
    en: { size: cellSize.en, color: header ? COLOR.white : COLOR.en, bold: header },
    kind: 'body' as const,
    gap: 1,
  });
  const align = (c: number) => b.columns[c]?.align;
  const header: TableCellItem[] = b.columns.map((c, i) => ({
    paras: biParas(c.text, { ...style(true), ...(align(i) ? { align: align(i) } : {}) }, env.links),
    fill: COLOR.accent,
  }));
  const body: TableCellItem[][] = b.rows.map((row, r) =>
    colW.map((_, c) => {
      const cell = row[c];
      const paras = cell ? biParas(cell.text, { ...style(false), ...(align(c) ? { align: align(c) } : {}) }, env.links) : [];
      const source = runs(cell?.source, 'en', { size: small, color: COLOR.muted }, env.links);
      if (source.length > 0) paras.push(para(source, 'small'));
      return { paras, fill: r % 2 === 1 ? COLOR.panel : COLOR.white };
    }),
  );
  const rows = [header, ...body];
  const rowH = rows.map((row) => Math.max(0, ...row.map((cell, c) => textHeight(cell.paras, colW[c] - 2 * padX))) + 2 * padY);
  const h = rowH.reduce((s, x) => s + x, 0);
  const parts: Drawn[] = [];
  if (b.caption && !(env.slideTitle !== undefined && env.slideTitle.startsWith(plain(b.caption.zh)) && plain(b.caption.zh) !== '')) {
    parts.push(textBox([para(biLine(b.caption, { size: small, color: COLOR.muted }, '  ', env.links), 'small')], width, 'small'));
  }
  // A table without columns has no cells to draw (its caption stays).
  if (colW.length > 0) {
    parts.push({ h, items: [{ kind: 'table', x: 0, y: 0, w: width, h, colW, rowH, rows, border: { color: COLOR.rule, width: 0.75 }, padX, padY }] });
  }
  return stack(parts, 4 * env.scale);
};
