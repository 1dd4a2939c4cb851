/** A heading (kept with what follows it, see flow.ts); on pages, levels 1 and 2 are bookmarked. */
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { plainText } from '../inline.js';
import { blockGap, freshId, inset, isSlide, wide, runs, slideT, unit, type Node, type PdfState } from '../state.js';
import { theme } from '../../../theme/theme.js';

const LEVELS = { 1: STYLES.h1, 2: STYLES.h2, 3: STYLES.h3, 4: STYLES.h4 } as const;

export const heading: Handler<PdfState, 'heading', Node> = (b, st) => {
  const style = LEVELS[b.level];
  // On a slide a heading inside the content is a small bold lead-in at body size.
  const fontSize = isSlide(st) ? slideT(st).body : style.fontSize;
  const enSize = isSlide(st) ? slideT(st).bodyEn : Math.round(fontSize * 0.8 * 100) / 100;
  const hasZh = Boolean(b.text.zh?.length);
  const text: Node[] = [
    ...runs(b.text.zh, 'zh', st, fontSize, style.css),
    ...(hasZh && b.text.en?.length ? runs([{ text: '  ' }], 'en', st, enSize, style.css) : []),
    ...runs(b.text.en, 'en', st, enSize, style.css).map((n) => ({ ...n, ...STYLES.headingEn, fontSize: enSize })),
  ];
  const top = isSlide(st) ? slideT(st).gap / 2 : b.level === 1 ? theme.spacing.section : blockGap(st);
  const node: Node = {
    text,
    fontSize,
    bold: style.bold,
    color: style.color,
    margin: [0, top, 0, isSlide(st) ? 2 : theme.spacing.paragraph],
  };
  st.lastHeading = plainText(b.text.zh);
  const outlined = b.outline !== false && b.level <= 2 && !isSlide(st);
  const id = freshId(st, b.id) ?? freshId(st, st.pending.shift()) ?? (outlined ? `bw:outline-${++st.outlineCount}` : undefined);
  if (id) node.id = id;
  if (outlined) {
    node.outline = true;
    node.outlineText = [plainText(b.text.zh), plainText(b.text.en)].filter(Boolean).join(' · ');
    if (b.level === 1) st.outlineParent = id!;
    else if (st.outlineParent) node.outlineParentId = st.outlineParent;
  }
  const placed = st.indent > 0 ? inset(node, st.indent) : node;
  return unit(st, b.level <= 2 ? wide(placed) : placed, 'heading');
};
