/**
 * What frames a slide's content, as the slide geometry places it
 * (`slideSpec`): the accent band in the top margin, the bilingual headline at
 * the slide's `titleSize` with a short rule in the space under it, the small
 * source line at the foot of the content box, the footer in the bottom margin
 * (the deck's short title, part dots, the slide number) and the speaker notes.
 */
import type { BiInline, DocMeta, SlideBlock } from '../../../ir/types.js';
import { slideSpec, type SizePair } from '../../../theme/theme.js';
import { CHROME, COLOR, CONTENT, HEADLINE_SIZE, MARGIN, SLIDE } from '../constants.js';
import type { Box, Item, Para } from '../draw.js';
import { biLine, biParas, para, plain, runs, type Links } from '../inline.js';
import { lineCount, textHeight } from '../measure.js';
import type { SlidePlan } from './types.js';

export interface Headline {
  paras: Para[];
  h: number;
  /** True when a language takes more lines than the geometry allows (`maxLines`). */
  overflow: boolean;
}

/**
 * Bilingual title paragraphs at `size`: Chinese bold over English, each line
 * `line` ems apart, `between` points between the languages. Never shrunk:
 * the template chose the size at which it fits.
 */
export function titleParas(title: BiInline, size: SizePair, line: number, between: number, links: Links, align: Para['align'] = 'left'): Para[] {
  return biParas(
    title,
    {
      zh: { size: size.zh, color: COLOR.ink, bold: true, line, small: size.zh },
      en: { size: size.en, color: COLOR.en, line, small: size.en },
      gap: between,
      align,
    },
    links,
  );
}

/** The headline of a content slide at the slide's title size. */
export function headline(slide: SlideBlock, links: Links, width: number = CONTENT.w): Headline {
  const h = slideSpec.headline;
  const paras = titleParas(slide.title, slide.titleSize ?? HEADLINE_SIZE, h.line, h.between, links);
  const overflow = paras.some((p) => lineCount(p.runs, width) > h.maxLines);
  return { paras, h: textHeight(paras, width), overflow };
}

/** The footer in the bottom margin: the deck's short title at the left, part dots and the slide number at the right. */
export function footer(meta: DocMeta, slide: SlideBlock, links: Links): { items: Item[]; numberBox: Box } {
  const { y, h } = CHROME.footer;
  const size = slideSpec.footer.size;
  const numberBox = { x: SLIDE.width - MARGIN.right - CHROME.numberWidth, y, w: CHROME.numberWidth, h };
  const items: Item[] = [];
  const short = biLine(meta.shortTitle, { size, color: COLOR.muted, small: size }, '  ·  ', links);
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
        y: y + (h - d) / 2,
        w: d,
        h: d,
        ...(k + 1 === slide.part.index ? { fill: COLOR.accent } : { line: { color: COLOR.muted, width: 0.75 } }),
      });
    }
    right = x0;
  }
  if (short.length > 0) items.push({ kind: 'text', role: 'footer', x: MARGIN.left, y, w: right - MARGIN.left - 12, h, paras: [para(short, size * 1.3)], valign: 'middle' });
  return { items, numberBox };
}

/** The slide's small source line at the foot of the content box (`slideSpec.source`), or nothing. */
export function sourceLine(slide: SlideBlock, links: Links, x: number = CONTENT.x, width: number = CONTENT.w): { items: Item[]; top: number } {
  const s = slideSpec.source;
  const bottom = CONTENT.y + CONTENT.h;
  const rs = runs(slide.source, 'en', { size: s.size, color: COLOR.muted, small: s.size }, links);
  if (rs.length === 0) return { items: [], top: bottom };
  const p = para(rs, s.size * s.line);
  const h = textHeight([p], width);
  return { items: [{ kind: 'text', role: 'small', x, y: bottom - h, w: width, h, paras: [p] }], top: bottom - h - s.before };
}

/** Speaker notes as plain text: the notes in both languages and their citations. */
export function notesOf(slide: SlideBlock): SlidePlan['notes'] {
  return { zh: plain(slide.notes?.zh), en: plain(slide.notes?.en), source: plain(slide.notesSource) };
}

export interface Frame {
  items: Item[];
  /** The body box: under the headline, above the source line. */
  content: Box;
  numberBox: Box;
  overflow: boolean;
}

/** A content slide's frame: band across the top, headline and its rule; source line and footer at the foot. */
export function contentFrame(slide: SlideBlock, meta: DocMeta, links: Links): Frame {
  const items: Item[] = [{ kind: 'rect', x: 0, y: 0, w: SLIDE.width, h: CHROME.topBand, fill: COLOR.slideBand }];
  const head = headline(slide, links);
  if (head.paras.length > 0) items.push({ kind: 'text', role: 'title', x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: head.h, paras: head.paras });
  const headBottom = CONTENT.y + head.h;
  items.push({ kind: 'rect', x: CONTENT.x, y: headBottom + CHROME.rule.gap, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent });
  const foot = footer(meta, slide, links);
  const src = sourceLine(slide, links);
  items.push(...src.items, ...foot.items);
  const y = headBottom + slideSpec.headline.after;
  return { items, content: { x: CONTENT.x, y, w: CONTENT.w, h: src.top - y }, numberBox: foot.numberBox, overflow: head.overflow };
}
