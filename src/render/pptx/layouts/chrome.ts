/**
 * What frames a slide's content: the accent band, the bilingual headline
 * with its short rule, the small source line, the footer (the deck's short
 * title, part dots, the slide number) and the speaker notes.
 */
import type { BiInline, DocMeta, SlideBlock } from '../../../ir/types.js';
import { CHROME, COLOR, CONTENT_WIDTH, FLOOR, MARGIN, SLIDE, TYPE } from '../constants.js';
import type { Box, Item, Para } from '../draw.js';
import { biLine, biParas, para, plain, runs, sized, type Links } from '../inline.js';
import { lineCount, textHeight } from '../measure.js';
import type { SlidePlan } from './types.js';

export interface Headline {
  paras: Para[];
  h: number;
  /** True when it takes more lines than allowed even at the title floor. */
  overflow: boolean;
}

/**
 * Bilingual headline paragraphs at `size`, each language shrunk (down to the
 * title floor) until it takes at most two lines; at the floor it may take
 * `maxLines`.
 */
export function headline(title: BiInline, width: number, size: { zh: number; en: number }, links: Links, align: Para['align'] = 'left', maxLines: number = CHROME.titleMaxLines): Headline {
  const out: Para[] = [];
  let overflow = false;
  for (const lang of ['zh', 'en'] as const) {
    const text = title[lang];
    if (plain(text) === '') continue;
    const style = { color: lang === 'zh' ? COLOR.ink : COLOR.en, bold: lang === 'zh' };
    let s = size[lang];
    let p = para(runs(text, lang, { ...style, size: s }, links), 'title', { align });
    while (s > FLOOR.title && lineCount(p.runs, width) > 2) {
      s = sized(s - 1, FLOOR.title);
      p = para(runs(text, lang, { ...style, size: s }, links), 'title', { align });
    }
    if (lineCount(p.runs, width) > maxLines) overflow = true;
    out.push(p);
  }
  if (out.length === 2) out[0] = { ...out[0], spaceAfter: 4 };
  return { paras: out, h: textHeight(out, width), overflow };
}

/** The footer: the deck's short title at the left, part dots and the slide number at the right. */
export function footer(meta: DocMeta, slide: SlideBlock, links: Links): { items: Item[]; numberBox: Box; top: number } {
  const y = SLIDE.height - MARGIN.bottom - CHROME.footer;
  const numberBox = { x: SLIDE.width - MARGIN.right - CHROME.numberWidth, y, w: CHROME.numberWidth, h: CHROME.footer };
  const items: Item[] = [];
  const short = biLine(meta.shortTitle, { size: TYPE.footer, color: COLOR.muted }, '  ·  ', links);
  let right = numberBox.x;
  if (slide.part && slide.part.count > 1) {
    // One dot per part of the continued slide, this part filled.
    const d = 5;
    const step = 9;
    const x0 = right - slide.part.count * step - 4;
    for (let k = 0; k < slide.part.count; k++) {
      items.push({
        kind: 'ellipse',
        x: x0 + k * step,
        y: y + (CHROME.footer - d) / 2,
        w: d,
        h: d,
        ...(k + 1 === slide.part.index ? { fill: COLOR.accent } : { line: { color: COLOR.muted, width: 0.75 } }),
      });
    }
    right = x0;
  }
  if (short.length > 0) {
    const p = para(short, 'small');
    items.push({ kind: 'text', role: 'footer', x: MARGIN.left, y, w: right - MARGIN.left - 12, h: CHROME.footer, paras: [p], valign: 'middle' });
  }
  return { items, numberBox, top: y };
}

/** The slide's small source line, just above `bottom`, or nothing. */
export function sourceLine(slide: SlideBlock, links: Links, bottom: number, x = MARGIN.left, width = CONTENT_WIDTH): { items: Item[]; top: number } {
  const rs = runs(slide.source, 'en', { size: TYPE.small, color: COLOR.muted }, links);
  if (rs.length === 0) return { items: [], top: bottom };
  const p = para(rs, 'small');
  const h = textHeight([p], width);
  return { items: [{ kind: 'text', role: 'small', x, y: bottom - h, w: width, h, paras: [p] }], top: bottom - h };
}

/** Speaker notes as plain text: the notes in both languages and their citations. */
export function notesOf(slide: SlideBlock): SlidePlan['notes'] {
  return { zh: plain(slide.notes?.zh), en: plain(slide.notes?.en), source: plain(slide.notesSource) };
}

export interface Frame {
  items: Item[];
  content: Box;
  numberBox: Box;
  overflow: boolean;
}

/** A content slide's frame: band across the top, headline, short rule; footer and source line at the bottom. */
export function contentFrame(slide: SlideBlock, meta: DocMeta, links: Links): Frame {
  const items: Item[] = [{ kind: 'rect', x: 0, y: 0, w: SLIDE.width, h: CHROME.topBand, fill: COLOR.slideBand }];
  const head = headline(slide.title, CONTENT_WIDTH, TYPE.headline, links);
  const top = MARGIN.top;
  if (head.paras.length > 0) items.push({ kind: 'text', role: 'title', x: MARGIN.left, y: top, w: CONTENT_WIDTH, h: head.h, paras: head.paras });
  const ruleY = top + head.h + CHROME.rule.gap;
  items.push({ kind: 'rect', x: MARGIN.left, y: ruleY, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent });
  const foot = footer(meta, slide, links);
  items.push(...foot.items);
  const src = sourceLine(slide, links, foot.top - 4);
  items.push(...src.items);
  const y = ruleY + CHROME.rule.h + CHROME.contentGap;
  const bottom = src.top - CHROME.footerGap;
  return { items, content: { x: MARGIN.left, y, w: CONTENT_WIDTH, h: bottom - y }, numberBox: foot.numberBox, overflow: head.overflow };
}

/** Bilingual headline paragraphs helper for the cover and dividers (no shrinking rule of their own). */
export function bigTitle(title: BiInline, size: { zh: number; en: number }, links: Links): Para[] {
  return biParas(title, { zh: { size: size.zh, color: COLOR.ink, bold: true }, en: { size: size.en, color: COLOR.en }, kind: 'title', gap: 6 }, links);
}
