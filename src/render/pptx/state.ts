/**
 * The PPTX render state (the shared one/all/unknown shape, src/render/state.ts)
 * and what the handlers share. A handler draws its block at the origin in a
 * column `width` points wide, at the slide geometry's sizes for the slide's
 * layout and density (`slideSpec`), and returns the items with the height
 * they take.
 */
import { everywhere } from '../../ir/media.js';
import type { BiInline, Block, Inline, Lang, SlideLayout } from '../../ir/types.js';
import type { SizePair, SlideDensity } from '../../theme/theme.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { bodyType, CHROME, COLOR, type BodyType } from './constants.js';
import type { Drawn, Item, Para, Run, TextRole } from './draw.js';
import { biLine, biParas, para, runs, type BiStyle, type Links } from './inline.js';
import { naturalWidth, textHeight } from './measure.js';

export interface Env {
  /** The slide's layout: handlers draw a pair side by side on `columns`, large on `statement`. */
  layout: SlideLayout;
  /** The slide's density: body sizes of `slideSpec.body.normal` or `.compact`. */
  density: SlideDensity;
  /** How refs resolve in this deck. */
  links: Links;
  /** Plain Chinese headline of the slide, so a figure or table does not repeat it as its caption. */
  slideTitle?: string;
  /** The title size the template chose for a title block (`SlideBlock.titleSize` of a `title` slide). */
  titleSize?: SizePair;
}

export interface PptxState extends Env, Walk<Drawn> {
  /** Width of the column the block is drawn in, in points. */
  width: number;
}

/** Body type of the env's density. */
export function typeOf(env: Env): BodyType {
  return bodyType(env.density);
}

/** Small size (labels, tags, citation lines, notes) of the env's density. */
export function smallSize(env: Env): number {
  return typeOf(env).small;
}

/** Space between items (points, list items, rows). */
export function itemGap(env: Env): number {
  return typeOf(env).gap;
}

/** The style of body text: Chinese and English at the density's sizes and pitches, with their tags. */
export function bodyStyle(env: Env, tags?: BiInline, color: { zh: string; en: string } = { zh: COLOR.zh, en: COLOR.en }): BiStyle {
  const t = typeOf(env);
  return {
    zh: { size: t.zh, color: color.zh, line: t.line.zh, small: t.small },
    en: { size: t.en, color: color.en, line: t.line.en, small: t.small },
    gap: t.between,
    ...(tags ? { tags } : {}),
  };
}

/** A small paragraph (notes, citation lines) of one language, muted. */
export function smallPara(content: Inline | undefined, lang: Lang, env: Env, extra: Partial<Omit<Para, 'runs' | 'lineHeight'>> = {}): Para | null {
  const t = typeOf(env);
  const rs = runs(content, lang, { size: t.small, color: COLOR.muted, small: t.small }, env.links);
  return rs.length > 0 ? para(rs, t.small * t.line.small, extra) : null;
}

/** A text box holding `paras` at (x, y), as tall as its text. */
export function textBox(paras: Para[], width: number, role: TextRole = 'body', x = 0, y = 0): Drawn {
  if (paras.length === 0) return { h: 0, items: [] };
  const h = textHeight(paras, width);
  return { h, items: [{ kind: 'text', x, y, w: width, h, paras, role }] };
}

/** The small line of an item: other facts (actor, horizon), then its citations. */
export function metaLine(env: Env, parts: { tags?: (BiInline | undefined)[]; facts?: Run[]; source?: Inline }): Para | null {
  const t = typeOf(env);
  const size = t.small;
  const out: Run[] = [];
  const add = (rs: Run[]) => {
    if (rs.length === 0) return;
    if (out.length > 0) out.push({ text: '   ', lang: 'en', size, color: COLOR.muted });
    out.push(...rs);
  };
  for (const tag of parts.tags ?? []) add(biLine(tag, { size, color: COLOR.accent, bold: true, small: size }, ' · ', env.links));
  add(parts.facts ?? []);
  add(runs(parts.source, 'en', { size, color: COLOR.muted, small: size }, env.links));
  return out.length > 0 ? para(out, size * t.line.small) : null;
}

/** The standard bilingual item text: Chinese over English at body size, each led by its tag, then its small line. */
export function bodyParas(env: Env, text: BiInline, tags?: BiInline, meta: Para | null = null): Para[] {
  const paras = biParas(text, bodyStyle(env, tags), env.links);
  if (meta) {
    if (paras.length > 0) paras[paras.length - 1] = { ...paras[paras.length - 1], spaceAfter: 2 };
    paras.push(meta);
  }
  return paras;
}

/** A row: a marker in a left column `markerW` wide and text beside it. */
export function markedRow(marker: Item[], markerW: number, paras: Para[], width: number): Drawn {
  const text = textBox(paras, width - markerW, 'body', markerW, 0);
  const markerH = marker.reduce((m, it) => Math.max(m, it.y + it.h), 0);
  return { h: Math.max(text.h, markerH), items: [...marker, ...text.items] };
}

export interface Marker {
  items: Item[];
  /** Width of the marker's column (0 when it hangs in the margin). */
  w: number;
}

/** Line pitch of the first paragraph (markers sit on the first line). */
export function firstLineOf(paras: Para[]): number {
  return paras[0]?.lineHeight ?? 0;
}

/** A number disc centred on the first line, at `x`. */
export function disc(label: string, firstLine: number, x = 0): Item[] {
  const d = CHROME.disc;
  const y = (firstLine - d) / 2;
  const size = label.length > 2 ? 9 : 10;
  return [
    { kind: 'ellipse', x, y, w: d, h: d, fill: COLOR.accent },
    {
      kind: 'text',
      role: 'marker',
      x,
      y,
      w: d,
      h: d,
      valign: 'middle',
      paras: [para([{ text: label, lang: 'en', size, color: COLOR.white, bold: true }], size * 1.2, { align: 'center' })],
    },
  ];
}

/** A number disc in the marker column (`slideSpec.body.marker` wide). */
export function numberMarker(label: string, firstLine: number, width: number): Marker {
  return { w: width, items: disc(label, firstLine) };
}

/** A short accent bar beside the first line, hanging in the margin left of the text. */
export function barMarker(firstLine: number): Marker {
  const h = firstLine * 0.62;
  return { w: 0, items: [{ kind: 'rect', x: -(CHROME.bar.gap + CHROME.bar.w), y: (firstLine - h) / 2, w: CHROME.bar.w, h, fill: COLOR.accent }] };
}

/** A text marker (a term, a date) that is not a number: bold, accent, as wide as it needs up to a third of the row. */
export function labelMarker(label: string, firstLine: number, env: Env, width: number): Marker {
  const t = typeOf(env);
  const lang: Lang = /\p{Script=Han}/u.test(label) ? 'zh' : 'en';
  const rs: Run[] = [{ text: label, lang, size: t[lang], color: COLOR.accent, bold: true }];
  const w = Math.min(width / 3, naturalWidth(rs) + 2);
  const p = para(rs, t[lang] * t.line[lang]);
  const box = textBox([p], w, 'marker');
  return { w: w + 12, items: box.items.map((it) => ({ ...it, y: Math.max(0, (firstLine - p.lineHeight) / 2) })) };
}

/**
 * A state to draw blocks `width` wide with `env`. Blocks for one medium only
 * (`screen`: the checklist's progress counter; `print`: the paper appendix)
 * are left out of a deck.
 */
export function createState(fields: Env & { width: number }, handlers: Handlers<PptxState, Drawn>, unknown: Unknown<PptxState, Drawn>): PptxState {
  const w = walk(handlers, unknown);
  return {
    ...w,
    all(this: PptxState, blocks: readonly Block[]): Drawn[] {
      return w.all.call(this, blocks.filter(everywhere));
    },
    ...fields,
  };
}
