import { TableRow } from 'docx';
import type { PairBlock } from '../../../ir/types.js';
import { C, T } from '../constants.js';
import { citeRuns, inlineRuns, textRun } from '../runs.js';
import { cell, enStyle, noBorders, para, slide, splitWidth, table, zhStyle, type BodyChild, type DocxState } from '../state.js';

/** Chinese and English: stacked on slides, side by side (a border-less table) on pages. */
export function pair(b: PairBlock, st: DocxState): BodyChild[] {
  const marker = b.marker ? [textRun(`${b.marker}  `, 'en', { style: C.marker })] : [];
  const zh = para(st, zhStyle(st), [...marker, ...inlineRuns(b.zh, 'zh')]);
  const en = para(st, enStyle(st), [...inlineRuns(b.en, 'en'), ...citeRuns(b.cites)]);
  if (slide(st)) return [zh, en];
  const [wz, we] = splitWidth(st.width, [1, 1]);
  return [table([new TableRow({ cantSplit: true, children: [cell(st, [zh], wz), cell(st, [en], we)] })], [wz, we], T.plain, { borders: noBorders })];
}
