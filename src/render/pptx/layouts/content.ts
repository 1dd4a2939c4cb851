/**
 * Layouts with a headline over content: points (and the former `content`),
 * statement, columns, checklist, glossary and timeline. Each fits the
 * slide's blocks into the box under the headline; some try a second
 * arrangement (two columns of items, a grid of term cards) and keep the one
 * that sets the text larger.
 */
import type { Block, PairBlock, SlideBlock } from '../../../ir/types.js';
import { COLOR, GAP } from '../constants.js';
import { stack, translate, type Drawn, type Item } from '../draw.js';
import { plain } from '../inline.js';
import { itemGap, type PptxState } from '../state.js';
import { contentFrame, notesOf } from './chrome.js';
import { fitBlocks, type FitOptions, type Fitted } from './fit.js';
import type { Deck, SlidePlan } from './types.js';

type Draw = NonNullable<FitOptions['draw']>;

/** Items of a slide as one flat list of blocks: a list's items become pairs (for cards and columns of items). */
function flatItems(blocks: readonly Block[]): Block[] | null {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'pair' || b.type === 'checkItem') out.push(b);
    else if (b.type === 'list' && !b.ordered && b.items.every((it) => !it.children || it.children.length === 0)) {
      for (const it of b.items) out.push({ type: 'pair', zh: it.text.zh ?? [], en: it.text.en ?? [], cites: it.cites, ...(it.source ? { source: it.source } : {}) } satisfies PairBlock);
    } else return null;
  }
  return out;
}

/** Items in `cols` columns, filled down the first column first; optionally each on a tinted card. */
function columnsOf(cols: number, cards: boolean): Draw {
  return (blocks, env) => {
    const items = flatItems(blocks) ?? [...blocks];
    const gutter = GAP.gutter * env.scale;
    const colW = (env.width - gutter * (cols - 1)) / cols;
    const pad = cards ? 10 * env.scale : 0;
    const cell = { ...env, width: colW - 2 * pad };
    const drawn = items.map((b) => stack(cell.one(b), itemGap(env)));
    const perCol = Math.ceil(items.length / cols);
    if (cards) {
      // Cards in rows, each row as tall as its tallest card.
      const out: Item[] = [];
      let y = 0;
      for (let r = 0; r * cols < drawn.length; r++) {
        const row = drawn.slice(r * cols, r * cols + cols);
        const h = Math.max(...row.map((d) => d.h)) + 2 * pad;
        row.forEach((d, c) => {
          const x = c * (colW + gutter);
          out.push({ kind: 'rect', x, y, w: colW, h, fill: COLOR.panel }, { kind: 'rect', x, y, w: 3, h, fill: COLOR.accent });
          out.push(...translate(d.items, x + pad, y + pad));
        });
        y += h + itemGap(env) * 0.75;
      }
      return { h: Math.max(0, y - itemGap(env) * 0.75), items: out };
    }
    const columns = Array.from({ length: cols }, (_, c) => stack(drawn.slice(c * perCol, c * perCol + perCol), itemGap(env)));
    return { h: Math.max(...columns.map((c) => c.h)), items: columns.flatMap((c, i) => translate(c.items, i * (colW + gutter), 0)) };
  };
}

/** A rule between the Chinese and the English column of a `columns` slide, as tall as its content. */
function columnsDivider(env: Pick<PptxState, 'scale'>, fitted: Fitted, box: { x: number; y: number; w: number }): Item[] {
  const markerW = Math.max(GAP.marker * env.scale, 30);
  const colW = (box.w - markerW - GAP.gutter) / 2;
  const top = Math.min(...fitted.items.map((it) => it.y));
  return [{ kind: 'line', x: box.x + markerW + colW + GAP.gutter / 2, y: top, w: 0, h: fitted.h, color: COLOR.rule, width: 0.75 }];
}

/** The best of several arrangements: the one at the largest scale (the first when equal), overflowing ones last. */
function best(candidates: Fitted[]): Fitted {
  return candidates.reduce((a, b) => ((b.overflow ? 0 : b.scale) > (a.overflow ? 0 : a.scale) ? b : a));
}

export function contentSlide(slide: SlideBlock, deck: Deck): SlidePlan {
  const frame = contentFrame(slide, deck.meta, deck.links);
  const layout = slide.layout;
  const base: FitOptions = {
    layout,
    links: deck.links,
    slideTitle: plain(slide.title.zh),
    ...(slide.density === 'compact' ? { maxScale: 1 } : {}),
    place: layout === 'statement' || layout === 'timeline' ? 'center' : 'top',
  };
  const box = frame.content;
  const candidates: Fitted[] = [fitBlocks(slide.children, box, base)];
  const items = flatItems(slide.children);
  if (layout === 'glossary' && items && items.length > 0) {
    candidates.unshift(fitBlocks(slide.children, box, { ...base, draw: columnsOf(items.length >= 3 ? 2 : 1, true) }));
  } else if ((layout === 'checklist' || layout === 'points' || layout === 'content') && items && items.length >= 4 && candidates[0].scale < 1) {
    candidates.push(fitBlocks(slide.children, box, { ...base, draw: columnsOf(2, false) }));
  }
  const fitted = best(candidates);
  const extra: Item[] = layout === 'columns' && items && items.length > 0 && !fitted.overflow ? columnsDivider({ scale: fitted.scale }, fitted, box) : [];
  return {
    number: slide.number,
    id: slide.id,
    layout,
    items: [...frame.items, ...extra, ...fitted.items],
    numberBox: frame.numberBox,
    notes: notesOf(slide),
    scale: fitted.scale,
    overflow: fitted.overflow || frame.overflow,
    contentBox: box,
  };
}
