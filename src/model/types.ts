/**
 * The typed article model. Everything downstream of `src/model` trusts this
 * shape and never looks at Markdown again. It knows nothing of HTML, PDF or DOCX.
 */

/** A run of inline text with flat formatting (enough for every backend). */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** Only http(s), mailto or `#anchor` targets survive the model. */
  href?: string;
}

/** A pair of plain strings, one per language. Both are always non-empty. */
export interface Bi {
  zh: string;
  en: string;
}

export const ACTORS = ['us', 'japan', 'both', 'dicas', 'industry'] as const;
export type Actor = (typeof ACTORS)[number];

export const HORIZONS = ['now', 'near', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Labels of the controlled vocabularies, in both languages. */
export const ACTOR_LABELS: Record<Actor, Bi> = {
  us: { zh: '美国', en: 'United States' },
  japan: { zh: '日本', en: 'Japan' },
  both: { zh: '美日双方', en: 'Both governments' },
  dicas: { zh: 'DICAS 论坛', en: 'DICAS forum' },
  industry: { zh: '工业界', en: 'Industry' },
};

export const HORIZON_LABELS: Record<Horizon, Bi> = {
  now: { zh: '立即', en: 'Now' },
  near: { zh: '近期', en: 'Near term' },
  long: { zh: '长期', en: 'Long term' },
};

/** One paragraph of the Chinese article body, addressable by a stable id. */
export interface Paragraph {
  /** Stable id written by the editor, e.g. `challenges-3`. */
  id: string;
  /** Id of the enclosing section, or null for the lede before the first section. */
  sectionId: string | null;
  /** Sub-topic label that opens the paragraph (e.g. `滑翔相拦截器(GPI)`), without the colon. */
  label?: Bi;
  /** The full plain text of the paragraph, label included, exactly as in the source. */
  text: string;
  /** The same text as formatted runs. */
  spans: Span[];
  /** True when the paragraph is an item of a bulleted list. */
  listItem: boolean;
  /** 1-based line of the paragraph in the source (for citations back to the file). */
  line: number;
}

/** Body content of a section in source order: paragraphs and bulleted lists. */
export type SectionBlock =
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'list'; items: Paragraph[] };

export interface Section {
  id: string;
  title: Bi;
  /** The editors' 2–4 sentence summary, in both languages. */
  summary: Bi;
  blocks: SectionBlock[];
  /** All paragraphs of the section, list items included, in order. */
  paragraphs: Paragraph[];
}

export interface Takeaway {
  id: string;
  text: Bi;
  cites: string[];
}

export interface Recommendation {
  id: string;
  text: Bi;
  actor: Actor;
  horizon: Horizon;
  /** `explicit`: one of the bulleted recommendations; `implicit`: a must/should statement. */
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
  /** Paragraphs before the first section heading. */
  lede: Paragraph[];
  sections: Section[];
  takeaways: Takeaway[];
  recommendations: Recommendation[];
  glossary: Term[];
  timeline: TimelineEvent[];
  slides: SlideOutline[];
  /** Path of the source file as given to the builder (for messages only). */
  sourcePath: string;
}

/** Every paragraph of the article body (lede first), in source order. */
export function allParagraphs(article: Article): Paragraph[] {
  return [...article.lede, ...article.sections.flatMap((s) => s.paragraphs)];
}
