/**
 * The title block: both titles, the product name, a rule, then the facts of
 * the article (label: value) in Chinese and English columns. On a title
 * slide, the titles at display size.
 */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, STYLES } from '../constants.js';
import { biStack, blockGap, wide, isSlide, runs, slideT, textNode, unit, type Node, type PdfState } from '../state.js';

export const title: Handler<PdfState, 'title', Node> = (b, st) => {
  const slide = isSlide(st);
  const t = slideT(st);
  // On a title slide the facts are body text (what a room reads), at the least body size.
  const metaSize = slide ? t.bodyEn : theme.size.meta;
  const meta = b.meta.map((m) => [
    { text: [...runs(m.label.zh, 'zh', st, metaSize, LINE.note), ...runs([{ text: '\uFF1A' }], 'zh', st, metaSize, LINE.note), ...runs(m.value.zh, 'zh', st, metaSize, LINE.note)], fontSize: metaSize, color: theme.colors.muted },
    { text: [...runs(m.label.en, 'en', st, metaSize, LINE.note), ...runs([{ text: ': ' }], 'en', st, metaSize, LINE.note), ...runs(m.value.en, 'en', st, metaSize, LINE.note)], fontSize: metaSize, color: theme.colors.en },
  ]);
  const zhSize = slide ? t.display : STYLES.title.fontSize;
  const enSize = slide ? t.displayEn : STYLES.titleEn.fontSize;
  const node: Node = {
    stack: [
      textNode(b.title.zh, 'zh', st, { fontSize: zhSize, bold: true, color: theme.colors.ink, css: LINE.title, id: b.id }),
      textNode(b.title.en, 'en', st, { fontSize: enSize, color: theme.colors.en, css: LINE.title, margin: [0, 4, 0, 0] }),
      ...(b.subtitle ? biStack(b.subtitle, st, { fontSize: slide ? t.body : theme.size.body, color: theme.colors.muted, css: LINE.heading, margin: [0, 4, 0, 0] }) : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: slide ? 120 : CONTENT_WIDTH.a4, y2: 0, lineWidth: slide ? 3 : 1, lineColor: theme.colors.accent }],
        margin: [0, slide ? 10 : 8, 0, slide ? 10 : 8],
      },
      ...(meta.length ? [{ table: { widths: ['*', '*'], body: meta }, layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 1, paddingBottom: () => 1 } }] : []),
    ],
    margin: [0, 0, 0, blockGap(st) * 2],
  };
  return unit(st, wide(node), 'keep');
};
