/**
 * The PDF render state (the shared one/all/unknown shape, src/render/state.ts)
 * and what the handlers share: text nodes in the face of their script with
 * roles and links, sizes for the page kind, block spacing, and the flow of
 * an A4 document (flow.ts decides its page breaks).
 */
import { onPaper } from '../../ir/media.js';
import type { BiInline, Block, Doc, Inline, Lang, SlideLayout } from '../../ir/types.js';
import { KEEP_WHOLE_CHARS, theme } from '../../theme/theme.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { LINE, READING, STYLES, slideSizes, type SlideSizes } from './constants.js';
import { slideSpec } from './slide-spec.js';
import { BODY_LINE, Flow, type UnitKind } from './flow.js';
import type { NotesDrift } from './notes-drift.js';
import { inlineNodes, type InlineOptions, type RoleStyle } from './inline.js';
import { Links } from './links.js';

/** Loose pdfmake node: the backend builds plain objects and pdfmake validates them. */
export type Node = Record<string, unknown>;

export interface PdfState extends Walk<Node> {
  doc: Doc;
  page: 'a4' | 'slide';
  links: Links;
  /** The flow units of an A4 document and their page-break rules. */
  flow: Flow;
  /** Body type of the slide being rendered (slides only; statement slides set their pair larger). */
  slide?: SlideSizes;
  /** Layout of the slide being rendered (slides only). */
  layout?: SlideLayout;
  /** Title sizes the template chose for the slide being rendered (its headline, title block or divider title). */
  titleSize?: { zh: number; en: number };
  /**
   * Slides not centred on their page: those that overflowed it (pdfmake's
   * vertical alignment of a cell that breaks across pages loses content).
   */
  uncentred: ReadonlySet<number>;
  /** Id of the current level-1 outline entry (parent of level-2 entries). */
  outlineParent: string | null;
  outlineCount: number;
  /** Plain Chinese text of the last heading (a table caption repeating it is not printed again). */
  lastHeading?: string;
  /** Inside the text column: indent (points) of nested lists and quotes, and the quote depth. */
  indent: number;
  quote: number;
  /** A list item's marker that the next passage draws in its indent (an item whose content is its children). */
  marker?: ListMarker;
  /** Rendering inside another block's unit (a callout row, a table cell): add no flow units. */
  nested: boolean;
  /** A table of contents: a list item that links to a heading of this Doc prints the heading's page number. */
  pageNumbers?: boolean;
  /**
   * Anchor ids of blocks that have no text node of their own to carry them
   * (a group, a quote, a callout): the next text node takes the first one
   * (shared by every copy of the state).
   */
  pending: string[];
  /** Anchor ids given to a node so far (shared): pdfmake refuses an id twice, and a Doc that repeats one gets it once. */
  used: Set<string>;
  /** The reading edition's margin notes, measured or set as they run on down the margin (notes-drift.ts; shared). */
  notesDrift?: NotesDrift;
}

/**
 * `node` set in from the left and right by `left` and `right` points, with
 * `top` and `bottom` space around it.
 *
 * Not with side margins: pdfmake takes a node's side margins off the width
 * when the node starts and gives them back when it ends, but a page break in
 * between, onto a page already laid out (the next page of a multi-column
 * row), resets the width without them — after the node every line is then
 * as much wider than its column (the lines of a summary ran ~6 pt past their
 * column after a list that broke across pages). A column group restores the
 * width it started with, so an inset is a row of columns.
 */
export function inset(node: Node, left: number, right = 0, top = 0, bottom = 0): Node {
  if (left <= 0 && right <= 0) return top || bottom ? { stack: [node], margin: [0, top, 0, bottom] } : node;
  const columns: Node[] = [];
  if (left > 0) columns.push({ width: left, text: '' });
  columns.push({ width: '*', stack: [node] });
  if (right > 0) columns.push({ width: right, text: '' });
  return { columns, columnGap: 0, ...(top || bottom ? { margin: [0, top, 0, bottom] } : {}) };
}

/** Marks a node that spans the whole width of the reading edition (its own mark and notes columns, a title, a section heading). */
export const WIDE = Symbol('wide');

export function wide(node: Node): Node {
  (node as Record<symbol, boolean>)[WIDE] = true;
  return node;
}

/**
 * `node` as a flow unit of the A4 flow (as it is on slides and inside another
 * unit). In the reading edition, a block without columns of its own (a
 * section summary, a list item with its text) stands in the text column,
 * between the marks and the margin notes.
 */
export function unit(st: PdfState, node: Node, kind: UnitKind, repeat?: () => Node): Node {
  if (st.nested) return node;
  const place = (n: Node): Node =>
    st.doc.product === 'reading' && st.page === 'a4' && !(n as Record<symbol, boolean>)[WIDE] ? inset(n, READING.mark + READING.gap, READING.notes + READING.gap) : n;
  return st.flow.add(place(node), kind, repeat && (() => place(repeat())));
}

/** A list item's bullet or number, the item's anchor id, and where it is drawn. */
export interface ListMarker {
  text: string;
  id?: string;
  width: number;
  /** Indent of the item (the marker's left edge). */
  indent: number;
}

export const isSlide = (st: PdfState) => st.page === 'slide';

/** A marker column: a list's bullet or number (or a footnote's label) beside its text. */
export function markerCell(text: string, st: PdfState, width: number, size: number, id?: string): Node {
  return anchor({ width, text: runs([{ text }], 'en', st, size), fontSize: size, color: theme.colors.accent, alignment: 'right' }, st, id);
}

/** The slide sizes in effect (the unscaled scale outside a slide). */
export const slideT = (st: PdfState): SlideSizes => st.slide ?? slideSizes('normal');

/** Body sizes for the current page kind. */
export function bodySize(lang: Lang, st: PdfState): number {
  if (isSlide(st)) return lang === 'zh' ? slideT(st).body : slideT(st).bodyEn;
  return theme.size.body;
}

/** Small text (citation lines, notes) for the current page kind. */
export function smallSize(st: PdfState): number {
  return isSlide(st) ? slideT(st).small : theme.size.small;
}

/** How the span roles look: citations small and linked, note references raised, terms dotted. */
export function roleStyles(): Partial<Record<NonNullable<Inline[number]['role']>, RoleStyle>> {
  return {
    cite: { scale: 0.85, color: theme.colors.accent },
    noteref: { sup: true, color: theme.colors.accent },
    term: { decoration: 'underline', decorationStyle: 'dotted' },
    mark: { color: theme.colors.muted },
    tag: { bold: true, scale: 0.85, color: theme.colors.accent },
    // The title of a work (the original article), as a citation sets it.
    ...({ title: { italics: true } } as Record<string, RoleStyle>),
  };
}

export interface TextOptions {
  fontSize?: number;
  /** CSS-like line height (× font size). */
  css?: number;
  /** A whole Chinese paragraph: its last line never holds one or two characters alone (`tail`), and its lines count as `body`. */
  paragraph?: boolean;
  /** Keep the text's last characters together (`TAIL_CHARS`), as a paragraph's, without counting its lines (a table cell, a note). */
  tail?: boolean;
  /** A small label set before the text, in a box (`PairBlock.tags`, `ListItem.tags` of this language). */
  tag?: Inline;
  /** Running text: its lines count for orphans and widows (flow.ts). Paragraphs always are. */
  body?: boolean;
  /** Anchor id (a named destination at the node's first line); else the next pending id, if any. */
  id?: string;
  [style: string]: unknown;
}

/** Inline runs as pdfmake inlines at a size, each in its own face, with roles and links. */
export function runs(spans: Inline | undefined, lang: Lang, st: PdfState, size: number, css?: number, paragraph = false): Node[] {
  const opts: InlineOptions = { size, minSize: smallSize(st), css, link: (ref) => st.links.resolve(ref), roles: roleStyles(), paragraph };
  return inlineNodes(spans, lang, opts);
}

/**
 * A text node of one language: Chinese in the CJK face, English in the Latin
 * face, at `fontSize` (default: body size) with a CSS-like line height that
 * each run gets in its own face.
 */
export function textNode(spans: Inline | undefined, lang: Lang, st: PdfState, opts: TextOptions = {}): Node {
  const { fontSize = bodySize(lang, st), css = lang === 'zh' ? lineZh(st) : lineEn(st), paragraph = false, tail = paragraph, body = false, id, tag, ...rest } = opts;
  const color = lang === 'zh' ? STYLES.zh.color : STYLES.en.color;
  const node: Node = { text: [...tagRuns(tag, lang, st, css), ...runs(spans, lang, st, fontSize, css, tail)], color, fontSize, ...rest };
  anchor(node, st, id);
  if (paragraph || body) (node as Record<symbol, number>)[BODY_LINE] = css * fontSize;
  return node;
}

const lineZh = (st: PdfState) => (isSlide(st) ? slideT(st).lineZh : LINE.zh);
const lineEn = (st: PdfState) => (isSlide(st) ? slideT(st).lineEn : LINE.en);

/**
 * A tag before text: its runs small, bold and accented on a tinted box, then
 * a space (the slides template leaves `tagPad` points for the box and space).
 */
export function tagRuns(tag: Inline | undefined, lang: Lang, st: PdfState, css: number): Node[] {
  if (!tag?.length) return [];
  const size = smallSize(st);
  const boxed = runs(tag, lang, st, size, css).map((n) => ({ ...n, fontSize: size, bold: true, color: theme.colors.accent, background: theme.colors.panel }));
  return [...boxed, ...runs([{ text: ' ' }], 'en', st, size, css)];
}

/** Give a text node an anchor id: `id`, else the next pending one (see `PdfState.pending`). */
export function anchor(node: Node, st: PdfState, id?: string): Node {
  const chosen = freshId(st, id) ?? freshId(st, st.pending.shift());
  if (chosen !== undefined) node.id = chosen;
  return node;
}

/** `id` if no node has it yet (and now this one does), else undefined. */
export function freshId(st: PdfState, id: string | undefined): string | undefined {
  if (id === undefined || st.used.has(id)) return undefined;
  st.used.add(id);
  return id;
}

/** Running text of one language at body size (a paragraph's text, one side of a pair). */
export function langText(spans: Inline | undefined, lang: Lang, st: PdfState, extra: TextOptions = {}): Node {
  return textNode(spans, lang, st, { paragraph: lang === 'zh', body: true, ...extra });
}

/** Both languages of a bilingual text, Chinese first, stacked. */
export function biStack(text: BiInline, st: PdfState, extra: TextOptions = {}): Node[] {
  const out: Node[] = [];
  if (text.zh?.length) out.push(textNode(text.zh, 'zh', st, extra));
  if (text.en?.length) out.push(textNode(text.en, 'en', st, extra));
  return out;
}

/**
 * The visible citation line of a block (its `source`: cite runs with refs,
 * placed by the template), printed small. Empty when there is none.
 */
export function sourceLine(source: Inline | undefined, st: PdfState, extra: TextOptions = {}): Node[] {
  if (!source?.length) return [];
  const lang: Lang = source.some((s) => /[\u3400-\u9fff]/u.test(s.text)) ? 'zh' : 'en';
  const size = isSlide(st) ? slideSpec.source.size : smallSize(st);
  const css = isSlide(st) ? slideSpec.source.line : LINE.small;
  return [textNode(source, lang, st, { fontSize: size, css, color: STYLES.source.color, ...extra })];
}

/** One bilingual tag as a small line (see `tagLine`). */
export function biTagLine(tags: BiInline | undefined, st: PdfState, extra: TextOptions = {}): Node[] {
  return tagLine(tags ? [tags] : [], st, extra);
}

/** Small labels (explicit / inferred …) as one small line: each label's Chinese and English. */
export function tagLine(tags: readonly BiInline[] | undefined, st: PdfState, extra: TextOptions = {}): Node[] {
  const list = (tags ?? []).filter((t) => t.zh?.length || t.en?.length);
  if (list.length === 0) return [];
  const size = smallSize(st);
  const text: Node[] = [];
  list.forEach((t, i) => {
    if (i > 0) text.push(...runs([{ text: '   ' }], 'en', st, size, LINE.small));
    if (t.zh?.length) text.push(...runs(t.zh, 'zh', st, size, LINE.small));
    if (t.zh?.length && t.en?.length) text.push(...runs([{ text: ' ' }], 'en', st, size, LINE.small));
    if (t.en?.length) text.push(...runs(t.en, 'en', st, size, LINE.small));
  });
  return [{ text, fontSize: size, bold: true, color: theme.colors.accent, ...extra }];
}

/** A one-cell table with a rule on its left (a cell's rows may break across pages): a quote's bar, a callout's box. */
export function leftRuled(
  content: Node,
  rule: { width: number; color: string },
  pad: { left: number; right: number; top: number; bottom: number },
): Node {
  return {
    table: { widths: ['*'], body: [[content]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? rule.width : 0),
      vLineColor: () => rule.color,
      paddingLeft: () => pad.left,
      paddingRight: () => pad.right,
      paddingTop: () => pad.top,
      paddingBottom: () => pad.bottom,
    },
  };
}

/** A block quote's rule beside `node`. */
function quoteBar(node: Node): Node {
  return leftRuled(node, { width: 2, color: theme.colors.rule }, { left: 10, right: 0, top: 0, bottom: 0 });
}

/** `node` placed in the text column: indented for nested lists and quotes, with a rule beside quoted text. */
export function textColumn(st: PdfState, node: Node): Node {
  let out = node;
  for (let q = 0; q < st.quote; q++) out = quoteBar(out);
  if (st.indent > 0) out = inset(out, st.indent);
  return out;
}

export function blockGap(st: PdfState): number {
  return isSlide(st) ? slideT(st).gap : theme.spacing.block;
}

/** Characters of every text run of a block (`text` fields of its spans). */
export function textLength(block: unknown): number {
  let n = 0;
  JSON.stringify(block, (key, v) => {
    if (key === 'text' && typeof v === 'string') n += v.length;
    return v;
  });
  return n;
}

/** Characters up to which a pair, list item or callout row moves whole to the next page rather than split (the theme's). */
export const MAX_KEEP_TEXT = KEEP_WHOLE_CHARS;

/**
 * `all` of the PDF state: blocks in order. On A4 each block's units join the
 * document's flow (see flow.ts): groups draw nothing of their own, so their
 * children join the flow of their parent.
 */
function all(this: PdfState, blocks: readonly Block[]): Node[] {
  return blocks.filter(onPaper).flatMap((b) => this.one(b));
}

/** A fresh state for one Doc. */
export function createState(
  fields: { doc: Doc; uncentred?: ReadonlySet<number>; notesDrift?: NotesDrift },
  handlers: Handlers<PdfState, Node>,
  unknown: Unknown<PdfState, Node>,
): PdfState {
  const page = fields.doc.page;
  return {
    ...walk(handlers, unknown),
    all,
    doc: fields.doc,
    page,
    links: new Links(fields.doc),
    flow: new Flow(page),
    uncentred: fields.uncentred ?? new Set(),
    outlineParent: null,
    outlineCount: 0,
    indent: 0,
    quote: 0,
    nested: false,
    pending: [],
    used: new Set(),
    ...(fields.notesDrift ? { notesDrift: fields.notesDrift } : {}),
  };
}
