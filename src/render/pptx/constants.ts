/**
 * Every number and name the PPTX backend uses, in one place. Geometry is in
 * PostScript points (the theme's unit); the emitter converts to inches.
 */
import { theme } from '../../theme/theme.js';
import type { Lang } from '../../ir/types.js';

export const PT_PER_INCH = 72;

const slidePage = theme.pages.slide;
/** Theme margins are `[left, top, right, bottom]`, as in the PDF backend. */
const [mLeft, mTop, mRight, mBottom] = slidePage.margin;

/** The 16:9 slide, 10 × 5.625 in. */
export const SLIDE = {
  width: slidePage.width,
  height: slidePage.height,
  left: mLeft,
  top: mTop,
  right: slidePage.width - mRight,
  bottom: slidePage.height - mBottom,
} as const;

export const CONTENT_WIDTH = SLIDE.right - SLIDE.left;

/** Slide chrome (bands, title area, footer) in points. */
export const CHROME = {
  /** Red band across the top of content slides. */
  topBand: 5,
  /** Red band down the left edge of title slides. */
  sideBand: 14,
  /** Gap between the English headline and the rule under it. */
  titleGap: 6,
  /** Gap between the rule and the content. */
  contentGap: 12,
  /** Height of the footer line (short title, slide number). */
  footer: 14,
  /** Gap between content and footer. */
  footerGap: 6,
  /** Width of the slide-number box at the right of the footer. */
  numberWidth: 48,
  /** The headline may wrap to this many lines before it shrinks. */
  titleMaxLines: 2,
} as const;

/** Font faces per language: Chinese runs name the CJK face; every run's East Asian slot names it too. */
export const FONT: Record<Lang, string> = { zh: theme.fonts.cjk, en: theme.fonts.latin };
export const EA_FONT = theme.fonts.cjk;

/** OOXML run languages. */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** Theme colours as the bare hex pptxgenjs wants. */
export const COLOR = Object.fromEntries(
  Object.entries(theme.colors).map(([k, v]) => [k, v.replace(/^#/, '').toUpperCase()]),
) as { [K in keyof typeof theme.colors]: string };

/** Point sizes at scale 1. */
export const SIZE = {
  titleSlideZh: 28,
  titleSlideEn: 17,
  titleSlideSubtitle: 12,
  headlineZh: theme.size.slideTitle,
  headlineEn: theme.size.slideTitleEn,
  bodyZh: theme.size.slideBody,
  bodyEn: theme.size.slideBodyEn,
  small: theme.size.slideSmall,
  tableZh: 13,
  tableEn: 11,
  timelineDate: 11,
  timelineZh: 12,
  timelineEn: 10,
} as const;

/** Never shrink text below this size when fitting a slide. */
export const MIN_FONT_SIZE = 8;

/**
 * Height of one line in ems at 100 % line spacing. Noto Sans SC's ascender
 * plus descender is 1.448 em; office suites use it as the single line box.
 */
export const LINE_EMS = 1.45;

/** Spacing in points at scale 1. */
export const GAP = {
  block: theme.spacing.block,
  para: 2,
  item: 8,
  markerColumn: 30,
  barWidth: 4,
  cellPad: 5,
  calloutPad: 10,
} as const;

/** Fit loop: scale steps tried in order until the content fits. */
export const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6] as const;

/** Widths of ASCII 32–126 in Noto Sans SC, 1/1000 em (regular, bold). */
export const ASCII_WIDTHS = {
  regular: [
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555,
    555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742,
    633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564,
    607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
  ],
  bold: [
    227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590, 590, 590, 590,
    590, 590, 325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770,
    667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590, 567, 626, 591, 644, 527, 644, 581, 372, 597,
    640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 437, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
  ],
} as const;

/** Measured widths are multiplied by this, so a fallback face a little wider still fits. */
export const WIDTH_SAFETY = 1.06;

/** Name written as the application in the package properties. */
export const APPLICATION = 'briefwright';
