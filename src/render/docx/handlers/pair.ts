import { TableRow } from 'docx';
import type { BiInline, PairBlock } from '../../../ir/types.js';
import { C, P, T } from '../constants.js';
import { hasText, textRun, type Piece } from '../runs.js';
import { cell, enStyle, noBorders, para, runs, slide, sourceLine, splitWidth, table, zhStyle, type BodyChild, type DocxState } from '../state.js';

/** Small labels (explicit / inferred) on one line: Chinese, a space, English. */
export function tagRuns(st: DocxState, tags: BiInline | undefined): Piece[] {
  if (!tags) return [];
  const zh = runs(st, tags.zh, 'zh', { style: C.roleTag });
  const en = runs(st, tags.en, 'en', { style: C.roleTag });
  return zh.length && en.length ? [...zh, textRun(' ', 'en'), ...en] : [...zh, ...en];
}

/**
 * Chinese and English: side by side (a border-less table) on pages and on
 * `columns` slides, stacked on other slides; a statement slide sets them large.
 * Tags go on a small line above, the source line small below.
 */
export function pair(b: PairBlock, st: DocxState): BodyChild[] {
  const marker = b.marker ? [textRun(`${b.marker}  `, 'en', { style: C.marker })] : [];
  const tags = hasText(b.tags?.zh) || hasText(b.tags?.en) ? [para(st, slide(st) ? P.slideSource : P.tags, tagRuns(st, b.tags), { keepNext: true })] : [];
  const statement = slide(st) && st.layout === 'statement';
  const zhS = statement ? P.slideStatementZh : zhStyle(st);
  const enS = statement ? P.slideStatementEn : enStyle(st);
  const zh = para(st, zhS, [...marker, ...runs(st, b.zh, 'zh')]);
  const en = para(st, enS, runs(st, b.en, 'en'));
  const source = sourceLine(st, b.source, slide(st) ? P.slideSource : P.source);
  if (slide(st) && st.layout !== 'columns') return [...tags, zh, en, ...source];
  const [wz, we] = splitWidth(st.width, [1, 1]);
  // The row may break across pages, so a long section summary flows instead of leaving the page's rest blank.
  return [...tags, table([new TableRow({ cantSplit: slide(st), children: [cell(st, [zh], wz), cell(st, [en], we)] })], [wz, we], T.plain, { borders: noBorders }), ...source];
}
