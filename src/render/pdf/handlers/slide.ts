/**
 * One slide on its own page, drawn by its layout:
 * - `title`: the title block (its titles at display size), centred on the page;
 * - `section`, `closing`: the slide's title at display size, centred, with
 *   any content under it;
 * - `statement`: the headline, then the content (one takeaway) at display
 *   size, centred in the rest of the slide;
 * - `columns`: the headline, then each pair's Chinese and English side by side;
 * - `points`, `content`, `timeline`, `checklist`, `glossary`: the headline,
 *   then the content as its blocks draw it.
 * The slide's citation line closes it, small. Sizes come from the theme's
 * slide type scale at the slide's fitting scale, never under the minimums
 * (constants.ts).
 */
import type { SlideBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_HEIGHT, CONTENT_WIDTH, LINE, SLIDE_ANCHOR, slideSizes, type SlideSizes } from '../constants.js';
import { plainText } from '../inline.js';
import { sourceLine, textNode, type Node, type PdfState } from '../state.js';

/** Rough lines a text takes at a size across the slide (CJK one em, Latin about half). */
function lines(text: string, size: number, width = CONTENT_WIDTH.slide): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.55;
  return Math.max(1, Math.ceil((ems * size) / width));
}

/** The slide's title, Chinese then English, at the given sizes. */
function titleLines(b: SlideBlock, st: PdfState, zh: number, en: number, align: 'left' | 'center'): Node[] {
  const out: Node[] = [];
  if (b.title.zh?.length) out.push(textNode(b.title.zh, 'zh', st, { fontSize: zh, bold: true, color: theme.colors.ink, css: 1.25, alignment: align, id: b.id }));
  if (b.title.en?.length) out.push(textNode(b.title.en, 'en', st, { fontSize: en, color: theme.colors.en, css: 1.25, alignment: align, margin: [0, 2, 0, 0], ...(b.title.zh?.length ? {} : { id: b.id }) }));
  return out;
}

/** Estimated height of the headline block (title lines and the space under it). */
function headlineHeight(b: SlideBlock, t: SlideSizes): number {
  return lines(plainText(b.title.zh), t.title) * t.title * 1.25 + lines(plainText(b.title.en), t.titleEn) * t.titleEn * 1.25 + 14;
}

/** `content` centred vertically in a box of (at least) `height` points (as it is when `plain`). */
function centred(content: Node[], height: number, plain = false): Node {
  if (plain) return { stack: content };
  return {
    table: { widths: ['*'], heights: [Math.max(0, height)], body: [[{ stack: content, verticalAlignment: 'middle' }]] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
  };
}

/**
 * No space under the last thing on a slide: a bottom margin that does not
 * fit on the page would start a page of its own.
 */
function trimBottom(nodes: Node[]): Node[] {
  const last = nodes[nodes.length - 1];
  if (!last) return nodes;
  const copy: Node = { ...last };
  if (Array.isArray(copy.margin)) copy.margin = [copy.margin[0], copy.margin[1], copy.margin[2], 0];
  if (Array.isArray(copy.stack)) copy.stack = trimBottom(copy.stack as Node[]);
  return [...nodes.slice(0, -1), copy];
}

export const slide: Handler<PdfState, 'slide', Node> = (b, st) => {
  const sizes = slideSizes(st.slideScale.get(b.number) ?? 1);
  const layout = b.layout === 'content' ? 'points' : b.layout;
  const t: SlideSizes = layout === 'statement' ? { ...sizes, body: sizes.display, bodyEn: sizes.displayEn } : sizes;
  const inner: PdfState = { ...st, slide: t, layout, indent: 0, quote: 0, nested: true, lastHeading: plainText(b.title.zh).replace(/[（(].*$/u, '') };
  const source = sourceLine(b.source, inner, { margin: [0, 6, 0, 0] });
  const sourceHeight = source.length ? lines(plainText(b.source), t.small) * t.small * LINE.small + 6 : 0;
  const room = CONTENT_HEIGHT.slide - sourceHeight - 4;
  const plain = st.uncentred.has(b.number);
  let body: Node[];
  if (layout === 'title') {
    if (b.id) st.pending.push(b.id);
    body = [centred(trimBottom(inner.all(b.children)), room, plain)];
  } else if (layout === 'section' || layout === 'closing') {
    const content = inner.all(b.children);
    body = [centred([...titleLines(b, inner, t.display, t.displayEn, 'left'), ...(content.length ? [{ stack: content, margin: [0, 14, 0, 0] }] : [])], room, plain)];
  } else {
    const headline: Node[] = [{ stack: titleLines(b, inner, t.title, t.titleEn, 'left'), margin: [0, 0, 0, 10] }];
    const content = inner.all(b.children);
    body = layout === 'statement' ? [...headline, centred(content, (room - headlineHeight(b, sizes)) * 0.9, plain)] : [...headline, ...content];
  }
  return {
    stack: [{ stack: trimBottom([...body, ...source]), id: `${SLIDE_ANCHOR}${b.number}` }],
    ...(b.number > 1 ? { pageBreak: 'before' } : {}),
  };
};
