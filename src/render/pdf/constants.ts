/**
 * Every constant of the PDF backend in one place: page geometry, styles,
 * the slide type scale as this backend reads it, and identifiers. Colours,
 * sizes and margins come from the shared theme.
 */
import { theme } from '../../theme/theme.js';
import { slideSpec } from './slide-spec.js';
import { CJK_FAMILY, FAMILY, LATIN_FAMILY, lineHeight } from './fonts.js';

export { CJK_FAMILY, FAMILY, LATIN_FAMILY, lineHeight };

/** PDF version and conformance level written into every file. */
export const PDF_VERSION = '1.7';
export const PDF_SUBSET = 'PDF/A-2b';
/** Catalog /Lang and XMP dc:language of every document. */
export const PDF_LANG = 'zh-CN';
/** Producer and creator tool names written into Info and XMP. */
export const PRODUCER = 'briefwright (pdfmake, pdfkit)';

export const PAGE = {
  a4: { width: theme.pages.a4.width, height: theme.pages.a4.height, margins: theme.pages.a4.margin },
  slide: { width: theme.pages.slide.width, height: theme.pages.slide.height, margins: theme.pages.slide.margin },
} as const;

/** Content width of an A4 page and of a slide, in points. */
export const CONTENT_WIDTH = {
  a4: PAGE.a4.width - PAGE.a4.margins[0] - PAGE.a4.margins[2],
  slide: PAGE.slide.width - PAGE.slide.margins[0] - PAGE.slide.margins[2],
} as const;

/** Content height of an A4 page and of a slide, in points. */
export const CONTENT_HEIGHT = {
  a4: PAGE.a4.height - PAGE.a4.margins[1] - PAGE.a4.margins[3],
  slide: PAGE.slide.height - PAGE.slide.margins[1] - PAGE.slide.margins[3],
} as const;

/** Side of the drawn checkbox of a checklist item, in points. */
export const CHECKBOX_SIZE = 11;
/** Radius of a timeline dot, in points. */
export const TIMELINE_DOT = theme.timeline.dot;
/** Width of the timeline's rule, in points. */
export const TIMELINE_RULE = theme.timeline.rule;

/**
 * The reading edition's columns on A4: the paragraph mark in the left
 * column, the text, and its margin notes in the right column (points).
 */
export const READING = {
  mark: 30,
  notes: 132,
  gap: 12,
  /** Indent of a nested list level or a quote inside the text column. */
  indent: 16,
} as const;

/** CSS-like line heights (× font size) of the A4 styles. */
export const LINE = {
  zh: theme.lineHeight.zh,
  en: theme.lineHeight.en,
  title: 1.3,
  heading: 1.3,
  note: 1.4,
  small: 1.3,
} as const;

/** Named text styles (size, weight, colour, CSS-like line height); sizes are the theme's type scale. */
export const STYLES = {
  title: { fontSize: theme.size.title, bold: true, color: theme.colors.ink, css: LINE.title },
  titleEn: { fontSize: theme.size.subtitle, color: theme.colors.en, css: LINE.title },
  h1: { fontSize: theme.size.h1, bold: true, color: theme.colors.accent, css: LINE.heading },
  h2: { fontSize: theme.size.h2, bold: true, color: theme.colors.ink, css: LINE.heading },
  h3: { fontSize: theme.size.h3, bold: true, color: theme.colors.muted, css: LINE.heading },
  h4: { fontSize: theme.size.body, bold: true, color: theme.colors.muted, css: LINE.heading },
  headingEn: { bold: false, color: theme.colors.en },
  zh: { fontSize: theme.size.body, color: theme.colors.zh, css: LINE.zh },
  en: { fontSize: theme.size.body, color: theme.colors.en, css: LINE.en },
  lead: { fontSize: theme.size.subtitle },
  note: { fontSize: theme.size.small, color: theme.colors.muted, css: LINE.note },
  meta: { fontSize: theme.size.meta, color: theme.colors.muted, css: LINE.note },
  source: { fontSize: theme.size.small, color: theme.colors.muted, css: LINE.small },
  marker: { fontSize: theme.size.body, bold: true, color: theme.colors.accent },
  mark: { fontSize: theme.size.small, color: theme.colors.muted, css: LINE.zh },
  tableHeader: { fontSize: theme.size.meta, bold: true, color: theme.colors.ink },
  caption: { fontSize: theme.size.meta, bold: true, color: theme.colors.muted },
  running: { fontSize: theme.size.small, color: theme.colors.muted, css: LINE.small },
} as const;

export type StyleName = keyof typeof STYLES;

/**
 * Body type of a slide at a density, from the theme's slide geometry
 * (slide-spec.ts): the sizes the slides template fits content by. A slide is
 * never set smaller.
 */
export interface SlideSizes {
  body: number;
  bodyEn: number;
  small: number;
  gap: number;
  lineZh: number;
  lineEn: number;
  lineSmall: number;
}

export function slideSizes(density: 'normal' | 'compact' = 'normal'): SlideSizes {
  const b = slideSpec.body[density];
  const l = slideSpec.body.line;
  return { body: b.zh, bodyEn: b.en, small: b.small, gap: b.gap, lineZh: l.zh, lineEn: l.en, lineSmall: l.small };
}

/** Id prefix of each slide's first node (used to find overflowing slides). */
export const SLIDE_ANCHOR = 'bw:slide-';
/** Kept for worthRefitting (document.ts), which the build's tests check: slides are no longer shrunk to fit. */
export const SLIDE_FIT_ATTEMPTS = 4;
export const SLIDE_FIT_STEP = 0.88;

/** A break before a block is taken only when the page is already filled this far (page-fill). */
export const MIN_FILL = 0.6;
