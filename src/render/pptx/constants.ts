/**
 * Every number and name the PPTX backend uses, in one place. Geometry is in
 * PostScript points (the theme's unit); the emitter converts to inches.
 * Sizes come from the theme's slide type scale (`slideType`), never below the
 * floors of a projected slide: 9 pt for anything, 12 pt for body text, 21 pt
 * for titles (on the 10-inch slide; × 4/3 on a 13.33-inch one).
 */
import { slideType, theme } from '../../theme/theme.js';
import type { Lang } from '../../ir/types.js';

export const PT_PER_INCH = 72;

/** The 16:9 slide, 10 × 5.625 in. */
export const SLIDE = { width: theme.pages.slide.width, height: theme.pages.slide.height } as const;

/** Margins of the slide in points: the theme's sides, a tighter top and bottom for the chrome. */
export const MARGIN = { left: theme.pages.slide.margin[0], right: theme.pages.slide.margin[2], top: 20, bottom: 14 } as const;

export const CONTENT_WIDTH = SLIDE.width - MARGIN.left - MARGIN.right;

/** Size floors (points). */
export const FLOOR = { any: 9, body: 12, title: 21 } as const;

const t = slideType('normal');
const atLeast = (floor: number, size: number) => Math.max(floor, size);

/**
 * The type scale at scale 1 (points). A slide's content is set at the
 * largest scale that fits (SCALES), each size floored; headlines and
 * the title slide's lines shrink on their own down to the title floor.
 */
export const TYPE = {
  headline: { zh: atLeast(FLOOR.title, t.title + 2), en: atLeast(FLOOR.title, t.titleEn) },
  cover: { zh: atLeast(FLOOR.title, t.title + 12), en: atLeast(FLOOR.title, t.titleEn + 8) },
  section: { zh: atLeast(FLOOR.title, t.title + 10), en: atLeast(FLOOR.title, t.titleEn + 6) },
  body: { zh: atLeast(FLOOR.body, t.body + 2), en: atLeast(FLOOR.body, t.bodyEn + 2) },
  statement: { zh: atLeast(FLOOR.body, t.body * 2), en: atLeast(FLOOR.body, t.bodyEn * 1.5) },
  /** Labels, tags, citation lines, notes of dates, the footer. */
  small: atLeast(FLOOR.any, t.small),
  footer: FLOOR.any,
} as const;

/** Line pitch in ems of the size, per language: body text, headlines, small lines. */
export const PITCH = {
  body: { zh: 1.45, en: 1.3 },
  title: { zh: 1.25, en: 1.2 },
  small: { zh: 1.35, en: 1.3 },
} as const;

/** Font scales tried for a slide's content, largest first; sizes never go below their floors. */
export const SCALES = [1.3, 1.2, 1.1, 1, 0.93, 0.86, 0.8, 0.75, 0.7] as const;

/** Spacing at scale 1 (points). */
export const GAP = {
  /** Between blocks of a slide. */
  block: theme.spacing.block + 4,
  /** Between items of a list (points, recommendations, terms). */
  item: 12,
  /** Between the Chinese and the English of one item. */
  lang: 2,
  /** Left column of a marked row (number disc, check box, bar). */
  marker: 34,
  /** Between the two columns of a two-column layout. */
  gutter: 24,
  cellPadX: 6,
  cellPadY: 4,
  calloutPad: 10,
} as const;

/** Slide chrome (points). */
export const CHROME = {
  /** Red band across the top of content slides. */
  topBand: 5,
  /** Red band down the left edge of title, section and closing slides. */
  sideBand: 18,
  /** Short accent rule under a headline. */
  rule: { w: 48, h: 3, gap: 6 },
  /** Space between the headline block and the content. */
  contentGap: 12,
  /** Footer line (short title, slide number). */
  footer: 14,
  /** Space above the footer (or the source line). */
  footerGap: 8,
  /** Width of the slide-number box at the right of the footer. */
  numberWidth: 40,
  /** Lines a headline may take at its smallest size. */
  titleMaxLines: 3,
} as const;

/** Font faces per language: Chinese runs the CJK face, English runs the Latin face. */
export const FONT: Record<Lang, string> = { zh: theme.fonts.cjk, en: theme.fonts.en };

/** OOXML run languages. */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** Theme colours as the bare hex pptxgenjs wants. */
export const COLOR = Object.fromEntries(
  Object.entries(theme.colors).map(([k, v]) => [k, v.replace(/^#/, '').toUpperCase()]),
) as { [K in keyof typeof theme.colors]: string };

/** Measured widths are multiplied by this: rounding in each office suite (LibreOffice sets the faces at their advance widths). */
export const WIDTH_SAFETY = 1.01;

/**
 * Space LibreOffice adds where Asian and Latin text meet in a line (a fifth
 * of the text's height, Noto Sans SC's 1.448 em), in ems of the size.
 */
export const AUTOSPACE = 0.3;

/** Name written as the application in the package properties. */
export const APPLICATION = 'briefwright';
