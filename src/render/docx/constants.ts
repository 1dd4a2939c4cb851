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
  header: 'Header',
  footer: 'Footer',
  slideTitle: 'SlideTitle',
  slideTitleEn: 'SlideTitleEn',
  slideZh: 'SlideTextZh',
  slideEn: 'SlideTextEn',
  /** Compact slides: smaller headline and text, tighter spacing. */
  slideCompactTitle: 'SlideCompactTitle',
  slideCompactTitleEn: 'SlideCompactTitleEn',
  slideCompactZh: 'SlideCompactTextZh',
  slideCompactEn: 'SlideCompactTextEn',
  slideTimelineZh: 'SlideTimelineZh',
  slideTimelineEn: 'SlideTimelineEn',
} as const;

/** Character style ids. */
export const C = {
  en: 'EnglishInline',
  cite: 'Citation',
  marker: 'Marker',
  label: 'Label',
  hyperlink: 'Hyperlink',
} as const;

/** Table style ids. */
export const T = {
  grid: 'BriefTable',
  plain: 'PlainTable',
} as const;

/** Products that open with a table of contents. */
export const TOC_PRODUCTS: readonly string[] = ['summary'];

/** Heading of the table of contents. */
export const TOC_TITLE = { zh: '目录', en: 'Contents' } as const;

/** Indent of list text (and the English line under it), and the hanging marker width, in points. */
export const LIST_INDENT = { left: 20, hanging: 14 } as const;

/** Numbering references (Word lists). */
export const NUM = { bullet: 'brief-bullet', ordered: 'brief-ordered' } as const;

/** `w:lang` of every run: Latin text is English, East Asian text is Simplified Chinese. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
/** `dc:language` of the package. */
export const DOC_LANGUAGE = 'zh-CN';

/** Language tag of text written in one language (used by the tests' reader too). */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** The CJK face, embedded as a subset and named in every run's `w:eastAsia`. */
export const CJK_FONT = theme.fonts.cjk;
/** The Latin face named in every run's `w:ascii` / `w:hAnsi`. */
export const LATIN_FONT = theme.fonts.latin;
export const MONO_FONT = theme.fonts.mono;

/**
 * Curly quotes, em dashes and ellipses in English text: the CJK face draws them full-width ("Japan’ s"),
 * so in English runs they take a Latin face every system has or substitutes.
 */
export const LATIN_PUNCTUATION = /([\u2018\u2019\u201C\u201D\u2014\u2026]+)/u;
export const LATIN_PUNCTUATION_FONT = 'Arial';

/** Check-box glyphs (☐ / ☒) and a face that has them on Windows; other systems substitute. */
export const CHECKBOX = {
  unchecked: '2610',
  checked: '2612',
  font: 'Segoe UI Symbol',
} as const;

/** The paragraph mark shown before citations of source paragraphs. */
export const CITE_MARK = '¶';

/** Characters the renderer itself writes (separators, marks, digits for page numbers). */
export const RENDERER_CHARS = ` ¶·/:,:()()、—–•…●0123456789${CITE_MARK}${TOC_TITLE.zh}${TOC_TITLE.en}`;

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
