/**
 * The DOCX render state (the shared one/all/unknown shape, src/render/state.ts)
 * and the one way a paragraph is made: `para` turns pieces into a Word
 * paragraph, opens the bookmarks of the blocks and items that start with it,
 * and notes which of its text Word will draw bold or italic, for the faces'
 * subsets.
 *
 * Blocks with `media: 'screen'` are not written. Every block's `id` (and
 * every item's, through `anchor`) becomes a bookmark on the first paragraph
 * made after it starts.
 */
import { Bookmark, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, WidthType } from 'docx';
import { anchorIds } from '../../ir/anchors.js';
import { onPaper } from '../../ir/media.js';
import type { BiInline, Block, Doc, Inline, Lang } from '../../ir/types.js';
import { walk, type Walk } from '../state.js';
import type { SizePair } from '../../theme/theme.js';
import { P, bookmarkName, twip, type PageKind } from './constants.js';
import { SP, bodyStyles, slideBody } from './slide-styles.js';
import { hasText, inlineRuns, plain, styledText, toChildren, type LinkContext, type Piece, type RunOptions } from './runs.js';
import { isBoldStyle, isItalicStyle } from './styles.js';

export type BodyChild = Paragraph | Table;

/** Text set in each style, gathered from every paragraph made (shared by every copy of the state). */
export interface TextTally {
  bold: string[];
  italic: string[];
  boldItalic: string[];
}

/** A Word comment made while rendering (speaker notes of a slide). */
export interface CommentDef {
  id: number;
  children: Paragraph[];
}

/** A list item's number or bullet, for the first paragraph made for it. */
export interface ListMarker {
  reference: string;
  level: number;
  instance: number;
}

export interface DocxState extends Walk<BodyChild> {
  page: PageKind;
  /** Width available to the block, in twips (shrinks inside table cells). */
  width: number;
  /** Numbering instances so far (each list restarts its numbering). */
  lists: { instance: number };
  /** Nesting depth of the list being rendered (0 outside lists). */
  listLevel: number;
  /** The marker of the list item whose first paragraph is still to come. */
  marker: { current: ListMarker | null };
  /** The Chinese text of the last heading drawn (shared): a caption that only repeats it is left out. */
  lastHeading?: { text: string };
  /**
   * Pieces around the text of the next paragraph with text (a slide's notes,
   * a comment, anchored on its title block's first line: LibreOffice sets a
   * paragraph holding only a comment's mark taller than its line).
   */
  around?: { current: ((pieces: Piece[]) => Piece[]) | null };
  /** Block types no handler knew. */
  unknown: string[];
  /** Density of the slide being rendered (slides only). */
  density?: 'normal' | 'compact';
  /** Layout of the slide being rendered (slides only; `content` is drawn as `points`). */
  layout?: string;
  /**
   * Slides: the items (pairs, list items, events aside) still to draw on the
   * slide. The template counts the slide's gap between items, not after the
   * last: each item but the last is followed by it (see `itemGap`).
   */
  items?: { left: number };
  /** Slides: the type sizes of the slide's title (its headline, cover or divider title), as the template chose them. */
  titleSize?: SizePair;
  /** Text set bold / italic so far (shared by every copy of the state). */
  tally: TextTally;
  /** Bookmarks to open on the next paragraph made, and those opened so far. */
  bookmarks: { pending: string[]; done: Set<string> };
  /** Links resolve against the Doc's product and anchors. */
  links: LinkContext;
  /** Publisher named as the author of comments. */
  author: string;
  /** Comments made so far (shared). */
  comments: CommentDef[];
  /** True inside a block quote. */
  quoted?: boolean;
  /** Whether some passage, table or footnote of the Doc has margin notes (passages then get a notes column). */
  marginNotes: boolean;
  /** Entries of the table of contents, when the Doc has one (shared). */
  toc?: TocEntry[];
  /** Bookmarks the table of contents opens on its first entry (the Doc's own contents group it replaces; shared). */
  tocAnchors?: string[];
  /** Ids of check items kept on the page of the item after them (the last but one: no lone last item). */
  keepWithNext: ReadonlySet<string>;
}

/** A heading listed in the table of contents, with the bookmark its page number refers to. */
export interface TocEntry {
  level: number;
  text: BiInline;
  bookmark: string;
}

type ParagraphOptions = Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'style' | 'children'>;

/** Note that the next paragraph opens the bookmark of `id` (once per id). */
export function anchor(st: Pick<DocxState, 'bookmarks'>, id: string | undefined): void {
  if (id === undefined || id === '') return;
  const name = bookmarkName(id);
  if (st.bookmarks.done.has(name) || st.bookmarks.pending.includes(name)) return;
  st.bookmarks.pending.push(name);
}

/** Note that the next paragraph opens the bookmark named `name` as it is (a `_Toc` bookmark). */
export function anchorRaw(st: Pick<DocxState, 'bookmarks'>, name: string): void {
  if (!st.bookmarks.done.has(name) && !st.bookmarks.pending.includes(name)) st.bookmarks.pending.push(name);
}

/** Pieces wrapped in the pending bookmarks (innermost last). */
function withBookmarks(st: Pick<DocxState, 'bookmarks'>, children: ReturnType<typeof toChildren>): ReturnType<typeof toChildren> {
  const names = st.bookmarks.pending.splice(0);
  let out = children;
  for (const name of names.reverse()) {
    st.bookmarks.done.add(name);
    out = [new Bookmark({ id: name, children: out })];
  }
  return out;
}

/**
 * A paragraph in `style` holding `pieces`: its bold/italic text is noted, the
 * pending bookmarks open on it, and the pending list marker numbers it.
 */
export function para(st: Pick<DocxState, 'tally' | 'bookmarks' | 'marker' | 'around'>, style: string, given: readonly Piece[], extra: ParagraphOptions = {}): Paragraph {
  let pieces = given;
  const around = st.around?.current;
  if (around && pieces.some((p) => p.kind !== 'raw')) {
    st.around!.current = null;
    pieces = around([...pieces]);
  }
  const t = styledText(pieces, isBoldStyle(style), isBoldStyle, isItalicStyle);
  if (t.bold) st.tally.bold.push(t.bold);
  if (t.italic) st.tally.italic.push(t.italic);
  if (t.boldItalic) st.tally.boldItalic.push(t.boldItalic);
  const marker = st.marker.current;
  st.marker.current = null;
  const numbering = marker ? { numbering: { reference: marker.reference, level: marker.level, instance: marker.instance } } : {};
  return new Paragraph({ style, children: withBookmarks(st, toChildren(pieces)), ...numbering, ...extra });
}

/** Inline runs with this Doc's links. */
export function runs(st: Pick<DocxState, 'links'>, inline: Inline | undefined, lang: Lang, opts: RunOptions = {}): Piece[] {
  return inlineRuns(inline, lang, { ...opts, links: st.links });
}

export const slide = (st: DocxState) => st.page === 'slide';
export const zhStyle = (st: DocxState) => (slide(st) ? bodyStyles(st.density).zh : P.zh);
export const enStyle = (st: DocxState) => (slide(st) ? bodyStyles(st.density).en : P.en);

/** The space after an item of a slide: the slide's gap when another item follows on the slide, else none. */
export function itemGap(st: DocxState): number {
  if (!st.items) return 0;
  st.items.left--;
  return st.items.left > 0 ? slideBody(st.density).gap : 0;
}

/** Paragraph spacing of `after` points below (the style's other spacing, its line pitch, stays). */
export const after = (pt: number) => ({ spacing: { after: twip(pt) } });

/** Paragraphs for each language present, zh first. */
export function biParagraphs(st: DocxState, text: BiInline, styles: { zh: string; en: string }, lead: Piece[] = []): Paragraph[] {
  const langs = (['zh', 'en'] as Lang[]).filter((l) => hasText(text[l]));
  if (langs.length === 0 && lead.length) return [para(st, styles.zh, lead)];
  return langs.map((l, i) => para(st, styles[l], [...(i === 0 ? lead : []), ...runs(st, text[l], l)]));
}

/** A small line of citation runs (a block's `source`), or nothing. */
export function sourceLine(st: DocxState, source: Inline | undefined, style: string = P.source, extra: ParagraphOptions = {}): Paragraph[] {
  if (!hasText(source)) return [];
  return [para(st, style, runs(st, source, /\p{Script=Han}/u.test((source ?? []).map((s) => s.text).join('')) ? 'zh' : 'en'), extra)];
}

export const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

export function cell(st: DocxState, children: BodyChild[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  // A cell must end with a paragraph (on a slide, one a point tall: the slide's height is measured).
  const body = children.length === 0 || children[children.length - 1] instanceof Table ? [...children, para(st, slide(st) ? SP.spacer : P.tableEn, [])] : children;
  return new TableCell({ children: body, width: { size: width, type: WidthType.DXA }, ...extra });
}

export function table(rows: ConstructorParameters<typeof Table>[0]['rows'], widths: number[], style: string, extra: Partial<ConstructorParameters<typeof Table>[0]> = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    style,
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    ...extra,
  });
}

/** Split a width into parts by weight, summing exactly to the width. */
export function splitWidth(width: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((width * w) / sum));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

type Fields = Pick<DocxState, 'page' | 'width'> & Partial<Pick<DocxState, 'toc' | 'tocAnchors'>>;

/** Ids of the check items of a Doc, in order. */
function checkItemIds(blocks: readonly Block[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (!onPaper(b)) continue;
    if (b.type === 'checkItem') out.push(b.id);
    if ('children' in b && Array.isArray(b.children)) checkItemIds(b.children, out);
  }
  return out;
}

/** A fresh state for one Doc's body. */
export function createState(doc: Doc, fields: Fields, handlers: Parameters<typeof walk<DocxState, BodyChild>>[0], unknown: Parameters<typeof walk<DocxState, BodyChild>>[1]): DocxState {
  const base = walk<DocxState, BodyChild>(handlers, unknown);
  return {
    ...base,
    one(this: DocxState, block: Block): BodyChild[] {
      if (!onPaper(block)) return [];
      anchor(this, block.id);
      return base.one.call(this, block);
    },
    all(this: DocxState, blocks: readonly Block[]): BodyChild[] {
      return blocks.flatMap((b) => this.one(b));
    },
    lists: { instance: 0 },
    listLevel: 0,
    marker: { current: null },
    lastHeading: { text: '' },
    around: { current: null },
    unknown: [],
    tally: { bold: [], italic: [], boldItalic: [] },
    bookmarks: { pending: [], done: new Set() },
    links: { product: doc.product, anchors: new Set(anchorIds(doc.blocks, onPaper)) },
    author: doc.meta.author,
    comments: [],
    keepWithNext: new Set(checkItemIds(doc.blocks).slice(-2, -1)),
    marginNotes: /"notes":\[\{/.test(JSON.stringify(doc.blocks)),
    ...fields,
  };
}

/** Whether a caption only repeats the heading just drawn (its Chinese, non-empty): then it is left out, as in the PDF. */
export function repeatsHeading(caption: BiInline | undefined, st: Pick<DocxState, 'lastHeading'>): boolean {
  const zh = plain(caption?.zh);
  return zh !== '' && zh === st.lastHeading?.text;
}
