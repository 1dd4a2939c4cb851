/**
 * Every number and name the PPTX backend uses, in one place. Geometry is in
 * PostScript points (the theme's unit); the emitter converts to inches.
 *
 * Type sizes, line pitches, gaps and column widths are the theme's slide
 * geometry (`slideSpec`, src/theme/theme.ts): the values the slides template
 * fits content by. The deck is drawn at exactly those sizes on the 10-inch
 * slide (720 × 405 pt), never shrunk, so that a slide the template decided
 * fits, fits. What is here besides them is the deck's own chrome (bands,
 * rules, discs), drawn inside the margins and gaps the geometry leaves.
 */
import { slideContent, slideSpec, theme, type SizePair, type SlideDensity } from '../../theme/theme.js';
import type { Lang } from '../../ir/types.js';

export const PT_PER_INCH = 72;

/** The 16:9 slide, 10 × 5.625 in. */
export const SLIDE = { width: slideSpec.width, height: slideSpec.height } as const;

/** Margins of the slide in points (the theme's). */
export const MARGIN = slideSpec.margin;

/** The content box inside the margins. */
export const CONTENT = { x: MARGIN.left, y: MARGIN.top, w: slideContent.width, h: slideContent.height } as const;

/** Body type of a slide at a density: sizes, line pitches (ems), gaps (points). */
export interface BodyType {
  zh: number;
  en: number;
  small: number;
  gap: number;
  line: { zh: number; en: number; small: number };
  /** Between an item's Chinese and its English. */
  between: number;
}

export function bodyType(density: SlideDensity = 'normal'): BodyType {
  const b = slideSpec.body[density];
  return { zh: b.zh, en: b.en, small: b.small, gap: b.gap, line: slideSpec.body.line, between: slideSpec.body.between };
}

/** The headline's sizes when the slide does not say (`SlideBlock.titleSize` absent): the largest. */
export const HEADLINE_SIZE: SizePair = slideSpec.headline.sizes[0];

/** Slide chrome (points), inside the margins and gaps of the geometry. */
export const CHROME = {
  /** Red band across the top of content slides (inside the top margin). */
  topBand: 5,
  /** Red band down the left edge of title and section slides (inside the left margin). */
  sideBand: 14,
  /** Short accent rule under a headline, drawn in the space under it (`headline.after`). */
  rule: { w: 48, h: 2.5, gap: 4.5 },
  /** Footer line (short title, slide number), in the bottom margin. */
  footer: { y: SLIDE.height - MARGIN.bottom + 6, h: 14 },
  /** Width of the slide-number box at the right of the footer. */
  numberWidth: 40,
  /** Accent bar of an unnumbered item, hanging in the left margin: its width and its distance from the text. */
  bar: { w: 3.5, gap: 10 },
  /** Diameter of a number disc in the marker column (`slideSpec.body.marker` wide). */
  disc: 20,
  /** Space a tag's text keeps from the text after it (`slideSpec.body.tagPad` in all). */
  tagSpace: '\u2003',
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
