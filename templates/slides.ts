/**
 * Slide brief (16:9): one slide per entry of the article's slide outline,
 * filled from the structured items (takeaways, recommendations, timeline,
 * glossary, source). Every slide is bilingual (Chinese first, English under
 * it) and carries the outline's speaker notes. A slide that would hold more
 * than fits is split deterministically into "(1/2)", "(2/2)" slides.
 *
 * Layout `title` slides: backends draw the children (a title block); the
 * slide title then only names the slide (navigation, outline, notes).
 */
import { ACTOR_LABELS } from '../src/model/types.js';
import type { Article, Bi, SlideOutline } from '../src/model/types.js';
import type { Block, Doc, PairBlock, SlideBlock } from '../src/ir/types.js';
import { theme } from './theme.js';
import { articleMetaLines, biInline, docMeta, inline, licenceLine, titleBlock, uniq } from './format.js';
import { glossaryTable, timelineFigure } from './summary.js';

/** Geometry of the slide content box in points, derived from the theme. */
const page = theme.pages.slide;
const [marginLeft, marginTop, marginRight, marginBottom] = page.margin;
export const SLIDE_CONTENT_WIDTH = page.width - marginLeft - marginRight;
const TITLE_HEIGHT = theme.size.slideTitle * 1.3 + theme.size.slideTitleEn * 1.3 + 14;
const FOOTER_HEIGHT = theme.size.slideSmall * 1.6;
/** Height budget for a slide's body, with a safety margin for wider glyphs and padding. */
export const SLIDE_BODY_BUDGET = Math.floor((page.height - marginTop - marginBottom - TITLE_HEIGHT - FOOTER_HEIGHT) * 0.9);
/** Hard caps per slide, whatever the estimate says. */
export const MAX_POINTS = 5;
export const MAX_RECOMMENDATIONS = 6;
export const MAX_TIMELINE_EVENTS = 6;
export const MAX_GLOSSARY_ROWS = 5;
/** Compact recommendation length (characters) on the recommendations slide. */
export const SHORT_ZH = 34;
export const SHORT_EN = 90;

/** Rough width of a string in ems: CJK and full-width characters 1, others ~0.55. */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u.test(ch) ? 1 : 0.55;
  return w;
}

/** Height of the small "¶ id" line under a point. */
const CITE_LINE = theme.size.slideSmall * 0.8 * 1.2;

/** Estimated height in points of a bilingual item (with its citation line) set at slide body size. */
export function pairHeight(b: Bi, width = SLIDE_CONTENT_WIDTH): number {
  const zhLines = Math.max(1, Math.ceil((ems(b.zh) * theme.size.slideBody) / width));
  const enLines = Math.max(1, Math.ceil((ems(b.en) * theme.size.slideBodyEn) / width));
  return (
    zhLines * theme.size.slideBody * theme.lineHeight.zh +
    enLines * theme.size.slideBodyEn * theme.lineHeight.en +
    CITE_LINE +
    theme.spacing.block
  );
}

/**
 * Split items into consecutive chunks that each fit `budget` and hold at most
 * `max` items, as evenly as possible. Every chunk holds at least one item.
 */
export function chunk<T>(items: readonly T[], height: (item: T) => number, budget: number, max: number): T[][] {
  if (items.length === 0) return [[]];
  const fits = (c: readonly T[]) => c.length <= max && (c.length === 1 || c.reduce((s, i) => s + height(i), 0) <= budget);
  // Greedy count gives the minimum number of chunks; then try an even split of that many.
  let greedy: T[][] = [[]];
  for (const item of items) {
    const last = greedy[greedy.length - 1];
    if (last.length > 0 && !fits([...last, item])) greedy.push([item]);
    else last.push(item);
  }
  const n = greedy.length;
  const base = Math.floor(items.length / n);
  const extra = items.length % n;
  const even: T[][] = [];
  for (let k = 0, i = 0; k < n; k++) {
    const size = base + (k < extra ? 1 : 0);
    even.push(items.slice(i, i + size));
    i += size;
  }
  return even.every(fits) ? even : greedy;
}

/** Shorten text at a clause boundary to at most `max` characters (ellipsis included). */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const cut = Math.max(...[',', ',', ';', ';', '、', ':', ':', ' '].map((p) => head.lastIndexOf(p)));
  const body = cut >= Math.floor(max / 2) ? head.slice(0, cut) : head;
  return `${body.replace(/[\s,,;;、::]+$/u, '')}…`;
}

function pair(b: Bi, cites: string[], marker?: string): PairBlock {
  return { type: 'pair', zh: inline(b.zh), en: inline(b.en), cites, ...(marker ? { marker } : {}) };
}

/** A slide's content before numbering; `parts` > 1 when it was split. */
interface Draft {
  outline: SlideOutline;
  layout: SlideBlock['layout'];
  children: Block[];
}

type Filler = (outline: SlideOutline, article: Article) => Draft[];

function pairsSlides(outline: SlideOutline, items: { text: Bi; cites: string[] }[], numbered: boolean): Draft[] {
  const indexed = items.map((it, i) => ({ ...it, i }));
  return chunk(indexed, (it) => pairHeight(it.text), SLIDE_BODY_BUDGET, MAX_POINTS).map((part) => ({
    outline,
    layout: 'content',
    children: part.map((it) => pair(it.text, it.cites, numbered ? String(it.i + 1) : undefined)),
  }));
}

/** One filler per slide kind; unknown kinds fall back to their explicit points. */
const fillers: Record<SlideOutline['kind'], Filler> = {
  title: (outline, article) => [{ outline, layout: 'title', children: [titleBlock(article, 'slides')] }],
  takeaways: (outline, article) =>
    pairsSlides(outline, article.takeaways.map((t) => ({ text: t.text, cites: t.cites })), true),
  points: (outline) => pairsSlides(outline, outline.points, false),
  recommendations: (outline, article) => {
    const items = article.recommendations.map((r) => {
      const actor = ACTOR_LABELS[r.actor];
      return {
        text: { zh: `${actor.zh}:${shorten(r.text.zh, SHORT_ZH)}`, en: `${actor.en}: ${shorten(r.text.en, SHORT_EN)}` },
        actor,
        short: { zh: shorten(r.text.zh, SHORT_ZH), en: shorten(r.text.en, SHORT_EN) },
        cites: r.cites,
        id: r.id,
      };
    });
    return chunk(items, (it) => pairHeight(it.text), SLIDE_BODY_BUDGET, MAX_RECOMMENDATIONS).map((part) => ({
      outline,
      layout: 'content',
      children: [
        {
          type: 'list',
          ordered: false,
          cites: uniq(part.flatMap((it) => it.cites)),
          items: part.map((it) => ({
            text: {
              zh: [{ text: `${it.actor.zh}:`, strong: true }, { text: it.short.zh }],
              en: [{ text: `${it.actor.en}: `, strong: true }, { text: it.short.en }],
            },
            cites: it.cites,
          })),
        },
      ],
    }));
  },
  timeline: (outline, article) => {
    const fig = timelineFigure(article.timeline);
    const parts = chunk(fig.events, () => 1, MAX_TIMELINE_EVENTS, MAX_TIMELINE_EVENTS);
    return parts.map((events) => ({
      outline,
      layout: 'content',
      children: [{ ...fig, events, cites: uniq(events.flatMap((e) => e.cites)) }],
    }));
  },
  glossary: (outline, article) => {
    const table = glossaryTable(article);
    // Compact: term and name only; definitions stay in the summary.
    const columns = table.columns.slice(0, 2);
    const rows = article.glossary.map((t, i) => ({ row: table.rows[i].slice(0, 2).map((c, j) => (j === 1 ? { ...c, cites: t.cites } : c)), t }));
    return chunk(rows, (r) => pairHeight(r.t.name, SLIDE_CONTENT_WIDTH * 0.7), SLIDE_BODY_BUDGET, MAX_GLOSSARY_ROWS).map((part) => ({
      outline,
      layout: 'content',
      children: [{ ...table, columns, rows: part.map((r) => r.row), cites: uniq(part.flatMap((r) => r.t.cites)) }],
    }));
  },
  source: (outline, article) => [
    {
      outline,
      layout: 'content',
      children: [
        ...articleMetaLines(article).map((l) => ({
          type: 'pair' as const,
          zh: [{ text: `${l.label.zh}:`, strong: true }, { text: l.value.zh, ...(l.href ? { href: l.href } : {}) }],
          en: [{ text: `${l.label.en}: `, strong: true }, { text: l.value.en, ...(l.href ? { href: l.href } : {}) }],
          cites: [],
        })),
        { type: 'paragraph', lang: 'zh', role: 'note', text: inline(licenceLine(article).zh), cites: [] },
        { type: 'paragraph', lang: 'en', role: 'note', text: inline(licenceLine(article).en), cites: [] },
      ],
    },
  ],
};

function partTitle(title: Bi, k: number, n: number): Bi {
  return n === 1 ? title : { zh: `${title.zh}(${k}/${n})`, en: `${title.en} (${k}/${n})` };
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
    const drafts = filler(outline, article);
    drafts.forEach((d, k) => {
      blocks.push({
        type: 'slide',
        id: uniqueId(drafts.length === 1 ? outline.id : `${outline.id}-${k + 1}`),
        number: blocks.length + 1,
        layout: d.layout,
        title: biInline(partTitle(outline.title, k + 1, drafts.length)),
        children: d.children,
        notes: biInline(outline.notes),
        cites: uniq([...outline.cites, ...childCites(d.children)]),
      });
    });
  }
  return { product: 'slides', page: 'slide', meta: docMeta(article, 'slides'), blocks };
}
