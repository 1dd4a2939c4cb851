/** One slide on its own page: its headline (unless a title slide) and its blocks, at its fitted scale. */
import { theme, slideType } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { lineHeight, SLIDE_ANCHOR } from '../constants.js';
import { inlineNodes } from '../inline.js';
import { sz, compact, type Node, type PdfState } from '../state.js';

export const slide: Handler<PdfState, 'slide', Node> = (b, st) => {
  const scale = st.slideScale.get(b.number) ?? 1;
  const inner: PdfState = { ...st, scale, density: b.density ?? 'normal' };
  const t = slideType(inner.density);
  const anchor = `${SLIDE_ANCHOR}${b.number}`;
  const head: Node[] =
    b.layout === 'title'
      ? [{ text: '', id: anchor }]
      : [
          { text: inlineNodes(b.title.zh, 'zh'), id: anchor, bold: true, fontSize: sz(t.title, inner), color: theme.colors.ink, lineHeight: lineHeight(1.15) },
          { text: inlineNodes(b.title.en, 'en'), fontSize: sz(t.titleEn, inner), color: theme.colors.en, margin: [0, 2, 0, inner.density === 'compact' ? 8 : 12] },
        ];
  return {
    stack: [...head, ...inner.all(b.children)],
    ...(b.number > 1 ? { pageBreak: 'before' } : {}),
  };
};
