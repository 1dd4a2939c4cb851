/**
 * Layouts with a headline over a body: points (and the former `content`),
 * statement, columns, checklist, timeline, glossary and closing. The body is
 * drawn as the slide geometry says (handlers) and stacked as the template
 * measures it (body.ts): at the top of the body box, a statement centred in
 * it; on a `columns` slide, a rule between the Chinese and the English column.
 */
import type { SlideBlock } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { COLOR } from '../constants.js';
import type { Item } from '../draw.js';
import { contentFrame, notesOf } from './chrome.js';
import { drawBody, envOf, place } from './body.js';
import type { Deck, SlidePlan } from './types.js';

export function contentSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const frame = contentFrame(slide, deck.meta, deck.links);
  const env = envOf(slide, deck.links);
  const box = frame.content;
  const drawn = drawBody(slide.children, env, box.w);
  const placed = place(drawn, box, env.layout === 'statement' ? 'center' : 'top');
  const extra: Item[] = [];
  if (env.layout === 'columns' && slide.children.length > 0 && slide.children.every((c) => c.type === 'pair') && placed.items.length > 0) {
    const top = Math.min(...placed.items.filter((it) => it.kind === 'text').map((it) => it.y));
    const x = box.x + (box.w - slideSpec.columns.gutter) / 2 + slideSpec.columns.gutter / 2;
    extra.push({ kind: 'line', x, y: top, w: 0, h: Math.max(0, box.y + placed.h - top), color: COLOR.rule, width: 0.75 });
  }
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    items: [...frame.items, ...extra, ...placed.items],
    numberBox: frame.numberBox,
    notes: notesOf(slide),
    overflow: placed.overflow || frame.overflow,
    contentBox: box,
    height: placed.h,
  };
}
