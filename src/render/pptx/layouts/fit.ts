/**
 * Fitting content into a box: the blocks drawn at the largest scale of
 * SCALES that fits (sizes never below their floors), then, when room is left,
 * the gaps between items grown a little and the content placed in the box
 * (top, or centred for a statement). Content that does not fit even at the
 * smallest scale is drawn there and reported as overflowing.
 */
import type { Block, SlideLayout } from '../../../ir/types.js';
import { GAP, SCALES } from '../constants.js';
import { stack, translate, type Box, type Drawn, type Item } from '../draw.js';
import { handlers, unknown } from '../handlers/index.js';
import type { Links } from '../inline.js';
import { createState } from '../state.js';

export interface FitOptions {
  layout: SlideLayout;
  links: Links;
  slideTitle?: string;
  /** Largest scale tried (a compact slide starts at 1). */
  maxScale?: number;
  /** Where spare room goes: `top` keeps content up (a little above centre), `center` centres it. */
  place?: 'top' | 'center';
  /** Draw the blocks another way than stacking them (a grid of cards). */
  draw?: (blocks: readonly Block[], env: ReturnType<typeof createState>) => Drawn;
}

export interface Fitted {
  items: Item[];
  h: number;
  scale: number;
  overflow: boolean;
}

function drawAt(blocks: readonly Block[], box: Box, o: FitOptions, scale: number, extra: number): Drawn {
  const env = createState(
    { width: box.w, scale, layout: o.layout, links: o.links, extra, room: box.h, ...(o.slideTitle !== undefined ? { slideTitle: o.slideTitle } : {}) },
    handlers,
    unknown,
  );
  return o.draw ? o.draw(blocks, env) : stack(env.all(blocks), GAP.block * scale + extra);
}

export function fitBlocks(blocks: readonly Block[], box: Box, o: FitOptions): Fitted {
  const scales = SCALES.filter((s) => s <= (o.maxScale ?? Number.POSITIVE_INFINITY));
  let scale: number = scales[scales.length - 1];
  let drawn: Drawn | null = null;
  for (const s of scales) {
    const d = drawAt(blocks, box, o, s, 0);
    if (d.h <= box.h) {
      scale = s;
      drawn = d;
      break;
    }
  }
  if (drawn === null) {
    const d = drawAt(blocks, box, o, scale, 0);
    return { items: translate(d.items, box.x, box.y), h: d.h, scale, overflow: true };
  }
  // Room to spare: the gaps between items grow (by at most one item gap), found by halving.
  let lo = 0;
  let hi = GAP.item * scale;
  if (drawAt(blocks, box, o, scale, hi).h <= box.h) lo = hi;
  else {
    for (let i = 0; i < 6; i++) {
      const mid = (lo + hi) / 2;
      if (drawAt(blocks, box, o, scale, mid).h <= box.h) lo = mid;
      else hi = mid;
    }
  }
  if (lo > 0) drawn = drawAt(blocks, box, o, scale, lo);
  const spare = Math.max(0, box.h - drawn.h);
  const dy = spare * (o.place === 'center' ? 0.5 : 0.35);
  return { items: translate(drawn.items, box.x, box.y + dy), h: drawn.h, scale, overflow: false };
}
