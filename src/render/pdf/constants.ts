/**
 * Every constant of the PDF backend in one place: page geometry, styles and
 * identifiers. Colours, sizes and margins come from the shared theme.
 */
import { theme } from '../../theme/theme.js';
import { FAMILY, lineHeight } from './fonts.js';

export { FAMILY, lineHeight };

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

/** Side of the drawn checkbox of a checklist item, in points. */
export const CHECKBOX_SIZE = 11;
/** Radius of a timeline dot, in points. */
export const TIMELINE_DOT = 4;
/** Prefix of the ¶ paragraph-id line printed under cited points. */
export const CITE_MARK = '¶';
/** Id prefix of each slide's first node (used to find overflowing slides). */
export const SLIDE_ANCHOR = 'slide-anchor-';
/** How many times the slide deck is laid out again with smaller type before giving up. */
export const SLIDE_FIT_ATTEMPTS = 4;
/** Type scale factor applied per fitting attempt to a slide that overflowed. */
export const SLIDE_FIT_STEP = 0.88;

/** Named pdfmake styles; `fontSize` values are the theme's type scale. */
export const STYLES = {
  title: { fontSize: theme.size.title, bold: true, color: theme.colors.ink, lineHeight: lineHeight(1.3) },
  titleEn: { fontSize: theme.size.subtitle, color: theme.colors.en, lineHeight: lineHeight(1.3) },
  h1: { fontSize: theme.size.h1, bold: true, color: theme.colors.accent },
  h2: { fontSize: theme.size.h2, bold: true, color: theme.colors.ink },
  h3: { fontSize: theme.size.h3, bold: true, color: theme.colors.muted },
  headingEn: { bold: false, color: theme.colors.en },
  zh: { fontSize: theme.size.body, color: theme.colors.zh, lineHeight: lineHeight(theme.lineHeight.zh) },
  en: { fontSize: theme.size.body, color: theme.colors.en, lineHeight: lineHeight(theme.lineHeight.en) },
  lead: { fontSize: theme.size.subtitle },
  note: { fontSize: theme.size.small, color: theme.colors.muted, lineHeight: lineHeight(1.4) },
  meta: { fontSize: theme.size.meta, color: theme.colors.muted, lineHeight: lineHeight(1.4) },
  cites: { fontSize: theme.size.small, color: theme.colors.muted, lineHeight: lineHeight(1.2) },
  marker: { fontSize: theme.size.body, bold: true, color: theme.colors.accent },
  tableHeader: { fontSize: theme.size.meta, bold: true, color: theme.colors.ink },
  caption: { fontSize: theme.size.meta, bold: true, color: theme.colors.muted },
  running: { fontSize: theme.size.small, color: theme.colors.muted, lineHeight: lineHeight(1.2) },
} as const;

export type StyleName = keyof typeof STYLES;

/**
 * A heading that starts below this fraction of the page body, before a block
 * that cannot travel with it (a table, figure or callout), moves to the next page.
 */
export const HEADING_LAST_STRETCH = 0.88;
