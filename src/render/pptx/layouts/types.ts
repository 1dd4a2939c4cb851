/** What a slide layout makes of a slide block: its drawing list, notes and how its content fitted. */
import type { DocMeta, SlideBlock, SlideLayout } from '../../../ir/types.js';
import type { Box, Item } from '../draw.js';
import type { Links } from '../inline.js';

export interface SlidePlan {
  number: number;
  id: string;
  layout: SlideLayout;
  items: Item[];
  /** Box of the native slide-number field, or none (the cover). */
  numberBox: Box | null;
  /** Speaker notes: the Chinese, the English, the citations (plain text; empty when absent). */
  notes: { zh: string; en: string; source: string };
  /** True when the content did not fit its box at the geometry's sizes, or the headline took more lines than allowed (a template's error; reported, never hidden). */
  overflow: boolean;
  /** The box the content had to fit in. */
  contentBox: Box;
  /** Height of the content drawn in it. */
  height: number;
}

/** What every layout knows of the deck. */
export interface Deck {
  meta: DocMeta;
  links: Links;
  /** Number of slides. */
  count: number;
}

export type Layout = (slide: SlideBlock, deck: Deck) => SlidePlan;
