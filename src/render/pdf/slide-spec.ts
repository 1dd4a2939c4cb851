/**
 * The slide geometry this backend draws with: the theme's `slideSpec` (the
 * sizes, line pitches, gaps and column widths the slides template fits
 * content by), read from src/theme/theme.ts. Until the theme carries it (the
 * templates branch adds it), the same values stand here, so that the backend
 * draws slides the way the templates will measure them.
 */
import * as themeModule from '../../theme/theme.js';

export interface SizePair {
  zh: number;
  en: number;
}

export interface SlideSpec {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  footer: { size: number };
  headline: { sizes: readonly SizePair[]; line: number; maxLines: number; between: number; after: number };
  source: { size: number; line: number; before: number };
  body: {
    normal: { zh: number; en: number; small: number; gap: number };
    compact: { zh: number; en: number; small: number; gap: number };
    line: { zh: number; en: number; small: number };
    between: number;
    marker: number;
    tagPad: number;
  };
  statement: { zh: number; en: number; line: { zh: number; en: number }; between: number };
  columns: { gutter: number };
  timeline: { date: SizePair; zh: number; en: number; note: number; line: { zh: number; en: number; note: number }; rule: number; gap: number };
  glossary: { term: number; zh: number; en: number; line: { zh: number; en: number }; termWidth: number; gap: number };
  title: { sizes: readonly SizePair[]; line: number; between: number; subtitle: number; meta: { size: number; line: number; labelWidth: number; gap: number }; gap: number };
  section: { sizes: readonly SizePair[]; line: number; between: number; gap: number };
}

/** The values of the templates' `slideSpec`, for a theme that does not carry it yet. */
const STANDIN: SlideSpec = {
  width: 720,
  height: 405,
  margin: { top: 28, right: 36, bottom: 28, left: 36 },
  footer: { size: 9 },
  headline: {
    sizes: [
      { zh: 26, en: 15 },
      { zh: 24, en: 14 },
      { zh: 22, en: 13 },
      { zh: 21, en: 13 },
    ],
    line: 1.2,
    maxLines: 2,
    between: 2,
    after: 12,
  },
  source: { size: 9, line: 1.45, before: 6 },
  body: {
    normal: { zh: 14, en: 12, small: 9.5, gap: 10 },
    compact: { zh: 12, en: 12, small: 9, gap: 6 },
    line: { zh: 1.45, en: 1.4, small: 1.4 },
    between: 2,
    marker: 26,
    tagPad: 10,
  },
  statement: { zh: 22, en: 15, line: { zh: 1.4, en: 1.35 }, between: 10 },
  columns: { gutter: 24 },
  timeline: { date: { zh: 13, en: 12 }, zh: 13, en: 12, note: 9.5, line: { zh: 1.4, en: 1.35, note: 1.35 }, rule: 24, gap: 8 },
  glossary: { term: 13, zh: 13, en: 12, line: { zh: 1.4, en: 1.35 }, termWidth: 150, gap: 8 },
  title: {
    sizes: [
      { zh: 32, en: 18 },
      { zh: 28, en: 16 },
      { zh: 24, en: 14 },
      { zh: 21, en: 13 },
    ],
    line: 1.2,
    between: 6,
    subtitle: 14,
    meta: { size: 11, line: 1.4, labelWidth: 120, gap: 3 },
    gap: 16,
  },
  section: {
    sizes: [
      { zh: 32, en: 18 },
      { zh: 28, en: 16 },
      { zh: 24, en: 14 },
      { zh: 21, en: 13 },
    ],
    line: 1.2,
    between: 6,
    gap: 20,
  },
};

/** The slide geometry: the theme's, or the stand-in until the theme carries one. */
export const slideSpec: SlideSpec = (themeModule as unknown as { slideSpec?: SlideSpec }).slideSpec ?? STANDIN;

/** Width and height of the content box inside the slide margins. */
export const slideContent = {
  width: slideSpec.width - slideSpec.margin.left - slideSpec.margin.right,
  height: slideSpec.height - slideSpec.margin.top - slideSpec.margin.bottom,
};
