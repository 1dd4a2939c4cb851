/**
 * Layouts with a band down the left edge: the cover (`title`), a section
 * divider and the closing slide. The cover holds the title block; a divider
 * and the closing slide set their headline large with their blocks under it,
 * the whole centred on the slide.
 */
import type { Block, SlideBlock, TitleBlock } from '../../../ir/types.js';
import { CHROME, COLOR, MARGIN, SLIDE, TYPE } from '../constants.js';
import { translate, type Box, type Item } from '../draw.js';
import { footer, headline, notesOf, sourceLine } from './chrome.js';
import { fitBlocks } from './fit.js';
import type { Deck, SlidePlan } from './types.js';

const LEFT = CHROME.sideBand + 40;

function band(): Item {
  return { kind: 'rect', x: 0, y: 0, w: CHROME.sideBand, h: SLIDE.height, fill: COLOR.slideBand };
}

/** The cover: the title block (or the slide's title when it has none), centred on the slide. */
export function coverSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const box: Box = { x: LEFT, y: MARGIN.top, w: SLIDE.width - LEFT - 56, h: SLIDE.height - MARGIN.top - MARGIN.bottom - 8 };
  const blocks: Block[] = slide.children.some((c) => c.type === 'title')
    ? slide.children
    : [{ type: 'title', title: slide.title, meta: [], cites: [] } satisfies TitleBlock, ...slide.children];
  const fitted = fitBlocks(blocks, box, { layout: 'title', links: deck.links, maxScale: 1, place: 'center' });
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    items: [band(), ...fitted.items],
    numberBox: null,
    notes: notesOf(slide),
    scale: fitted.scale,
    overflow: fitted.overflow,
    contentBox: box,
  };
}

/** A section divider or the closing slide: a large headline, a short rule, the blocks, centred; the footer. */
export function dividerSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const width = SLIDE.width - LEFT - 56;
  const head = headline(slide.title, width, TYPE.section, deck.links, 'left', 4);
  const foot = footer(deck.meta, slide, deck.links);
  const src = sourceLine(slide, deck.links, foot.top - 4, LEFT, width);
  const top = MARGIN.top + 12;
  const bottom = src.top - CHROME.footerGap;
  const ruleGap = 14;
  const childBox: Box = { x: LEFT, y: 0, w: width, h: bottom - top - head.h - 2 * ruleGap - CHROME.rule.h };
  const fitted = slide.children.length > 0 ? fitBlocks(slide.children, { ...childBox, y: 0 }, { layout: slide.layout, links: deck.links, maxScale: 1, place: 'top' }) : null;
  const childH = fitted ? fitted.h : 0;
  // Content placed as high as fitBlocks put it: measure from its first item.
  const childTop = fitted && fitted.items.length > 0 ? Math.min(...fitted.items.map((it) => it.y)) : 0;
  const total = head.h + ruleGap + CHROME.rule.h + (childH > 0 ? ruleGap + childH : 0);
  const y0 = top + Math.max(0, (bottom - top - total) / 2);
  const items: Item[] = [band()];
  if (head.paras.length > 0) items.push({ kind: 'text', role: 'title', x: LEFT, y: y0, w: width, h: head.h, paras: head.paras });
  const ruleY = y0 + head.h + ruleGap;
  items.push({ kind: 'rect', x: LEFT, y: ruleY, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent });
  if (fitted) items.push(...translate(fitted.items, 0, ruleY + CHROME.rule.h + ruleGap - childTop));
  items.push(...foot.items, ...src.items);
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    items,
    numberBox: foot.numberBox,
    notes: notesOf(slide),
    scale: fitted?.scale ?? 1,
    overflow: head.overflow || (fitted?.overflow ?? false),
    contentBox: { ...childBox, y: ruleY + CHROME.rule.h + ruleGap },
  };
}
