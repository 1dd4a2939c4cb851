/**
 * Layouts with a band down the left edge (in the left margin): the title
 * slide and the section divider, their content centred in the content box.
 * - `title`: the title block at the slide's `titleSize` (no footer: the
 *   cover carries no slide number);
 * - `section`: the slide's title large at its `titleSize` (`slideSpec.section`),
 *   a short rule in the gap under it, its points below at body size; the
 *   source line and the footer.
 */
import type { Block, SlideBlock, TitleBlock } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { CHROME, COLOR, CONTENT, SLIDE } from '../constants.js';
import { translate, type Box, type Item } from '../draw.js';
import { textHeight } from '../measure.js';
import { drawBody, envOf, place } from './body.js';
import { footer, notesOf, sourceLine, titleParas } from './chrome.js';
import type { Deck, SlidePlan } from './types.js';

function band(): Item {
  return { kind: 'rect', x: 0, y: 0, w: CHROME.sideBand, h: SLIDE.height, fill: COLOR.slideBand };
}

/** The title slide: the title block (or the slide's title when it has none), centred. */
export function coverSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const box: Box = { ...CONTENT };
  const blocks: Block[] = slide.children.some((c) => c.type === 'title')
    ? slide.children
    : [{ type: 'title', title: slide.title, meta: [], cites: [] } satisfies TitleBlock, ...slide.children];
  const env = { ...envOf(slide, deck.links), titleSize: slide.titleSize ?? slideSpec.title.sizes[0] };
  const placed = place(drawBody(blocks, env, box.w), box, 'center');
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    items: [band(), ...placed.items],
    numberBox: null,
    notes: notesOf(slide),
    overflow: placed.overflow,
    contentBox: box,
    height: placed.h,
  };
}

/** A section divider: its title large, a short rule, its points; centred above the source line; the footer. */
export function dividerSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const s = slideSpec.section;
  const foot = footer(deck.meta, slide, deck.links);
  const src = sourceLine(slide, deck.links);
  const box: Box = { ...CONTENT, h: src.top - CONTENT.y };
  const head = titleParas(slide.title, slide.titleSize ?? s.sizes[0], s.line, s.between, deck.links);
  const headH = textHeight(head, box.w);
  const body = slide.children.length > 0 ? drawBody(slide.children, envOf(slide, deck.links), box.w) : null;
  const items: Item[] = [];
  if (head.length > 0) items.push({ kind: 'text', role: 'title', x: 0, y: 0, w: box.w, h: headH, paras: head });
  items.push({ kind: 'rect', x: 0, y: headH + (s.gap - CHROME.rule.h) / 2, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent });
  let h = headH;
  if (body && body.items.length > 0) {
    items.push(...translate(body.items, 0, headH + s.gap));
    h = headH + s.gap + body.h;
  }
  const placed = place({ h, items }, box, 'center');
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    items: [band(), ...placed.items, ...src.items, ...foot.items],
    numberBox: foot.numberBox,
    notes: notesOf(slide),
    overflow: placed.overflow,
    contentBox: box,
    height: placed.h,
  };
}
