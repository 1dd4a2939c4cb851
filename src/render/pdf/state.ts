/**
 * The PDF render state (the shared one/all/unknown shape, src/render/state.ts)
 * and what the handlers share: sizes at the state's scale, bilingual text,
 * citation lines and block spacing. On paged documents `all` keeps a run of
 * headings with the short block after it (see `keepWithHeadings`).
 */
import type { BiInline, Block, Inline } from '../../ir/types.js';
import { slideType, theme, type SlideDensity } from '../../theme/theme.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { CITE_MARK, STYLES, lineHeight } from './constants.js';
import { inlineNodes } from './inline.js';

/** Loose pdfmake node: the backend builds plain objects and pdfmake validates them. */
export type Node = Record<string, unknown>;

export interface PdfState extends Walk<Node> {
  page: 'a4' | 'slide';
  /** Type scale factor (1 normally; smaller for a slide being fitted to its page). */
  scale: number;
  /** Per-slide scale factors, by slide number. */
  slideScale: Map<number, number>;
  /** Density of the slide being rendered (slides only). */
  density?: SlideDensity;
  /** Id of the current level-1 outline entry (parent of level-2 entries). */
  outlineParent: string | null;
  outlineCount: number;
  /** Plain Chinese text of the last heading (a table caption repeating it is not printed again). */
  lastHeading?: string;
}

export const sz = (n: number, st: PdfState) => Math.round(n * st.scale * 100) / 100;
export const isSlide = (st: PdfState) => st.page === 'slide';
/** Slide type scale of the slide being rendered. */
export const slideT = (st: PdfState) => slideType(st.density);
export const compact = (st: PdfState) => isSlide(st) && st.density === 'compact';

/** Body sizes for the current page kind. */
export function bodySize(lang: 'zh' | 'en', st: PdfState): number {
  if (isSlide(st)) return sz(lang === 'zh' ? slideT(st).body : slideT(st).bodyEn, st);
  return sz(theme.size.body, st);
}

export function langText(spans: Inline | undefined, lang: 'zh' | 'en', st: PdfState, extra: Node = {}): Node {
  return {
    text: inlineNodes(spans, lang),
    ...(lang === 'zh' ? STYLES.zh : STYLES.en),
    fontSize: bodySize(lang, st),
    ...(compact(st) ? { lineHeight: lineHeight(lang === 'zh' ? slideT(st).lineZh : slideT(st).lineEn) } : {}),
    ...extra,
  };
}

/** Both languages of a bilingual text, Chinese first, stacked. */
export function biStack(text: BiInline, st: PdfState, extra: Node = {}): Node[] {
  const out: Node[] = [];
  if (text.zh?.length) out.push(langText(text.zh, 'zh', st, extra));
  if (text.en?.length) out.push(langText(text.en, 'en', st, extra));
  return out;
}

/** The ¶ line naming the source paragraphs of a point. */
export function citeLine(cites: string[], st: PdfState, extra: Node = {}): Node[] {
  if (cites.length === 0) return [];
  return [
    {
      text: `${CITE_MARK} ${cites.join(', ')}`,
      ...STYLES.cites,
      fontSize: sz(isSlide(st) ? slideT(st).small * 0.8 : theme.size.small, st),
      ...extra,
    },
  ];
}

export function blockGap(st: PdfState): number {
  return sz(compact(st) ? slideT(st).gap : isSlide(st) ? theme.spacing.paragraph : theme.spacing.block, st);
}

/** Rows, events or children up to which a table, figure or callout counts as short. */
const SHORT_PARTS = 3;
/** Characters of text up to which a block counts as short (a third of a page, in the narrowest column). */
export const MAX_SHORT_TEXT = 1200;
/** Characters of text up to which a callout is boxed (a boxed callout cannot break across pages). */
export const MAX_BOXED_TEXT = 3000;

/** Characters of every text run of a block (`text` fields of its spans). */
export function textLength(block: Block): number {
  let n = 0;
  JSON.stringify(block, (key, v) => {
    if (key === 'text' && typeof v === 'string') n += v.length;
    return v;
  });
  return n;
}

/**
 * Blocks short enough (well under a page) to travel to the next page together
 * with their heading. Longer ones may break across pages, so they cannot sit in
 * an unbreakable stack (pdfmake drops what would fall on its second page).
 */
function isShort(b: Block): boolean {
  // However few its parts, a block with much text may be taller than a page.
  if (textLength(b) > MAX_SHORT_TEXT) return false;
  switch (b.type) {
    case 'pair':
    case 'paragraph':
    case 'checkItem':
      return true;
    case 'list':
      return b.items.length <= SHORT_PARTS * 2;
    case 'table':
      return b.rows.length <= SHORT_PARTS;
    case 'figure':
      return b.events.length <= SHORT_PARTS;
    case 'callout':
      return b.children.length <= SHORT_PARTS;
    default:
      return false;
  }
}

/** Groups draw nothing of their own on paged documents: lay their children out in the parent's flow. */
function flattenGroups(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => (b.type === 'group' ? flattenGroups(b.children) : [b]));
}

/**
 * `all` of the PDF state: blocks in order. On paged documents a run of
 * headings is kept with the short block after it (pdfmake's unbreakable
 * stack), so a heading never ends a page alone. pdfmake's `pageBreakBefore`
 * cannot see this case: nodes inside a table row that moved to the next page
 * still report the earlier page.
 */
function keepWithHeadings(this: PdfState, blocks: readonly Block[]): Node[] {
  if (isSlide(this)) return blocks.flatMap((b) => this.one(b));
  const flat = flattenGroups(blocks);
  const out: Node[] = [];
  for (let i = 0; i < flat.length; i++) {
    let j = i;
    while (flat[j]?.type === 'heading') j++;
    if (j > i && flat[j] && isShort(flat[j])) {
      // Inside an unbreakable stack nothing may ask for a page break (pdfmake would
      // split the stack and drop what falls on the second page): drop headlineLevel.
      const stack = flat.slice(i, j + 1).flatMap((b) => this.one(b).map(({ headlineLevel: _, ...node }) => node));
      out.push({ stack, unbreakable: true });
      i = j;
    } else {
      out.push(...this.one(flat[i]));
    }
  }
  return out;
}

/** A fresh state for one Doc. */
export function createState(
  fields: Omit<PdfState, keyof Walk<Node> | 'outlineParent' | 'outlineCount'>,
  handlers: Handlers<PdfState, Node>,
  unknown: Unknown<PdfState, Node>,
): PdfState {
  return { ...walk(handlers, unknown), all: keepWithHeadings, outlineParent: null, outlineCount: 0, ...fields };
}
