/**
 * The deck: each slide block laid out by its layout (layouts/), refs
 * resolved against the deck's anchors. Pure: Doc → drawing lists.
 */
import { anchorIds } from '../../ir/anchors.js';
import { everywhere } from '../../ir/media.js';
import type { Block, Doc, Ref, SlideBlock } from '../../ir/types.js';
import type { Link } from './draw.js';
import type { Links } from './inline.js';
import { layouts, type SlidePlan } from './layouts/index.js';

export type { SlidePlan };

/**
 * The Doc's slides. Blocks outside any slide (a Doc not made by the slides
 * template) each get a slide of their own rather than vanish.
 */
export function slidesOf(blocks: readonly Block[]): SlideBlock[] {
  const out: SlideBlock[] = [];
  for (const b of blocks) {
    if (!everywhere(b)) continue;
    const number = out.length + 1;
    if (b.type === 'slide') out.push({ ...b, number });
    else
      out.push({
        type: 'slide',
        id: b.id ?? `slide-${number}`,
        number,
        layout: b.type === 'title' ? 'title' : 'points',
        title: b.type === 'title' ? b.title : b.type === 'heading' ? b.text : {},
        children: b.type === 'heading' ? [] : [b],
        cites: b.cites,
      });
  }
  return out;
}

/**
 * Refs in this deck: an anchor on one of its slides (the slide's id or a
 * block's) jumps to that slide; anything else links to the article's
 * `<product>.pdf` at the named destination `anchor` (RFC 8118 fragment).
 */
export function deckLinks(doc: Doc, slides: readonly SlideBlock[]): Links {
  const slideOf = new Map<string, number>();
  for (const s of slides) for (const id of anchorIds([s], everywhere)) if (!slideOf.has(id)) slideOf.set(id, s.number);
  return {
    ref(ref: Ref): Link | undefined {
      if (ref.product === doc.product) {
        const n = slideOf.get(ref.anchor) ?? (ref.local !== undefined ? slideOf.get(ref.local) : undefined);
        if (n !== undefined) return { slide: n };
      }
      return { url: `${ref.product}.pdf#nameddest=${encodeURIComponent(ref.anchor)}` };
    },
  };
}

/** Plan every slide of a Doc. */
export function planSlides(doc: Doc): SlidePlan[] {
  const slides = slidesOf(doc.blocks);
  const deck = { meta: doc.meta, links: deckLinks(doc, slides), count: slides.length };
  return slides.map((s) => (layouts[s.layout] ?? layouts.points)(s, deck));
}
