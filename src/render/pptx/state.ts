/**
 * The PPTX render state (the shared one/all/unknown shape, src/render/state.ts)
 * and what the handlers share. A handler draws its block at the origin in a
 * column `width` points wide, at the font `scale` the slide's fit chose, and
 * returns the items with the height they take.
 */
import type { BiInline, Block, Inline, SlideLayout } from '../../ir/types.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { COLOR, FLOOR, GAP, TYPE } from './constants.js';
import type { Drawn, Item, Para, Run, TextRole } from './draw.js';
import { biLine, biParas, para, runs, sized, type Links } from './inline.js';
import { naturalWidth, textHeight } from './measure.js';

export interface Env {
  /** Font scale chosen by the fit (1 = the type scale of constants.ts). */
  scale: number;
  /** The slide's layout: handlers draw a pair side by side on `columns`, large on `statement`. */
  layout: SlideLayout;
  /** How refs resolve in this deck. */
  links: Links;
  /** Plain Chinese headline of the slide, so a figure does not repeat it as its caption. */
  slideTitle?: string;
  /** Points added to every gap between items when the slide has room to spare. */
  extra: number;
  /** Height of the content box, for a block that can arrange itself in more than one way (the timeline). */
  room?: number;
}

export interface PptxState extends Env, Walk<Drawn> {
  /** Width of the column the block is drawn in, in points. */
  width: number;
}

/** Body sizes at the env's scale. */
export function bodySize(env: Env): { zh: number; en: number } {
  const big = env.layout === 'statement' ? TYPE.statement : TYPE.body;
  return { zh: sized(big.zh * env.scale, FLOOR.body), en: sized(big.en * env.scale, FLOOR.body) };
}

/** Small size (labels, tags, citation lines) at the env's scale. */
export function smallSize(env: Env): number {
  return sized(TYPE.small * Math.min(1, env.scale), FLOOR.any);
}

/** Gap between items. */
export function itemGap(env: Env): number {
  return GAP.item * env.scale + env.extra;
}

/** A text box holding `paras` at (x, y), as tall as its text. */
export function textBox(paras: Para[], width: number, role: TextRole = 'body', x = 0, y = 0): Drawn {
  if (paras.length === 0) return { h: 0, items: [] };
  const h = textHeight(paras, width);
  return { h, items: [{ kind: 'text', x, y, w: width, h, paras, role }] };
}

/** The small line of an item: its tags, then other facts (actor, horizon), then its citations. */
export function metaLine(env: Env, parts: { tags?: (BiInline | undefined)[]; facts?: Run[]; source?: Inline }): Para | null {
  const size = smallSize(env);
  const out: Run[] = [];
  const add = (rs: Run[]) => {
    if (rs.length === 0) return;
    if (out.length > 0) out.push({ text: '   ', lang: 'en', size, color: COLOR.muted });
    out.push(...rs);
  };
  for (const tag of parts.tags ?? []) add(biLine(tag, { size, color: COLOR.accent, bold: true }, ' · ', env.links));
  add(parts.facts ?? []);
  add(runs(parts.source, 'en', { size, color: COLOR.muted }, env.links));
  return out.length > 0 ? para(out, 'small') : null;
}

/** The standard bilingual item text: Chinese at body size, English under it, then its small line. */
export function bodyParas(env: Env, text: BiInline, meta: Para | null = null, color: { zh: string; en: string } = { zh: COLOR.zh, en: COLOR.en }): Para[] {
  const size = bodySize(env);
  const paras = biParas(
    text,
    { zh: { size: size.zh, color: color.zh }, en: { size: size.en, color: color.en }, kind: 'body', gap: GAP.lang * env.scale },
    env.links,
  );
  if (meta) {
    if (paras.length > 0) paras[paras.length - 1] = { ...paras[paras.length - 1], spaceAfter: 3 * env.scale };
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
  w: number;
}

/** Line pitch of the first paragraph (markers sit on the first line). */
export function firstLineOf(paras: Para[]): number {
  return paras[0]?.lineHeight ?? 0;
}

/** A number disc centred on the first line. */
export function numberMarker(label: string, firstLine: number, env: Env): Marker {
  const d = Math.max(20, Math.min(firstLine, 26 * env.scale));
  const y = Math.max(0, (firstLine - d) / 2);
  const size = sized(Math.min(d * 0.55, label.length > 2 ? d * 0.4 : d * 0.55), FLOOR.any);
  return {
    w: Math.max(GAP.marker * env.scale, d + 10),
    items: [
      { kind: 'ellipse', x: 0, y, w: d, h: d, fill: COLOR.accent },
      {
        kind: 'text',
        role: 'marker',
        x: 0,
        y,
        w: d,
        h: d,
        valign: 'middle',
        paras: [para([{ text: label, lang: 'en', size, color: COLOR.white, bold: true }], 'title', { align: 'center' })],
      },
    ],
  };
}

/** A short accent bar beside the first line. */
export function barMarker(firstLine: number, env: Env): Marker {
  const h = firstLine * 0.66;
  return { w: 20 * env.scale, items: [{ kind: 'rect', x: 0, y: (firstLine - h) / 2, w: 4, h, fill: COLOR.accent }] };
}

/** A text marker (a term, a date) that is not a number: bold, accent, as wide as it needs up to a third of the row. */
export function labelMarker(label: string, firstLine: number, env: Env, width: number): Marker {
  const size = bodySize(env).zh;
  const rs: Run[] = [{ text: label, lang: /\p{Script=Han}/u.test(label) ? 'zh' : 'en', size, color: COLOR.accent, bold: true }];
  const w = Math.min(width / 3, naturalWidth(rs) + 2);
  const p = para(rs, 'body');
  const box = textBox([p], w, 'marker');
  return { w: w + 12 * env.scale, items: box.items.map((it) => ({ ...it, y: Math.max(0, (firstLine - p.lineHeight) / 2) })) };
}

/** The marker a pair names: a number disc for `1`–`999`, a bar for none, else its text. */
export function markerFor(marker: string | undefined, firstLine: number, env: Env, width: number): Marker {
  if (marker === undefined || marker === '') return barMarker(firstLine, env);
  return /^\d{1,3}$/.test(marker) ? numberMarker(marker, firstLine, env) : labelMarker(marker, firstLine, env, width);
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
      return w.all.call(this, blocks.filter((b) => b.media === undefined));
    },
    ...fields,
  };
}
