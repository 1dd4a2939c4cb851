/**
 * A slide's body: its blocks drawn at the slide geometry's sizes and stacked
 * as the slides template measures them (by src/theme/fit.ts): items
 * (pairs, list items, rows) an item gap apart, a note paragraph 4 points
 * under what precedes it. Then placed in the body box: at its top, or
 * centred (a statement); content taller than the box is drawn all the same,
 * from its top, and reported as overflowing, never shrunk or clipped.
 */
import { everywhere } from '../../../ir/media.js';
import type { Block, SlideBlock } from '../../../ir/types.js';
import { stack, translate, type Box, type Drawn, type Item } from '../draw.js';
import { handlers, unknown } from '../handlers/index.js';
import type { Links } from '../inline.js';
import { createState, itemGap, type Env } from '../state.js';
import { plain } from '../inline.js';

/** Space above a note paragraph (the template's 4 points a note line). */
const NOTE_GAP = 4;

const isNote = (b: Block) => b.type === 'paragraph' && (b.role === 'note' || b.role === 'meta');

/** The env of a slide's body: its layout and density. */
export function envOf(slide: SlideBlock, links: Links): Env {
  return {
    layout: slide.layout === 'content' ? 'points' : slide.layout,
    density: slide.density === 'compact' ? 'compact' : 'normal',
    links,
    slideTitle: plain(slide.title.zh),
  };
}

/** Blocks drawn `width` wide and stacked as the template measures them. */
export function drawBody(blocks: readonly Block[], env: Env, width: number): Drawn {
  const st = createState({ ...env, width }, handlers, unknown);
  const shown = blocks.filter(everywhere);
  const items: Item[] = [];
  let y = 0;
  let first = true;
  for (const b of shown) {
    const d = stack(st.one(b), itemGap(env));
    if (d.items.length === 0) continue;
    if (!first) y += isNote(b) ? NOTE_GAP : itemGap(env);
    items.push(...translate(d.items, 0, y));
    y += d.h;
    first = false;
  }
  return { h: y, items };
}

export interface Placed {
  items: Item[];
  h: number;
  overflow: boolean;
}

/** Drawn content placed in `box`: at the top, or centred; overflowing when taller than the box. */
export function place(d: Drawn, box: Box, where: 'top' | 'center' = 'top'): Placed {
  const spare = box.h - d.h;
  const dy = where === 'center' && spare > 0 ? spare / 2 : 0;
  return { items: translate(d.items, box.x, box.y + dy), h: d.h, overflow: spare < -0.5 };
}
