/** A heading (kept with what follows it, see state.ts); on pages, levels 1 and 2 are bookmarked. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { inlineNodes, plainText } from '../inline.js';
import { sz, isSlide, blockGap, type Node, type PdfState } from '../state.js';

export const heading: Handler<PdfState, 'heading', Node> = (b, st) => {
  const style = b.level === 1 ? STYLES.h1 : b.level === 2 ? STYLES.h2 : STYLES.h3;
  const fontSize = sz(style.fontSize, st);
  const node: Node = {
    text: [
      ...inlineNodes(b.text.zh, 'zh'),
      ...(b.text.zh?.length && b.text.en?.length ? [{ text: '  ' }] : []),
      ...inlineNodes(b.text.en, 'en').map((n) => ({ ...n, ...STYLES.headingEn, fontSize: fontSize * 0.8 })),
    ],
    ...style,
    fontSize,
    margin: [0, b.level === 1 ? sz(theme.spacing.section, st) : blockGap(st), 0, sz(theme.spacing.paragraph, st)],
    headlineLevel: b.level,
  };
  st.lastHeading = plainText(b.text.zh);
  if (b.outline !== false && b.level <= 2 && !isSlide(st)) {
    const id = `outline-${++st.outlineCount}`;
    node.id = id;
    node.outline = true;
    node.outlineText = [plainText(b.text.zh), plainText(b.text.en)].filter(Boolean).join(' · ');
    if (b.level === 1) st.outlineParent = id;
    else if (st.outlineParent) node.outlineParentId = st.outlineParent;
  }
  return node;
};
