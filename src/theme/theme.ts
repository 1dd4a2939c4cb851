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
    /*
     * Slides (points on the 720 × 405 pt slide; × 4/3 at 13.33 × 7.5 in): titles >= 21, body >= 12,
     * nothing under 9. The full geometry the templates fit content by is `slide` below.
     */
    slideTitle: 26,
    /** The English line of a headline: the title's translation, set as its subtitle (>= the body minimum). */
    slideTitleEn: 15,
    slideBody: 14,
    slideBodyEn: 12,
    /** Tags, certainty notes, the glossary foot. */
    slideSmall: 9.5,
    /** Compact slides: one item too long for the normal sizes (lists never shrink: they continue on the next slide). */
    slideCompactTitle: 21,
    slideCompactTitleEn: 13,
    slideCompact: 12,
    slideCompactEn: 12,
    slideCompactSmall: 9,
  },
  lineHeight: { zh: 1.6, en: 1.4, compactZh: 1.4, compactEn: 1.25 },
  spacing: { paragraph: 6, block: 10, section: 16, slideCompact: 4 },
  /** The timeline's marks, in points: a dot's radius and the rule's width. */
  timeline: { dot: 4, rule: 1.5 },
  pages: {
    /** A4 portrait in PostScript points. */
    a4: { width: 595.28, height: 841.89, margin: [56, 64, 56, 56] as [number, number, number, number] },
    /** 16:9 slide, 10 × 5.625 in, in points (pdfmake order: left, top, right, bottom; see `slideSpec`). */
    slide: { width: 720, height: 405, margin: [36, 28, 36, 28] as [number, number, number, number] },
  },
} as const;

export type Theme = typeof theme;

/** How densely a slide is set: `compact` when one item does not fit at the normal slide sizes. */
export type SlideDensity = 'normal' | 'compact';

/** A Chinese / English pair of type sizes in points. */
export interface SizePair {
  zh: number;
  en: number;
}

/**
 * The slide geometry every backend draws and every slide template fits
 * content by, in points on the 720 × 405 pt slide (PPTX at 10 × 5.625 in: the
 * same numbers; HTML at 1280 × 720 px: × 16/9). Templates split content so
 * that, set with these sizes, line pitches and gaps, it fits the body box;
 * a backend draws with them and never shrinks below them.
 *
 * Line pitches (`line`) are baseline-to-baseline distances as multiples of the
 * type size (CSS `line-height`). The faces' own ascent + descent is 1.448 em
 * for Noto Sans SC and 1.362 em for Noto Sans, so pdfmake's `lineHeight` is
 * `line / 1.448` for Chinese and `line / 1.362` for English.
 *
 * A slide (not of layout `title` or `section`) is, top to bottom inside the
 * margins: the headline (Chinese line(s), English line(s), `headline.after`),
 * the body box, and the source line (`source`) at its foot. The footer (short
 * title, slide number) sits in the bottom margin.
 */
export const slideSpec = {
  width: 720,
  height: 405,
  margin: { top: 28, right: 36, bottom: 28, left: 36 },
  /** Footer in the bottom margin: short title and slide number. */
  footer: { size: 9 },
  headline: {
    /** Sizes from largest to smallest: the template picks the first at which the headline fits (`SlideBlock.titleSize`). */
    sizes: [
      { zh: 26, en: 15 },
      { zh: 24, en: 14 },
      { zh: 22, en: 13 },
      { zh: 21, en: 13 },
    ] as readonly SizePair[],
    line: 1.2,
    /** Most lines of each language at the smallest size (more is the `text-too-long` warning). */
    maxLines: 2,
    /** Space between the Chinese and the English lines, and under the headline. */
    between: 2,
    after: 12,
  },
  /** The small source line at the foot of the body (cite runs): wraps, never shrinks. */
  source: { size: 9, line: 1.45, before: 6 },
  /** Body text of `points`, `columns`, `checklist` and `closing` slides. */
  body: {
    normal: { zh: 14, en: 12, small: 9.5, gap: 10 },
    compact: { zh: 12, en: 12, small: 9, gap: 6 },
    line: { zh: 1.45, en: 1.4, small: 1.4 },
    /** Space between an item's Chinese and its English. */
    between: 2,
    /** Width of the number column of numbered items and lists (`1`, `12`). */
    marker: 26,
    /**
     * A tag (`原文建议`, `From the article`) stands before the text of its language,
     * at `small` size, with `tagPad` points of box and space around it.
     */
    tagPad: 10,
  },
  /** `statement`: one takeaway or point, large. */
  statement: { zh: 22, en: 15, line: { zh: 1.4, en: 1.35 }, between: 10 },
  /** `columns`: each pair as a row, Chinese left, English right. */
  columns: { gutter: 24 },
  /**
   * `timeline`: one row per event, top to bottom: the date (Chinese over English,
   * each on ONE line: never broken) in a left column as wide as the widest date
   * of the timeline (on each of its slides), a rule with a dot (`rule` points wide), then the event's
   * Chinese, English and its note.
   */
  timeline: { date: { zh: 13, en: 12 }, zh: 13, en: 12, note: 9.5, line: { zh: 1.4, en: 1.35, note: 1.35 }, rule: 24, gap: 8 },
  /** `glossary`: a two-column table, term | name (Chinese over English), rows separated by `gap` (cell padding included). */
  glossary: { term: 13, zh: 13, en: 12, line: { zh: 1.4, en: 1.35 }, termWidth: 150, gap: 8 },
  /**
   * `title` (and its continuation): the title block, vertically centred: title
   * (sizes from largest to smallest, as the headline), subtitle (the product), the
   * label/value rows (label column `labelWidth` wide: the longest label,
   * "原文出处 Original outlet", on one line), with gaps. The rows are
   * the slide's body text (read out when the deck opens): at the body minimum.
   */
  title: {
    sizes: [
      { zh: 32, en: 18 },
      { zh: 28, en: 16 },
      { zh: 24, en: 14 },
      { zh: 21, en: 13 },
    ] as readonly SizePair[],
    line: 1.2,
    /** Lines of title a language may take before the title shrinks. */
    maxLines: 3,
    between: 6,
    subtitle: 14,
    meta: { size: 12, line: 1.4, labelWidth: 164, gap: 3 },
    gap: 16,
  },
  /** `section`: a divider, its title large and centred (sizes as `title`); points, if any, below at body size. */
  section: { sizes: [{ zh: 32, en: 18 }, { zh: 28, en: 16 }, { zh: 24, en: 14 }, { zh: 21, en: 13 }] as readonly SizePair[], line: 1.2, between: 6, gap: 20 },
} as const;

/** Size of the content box inside the slide margins. */
export const slideContent = {
  width: slideSpec.width - slideSpec.margin.left - slideSpec.margin.right,
  height: slideSpec.height - slideSpec.margin.top - slideSpec.margin.bottom,
};

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

/** Slide type scale for a density (the body sizes of `slideSpec`; titles at their largest and smallest size). */
export function slideType(density: SlideDensity = 'normal'): SlideType {
  const b = slideSpec.body[density];
  const head = density === 'compact' ? slideSpec.headline.sizes[slideSpec.headline.sizes.length - 1] : slideSpec.headline.sizes[0];
  return { title: head.zh, titleEn: head.en, body: b.zh, bodyEn: b.en, small: b.small, lineZh: slideSpec.body.line.zh, lineEn: slideSpec.body.line.en, gap: b.gap };
}

/** Timeline sizes on a slide (the same at both densities): date and Chinese text, English text, notes and citations, row gap. */
export function slideTimeline(_density: SlideDensity = 'normal'): { zh: number; en: number; cite: number; gap: number } {
  const t = slideSpec.timeline;
  return { zh: t.zh, en: t.en, cite: t.note, gap: t.gap };
}

/** The smallest type on any slide, in points (the source line, the footer, compact tags). */
export const SLIDE_MIN_SIZE = 9;

/**
 * Characters (both languages) up to which a pair, list item or callout row of
 * an A4 page moves whole to the next page rather than split (about a sixth of
 * a page side by side); a longer one flows across pages (PDF and DOCX alike).
 */
export const KEEP_WHOLE_CHARS = 320;
