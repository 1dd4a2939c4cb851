/**
 * Slide brief (16:9): one slide per entry of the article's slide outline,
 * filled from the structured items (takeaways, recommendations, timeline,
 * glossary, source). Every slide is bilingual (Chinese first, English under
 * it) and carries the outline's speaker notes.
 *
 * Fitting: a slide's content is estimated at the normal slide type scale; if
 * it does not fit, the slide is set `compact` (smaller type, tighter spacing,
 * see `slideType` in the theme); only when it does not fit even compact is it
 * split deterministically into "(1/2)", "(2/2)" slides. Text is never cut.
 *
 * Layout `title` slides: backends draw the children (a title block); the
 * slide title then only names the slide (navigation, outline, notes).
 */
import { actorOf } from '../src/model/types.js';
import type { Article, Bi, SlideOutline } from '../src/model/types.js';
import type { Block, Doc, Inline, PairBlock, SlideBlock, TableBlock } from '../src/ir/types.js';
import { slideTimeline, slideType, theme, type SlideDensity } from '../src/theme/theme.js';
import { LABELS } from '../src/theme/labels.js';
import { articleMetaLines, biInline, byDate, docMeta, inline, licenceLine, titleBlock, uniq, FW } from './format.js';
import { certaintyNotes } from './certainty.js';
import { glossaryTable, timelineFigure } from './summary.js';

/** Geometry of the slide content box in points, derived from the theme. */
const page = theme.pages.slide;
const [marginLeft, marginTop, marginRight, marginBottom] = page.margin;
export const SLIDE_CONTENT_WIDTH = page.width - marginLeft - marginRight;
/** Headline block: Chinese and English lines and the gap under them. */
const titleHeight = (d: SlideDensity) => {
  const t = slideType(d);
  return t.title * 1.3 + t.titleEn * 1.3 + (d === 'compact' ? 6 : 10);
};
/** Footer line (short title, slide number) and the gap above it. */
const FOOTER_HEIGHT = theme.size.slideSmall * 1.6 + 6;
/** Share of the body box the estimate may fill: room for wider glyphs and rounding in each renderer. */
const SAFETY = 0.9;
/** Glossary rows above which the slide sets terms two across. */
const GLOSSARY_ONE_ACROSS = 6;
/** At most this many points on one slide, whatever the estimate says. */
export const MAX_POINTS = 8;

/** Height budget in points for a slide body at a density. */
export function slideCapacity(density: SlideDensity): number {
  return Math.floor((page.height - marginTop - marginBottom - titleHeight(density) - FOOTER_HEIGHT) * SAFETY);
}
/** Height budget of a normal slide body (kept for callers that do not pass a density). */
export const SLIDE_BODY_BUDGET = slideCapacity('normal');

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201F\u2026]/u;

/** Rough width of a string in ems: CJK and full-width characters 1, others ~0.56. */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 1 : ch === ' ' ? 0.25 : 0.56;
  return w;
}

const UNIT = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+/gu;

/** A run of text set at one size. */
export interface Seg {
  text: string;
  size: number;
}

/**
 * Lines that runs of text wrap to in `width` points: greedy, Chinese by
 * character, Latin by word (a word longer than the line breaks anywhere).
 */
export function lineCount(segs: readonly Seg[] | string, size: number | undefined, width: number): number {
  const runs = typeof segs === 'string' ? [{ text: segs, size: size ?? 1 }] : segs;
  if (runs.every((r) => r.text === '')) return 0;
  let lines = 1;
  let x = 0;
  for (const r of runs) {
    for (const u of r.text.match(UNIT) ?? []) {
      const w = ems(u.trimEnd()) * r.size;
      const total = ems(u) * r.size;
      if (x > 0 && x + w > width) {
        lines++;
        x = 0;
      }
      if (w > width) {
        lines += Math.floor(w / width);
        x = w % width;
      } else x += total;
    }
  }
  return lines;
}

const plainOf = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');
const citeText = (cites: readonly string[]) => (cites.length ? `¶ ${cites.join(', ')}` : '');

/** Size of the ¶ citation runs at a density. */
export const citeSize = (d: SlideDensity) => slideType(d).small * 0.8;

/**
 * Height of Chinese then English text with its citations, at a density:
 * `line` puts them on a line of their own (points), `zh` after the Chinese (list items).
 */
function textHeight(zh: string, en: string, width: number, d: SlideDensity, cites: readonly string[], place: 'line' | 'zh'): number {
  const t = slideType(d);
  const cite = { text: ` ${citeText(cites)}`, size: citeSize(d) };
  const zhSegs = [{ text: zh, size: t.body }, ...(place === 'zh' && cites.length ? [cite] : [])];
  const h = lineCount(zhSegs, undefined, width) * t.body * t.lineZh + lineCount(en, t.bodyEn, width) * t.bodyEn * t.lineEn;
  return h + (place === 'line' && cites.length ? lineCount(citeText(cites), cite.size, width) * cite.size * 1.2 : 0);
}


/**
 * Estimated height in points of a slide's body blocks at a density — the one
 * estimate the template fits slides by. It mirrors how the backends set each
 * block (sizes and spacing from `slideType`), on the generous side.
 */
export function estimateHeight(blocks: readonly Block[], density: SlideDensity, width = SLIDE_CONTENT_WIDTH): number {
  const t = slideType(density);
  let h = 0;
  for (const b of blocks) {
    switch (b.type) {
      case 'pair': {
        const w = b.marker ? width - (t.small * 1.5 + 10) : width;
        h += textHeight(plainOf(b.zh), plainOf(b.en), w, density, b.cites, 'line') + t.gap;
        break;
      }
      case 'list':
        for (const it of b.items) h += textHeight(plainOf(it.text.zh), plainOf(it.text.en), width - t.body * 1.2, density, it.cites, 'zh') + t.gap;
        break;
      case 'paragraph': {
        const size = b.role === 'note' || b.role === 'meta' ? t.small : b.lang === 'zh' ? t.body : t.bodyEn;
        h += lineCount(plainOf(b.text), size, width) * size * 1.4 + 6;
        break;
      }
      case 'table': {
        const weights = b.columns.map((c) => c.weight ?? 1);
        const sum = weights.reduce((s, x) => s + x, 0);
        const row = (cells: { zh: string; en: string }[]) =>
          Math.max(
            ...cells.map((c, i) => {
              const w = (width * weights[i]) / sum - 12;
              return lineCount(c.zh, t.bodyEn, w) * t.bodyEn * t.lineZh + lineCount(c.en, t.bodyEn, w) * t.bodyEn * t.lineEn;
            }),
          ) + 9;
        h += row(b.columns.map((c) => ({ zh: plainOf(c.text.zh), en: plainOf(c.text.en) })));
        for (const r of b.rows) h += row(r.map((c) => ({ zh: plainOf(c.text.zh), en: plainOf(c.text.en) })));
        h += t.gap;
        break;
      }
      case 'figure': {
        // One row of equal columns along an axis: date, dot, Chinese, English, citations.
        const n = Math.max(1, b.events.length);
        const z = slideTimeline(density);
        const col = (width - z.gap * (n - 1)) / n;
        const label = Math.max(
          ...b.events.map(
            (e) =>
              lineCount(plainOf(e.dateLabel.zh), z.zh, col) * z.zh * 1.3 +
              lineCount(plainOf(e.dateLabel.en), z.en, col) * z.en * 1.3 +
              lineCount(plainOf(e.text.zh), z.zh, col) * z.zh * t.lineZh +
              lineCount(plainOf(e.text.en), z.en, col) * z.en * t.lineEn +
              lineCount(citeText(e.cites), z.cite, col) * z.cite * 1.2,
          ),
        );
        h += label + 14 + 8 + t.gap;
        break;
      }
      default:
        // Blocks the slides template does not put on content slides: a generous guess.
        h += 3 * t.body * t.lineZh;
    }
  }
  return h;
}

/** Whether blocks fit a slide body at a density. */
export function fits(blocks: readonly Block[], density: SlideDensity): boolean {
  return estimateHeight(blocks, density) <= slideCapacity(density);
}

/** `items` split into `n` consecutive parts as evenly as possible (earlier parts take the remainder). */
export function evenParts<T>(items: readonly T[], n: number): T[][] {
  const base = Math.floor(items.length / n);
  const extra = items.length % n;
  const out: T[][] = [];
  for (let k = 0, i = 0; k < n; k++) {
    const size = base + (k < extra ? 1 : 0);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

interface Part {
  children: Block[];
  density: SlideDensity;
}

/**
 * Place items on as few slides as fit: one slide at normal size, else one
 * compact slide, else the fewest even parts that each fit compact. A part
 * that fits at normal size keeps normal size. One item always makes a part.
 */
export function fitItems<T>(items: readonly T[], build: (part: readonly T[], last: boolean) => Block[], maxItems = Infinity): Part[] {
  const place = (part: readonly T[], last: boolean): Part | null => {
    const children = build(part, last);
    if (part.length <= 1) return { children, density: fits(children, 'normal') ? 'normal' : 'compact' };
    if (part.length > maxItems) return null;
    if (fits(children, 'normal')) return { children, density: 'normal' };
    if (fits(children, 'compact')) return { children, density: 'compact' };
    return null;
  };
  for (let n = 1; n <= Math.max(1, items.length); n++) {
    const parts = evenParts(items, n).map((part, k) => place(part, k === n - 1));
    if (parts.every((p): p is Part => p !== null)) return parts;
  }
  return [{ children: build(items, true), density: 'compact' }];
}

function pair(b: Bi, cites: string[], marker?: string): PairBlock {
  return { type: 'pair', zh: inline(b.zh), en: inline(b.en), cites, ...(marker ? { marker } : {}) };
}

/** A slide's content before numbering. */
interface Draft {
  outline: SlideOutline;
  layout: SlideBlock['layout'];
  children: Block[];
  density: SlideDensity;
}

type Filler = (outline: SlideOutline, article: Article) => Draft[];

const drafts = (outline: SlideOutline, parts: Part[]): Draft[] => parts.map((p) => ({ outline, layout: 'content', ...p }));

function pairsSlides(outline: SlideOutline, items: { text: Bi; cites: string[] }[], numbered: boolean): Draft[] {
  const indexed = items.map((it, i) => ({ ...it, i }));
  return drafts(
    outline,
    fitItems(indexed, (part) => part.map((it) => pair(it.text, it.cites, numbered ? String(it.i + 1) : undefined)), MAX_POINTS),
  );
}

/** Recommendations in actor order (source order within an actor), each with its actor as a bold lead-in. */
export function recommendationItems(article: Article) {
  const rank = (id: string) => article.actors.findIndex((a) => a.id === id);
  return article.recommendations
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r.actor) - rank(b.r.actor) || a.i - b.i)
    .map(({ r }) => {
      const actor = actorOf(article, r.actor);
      return {
        text: {
          zh: [{ text: `${actor.zh}${FW.colon}`, strong: true }, { text: r.text.zh }],
          en: [{ text: `${actor.en}: `, strong: true }, { text: r.text.en }],
        },
        cites: r.cites,
      };
    });
}

/** Glossary rows (term; name in both languages), set two across when there are many. */
export function glossarySlideTable(article: Article, rows: readonly Article['glossary'][number][]): TableBlock {
  const base = glossaryTable(article);
  const columns = base.columns.slice(0, 2);
  const cells = (t: Article['glossary'][number]) => [{ text: { zh: inline(t.term) } }, { text: biInline(t.name), cites: t.cites }];
  const cites = uniq(rows.flatMap((t) => t.cites));
  if (rows.length <= GLOSSARY_ONE_ACROSS) return { ...base, columns, rows: rows.map(cells), cites };
  // Two across: the first half runs down the left columns, the second half down the right ones.
  const [left, right] = evenParts(rows, 2);
  return {
    ...base,
    columns: [...columns, ...columns],
    rows: left.map((t, i) => [...cells(t), ...(right[i] ? cells(right[i]) : [{ text: {} }, { text: {} }])]),
    cites,
  };
}

/** One filler per slide kind; unknown kinds fall back to their explicit points. */
const fillers: Record<SlideOutline['kind'], Filler> = {
  title: (outline, article) => [{ outline, layout: 'title', children: [titleBlock(article, 'slides')], density: 'normal' }],
  takeaways: (outline, article) =>
    pairsSlides(outline, article.takeaways.map((t) => ({ text: t.text, cites: t.cites })), true),
  points: (outline) => pairsSlides(outline, outline.points, false),
  recommendations: (outline, article) =>
    drafts(
      outline,
      fitItems(recommendationItems(article), (part) => [
        { type: 'list', ordered: false, cites: uniq(part.flatMap((it) => it.cites)), items: part.map((it) => ({ text: it.text, cites: it.cites })) },
      ]),
    ),
  timeline: (outline, article) =>
    // The columns are too narrow for the notes of inferred or uncertain dates: they go under the figure.
    drafts(outline, fitItems(byDate(article.timeline), (events) => [timelineFigure(events, false), ...certaintyNotes(events)])),
  glossary: (outline, article) => {
    // Term and name only; definitions stay in the summary. Without a source slide the last part names the source.
    const foot = article.slides.some((s) => s.kind === 'source') ? [] : sourceFoot(article);
    return drafts(outline, fitItems(article.glossary, (rows, last) => [glossarySlideTable(article, rows), ...(last ? foot : [])]));
  },
  source: (outline, article) => {
    const children: Block[] = [
      ...articleMetaLines(article).map((l) => ({
        type: 'pair' as const,
        zh: [{ text: `${l.label.zh}${FW.colon}`, strong: true }, { text: l.value.zh, ...(l.href ? { href: l.href } : {}) }],
        en: [{ text: `${l.label.en}: `, strong: true }, { text: l.value.en, ...(l.href ? { href: l.href } : {}) }],
        cites: [],
      })),
      { type: 'paragraph', lang: 'zh', role: 'note', text: inline(licenceLine(article).zh), cites: [] },
      { type: 'paragraph', lang: 'en', role: 'note', text: inline(licenceLine(article).en), cites: [] },
    ];
    return [{ outline, layout: 'content', children, density: fits(children, 'normal') ? 'normal' : 'compact' }];
  },
};

/** The source in two note lines (Chinese, English): the original, the publisher and date, the font licence. */
export function sourceFoot(article: Article): Block[] {
  // The original's address is on the title slide and behind the outlet's link; spelt out here it would crowd the glossary.
  const lines = articleMetaLines(article).filter((l) => l.label !== LABELS.originalUrl);
  const line = (lang: 'zh' | 'en'): Inline => {
    const out: Inline = [];
    lines.forEach((l, i) => {
      if (i > 0) out.push({ text: lang === 'zh' ? FW.comma : '; ' });
      out.push({ text: `${l.label[lang]}${lang === 'zh' ? FW.colon : ': '}` }, { text: l.value[lang], ...(l.href ? { href: l.href } : {}) });
    });
    out.push({ text: lang === 'zh' ? FW.period : '. ' }, { text: licenceLine(article)[lang] });
    return out;
  };
  return [
    { type: 'paragraph', id: 'source', lang: 'zh', role: 'note', text: line('zh'), cites: [] },
    { type: 'paragraph', lang: 'en', role: 'note', text: line('en'), cites: [] },
  ];
}

/** The title of part `k` of `n`: `时间线（1/2）`, `Timeline (1/2)`. */
export function partTitle(title: Bi, k: number, n: number): Bi {
  return n === 1 ? title : { zh: `${title.zh}${FW.open}${k}/${n}${FW.close}`, en: `${title.en} (${k}/${n})` };
}

function childCites(blocks: Block[]): string[] {
  return blocks.flatMap((b) => b.cites);
}

export function slides(article: Article): Doc {
  const used = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  const blocks: SlideBlock[] = [];
  for (const outline of article.slides) {
    const filler = fillers[outline.kind] ?? fillers.points;
    const parts = filler(outline, article);
    parts.forEach((d, k) => {
      blocks.push({
        type: 'slide',
        id: uniqueId(parts.length === 1 ? outline.id : `${outline.id}-${k + 1}`),
        number: blocks.length + 1,
        layout: d.layout,
        title: biInline(partTitle(outline.title, k + 1, parts.length)),
        children: d.children,
        notes: biInline(outline.notes),
        cites: uniq([...outline.cites, ...childCites(d.children)]),
        ...(d.density === 'compact' ? { density: 'compact' as const } : {}),
      });
    });
  }
  return { product: 'slides', page: 'slide', meta: docMeta(article, 'slides'), blocks };
}
