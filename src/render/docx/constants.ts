/**
 * Every name and number the DOCX backend writes: style ids, languages, fonts,
 * unit conversions and page geometry. Derived from `src/theme/theme.ts`, so a
 * change to the theme restyles the DOCX with the other formats.
 */
import { theme } from '../../theme/theme.js';
import type { Lang } from '../../ir/types.js';

/** Paragraph style ids. Built-in ones keep Word's ids so Word localises and restyles them. */
export const P = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  h4: 'Heading4',
  zh: 'TextZh',
  en: 'TextEn',
  lead: 'Lead',
  note: 'Note',
  meta: 'Meta',
  caption: 'Caption',
  callout: 'Callout',
  calloutTitle: 'CalloutTitle',
  checkItem: 'CheckItem',
  checkItemEn: 'CheckItemEn',
  checkMeta: 'CheckMeta',
  listZh: 'ListZh',
  listEn: 'ListEn',
  tableZh: 'TableTextZh',
  tableEn: 'TableTextEn',
  tableHead: 'TableHeading',
  timelineDate: 'TimelineDate',
  tocHeading: 'TOCHeading',
  toc1: 'TOC1',
  toc2: 'TOC2',
  /** Reading edition: a passage's mark, its text, its margin notes; a quoted passage. */
  passageMark: 'PassageMark',
  passage: 'Passage',
  quote: 'Quote',
  marginNote: 'MarginNote',
  marginNoteLabel: 'MarginNoteLabel',
  footnote: 'FootnoteText',
  /** Small lines of citations ("¶3.2") and labels under a block. */
  source: 'SourceLine',
  tags: 'Tags',
  timelineNote: 'TimelineNote',
  slideSource: 'SlideSource',
  slideFooter: 'SlideFooter',
  slideNote: 'SlideNote',
  slideStatementZh: 'SlideStatementZh',
  slideStatementEn: 'SlideStatementEn',
  slideSectionTitle: 'SlideSectionTitle',
  slideSectionTitleEn: 'SlideSectionTitleEn',
  commentText: 'CommentText',
  header: 'Header',
  footer: 'Footer',
  slideTitle: 'SlideTitle',
  slideTitleEn: 'SlideTitleEn',
  slideZh: 'SlideTextZh',
  slideEn: 'SlideTextEn',
  /** Compact slides: the smaller body type. */
  slideCompactZh: 'SlideCompactTextZh',
  slideCompactEn: 'SlideCompactTextEn',
  slideTimelineZh: 'SlideTimelineZh',
  slideTimelineDate: 'SlideTimelineDate',
  slideTimelineEn: 'SlideTimelineEn',
} as const;

/** Character style ids. */
export const C = {
  en: 'EnglishInline',
  cite: 'Citation',
  marker: 'Marker',
  label: 'Label',
  hyperlink: 'Hyperlink',
  /** Span roles: a citation mark, a footnote reference, a glossary term at its first use, a mark, a tag. */
  roleCite: 'CiteMark',
  roleNoteref: 'NoteReference',
  roleTerm: 'Term',
  roleMark: 'MarkLabel',
  roleTag: 'TagLabel',
  roleTitle: 'WorkTitle',
  code: 'CodeInline',
} as const;

/** Table style ids. */
export const T = {
  grid: 'BriefTable',
  plain: 'PlainTable',
} as const;

/**
 * Products that open with a table of contents (after the title block): its
 * entries are the level-1 and level-2 headings, each a link with the page
 * number as a PAGEREF field (see toc.ts). It has no heading of its own: the
 * Doc names none.
 */
export const TOC_PRODUCTS: readonly string[] = ['summary', 'reading'];

/** Indent of list text (and the English line under it), and the hanging marker width, in points. */
export const LIST_INDENT = { left: 20, hanging: 14 } as const;

/** Numbering references (Word lists); an ordered list with another start number gets a reference of its own. */
export const NUM = { bullet: 'brief-bullet', ordered: 'brief-ordered' } as const;

/** List levels Word numbering defines (nesting deeper than this stays at the last level). */
export const LIST_LEVELS = 6;

/** `w:lang` of every run: Latin text is English, East Asian text is Simplified Chinese. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
/** `dc:language` of the package. */
export const DOC_LANGUAGE = 'zh-CN';

/** Language tag of text written in one language (used by the tests' reader too). */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * The CJK face, embedded as a subset and named in every run's `w:eastAsia`.
 * The package pass renames it after its subsets ("Noto Sans SC 1a2b3c4d", see fonts.ts).
 */
export const CJK_FONT = theme.fonts.cjk;
/** The Latin face, embedded and named in every run's `w:ascii` / `w:hAnsi` / `w:cs`; renamed likewise. */
export const LATIN_FACE = theme.fonts.en;
/** Kept for callers of the former name: the face of ascii/hAnsi. */
export const LATIN_FONT = LATIN_FACE;
export const MONO_FONT = theme.fonts.mono;

/**
 * Punctuation Word may draw from the East Asian font (East Asian ambiguous
 * width: curly quotes, dashes, ellipsis, middle dot, bullet): the CJK face
 * draws them full-width ("Japan’ s"), so in English runs they are runs of
 * their own with the Latin face in every slot and an English East Asian
 * language, whichever slot Word picks.
 */
export const LATIN_PUNCTUATION = /([\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00B7\u2022]+)/u;

/** Check-box glyphs (☐ / ☒) and a face that has them on Windows; other systems substitute. */
export const CHECKBOX = {
  unchecked: '2610',
  checked: '2612',
  font: 'Segoe UI Symbol',
} as const;

/** Characters the renderer itself writes (separators, digits for page numbers, the timeline's dot, check boxes, the no-break space and hyphen of `nowrap` runs). */
export const RENDERER_CHARS = ` ·/:,()、—–•…●☐☒0123456789\u00A0\u2011`;

/**
 * The bookmark name of an anchor id. Word takes bookmark names of at most 40
 * letters, digits and underscores, starting with a letter; an id that is one
 * already is kept, any other becomes its letters and digits (`-` and the rest
 * as `_`, at most 30) and 8 hex digits of its hash, so distinct ids never
 * share a name. Every file computes the same name for an id, so a link from
 * another file finds it.
 */
export function bookmarkName(id: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(id)) return id;
  let h = 0x811c9dc5;
  for (const ch of id) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const base = id.replace(/[^A-Za-z0-9]/g, '_').slice(0, 30);
  return `${/^[A-Za-z]/.test(base) ? '' : 'b'}${base}_${h.toString(16).padStart(8, '0')}`.slice(0, 40);
}

/** The smallest type on a slide page (issue 16: nothing under 9 pt on the 720-pt-wide slide). */
export const SLIDE_MIN_PT = 9;

/** Points → twentieths of a point (twips). */
export const twip = (pt: number): number => Math.round(pt * 20);
/** Points → half-points (run sizes). */
export const half = (pt: number): number => Math.round(pt * 2);
/** `#rrggbb` → `rrggbb`. */
export const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();

export type PageKind = 'a4' | 'slide';

/** Page geometry in twips. Theme margins are [left, top, right, bottom] in points. */
export function pageGeometry(kind: PageKind): {
  width: number;
  height: number;
  margin: { left: number; top: number; right: number; bottom: number; header: number; footer: number };
  contentWidth: number;
} {
  const p = theme.pages[kind];
  const [left, top, right, bottom] = p.margin.map(twip);
  const width = kind === 'slide' ? 14400 : twip(p.width);
  const height = kind === 'slide' ? 8100 : twip(p.height);
  const edge = kind === 'slide' ? twip(12) : twip(28);
  return { width, height, margin: { left, top, right, bottom, header: edge, footer: edge }, contentWidth: width - left - right };
}
