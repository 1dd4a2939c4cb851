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
  // Heights grow with the scale: the largest scale that fits, found by halving the list.
  const cache = new Map<number, Drawn>();
  const at = (i: number) => {
    let d = cache.get(i);
    if (!d) {
      d = drawAt(blocks, box, o, scales[i], 0);
      cache.set(i, d);
    }
    return d;
  };
  let lo = 0;
  let hi = scales.length - 1;
  if (at(hi).h > box.h) {
    const d = at(hi);
    return { items: translate(d.items, box.x, box.y), h: d.h, scale: scales[hi], overflow: true };
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).h <= box.h) hi = mid;
    else lo = mid + 1;
  }
  const scale = scales[lo];
  let drawn = at(lo);
  // Room to spare: the gaps between items grow (by at most one item gap), found by halving.
  let extraLo = 0;
  let extraHi = GAP.item * scale;
  const spared = drawAt(blocks, box, o, scale, extraHi);
  if (spared.h <= box.h) {
    extraLo = extraHi;
    drawn = spared;
  } else if (box.h - drawn.h > 2) {
    for (let i = 0; i < 4; i++) {
      const mid = (extraLo + extraHi) / 2;
      const d = drawAt(blocks, box, o, scale, mid);
      if (d.h <= box.h) {
        extraLo = mid;
        drawn = d;
      } else extraHi = mid;
    }
  }
  const spare = Math.max(0, box.h - drawn.h);
  const dy = spare * (o.place === 'center' ? 0.5 : 0.35);
  return { items: translate(drawn.items, box.x, box.y + dy), h: drawn.h, scale, overflow: false };
}
