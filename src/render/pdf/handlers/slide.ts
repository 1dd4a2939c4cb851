/**
 * One slide on its own page, drawn as the theme's slide geometry says
 * (slide-spec.ts: the sizes, pitches, gaps and column widths the slides
 * template fits content by), by its layout:
 * - `title`: the title block (its title at the slide's `titleSize`), centred
 *   on the page;
 * - `section`: the slide's title large (`titleSize`), centred, any pairs below;
 * - `statement`: the headline, then its pair large, centred in the rest;
 * - `columns`: the headline, then each pair as a row, Chinese | English;
 * - `points`, `content`, `checklist`, `timeline`, `glossary`, `closing`: the
 *   headline, then the content as its blocks draw it on a slide.
 * The slide's citation line closes it, small. Speaker notes are not drawn (a
 * PDF page has none). A slide whose content still does not fit is not shrunk:
 * it runs onto another page (the tests report it as a template's error).
 */
import type { SlideBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_HEIGHT, SLIDE_ANCHOR, slideSizes, type SlideSizes } from '../constants.js';
import { plainText } from '../inline.js';
import { slideSpec, type SizePair } from '../slide-spec.js';
import { sourceLine, textNode, type Node, type PdfState } from '../state.js';

/** The slide's chosen title sizes (templates set them; the theme's largest otherwise). */
export function titleSizeOf(b: SlideBlock, sizes: readonly SizePair[]): SizePair {
  return (b as SlideBlock & { titleSize?: SizePair }).titleSize ?? sizes[0];
}

/** Chinese over English, bold Chinese, at a size pair and line pitch, with `between` points between them. */
export function titleLines(zh: SlideBlock['title']['zh'], en: SlideBlock['title']['en'], st: PdfState, size: SizePair, line: number, between: number, id?: string): Node[] {
  const out: Node[] = [];
  if (zh?.length) out.push(textNode(zh, 'zh', st, { fontSize: size.zh, bold: true, color: theme.colors.ink, css: line, id }));
  if (en?.length) out.push(textNode(en, 'en', st, { fontSize: size.en, color: theme.colors.en, css: line, margin: [0, out.length ? between : 0, 0, 0], ...(zh?.length ? {} : { id }) }));
  return out;
}

/** `content` centred vertically in a box of (at least) `height` points (as it is when `plain`). */
export function centred(content: Node[], height: number, plain = false): Node {
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

/** Layouts whose content is centred on the slide (set from the top instead when it runs over: `PdfState.uncentred`). */
export const CENTRED_LAYOUTS: ReadonlySet<string> = new Set(['title', 'section', 'statement']);

export const slide: Handler<PdfState, 'slide', Node> = (b, st) => {
  const layout = b.layout === 'content' ? 'points' : b.layout;
  const density = b.density === 'compact' ? 'compact' : 'normal';
  const base = slideSizes(density);
  const s = slideSpec.statement;
  const sizes: SlideSizes = layout === 'statement' ? { ...base, body: s.zh, bodyEn: s.en, lineZh: s.line.zh, lineEn: s.line.en } : base;
  const inner: PdfState = { ...st, slide: sizes, layout, indent: 0, quote: 0, nested: true, lastHeading: plainText(b.title.zh) };
  const source = sourceLine(b.source, inner, { margin: [0, slideSpec.source.before, 0, 0] });
  // Room above the source line (its lines estimated; the box only centres, it never holds content back).
  const sourceHeight = source.length ? slideSpec.source.before + slideSpec.source.size * slideSpec.source.line * 2 : 0;
  const room = CONTENT_HEIGHT.slide - sourceHeight;
  const plain = st.uncentred.has(b.number);
  let body: Node[];
  if (layout === 'title') {
    if (b.id) st.pending.push(b.id);
    body = [centred(trimBottom({ ...inner, titleSize: titleSizeOf(b, slideSpec.title.sizes) }.all(b.children)), room, plain)];
  } else if (layout === 'section') {
    const sec = slideSpec.section;
    const content = inner.all(b.children);
    const title = titleLines(b.title.zh, b.title.en, inner, titleSizeOf(b, sec.sizes), sec.line, sec.between, b.id);
    body = [centred([...title, ...(content.length ? [{ stack: trimBottom(content), margin: [0, sec.gap, 0, 0] }] : [])], room, plain)];
  } else {
    const h = slideSpec.headline;
    const size = titleSizeOf(b, h.sizes);
    const headline: Node = { stack: titleLines(b.title.zh, b.title.en, inner, size, h.line, h.between, b.id), margin: [0, 0, 0, h.after] };
    const content = inner.all(b.children);
    if (layout === 'statement') {
      const lines = (text: string, sz: number) => Math.max(1, Math.ceil(([...text].length * sz) / 648));
      const headlineHeight = lines(plainText(b.title.zh), size.zh) * size.zh * h.line + h.between + lines(plainText(b.title.en), size.en) * size.en * h.line * 0.6 + h.after;
      body = [headline, centred(trimBottom(content), (room - headlineHeight) * 0.9, plain)];
    } else {
      body = [headline, ...content];
    }
  }
  return {
    stack: [{ stack: trimBottom([...body, ...source]), id: `${SLIDE_ANCHOR}${b.number}` }],
    ...(b.number > 1 ? { pageBreak: 'before' } : {}),
  };
};
