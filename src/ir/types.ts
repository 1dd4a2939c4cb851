/**
 * The document IR: a small, format-neutral discriminated union of blocks.
 * Templates produce it (`Article → Doc`); every backend renders it with one
 * handler per block type.
 *
 * Templates decide WHAT is printed: every word, label, mark and link, which
 * blocks exist and how content splits across slides. Backends decide only
 * HOW a format draws it: a backend never prints a word that is not in the
 * Doc (no labels, footers or "¶" of its own) and never changes content
 * (text is normalised once, in the model).
 *
 * Every block carries the ids of the source paragraphs it derives from
 * (`cites`): provenance for machines, never printed by itself. What a reader
 * sees as a citation is an inline run with `role: 'cite'` and a `ref` to the
 * reading edition, placed by the template (usually in a block's `source`).
 */

export type Lang = 'zh' | 'en';

/**
 * A link to an anchor of a product of the same article. Every backend
 * resolves it the same way:
 * - HTML: `#anchor` when `product` is the Doc's own, else `<product>.html#<anchor>`
 *   (`<product>.html?range=<anchor>,<last>#<anchor>` for a range, see `last`);
 *   `local` is ignored (the reading page is one click away).
 * - PDF: `local` when the Doc holds a destination of that name (the "Sources
 *   cited" appendix), else `anchor` in this file when `product` is the Doc's
 *   own, else a GoToR action to `<product>.pdf`, named destination `anchor`.
 * - DOCX: likewise with bookmarks; across files an external hyperlink to
 *   `<product>.docx` (bookmark `anchor`).
 * - PPTX: a slide id of the deck → a jump to that slide; else `<product>.pdf`.
 * Every block and item id in a Doc is an anchor: an element id (HTML), a named
 * destination (PDF), a bookmark (DOCX).
 */
export interface Ref {
  product: DocProduct;
  anchor: string;
  /** Paged formats: an anchor of this same Doc to link to instead, when the Doc holds it. */
  local?: string;
  /**
   * A range ("¶3.2–3.5"): the anchor of its last block. The link goes to
   * `anchor`; HTML marks every block from `anchor` through `last` on arrival
   * (paged formats go to `anchor`).
   */
  last?: string;
}

/** A run of inline text with flat formatting. */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** External link from the source (http(s), mailto) or the original's address. */
  href?: string;
  /** Link to an anchor of a product of this article (see `Ref`). */
  ref?: Ref;
  /**
   * What the run is, for styling: a citation mark ("¶3.2"), a footnote
   * reference ("1"), a glossary term at its first use, a certainty or
   * continuation mark ("推断" / "inferred"), a small label ("原文建议"), the
   * title of a work (the original article: HTML `<cite>`).
   */
  role?: 'cite' | 'noteref' | 'term' | 'mark' | 'tag' | 'title';
  /**
   * Keep the run on one line: never break inside it (HTML `white-space:
   * nowrap`, pdfmake `noWrap`, non-breaking in DOCX/PPTX). Set on timeline
   * dates; the template leaves room for it.
   */
  nowrap?: boolean;
}

/** Inline content: flat formatted runs. */
export type Inline = Span[];

/** Bilingual inline content. Either side may be absent for monolingual text. */
export interface BiInline {
  zh?: Inline;
  en?: Inline;
}

/** The products made of every article, in reading order (each has a template in templates/). */
export const PRODUCTS = ['summary', 'checklist', 'slides', 'reading'] as const;
export type ProductName = (typeof PRODUCTS)[number];

/** What a Doc is: one article's product, or the site's index page (every article and file). */
export type DocProduct = ProductName | 'index';

interface BlockBase {
  /** Source paragraph ids this block derives from (may be empty): provenance, never printed by itself. */
  cites: string[];
  /** Optional stable anchor id (unique within the Doc). */
  id?: string;
  /**
   * Where the block is shown: `screen` only in interactive formats (HTML; e.g.
   * the checklist's progress counter); `print` only on paper: paged formats
   * (PDF, DOCX) and the HTML print stylesheet (e.g. the "Sources cited"
   * appendix). Absent: everywhere.
   */
  media?: 'screen' | 'print';
  /**
   * An introduction to the block after it (a list's lead-in): on paper it stays on that block's page, so a
   * heading and its lead-in are never left at the foot of a page with what they introduce on the next.
   */
  keepWithNext?: boolean;
}

/** Title block at the top of a document or title slide. */
export interface TitleBlock extends BlockBase {
  type: 'title';
  title: BiInline;
  subtitle?: BiInline;
  /** Label / value lines, e.g. publisher, date, original author and outlet. */
  meta: { label: BiInline; value: BiInline }[];
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  text: BiInline;
  /** Include in the document outline / bookmarks / TOC. Defaults to true. */
  outline?: boolean;
}

/** Monolingual running text. */
export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  lang: Lang;
  text: Inline;
  /** Presentation role; backends map each to a theme style. */
  role?: 'body' | 'lead' | 'note' | 'meta';
}

/** Chinese and English side by side (stacked where space is short). */
export interface PairBlock extends BlockBase {
  type: 'pair';
  zh: Inline;
  en: Inline;
  /** Optional short marker shown before the pair (e.g. `1`, `DICAS`, `2024-04`). */
  marker?: string;
  /** Small labels shown with the pair (e.g. explicit / inferred). */
  tags?: BiInline;
  /** The visible citation line (cite runs with refs), printed small. */
  source?: Inline;
}

export interface ListItem {
  /** Item text (may be empty when the item's content is its `children`). */
  text: BiInline;
  cites: string[];
  /** Anchor of the item. */
  id?: string;
  /** Blocks of the item after its text: a passage of the reading edition, a nested list. */
  children?: Block[];
  /** The visible citation line of the item. */
  source?: Inline;
  /**
   * Small labels of the item (e.g. explicit / inferred), each language before
   * the item's text in that language (see `slideSpec.body.tagPad`).
   */
  tags?: BiInline;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list (default 1). */
  start?: number;
  items: ListItem[];
}

/**
 * A note beside a passage: in the reading edition an item that cites it (in
 * full, or "详见第2.3段旁注 / In full beside ¶2.3" beside the next paragraph of a run citing it), or
 * a glossary term first used in it; in the "Sources cited" appendix where the
 * passage is in the reading edition, and the text of a footnote it refers to.
 */
export interface MarginNote {
  /** E.g. "要点 1" / "Takeaway 1", "建议 3" / "Recommendation 3", the term, "脚注 2" / "Footnote 2". */
  label: BiInline;
  text: BiInline;
  /** Where the item itself is (the summary's takeaway, the checklist's recommendation…). */
  ref?: Ref;
  /**
   * Languages of `text` that only a screen shows. On paper (PDF, DOCX) the
   * notes column is narrow and a paragraph's notes often run longer than its
   * text; there such a note is its label, in both languages, and its text in
   * the other language.
   */
  screenOnly?: readonly Lang[];
}

/**
 * One citable block of the article's text in the reading edition: a
 * paragraph, a list item's paragraph, a quoted paragraph or a footnote.
 * Backends show `mark` beside it (the id is its anchor) and its notes in the
 * margin (below it where the page is narrow). The summary's and checklist's
 * "Sources cited" appendix (a `media: 'print'` group) holds passages too,
 * each with one note whose cite run links its mark to the reading edition.
 */
export interface PassageBlock extends BlockBase {
  type: 'passage';
  id: string;
  /** Readable number, section.position: "3.2". */
  mark: string;
  /** The Chinese text (its label, if any, as a strong run at its start). */
  text: Inline;
  notes: MarginNote[];
}

/** A block quote of the article: its children are passages (or lists of them). */
export interface QuoteBlock extends BlockBase {
  type: 'quote';
  children: Block[];
}

/** Footnote definitions; references to them are runs `{ role: 'noteref', ref: { product: <own>, anchor: item.id } }`. */
export interface FootnotesBlock extends BlockBase {
  type: 'footnotes';
  items: { id: string; label: string; mark?: string; text: Inline; notes?: MarginNote[] }[];
}

export interface ChecklistItemBlock extends BlockBase {
  type: 'checkItem';
  /** Stable id of the recommendation; HTML keys saved state on it. */
  id: string;
  /** The item's number, shown before it (`3`): margin notes of the reading edition name it ("建议 3"). */
  marker?: string;
  zh: Inline;
  en: Inline;
  /** Actor and horizon, when the item shows them itself (not when its group's headings do). */
  actor?: BiInline;
  horizon?: BiInline;
  /** Small labels (e.g. explicit / inferred). */
  tags?: BiInline[];
  checked: boolean;
  /** The visible citation line. */
  source?: Inline;
}

/** Done/total counter for the checklist items of the Doc. */
export interface ProgressBlock extends BlockBase {
  type: 'progress';
  total: number;
  label: BiInline;
  /**
   * A control that clears every tick: its label and the question it asks
   * first (screen only; backends without controls leave it out).
   */
  reset?: { label: BiInline; confirm: BiInline };
}

export interface TableCell {
  text: BiInline;
  /** Anchor of the cell: a row's first cell names the row (a glossary entry, so a term's note links to it). */
  id?: string;
  cites?: string[];
  /** The visible citation line of the cell. */
  source?: Inline;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  caption?: BiInline;
  /** Header cells; `weight` is a relative column width. */
  columns: { text: BiInline; weight?: number; align?: 'left' | 'center' | 'right' }[];
  rows: TableCell[][];
  /** Reading edition: the table is a citable block with a readable number and margin notes. */
  mark?: string;
  notes?: MarginNote[];
}

export interface CalloutBlock extends BlockBase {
  type: 'callout';
  tone: 'key' | 'info' | 'note';
  title?: BiInline;
  children: Block[];
}

/** A group of blocks, e.g. a checklist group (actor) or a document section. */
export interface GroupBlock extends BlockBase {
  type: 'group';
  children: Block[];
  /**
   * The group is a table of contents of the Doc's level-1/2 headings (a
   * heading and a list of links). A backend that writes a table of contents
   * of its own with page numbers (DOCX) draws that instead of this group.
   */
  contents?: boolean;
}

export interface TimelineFigure extends BlockBase {
  type: 'figure';
  kind: 'timeline';
  caption: BiInline;
  /** Events in date order; `date` is ISO with precision YYYY, YYYY-MM or YYYY-MM-DD. */
  events: {
    id?: string;
    date: string;
    /**
     * The date as printed, certainty mark included ("2024年12月（存疑）"): each
     * language on ONE line, never broken (its runs are `nowrap`); on slides the
     * date column is as wide as the slide's widest date (see `slideSpec.timeline`).
     */
    dateLabel: BiInline;
    text: BiInline;
    /**
     * The certainty note of an inferred or uncertain date, led by a bold
     * "注：" / "Note: ": drawn with the event, small (the event's `text` is the
     * claim alone).
     */
    note?: BiInline;
    cites: string[];
    /** The visible citation line. */
    source?: Inline;
  }[];
  /**
   * On a slide of a timeline that runs over several slides: the date labels
   * of the whole timeline. The date column is as wide as the widest of these
   * (not only of the slide's own dates), so it lines up from slide to slide.
   */
  alignDates?: BiInline[];
}

export type FigureBlock = TimelineFigure;

/** One 16:9 slide. Only appears at the top level of a `slides` Doc. */
export interface SlideBlock extends BlockBase {
  type: 'slide';
  id: string;
  /** 1-based position in the deck. */
  number: number;
  layout: SlideLayout;
  title: BiInline;
  children: Block[];
  /** Speaker notes. */
  notes?: BiInline;
  /** Citations of the speaker notes (cite runs). */
  notesSource?: Inline;
  /** The small source line of the slide (cite runs). */
  source?: Inline;
  /**
   * Part `index` of `count` when the template continued content on further
   * slides (the words, "（续）" / "(continued)", are in the title). The first
   * part keeps the outline's id; later parts are `<id>-2`, `<id>-3`.
   */
  part?: { index: number; count: number };
  /**
   * Body type: `compact` (`slideSpec.body.compact`) only when a single item
   * does not fit at normal size (lists never shrink: they continue on the
   * next slide). Defaults to `normal`.
   */
  density?: 'normal' | 'compact';
  /**
   * Type sizes in points the template chose for the headline — on a `title`
   * or `section` slide, for the title block's / divider's title — within the
   * theme's bounds (`slideSpec.headline.sizes`, `slideSpec.title.sizes`,
   * `slideSpec.section.sizes`), so that it fits wrapped. Absent: the largest.
   */
  titleSize?: { zh: number; en: number };
  /**
   * The template measured the slide's content taller than the slide even at
   * its least sizes (hostile input: a title of thousands of characters; the
   * `text-too-long` warning): it runs on past the slide, so a backend that
   * centres a title, divider or statement sets it from the top instead.
   */
  runsOver?: true;
}

/**
 * Slide layouts, chosen by the template from the content (children listed):
 * - `title`: a title block (the article's title, the product, label/value rows;
 *   a second `title` slide, part 2, holds the original's rows when they do not fit);
 * - `section`: a divider: the slide's title large; any pairs below it;
 * - `statement`: one pair (a takeaway or point), large (`slideSpec.statement`);
 * - `columns`: pairs, each a row: Chinese left, English right;
 * - `points`: pairs (numbered when they have a marker), Chinese over English;
 * - `timeline`: one timeline figure, one row per event (<= 6);
 * - `checklist`: an ordered list of recommendations (`start` continues the
 *   numbering across parts), each item tagged explicit / inferred;
 * - `glossary`: a table (term | name), and on the last part of a deck without a
 *   closing slide, the source lines;
 * - `closing`: the source: label/value pairs and note lines.
 * `content` is the former general layout, an alias of `points`.
 */
export type SlideLayout = 'title' | 'section' | 'statement' | 'columns' | 'points' | 'timeline' | 'checklist' | 'glossary' | 'closing' | 'content';

export type Block =
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | PairBlock
  | ListBlock
  | ChecklistItemBlock
  | ProgressBlock
  | TableBlock
  | CalloutBlock
  | GroupBlock
  | FigureBlock
  | SlideBlock
  | PassageBlock
  | QuoteBlock
  | FootnotesBlock;

export type BlockType = Block['type'];

export interface DocMeta {
  /** Article slug; HTML keys saved checklist state on it. */
  articleId: string;
  title: BiInline;
  shortTitle: BiInline;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date `YYYY-MM-DD` of the article (the site's index has none). */
  date?: string;
  /** BCP 47 language of the document as a whole. */
  lang: 'zh-Hans';
  /** The original the article translates: HTML `<cite>` + link, PDF/XMP `dc:source`, DOCX core properties. */
  source?: { outlet: string; author: string; title?: string; url?: string; date?: string };
}

export interface Doc {
  product: DocProduct;
  /** Page geometry: A4 portrait, or 16:9 slides. */
  page: 'a4' | 'slide';
  meta: DocMeta;
  blocks: Block[];
}
