/** A native table: an accent header row, banded rows, citations in their cells. */
import { COLOR, GAP, SIZE } from '../constants.js';
import { stack, type Drawn, type TableCellItem } from '../draw.js';
import type { Handler } from '../../state.js';
import { biParas, citeRun, plain, runs } from '../inline.js';
import { textHeight } from '../measure.js';
import { sz, repeatsTitle, textBox, type PptxState } from '../state.js';

export const table: Handler<PptxState, 'table', Drawn> = (b, env) => {
  const { width } = env;
  const pad = GAP.cellPad * env.scale;
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const colW = weights.map((w) => (width * w) / total);
  const style = (header: boolean) => ({
    zh: { size: sz(SIZE.tableZh, env), color: header ? COLOR.white : COLOR.zh, bold: header },
    en: { size: sz(SIZE.tableEn, env), color: header ? COLOR.white : COLOR.en, bold: header },
    gap: 1,
  });
  const header: TableCellItem[] = b.columns.map((c) => ({ paras: biParas(c.text, style(true)), fill: COLOR.accent }));
  const body: TableCellItem[][] = b.rows.map((row, r) =>
    colW.map((_, c) => {
      const cell = row[c];
      const paras = cell ? biParas(cell.text, style(false)) : [];
      const cite = citeRun(cell?.cites ?? [], sz(SIZE.small, env));
      if (paras.length > 0 && cite.length > 0) paras[paras.length - 1].runs.push(...cite);
      return { paras, ...(r % 2 === 1 ? { fill: COLOR.panel } : { fill: COLOR.white }) };
    }),
  );
  const rows = [header, ...body];
  const rowH = rows.map((row) => Math.max(...row.map((cell, c) => textHeight(cell.paras, colW[c] - 2 * pad))) + 2 * pad);
  const h = rowH.reduce((s, x) => s + x, 0);
  const parts: Drawn[] = [];
  const caption = biParas(b.caption ?? {}, {
    zh: { size: sz(SIZE.small, env), color: COLOR.muted },
    en: { size: sz(SIZE.small, env), color: COLOR.muted },
  });
  if (caption.length > 0 && !repeatsTitle(plain(b.caption?.zh), env)) {
    parts.push(textBox([{ runs: caption.flatMap((p, i) => (i === 0 ? p.runs : [{ ...p.runs[0], text: ' ' }, ...p.runs])) }], width));
  }
  parts.push({
    h,
    items: [{ kind: 'table', x: 0, y: 0, w: width, h, colW, rowH, rows, border: { color: COLOR.rule, width: 0.75 }, pad }],
  });
  return stack(parts, 4 * env.scale);
};

