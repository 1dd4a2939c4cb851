/**
 * The document IR: a small, format-neutral discriminated union of blocks.
 * Templates produce it (`Article → Doc`); every backend renders it with one
 * handler per block type. Every block carries the ids of the source
 * paragraphs it derives from (`cites`), so every output can cite its source.
 */
import type { Span } from '../model/types.js';

export type { Span };

export type Lang = 'zh' | 'en';

/** Inline content: flat formatted runs. */
export type Inline = Span[];

/** Bilingual inline content. Either side may be absent for monolingual text. */
export interface BiInline {
  zh?: Inline;
  en?: Inline;
}

/** The products made of every article, in reading order (each has a template in templates/). */
export const PRODUCTS = ['summary', 'checklist', 'slides'] as const;
export type ProductName = (typeof PRODUCTS)[number];

/** What a Doc is: one article's product, or the site's index page (every article and file). */
export type DocProduct = ProductName | 'index';

interface BlockBase {
  /** Source paragraph ids this block derives from (may be empty). */
  cites: string[];
  /** Optional stable anchor id (unique within the Doc). */
  id?: string;
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
  level: 1 | 2 | 3;
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
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  items: { text: BiInline; cites: string[] }[];
}

export interface ChecklistItemBlock extends BlockBase {
  type: 'checkItem';
  /** Stable id of the recommendation; HTML keys saved state on it. */
  id: string;
  zh: Inline;
  en: Inline;
  actor: BiInline;
  horizon: BiInline;
  checked: boolean;
}

/** Done/total counter for the checklist items of the Doc. */
export interface ProgressBlock extends BlockBase {
  type: 'progress';
  total: number;
  label: BiInline;
}

export interface TableCell {
  text: BiInline;
  cites?: string[];
}

export interface TableBlock extends BlockBase {
  type: 'table';
  caption?: BiInline;
  /** Header cells; `weight` is a relative column width. */
  columns: { text: BiInline; weight?: number }[];
  rows: TableCell[][];
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
}

export interface TimelineFigure extends BlockBase {
  type: 'figure';
  kind: 'timeline';
  caption: BiInline;
  /** Events in date order; `date` is ISO with precision YYYY, YYYY-MM or YYYY-MM-DD. */
  events: { date: string; dateLabel: BiInline; text: BiInline; cites: string[] }[];
}

export type FigureBlock = TimelineFigure;

/** One 16:9 slide. Only appears at the top level of a `slides` Doc. */
export interface SlideBlock extends BlockBase {
  type: 'slide';
  id: string;
  /** 1-based position in the deck. */
  number: number;
  layout: 'title' | 'content';
  title: BiInline;
  children: Block[];
  /** Speaker notes. */
  notes?: BiInline;
  /** Type scale: `compact` (smaller type, tighter spacing) when the content does not fit at normal size. Defaults to `normal`. */
  density?: 'normal' | 'compact';
}

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
  | SlideBlock;

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
}

export interface Doc {
  product: DocProduct;
  /** Page geometry: A4 portrait, or 16:9 slides. */
  page: 'a4' | 'slide';
  meta: DocMeta;
  blocks: Block[];
}
