/**
 * The theme: colours, type scale, spacing, page sizes and fonts. Read by every
 * backend (HTML, PDF, DOCX, PPTX), so a change here restyles every format.
 */
export const theme = {
  colors: {
    ink: '#1d232b',
    muted: '#5b6573',
    accent: '#9e1b32', // 砺道 red
    accentSoft: '#f6e7ea',
    rule: '#d5d9df',
    panel: '#f4f6f8',
    zh: '#1d232b',
    en: '#2f4a66',
    slideBg: '#ffffff',
    slideBand: '#9e1b32',
    white: '#ffffff',
  },
  fonts: {
    /** One family for Chinese and Latin text; the CJK face also covers Latin. */
    cjk: 'Noto Sans SC',
    /** Latin face named in DOCX/PPTX runs (ascii/hAnsi); falls back to the CJK face. */
    latin: 'Noto Sans SC',
    /**
     * The Latin face for English text (embedded like the CJK face; Han inside
     * English falls back to the CJK face). Backends move from `latin` to this.
     */
    en: 'Noto Sans',
    mono: 'Courier',
  },
  /** Type scale in points (PDF/DOCX/PPTX); HTML uses the same numbers in px × 4/3. */
  size: {
    title: 22,
    subtitle: 13,
    h1: 17,
    h2: 14,
    h3: 12,
    body: 10.5,
    small: 8.5,
    meta: 9,
    slideTitle: 24,
    slideTitleEn: 14,
    slideBody: 14,
    slideBodyEn: 11,
    slideSmall: 10,
    /** Compact slides: a slide whose content does not fit at the sizes above (never below 9 pt for Chinese body text). */
    slideCompactTitle: 19,
    slideCompactTitleEn: 12,
    slideCompact: 11,
    slideCompactEn: 9.5,
    slideCompactSmall: 7.5,
  },
  lineHeight: { zh: 1.6, en: 1.4, compactZh: 1.4, compactEn: 1.25 },
  spacing: { paragraph: 6, block: 10, section: 16, slideCompact: 4 },
  pages: {
    /** A4 portrait in PostScript points. */
    a4: { width: 595.28, height: 841.89, margin: [56, 64, 56, 56] as [number, number, number, number] },
    /** 16:9 slide, 10 × 5.625 in, in points. */
    slide: { width: 720, height: 405, margin: [36, 28, 36, 28] as [number, number, number, number] },
  },
} as const;

export type Theme = typeof theme;

/** How densely a slide is set: `compact` when its content does not fit at the normal slide sizes. */
export type SlideDensity = 'normal' | 'compact';

/** The type scale of a slide at one density, in points (line heights are ratios). */
export interface SlideType {
  title: number;
  titleEn: number;
  body: number;
  bodyEn: number;
  small: number;
  lineZh: number;
  lineEn: number;
  /** Space between items (points, pairs, list items). */
  gap: number;
}

/** Slide type scale for a density; every backend reads slide sizes from here. */
export function slideType(density: SlideDensity = 'normal'): SlideType {
  const s = theme.size;
  return density === 'compact'
    ? {
        title: s.slideCompactTitle,
        titleEn: s.slideCompactTitleEn,
        body: s.slideCompact,
        bodyEn: s.slideCompactEn,
        small: s.slideCompactSmall,
        lineZh: theme.lineHeight.compactZh,
        lineEn: theme.lineHeight.compactEn,
        gap: theme.spacing.slideCompact,
      }
    : {
        title: s.slideTitle,
        titleEn: s.slideTitleEn,
        body: s.slideBody,
        bodyEn: s.slideBodyEn,
        small: s.slideSmall,
        lineZh: theme.lineHeight.zh,
        lineEn: theme.lineHeight.en,
        gap: theme.spacing.block,
      };
}

/** Timeline labels on a slide at a density: date and Chinese text, English text, citations (points), column gap. */
export function slideTimeline(density: SlideDensity = 'normal'): { zh: number; en: number; cite: number; gap: number } {
  return density === 'compact' ? { zh: 9, en: 7.5, cite: 6, gap: 6 } : { zh: 11, en: 9.5, cite: 8, gap: 10 };
}
