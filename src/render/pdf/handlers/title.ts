/** The title block: both titles, the product name, a rule, then the facts of the article in two columns. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, STYLES } from '../constants.js';
import { inlineNodes } from '../inline.js';
import { sz, isSlide, biStack, blockGap, type Node, type PdfState } from '../state.js';

export const title: Handler<PdfState, 'title', Node> = (b, st) => {
  const slide = isSlide(st);
  const meta = b.meta.map((m) => [
    { text: [...inlineNodes(m.label.zh, 'zh'), '\uFF1A', ...inlineNodes(m.value.zh, 'zh')], ...STYLES.meta, fontSize: sz(theme.size.meta, st) },
    { text: [...inlineNodes(m.label.en, 'en'), ': ', ...inlineNodes(m.value.en, 'en')], ...STYLES.meta, fontSize: sz(theme.size.meta, st), color: theme.colors.en },
  ]);
  return {
    stack: [
      { text: inlineNodes(b.title.zh, 'zh'), ...STYLES.title, fontSize: sz(slide ? theme.size.slideTitle : theme.size.title, st) },
      { text: inlineNodes(b.title.en, 'en'), ...STYLES.titleEn, fontSize: sz(slide ? theme.size.slideTitleEn : theme.size.subtitle, st), margin: [0, 4, 0, 0] },
      ...(b.subtitle ? biStack(b.subtitle, st, { color: theme.colors.muted, margin: [0, 4, 0, 0] }) : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: slide ? 120 : CONTENT_WIDTH.a4, y2: 0, lineWidth: slide ? 3 : 1, lineColor: theme.colors.accent }],
        margin: [0, 8, 0, 8],
      },
      ...(meta.length
        ? [
            {
              table: { widths: ['*', '*'], body: meta },
              layout: 'noBorders',
            },
          ]
        : []),
    ],
    margin: [0, slide ? 60 : 0, 0, blockGap(st) * 2],
  };
};
