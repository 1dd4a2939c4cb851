/**
 * Slide layout: the chrome of each slide (bands, bilingual headline, rule,
 * footer) and its content, drawn by the block handlers at the largest font
 * scale that fits the content box. Pure: SlideBlock → drawing list.
 */
import type { BiInline, Block, DocMeta, SlideBlock, TitleBlock } from '../../ir/types.js';
import { slideType, type SlideDensity } from '../../theme/theme.js';
import { CHROME, COLOR, CONTENT_WIDTH, GAP, SCALES, SIZE, SLIDE } from './constants.js';
import type { Box, Drawn, Item, Para } from './draw.js';
import { stack, translate } from './draw.js';
import { handlers, unknown } from './handlers/index.js';
import { createState, type Env } from './state.js';
import { biParas, plain, scaled } from './inline.js';
import { lineCount, textHeight } from './measure.js';

export interface SlidePlan {
  number: number;
  items: Item[];
  /** Box of the native slide-number field. */
  numberBox: Box;
  notes: { zh: string; en: string };
  /** Font scale the content was drawn at. */
  scale: number;
  /** True when even the smallest scale did not fit (reported, never silent). */
  overflow: boolean;
  /** The content box the blocks had to fit in. */
  contentBox: Box;
}

/** Font scales tried for a slide, largest first: a compact slide starts at the theme's compact body size. */
export function scalesFor(density: SlideDensity | undefined): number[] {
  if (density !== 'compact') return [...SCALES];
  const start = Math.round((slideType('compact').body / slideType('normal').body) * 1000) / 1000;
  return [start, ...SCALES.filter((s) => s < start)];
}

/** Draw `blocks` in `box` at the largest scale that fits; also report whether it fitted. */
export function fitBlocks(blocks: readonly Block[], box: Box, env: Omit<Env, 'scale'>, density?: SlideDensity): { drawn: Drawn; scale: number; overflow: boolean } {
  let last: Drawn = { h: 0, items: [] };
  const scales = scalesFor(density);
  for (const scale of scales) {
    last = stack(createState({ ...env, width: box.w, scale, density, startScale: scales[0] }, handlers, unknown).all(blocks), GAP.block * scale);
    if (last.h <= box.h) return { drawn: last, scale, overflow: false };
  }
  return { drawn: last, scale: scales[scales.length - 1], overflow: true };
}

/** Bilingual headline paragraphs, shrunk until the Chinese takes at most two lines. */
export function headline(title: BiInline, width: number, density?: SlideDensity): Para[] {
  const t = slideType(density);
  for (const scale of SCALES) {
    const paras = biParas(title, {
      zh: { size: scaled(t.title, scale), color: COLOR.ink, bold: true },
      en: { size: scaled(t.titleEn, scale), color: COLOR.en },
      gap: 1,
    });
    if (paras.every((p) => lineCount(p.runs, width) <= CHROME.titleMaxLines)) return paras;
  }
  return biParas(title, {
    zh: { size: scaled(SIZE.headlineZh, SCALES[SCALES.length - 1]), color: COLOR.ink, bold: true },
    en: { size: scaled(SIZE.headlineEn, SCALES[SCALES.length - 1]), color: COLOR.en },
  });
}

function footer(meta: DocMeta, showTitle: boolean): { items: Item[]; numberBox: Box } {
  const y = SLIDE.bottom + 4;
  const numberBox = { x: SLIDE.right - CHROME.numberWidth, y, w: CHROME.numberWidth, h: CHROME.footer };
  if (!showTitle) return { items: [], numberBox };
  const zh = plain(meta.shortTitle.zh);
  const en = plain(meta.shortTitle.en);
  const paras: Para[] = [
    {
      runs: [
        ...(zh ? [{ text: zh, lang: 'zh' as const, size: SIZE.small - 1, color: COLOR.muted }] : []),
        ...(en ? [{ text: zh ? `  ·  ${en}` : en, lang: 'en' as const, size: SIZE.small - 1, color: COLOR.muted }] : []),
      ],
    },
  ];
  const items: Item[] = paras[0].runs.length
    ? [{ kind: 'text', x: SLIDE.left, y, w: SLIDE.right - SLIDE.left - CHROME.numberWidth, h: CHROME.footer, paras, valign: 'middle' }]
    : [];
  return { items, numberBox };
}

function notesOf(slide: SlideBlock): { zh: string; en: string } {
  return { zh: plain(slide.notes?.zh), en: plain(slide.notes?.en) };
}

/** A content slide: top band, headline, rule, content, footer. */
function contentSlide(slide: SlideBlock, meta: DocMeta): SlidePlan {
  const items: Item[] = [{ kind: 'rect', x: 0, y: 0, w: SLIDE.width, h: CHROME.topBand, fill: COLOR.slideBand }];
  const head = headline(slide.title, CONTENT_WIDTH, slide.density);
  const headH = textHeight(head, CONTENT_WIDTH);
  items.push({ kind: 'text', x: SLIDE.left, y: SLIDE.top, w: CONTENT_WIDTH, h: headH, paras: head });
  const ruleY = SLIDE.top + headH + CHROME.titleGap;
  items.push({ kind: 'line', x: SLIDE.left, y: ruleY, w: CONTENT_WIDTH, h: 0, color: COLOR.rule, width: 0.75 });
  const contentBox: Box = { x: SLIDE.left, y: ruleY + CHROME.contentGap, w: CONTENT_WIDTH, h: SLIDE.bottom - ruleY - CHROME.contentGap };
  const fit = fitBlocks(slide.children, contentBox, { slideTitle: plain(slide.title.zh) }, slide.density);
  // A lone figure sits in the middle of the content box; text starts at the top.
  const centre = slide.children.length === 1 && slide.children[0].type === 'figure';
  const dy = centre ? Math.max(0, (contentBox.h - fit.drawn.h) / 2) : 0;
  items.push(...translate(fit.drawn.items, contentBox.x, contentBox.y + dy));
  const foot = footer(meta, true);
  items.push(...foot.items);
  return { number: slide.number, items, numberBox: foot.numberBox, notes: notesOf(slide), scale: fit.scale, overflow: fit.overflow, contentBox };
}

/** A title slide: a band down the left edge, the title block centred vertically. */
function titleSlide(slide: SlideBlock, meta: DocMeta): SlidePlan {
  const items: Item[] = [{ kind: 'rect', x: 0, y: 0, w: CHROME.sideBand, h: SLIDE.height, fill: COLOR.slideBand }];
  const left = SLIDE.left + CHROME.sideBand + 14;
  const contentBox: Box = { x: left, y: SLIDE.top, w: SLIDE.right - left - 24, h: SLIDE.bottom - SLIDE.top };
  const blocks: Block[] = slide.children.some((c) => c.type === 'title')
    ? slide.children
    : [{ type: 'title', title: slide.title, meta: [], cites: [] } satisfies TitleBlock, ...slide.children];
  const fit = fitBlocks(blocks, contentBox, {});
  const dy = Math.max(0, (contentBox.h - fit.drawn.h) / 2);
  items.push(...translate(fit.drawn.items, contentBox.x, contentBox.y + dy));
  const foot = footer(meta, false);
  return { number: slide.number, items, numberBox: foot.numberBox, notes: notesOf(slide), scale: fit.scale, overflow: fit.overflow, contentBox };
}

export function layoutSlide(slide: SlideBlock, meta: DocMeta): SlidePlan {
  return slide.layout === 'title' ? titleSlide(slide, meta) : contentSlide(slide, meta);
}

/**
 * The Doc's slides. Blocks outside any slide (a Doc not made by the slides
 * template) each get a content slide of their own rather than vanish.
 */
export function slidesOf(blocks: readonly Block[]): SlideBlock[] {
  const out: SlideBlock[] = [];
  for (const b of blocks) {
    const number = out.length + 1;
    if (b.type === 'slide') out.push({ ...b, number });
    else out.push({ type: 'slide', id: b.id ?? `slide-${number}`, number, layout: b.type === 'title' ? 'title' : 'content', title: b.type === 'title' ? b.title : b.type === 'heading' ? b.text : {}, children: b.type === 'heading' ? [] : [b], cites: b.cites });
  }
  return out;
}
