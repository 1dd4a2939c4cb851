/**
 * The typed article model. Everything downstream of `src/model` trusts this
 * shape and never looks at Markdown again. It knows nothing of HTML, PDF or DOCX.
 *
 * Guarantees of an Article the model returns (it returns none when a source
 * has an error):
 * - every string is non-empty where documented and holds no character the
 *   Unicode policy refuses (`src/text/unicode-policy.ts`: controls, bidi and
 *   zero-width characters, noncharacters, private use, characters the font
 *   cannot draw); span texts may hold '\n' for a hard line break;
 * - ids are unique in the file; every cite names a citable block; every
 *   recommendation's actor is one of `actors`.
 */

/** A run of inline text with flat formatting (enough for every backend). */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** Only http(s), mailto or `#anchor` targets survive the model. */
  href?: string;
  /** A footnote reference: the id of the `Footnote` (the span's text is its number). */
  footnote?: string;
}

/** A pair of plain strings, one per language. Both are always non-empty. */
export interface Bi {
  zh: string;
  en: string;
}

/** One actor a recommendation can address, declared in the front matter `actors:` (in display order). */
export interface Actor {
  /** `[a-z0-9-]` id that `:::recommendation{actor=…}` names. */
  id: string;
  zh: string;
  en: string;
}

/**
 * The actors of a source written before `actors:` existed (the first
 * article's five). A source without `actors:` uses them, with an
 * `actors-default` warning that shows the YAML to write.
 */
export const DEFAULT_ACTORS: readonly Actor[] = [
  { id: 'us', zh: '美国', en: 'United States' },
  { id: 'japan', zh: '日本', en: 'Japan' },
  { id: 'both', zh: '美日双方', en: 'Both governments' },
  { id: 'dicas', zh: 'DICAS 论坛', en: 'DICAS forum' },
  { id: 'industry', zh: '工业界', en: 'Industry' },
];

export const HORIZONS = ['now', 'near', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Labels of the horizons, in both languages. */
export const HORIZON_LABELS: Record<Horizon, Bi> = {
  now: { zh: '立即', en: 'Now' },
  near: { zh: '近期', en: 'Near term' },
  long: { zh: '长期', en: 'Long term' },
};

/*
 * The article body
 * ----------------
 * Each section (and the lede) holds its content as a list of typed blocks
 * (`BodyBlock`, discriminated by `kind`) in source order. Some blocks nest:
 * a quote holds blocks, a list holds items, an item holds nested lists.
 *
 * Citable blocks — paragraphs (also inside quotes), list items, tables and
 * footnote definitions — carry a stable `id` (written by the editor, or
 * generated from the section and position when the editor wrote none) and a
 * readable `mark` "S.P". Every citable block of a section is also listed, in
 * document order, in `paragraphs` (the name products know: every citation is
 * to a "paragraph" ¶).
 */

/** Fields every citable block has. */
export interface CitableBase {
  /**
   * Stable id, unique in the file (shared namespace with sections and editorial
   * items); the anchor every citation links to.
   */
  id: string;
  /**
   * True when the editor wrote no id and the model generated it as
   * `<section-id>-<P>` (`lede-<P>` before the first section), or with a
   * `-<k>` suffix (k = 2, 3, …) when that is taken. `briefwright fix` writes
   * generated ids into the source.
   */
  generatedId: boolean;
  /**
   * Readable mark "S.P": S = the section's 1-based number (0 for the lede),
   * P = the block's 1-based position among the section's citable blocks in
   * document order. Products print "¶S.P", never the id.
   */
  mark: string;
  /** Id of the enclosing section, or null for the lede. */
  sectionId: string | null;
  /** True inside a block quote: words the article quotes. */
  quoted: boolean;
  /** The block's full plain text (footnote references as their numbers; table cells joined by ` | `, rows by line breaks). */
  text: string;
  /** 1-based line of the block in the source (for messages and citations back to the file). */
  line: number;
}

/** A paragraph of the Chinese article body (at section level or inside a quote). */
export interface Paragraph extends CitableBase {
  kind: 'paragraph';
  /** Sub-topic label that opens the paragraph (e.g. `滑翔相拦截器(GPI)`), without the colon. */
  label?: Bi;
  /** `text` as formatted runs. */
  spans: Span[];
}

/** One item of a bulleted or numbered list: one paragraph of text and any nested lists. */
export interface ListItem extends CitableBase {
  kind: 'item';
  label?: Bi;
  spans: Span[];
  /** Lists nested under this item, in order. */
  lists: List[];
}

/** A GFM table; cited as a whole. */
export interface Table extends CitableBase {
  kind: 'table';
  /** From the `::table[中文标题]{#id en="English title"}` line before the table. */
  caption?: Bi;
  /** Alignment of each column, from the delimiter row. */
  align: ('left' | 'center' | 'right' | null)[];
  /** Header cells, one `Span[]` per column. */
  head: Span[][];
  /** Body rows, each exactly as many cells as the header (missing cells are empty). */
  rows: Span[][][];
}

/** A GFM footnote definition `[^label]: …`; its id is `fn-<label>`. */
export interface Footnote extends CitableBase {
  kind: 'footnote';
  /** The label as written (`1` for `[^1]`). */
  label: string;
  /** Number shown at references: order of first reference in the text (unreferenced notes last). */
  number: number;
  spans: Span[];
}

/** Every block a citation can point to. */
export type Citable = Paragraph | ListItem | Table | Footnote;

/** A bulleted or numbered list. Not citable itself: its items are. */
export interface List {
  kind: 'list';
  ordered: boolean;
  /** First number of a numbered list (`3.` → 3). */
  start?: number;
  items: ListItem[];
  line: number;
}

/** A block quote (`> …`): paragraphs, lists, tables and nested quotes, each citable on its own. */
export interface Quote {
  kind: 'quote';
  blocks: BodyBlock[];
  line: number;
}

/** A sub-heading inside a section: `### 中文 :en[English]{#id}` (depth 3) or `####` (depth 4). */
export interface SubHeading {
  kind: 'heading';
  depth: 3 | 4;
  zh: string;
  /** From `:en[…]`, when written. */
  en?: string;
  /** From `:en{#id}`, when written (an anchor, not citable). */
  id?: string;
  line: number;
}

/** Body content in source order. */
export type BodyBlock = Paragraph | List | Quote | Table | Footnote | SubHeading;

/** What the lede and every section have: blocks, and their citable blocks flattened. */
export interface BodyPart {
  /** 1-based section number (the S of marks); 0 for the lede. */
  number: number;
  blocks: BodyBlock[];
  /** Every citable block of the part (list items, quote paragraphs, tables, footnotes included) in document order. */
  paragraphs: Citable[];
}

export interface Section extends BodyPart {
  id: string;
  title: Bi;
  /** The editors' 2–4 sentence summary, in both languages. */
  summary: Bi;
}

export interface Takeaway {
  id: string;
  text: Bi;
  cites: string[];
}

export interface Recommendation {
  id: string;
  text: Bi;
  /** Id of one of `Article.actors`. */
  actor: string;
  horizon: Horizon;
  /** `explicit`: the article itself recommends it (a listed recommendation, or a must/should of its own); `implicit`: the editors infer it from the article's analysis. */
  kind: 'explicit' | 'implicit';
  /** Paragraph ids; the first is the paragraph the recommendation comes from. */
  cites: string[];
}

export interface Term {
  id: string;
  /** The acronym or short name as printed, e.g. `DICAS`, `SM-3 Block IIA`. */
  term: string;
  /** Expansion / name in each language. */
  name: Bi;
  /** One-sentence explanation in each language. */
  definition: Bi;
  cites: string[];
}

export const CERTAINTIES = ['inferred', 'uncertain'] as const;
/** `inferred`: the editors' inference, not given by the text; `uncertain`: the text's date admits another reading. */
export type CertaintyLevel = (typeof CERTAINTIES)[number];

/** A date the article does not state plainly, with the editors' note on why (both languages). */
export interface Certainty {
  level: CertaintyLevel;
  note: Bi;
}

export interface TimelineEvent {
  id: string;
  /** ISO date, precision as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** The article's own wording of the date when relative (e.g. `去年4月`). */
  asWritten?: string;
  text: Bi;
  cites: string[];
  /** Present when the date is inferred or uncertain; products then mark the date and show the note. */
  certainty?: Certainty;
}

export const SLIDE_KINDS = [
  'title',
  /** A divider between parts of the talk: its title large (and its points, if any, under it). */
  'section',
  'points',
  'takeaways',
  'recommendations',
  'timeline',
  'glossary',
  'source',
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export interface SlidePoint {
  text: Bi;
  cites: string[];
}

export interface SlideOutline {
  id: string;
  kind: SlideKind;
  title: Bi;
  /** Explicit points (kind `points`; optional elsewhere). */
  points: SlidePoint[];
  /** Short speaker notes. */
  notes: Bi;
  cites: string[];
}

export interface Original {
  outlet: string;
  author: Bi;
  title?: string;
  url?: string;
  date?: string;
}

export interface Article {
  slug: string;
  title: Bi;
  shortTitle: Bi;
  publisher: Bi;
  /** ISO date of the Chinese edition, `YYYY-MM-DD`. */
  date: string;
  original: Original;
  languages: string[];
  keywords: Bi[];
  /** Actors recommendations address, in display order (`DEFAULT_ACTORS` when the source declares none). */
  actors: Actor[];
  /** Content before the first section heading (section number 0). */
  lede: BodyPart;
  sections: Section[];
  takeaways: Takeaway[];
  recommendations: Recommendation[];
  glossary: Term[];
  timeline: TimelineEvent[];
  slides: SlideOutline[];
  /** Path of the source file as given to the builder (for messages only). */
  sourcePath: string;
}

/** Every citable block of the article body (lede first), in source order. */
export function allParagraphs(article: Article): Citable[] {
  return [...article.lede.paragraphs, ...article.sections.flatMap((s) => s.paragraphs)];
}

/** The declared actor a recommendation names (the model guarantees it exists). */
export function actorOf(article: Article, id: string): Actor {
  const actor = article.actors.find((a) => a.id === id);
  if (!actor) throw new Error(`Unknown actor ${id}`);
  return actor;
}
