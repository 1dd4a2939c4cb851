/**
 * The title block. On A4: both titles, the product name, a rule, then the
 * facts of the article (label: value) in Chinese and English columns. On a
 * title slide, as the slide geometry says: the titles at the slide's title
 * size, the product on one line, then a row per fact: its label (both
 * languages) in the label column, its value in both languages (once when
 * they are the same).
 */
import type { BiInline, TitleBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, STYLES } from '../constants.js';
import { plainText } from '../inline.js';
import { slideSpec } from '../slide-spec.js';
import { biStack, blockGap, isSlide, runs, textNode, unit, wide, type Node, type PdfState } from '../state.js';
import { titleLines } from './slide.js';

/** Both languages of a short text on one line: Chinese, a space, English (one language when the two read the same). */
function oneLine(text: BiInline, st: PdfState, size: number, css: number): Node[] {
  const same = plainText(text.zh) === plainText(text.en);
  return [
    ...runs(text.zh, 'zh', st, size, css),
    ...(text.zh?.length && text.en?.length && !same ? runs([{ text: ' ' }], 'en', st, size, css) : []),
    ...(same ? [] : runs(text.en, 'en', st, size, css)),
  ];
}

function onSlide(b: TitleBlock, st: PdfState): Node {
  const t = slideSpec.title;
  const size = st.titleSize ?? t.sizes[0];
  const m = t.meta;
  const rows: Node[] = b.meta.map((row) => ({
    columns: [
      { width: m.labelWidth, text: oneLine(row.label, st, m.size, m.line), fontSize: m.size, color: theme.colors.muted, margin: [0, 0, 8, 0] },
      { width: '*', text: oneLine(row.value, st, m.size, m.line), fontSize: m.size, color: theme.colors.ink },
    ],
    columnGap: 0,
    margin: [0, 0, 0, m.gap],
  }));
  return {
    stack: [
      ...titleLines(b.title.zh, b.title.en, st, size, t.line, t.between, b.id),
      ...(b.subtitle ? [{ text: oneLine(b.subtitle, st, t.subtitle, slideSpec.body.line.zh), fontSize: t.subtitle, color: theme.colors.muted, margin: [0, t.gap, 0, 0] }] : []),
      ...(rows.length ? [{ stack: rows, margin: [0, t.gap, 0, 0] }] : []),
    ],
  };
}

export const title: Handler<PdfState, 'title', Node> = (b, st) => {
  if (isSlide(st)) return onSlide(b, st);
  const metaSize = theme.size.meta;
  const meta = b.meta.map((m) => [
    { text: [...runs(m.label.zh, 'zh', st, metaSize, LINE.note), ...runs([{ text: '\uFF1A' }], 'zh', st, metaSize, LINE.note), ...runs(m.value.zh, 'zh', st, metaSize, LINE.note)], fontSize: metaSize, color: theme.colors.muted },
    { text: [...runs(m.label.en, 'en', st, metaSize, LINE.note), ...runs([{ text: ': ' }], 'en', st, metaSize, LINE.note), ...runs(m.value.en, 'en', st, metaSize, LINE.note)], fontSize: metaSize, color: theme.colors.en },
  ]);
  const node: Node = {
    stack: [
      textNode(b.title.zh, 'zh', st, { fontSize: STYLES.title.fontSize, bold: true, color: theme.colors.ink, css: LINE.title, id: b.id }),
      textNode(b.title.en, 'en', st, { fontSize: STYLES.titleEn.fontSize, color: theme.colors.en, css: LINE.title, margin: [0, 4, 0, 0] }),
      ...(b.subtitle ? biStack(b.subtitle, st, { fontSize: theme.size.body, color: theme.colors.muted, css: LINE.heading, margin: [0, 4, 0, 0] }) : []),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH.a4, y2: 0, lineWidth: 1, lineColor: theme.colors.accent }], margin: [0, 8, 0, 8] },
      ...(meta.length ? [{ table: { widths: ['*', '*'], body: meta }, layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 1, paddingBottom: () => 1 } }] : []),
    ],
    margin: [0, 0, 0, blockGap(st) * 2],
  };
  return unit(st, wide(node), 'keep');
};
