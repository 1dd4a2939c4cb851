/**
 * The drawing list: what a slide is made of, independent of pptxgenjs.
 * Handlers and the slide layouts produce it (pure, testable); `emit.ts`
 * turns it into native PowerPoint text boxes, shapes and tables.
 * All geometry is in points from the top-left corner.
 */
import type { Lang } from '../../ir/types.js';

/** Where a run links to: a web address or relative file, or a slide of the deck (1-based). */
export type Link = { url: string } | { slide: number };

export interface Run {
  text: string;
  lang: Lang;
  /** Point size. */
  size: number;
  /** Bare hex colour. */
  color: string;
  bold?: boolean;
  italic?: boolean;
  underline?: 'sng' | 'dotted';
  link?: Link;
  /** Raised (superscript), in percent of the size. */
  superscript?: boolean;
  /** Keep on one line (a date, a tag): its spaces are no-break spaces, the layout makes the box wide enough. */
  nowrap?: boolean;
  /** Background of the run's text (a tag's box), bare hex. */
  highlight?: string;
}

export interface Para {
  runs: Run[];
  /** Fixed line pitch in points (every line of the paragraph, whatever its runs). */
  lineHeight: number;
  align?: 'left' | 'center' | 'right';
  /** Space before and after the paragraph in points. */
  spaceBefore?: number;
  spaceAfter?: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a text box is, for its shape name (and the tests): the headline, body text, a small line. */
export type TextRole = 'title' | 'body' | 'small' | 'marker' | 'footer';

export interface TextItem extends Box {
  kind: 'text';
  paras: Para[];
  role: TextRole;
  valign?: 'top' | 'middle' | 'bottom';
  fill?: string;
}

/** A straight line from (x, y) to (x + w, y + h); w and h are never negative. */
export interface LineItem extends Box {
  kind: 'line';
  color: string;
  width: number;
}

export interface ShapeItem<K extends 'rect' | 'ellipse' = 'rect' | 'ellipse'> extends Box {
  kind: K;
  fill?: string;
  line?: { color: string; width: number };
}

export interface Stroke {
  color: string;
  width: number;
}

export interface TableCellItem {
  paras: Para[];
  fill?: string;
  /** Cell padding in points: top, right, bottom, left (the top at least 1 point). */
  pad: [number, number, number, number];
  /** Rules on the cell's sides: top, right, bottom, left (none where absent). */
  border: [Stroke | null, Stroke | null, Stroke | null, Stroke | null];
}

export interface TableItem extends Box {
  kind: 'table';
  colW: number[];
  rowH: number[];
  rows: TableCellItem[][];
}

export type Item = TextItem | LineItem | ShapeItem<'rect'> | ShapeItem<'ellipse'> | TableItem;

/** A block drawn at the origin: its items and the height it takes. */
export interface Drawn {
  h: number;
  items: Item[];
}

/** Move items by (dx, dy). */
export function translate(items: readonly Item[], dx: number, dy: number): Item[] {
  return items.map((it) => ({ ...it, x: it.x + dx, y: it.y + dy }));
}

/** Stack drawn blocks vertically with `gap` between them. */
export function stack(parts: readonly Drawn[], gap: number): Drawn {
  const items: Item[] = [];
  let y = 0;
  parts.forEach((p, i) => {
    if (i > 0) y += gap;
    items.push(...translate(p.items, 0, y));
    y += p.h;
  });
  return { h: y, items };
}

export const EMPTY: Drawn = { h: 0, items: [] };

/** Plain text of a paragraph (for tests and notes). */
export function paraText(p: Para): string {
  return p.runs.map((r) => r.text).join('');
}
