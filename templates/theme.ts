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
    slideTitle: 26,
    slideTitleEn: 16,
    slideBody: 15,
    slideBodyEn: 12,
    slideSmall: 10,
  },
  lineHeight: { zh: 1.6, en: 1.4 },
  spacing: { paragraph: 6, block: 10, section: 16 },
  pages: {
    /** A4 portrait in PostScript points. */
    a4: { width: 595.28, height: 841.89, margin: [56, 64, 56, 56] as [number, number, number, number] },
    /** 16:9 slide, 10 × 5.625 in, in points. */
    slide: { width: 720, height: 405, margin: [36, 28, 36, 28] as [number, number, number, number] },
  },
} as const;

export type Theme = typeof theme;
