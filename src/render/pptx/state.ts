/**
 * The PPTX render state (the shared one/all/unknown shape, src/render/state.ts)
 * and what the handlers share. A handler draws its block at the origin in a
 * column `width` points wide, at a font `scale` chosen by the slide fit loop,
 * and returns the items with the height they take.
 */
import type { BiInline } from '../../ir/types.js';
import type { SlideDensity } from '../../theme/theme.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { COLOR, GAP, SIZE } from './constants.js';
import type { Drawn, Item, Para } from './draw.js';
import { biParas, citeRun, scaled } from './inline.js';
import { lineHeight, paraSize, textHeight, textWidth } from './measure.js';

export interface Env {
  /** Font scale chosen by the fit loop (1 = theme sizes). */
  scale: number;
  /** Plain Chinese headline of the slide, so a figure does not repeat it as its caption. */
  slideTitle?: string;
  /** Density of the slide; a compact timeline takes the theme's compact label sizes. */
  density?: SlideDensity;
  /** Scale a compact slide starts at (its sizes are the theme's compact sizes there). */
  startScale?: number;
}

export interface PptxState extends Env, Walk<Drawn> {
  /** Width of the column the block is drawn in, in points. */
  width: number;
}

export const sz = (size: number, env: Env) => scaled(size, env.scale);

/** A caption that only repeats the slide headline (`时间线` on `时间线 (1/2)`) is left out. */
export function repeatsTitle(caption: string, env: Env): boolean {
  return caption !== '' && env.slideTitle !== undefined && env.slideTitle.startsWith(caption);
}

/** A text box holding `paras` at the origin, as tall as its text. */
export function textBox(paras: Para[], width: number, x = 0, y = 0): Drawn {
  const h = textHeight(paras, width);
  return { h, items: paras.length > 0 ? [{ kind: 'text', x, y, w: width, h, paras }] : [] };
}

/** The standard bilingual body: Chinese at body size, English under it, citations after the English (or after the Chinese). */
export function bodyParas(
  text: BiInline,
  cites: readonly string[],
  env: Env,
  size: { zh: number; en: number } = { zh: SIZE.bodyZh, en: SIZE.bodyEn },
  citeAfter: 'last' | 'first' = 'last',
): Para[] {
  const paras = biParas(text, {
    zh: { size: sz(size.zh, env), color: COLOR.zh },
    en: { size: sz(size.en, env), color: COLOR.en },
    gap: GAP.para * env.scale,
  });
  const cite = citeRun(cites, sz(SIZE.small, env));
  if (paras.length > 0 && cite.length > 0) paras[citeAfter === 'first' ? 0 : paras.length - 1].runs.push(...cite);
  return paras;
}

/** A row: a marker in a left column and text beside it. */
export function markedRow(marker: Item[], markerW: number, paras: Para[], width: number): Drawn {
  const text = textBox(paras, width - markerW, markerW, 0);
  const markerH = marker.reduce((m, it) => Math.max(m, it.y + it.h), 0);
  return { h: Math.max(text.h, markerH), items: [...marker, ...text.items] };
}

/** A numbered disc centred on the first line of text whose line height is `firstLine`. */
export function numberMarker(label: string, firstLine: number, env: Env): { items: Item[]; w: number } {
  const d = Math.max(16, 20 * env.scale);
  const y = Math.max(0, (firstLine - d) / 2);
  const size = sz(label.length > 2 ? 8 : 11, env);
  return {
    w: GAP.markerColumn * env.scale,
    items: [
      { kind: 'ellipse', x: 0, y, w: d, h: d, fill: COLOR.accent },
      {
        kind: 'text',
        x: 0,
        y,
        w: d,
        h: d,
        valign: 'middle',
        paras: [{ align: 'center', runs: [{ text: label, lang: 'en', size, color: COLOR.white, bold: true }] }],
      },
    ],
  };
}

/** A short accent bar beside the first line. */
export function barMarker(firstLine: number, env: Env): { items: Item[]; w: number } {
  const h = firstLine * 0.7;
  return {
    w: (GAP.markerColumn - 12) * env.scale,
    items: [{ kind: 'rect', x: 0, y: (firstLine - h) / 2, w: GAP.barWidth, h, fill: COLOR.accent }],
  };
}

/** A text marker (e.g. `DICAS`, `2024-04`) that is not a number. */
export function labelMarker(label: string, firstLine: number, env: Env): { items: Item[]; w: number } {
  const size = sz(SIZE.small, env);
  const w = Math.min(120, textWidth(label, size, true) + 8);
  const h = lineHeight(size);
  return {
    w: w + 8,
    items: [
      {
        kind: 'text',
        x: 0,
        y: Math.max(0, (firstLine - h) / 2),
        w,
        h,
        paras: [{ runs: [{ text: label, lang: 'en', size, color: COLOR.accent, bold: true }] }],
      },
    ],
  };
}

export function markerFor(marker: string | undefined, firstLine: number, env: Env) {
  if (marker === undefined || marker === '') return barMarker(firstLine, env);
  return /^\d{1,3}$/.test(marker) ? numberMarker(marker, firstLine, env) : labelMarker(marker, firstLine, env);
}

export function firstLineOf(paras: Para[]): number {
  return paras.length > 0 ? lineHeight(paraSize(paras[0])) : 0;
}


/** A state to draw blocks `width` wide with `env`. */
export function createState(fields: Env & { width: number }, handlers: Handlers<PptxState, Drawn>, unknown: Unknown<PptxState, Drawn>): PptxState {
  return { ...walk(handlers, unknown), ...fields };
}
