/**
 * Slide brief (16:9): one or more slides per entry of the article's slide
 * outline, each in a layout the template chooses from the content:
 *
 * | outline kind      | layout                                                          |
 * |-------------------|-----------------------------------------------------------------|
 * | `title`           | `title` (a second `title` slide holds the original's rows when they do not fit) |
 * | `section`         | `section` (a divider; its points, if any, below or continued as `points`) |
 * | `takeaways`       | `statement` for one takeaway, else numbered `points`            |
 * | `points`          | `statement` for one point; `columns` (zh | en) for short points; else `points` |
 * | `recommendations` | `checklist`: numbered as in the checklist, tagged explicit / inferred |
 * | `timeline`        | `timeline`                                                      |
 * | `glossary`        | `glossary` (the source lines on its last part without a `source` slide) |
 * | `source`          | `closing`                                                       |
 *
 * Fitting (templates/slide-fit.ts, the geometry of `slideSpec` in the theme):
 * headlines wrap, then shrink within the theme's sizes; lists never shrink —
 * at most `MAX_ITEMS` items a slide, and fewer when they are tall, the rest on
 * following slides titled "（续）" / "(continued)", split evenly; a single item
 * too tall at normal size is set `compact`. Citations go to one small source
 * line (`source`) and to the speaker notes (`notesSource`), not into items.
 * The first part of a split slide keeps the outline's id; later parts are
 * `<id>-2`, `<id>-3`.
 */
import type { Article, Bi, SlideOutline, SlidePoint } from '../src/model/types.js';
import type { Block, Doc, Inline, ListBlock, PairBlock, SlideBlock, SlideLayout, TableBlock, TitleBlock } from '../src/ir/types.js';
import { slideSpec, type SizePair, type SlideDensity } from '../src/theme/theme.js';
import { LABELS } from '../src/theme/labels.js';
import { FW, articleMetaLines, biInline, byDate, docMeta, fixedId, inline, licenceLine, metaRows, metaValue, originalLine, titleBlock as makeTitleBlock, uniq } from './format.js';
import { formatDate } from '../src/theme/format.js';
import { labelledSource } from './cite.js';
import { kindLabel, numberedRecommendations } from './recommendations.js';
import { dateLabel, timelineFigure } from './summary.js';
import { MAX_ITEMS, bodyBudget, bodyHeight, columnLines, fitTitle, fitTitleBlock, sectionTitleHeight, type HeadlineFit } from './slide-fit.js';
import { slideContent } from '../src/theme/theme.js';

export { MAX_ITEMS };

/** The title of continuation parts: "建议清单（续）" / "Recommendations (continued)". */
export function continuedTitle(title: Bi): Bi {
  return { zh: `${title.zh}${FW.open}${LABELS.continued.zh}${FW.close}`, en: `${title.en} (${LABELS.continued.en})` };
}

/** One slide before numbering. */
interface Draft {
  layout: SlideLayout;
  children: Block[];
  density: SlideDensity;
  title: Bi;
  titleSize?: SizePair;
  /** Ids the slide's source line cites (on part 1, with what the outline cites for the slide as a whole). */
  cites: string[];
  /** No source line on the slide itself (title and divider slides: the notes carry it). */
  quiet?: boolean;
  /** Taller than the slide even at the least sizes (`SlideBlock.runsOver`). */
  runsOver?: true;
}

type Filler = (outline: SlideOutline, article: Article) => Draft[];

/** Whether a draft's body fits under its headline and above its source line. */
function evaluate(article: Article, d: Omit<Draft, 'titleSize'>): { fits: boolean; headline: HeadlineFit } {
  const headline = fitTitle(d.title);
  const source = d.quiet ? undefined : labelledSource(article, d.cites);
  return { fits: bodyHeight(d.layout, d.children, d.density) <= bodyBudget(headline, source), headline };
}

const finish = (article: Article, d: Omit<Draft, 'titleSize'>): Draft => ({ ...d, titleSize: evaluate(article, d).headline.size });

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

/** What a part of a split slide is made of. */
type Build<T> = (part: readonly T[], index: number, count: number) => Omit<Draft, 'titleSize' | 'density' | 'title'> & { title?: Bi };

/**
 * Consecutive parts of `n` items, each accepted by `ok(from, to, k)`, as even
 * as they can be: the largest part as small as possible (at most `max`), then
 * the smallest as large as possible, then each part, first to last, as near
 * an even share of the items left as it can be (earlier parts the larger
 * where the shares are not whole); null when there is none.
 */
export function partition(n: number, parts: number, max: number, ok: (from: number, to: number, k: number) => boolean): [number, number][] | null {
  for (let cap = Math.ceil(n / parts); cap <= max; cap++) {
    for (let floor = Math.floor(n / parts); floor >= 1; floor--) {
      // can(k, i): items i.. can make parts k.. (memoised).
      const memo = new Map<number, boolean>();
      const can = (k: number, i: number): boolean => {
        if (k === parts) return i === n;
        const key = k * (n + 1) + i;
        const hit = memo.get(key);
        if (hit !== undefined) return hit;
        let r = false;
        for (let to = Math.min(n, i + cap); to >= i + floor && !r; to--) r = ok(i, to, k) && can(k + 1, to);
        memo.set(key, r);
        return r;
      };
      if (!can(0, 0)) continue;
      // Each part as near an even share of what is left as it can be, else as large as it can be (the US–Japan
      // glossary's 16 terms, where no last part of four fits: 4, 4, 5, 3, not 5, 5, 3, 3).
      const out: [number, number][] = [];
      for (let k = 0, i = 0; k < parts; k++) {
        const even = Math.min(n, i + Math.ceil((n - i) / (parts - k)));
        let to = ok(i, even, k) && can(k + 1, even) ? even : Math.min(n, i + cap);
        while (!(ok(i, to, k) && can(k + 1, to))) to--;
        out.push([i, to]);
        i = to;
      }
      return out;
    }
  }
  return null;
}

/**
 * Items on as few slides as fit at normal size (at most `maxItems` each), split
 * as evenly as they allow; an item too tall alone is set compact on a slide of
 * its own. Part 1 keeps the outline's title, later parts are "（续）".
 */
export function paginate<T>(article: Article, outline: SlideOutline, items: readonly T[], build: Build<T>, maxItems = MAX_ITEMS): Draft[] {
  const draft = (part: readonly T[], k: number, n: number, density: SlideDensity): Omit<Draft, 'titleSize'> => {
    const b = build(part, k, n);
    // The source line names what the slide shows; the outline's own cites stand in only when it shows nothing cited.
    const cites = b.cites.length > 0 ? b.cites : outline.cites;
    return { ...b, cites, title: b.title ?? (k === 0 ? outline.title : continuedTitle(outline.title)), density };
  };
  if (items.length === 0) return [finish(article, draft([], 0, 1, 'normal'))];
  let split: [number, number][] | null = null;
  // Whether a part fits depends on its items and on being the first part (its title) or the last (a foot): remembered across splits.
  const seen = new Map<number, boolean>();
  for (let n = Math.ceil(items.length / maxItems); n <= items.length && !split; n++) {
    const ok = (from: number, to: number, k: number): boolean => {
      const key = ((from * (items.length + 1) + to) * 2 + (k === 0 ? 1 : 0)) * 2 + (k === n - 1 ? 1 : 0);
      let r = seen.get(key);
      if (r === undefined) seen.set(key, (r = to - from === 1 || evaluate(article, draft(items.slice(from, to), k, n, 'normal')).fits));
      return r;
    };
    split = partition(items.length, n, maxItems, ok);
  }
  const parts = (split ?? items.map((_, i): [number, number] => [i, i + 1])).map(([a, b]) => items.slice(a, b));
  return parts.map((p, k) => {
    const normal = draft(p, k, parts.length, 'normal');
    const density: SlideDensity = evaluate(article, normal).fits ? 'normal' : 'compact';
    return finish(article, draft(p, k, parts.length, density));
  });
}

function pair(text: Bi, cites: string[], marker?: string): PairBlock {
  return { type: 'pair', zh: inline(text.zh), en: inline(text.en), cites, ...(marker ? { marker } : {}) };
}

/** Short points: every cell of a zh | en row within three lines. */
function shortEnough(pairs: readonly PairBlock[]): boolean {
  return pairs.every((p) => {
    const l = columnLines(p, 'normal');
    return l.zh <= 3 && l.en <= 3;
  });
}

/** Points or takeaways: one as a statement, short ones in zh | en columns, else points (numbered for takeaways). */
function pointSlides(article: Article, outline: SlideOutline, items: readonly SlidePoint[], numbered: boolean): Draft[] {
  const indexed = items.map((p, i) => pair(p.text, p.cites, numbered ? String(i + 1) : undefined));
  if (indexed.length === 1) {
    const statement = { layout: 'statement' as const, children: indexed, cites: indexed[0].cites.length > 0 ? indexed[0].cites : outline.cites, title: outline.title, density: 'normal' as const };
    if (evaluate(article, statement).fits) return [finish(article, statement)];
  }
  const columns = !numbered && indexed.length >= 2 && shortEnough(indexed);
  return paginate(article, outline, indexed, (part) => ({
    layout: columns && part.length >= 2 ? 'columns' : 'points',
    children: [...part],
    cites: uniq(part.flatMap((p) => p.cites)),
  }));
}

/** Recommendations as numbered list items (numbers as in the checklist), actor as a lead-in, tagged explicit / inferred. */
export function recommendationItems(article: Article) {
  return numberedRecommendations(article).map(({ rec, number, actor }) => ({
    number,
    id: rec.id,
    item: {
      text: {
        zh: [{ text: `${actor.zh}${FW.colon}`, strong: true }, { text: rec.text.zh }],
        en: [{ text: `${actor.en}: `, strong: true }, { text: rec.text.en }],
      },
      tags: biInline(kindLabel(rec)),
      cites: rec.cites,
    },
  }));
}

/** Glossary rows of one slide: term | name (Chinese over English). */
export function glossarySlideTable(rows: readonly Article['glossary'][number][]): TableBlock {
  return {
    type: 'table',
    columns: [
      { text: biInline(LABELS.term), weight: 1 },
      { text: biInline(LABELS.name), weight: 3 },
    ],
    rows: rows.map((t) => [{ text: { zh: inline(t.term) } }, { text: biInline(t.name), cites: t.cites }]),
    cites: uniq(rows.flatMap((t) => t.cites)),
  };
}

/** The source in two note lines (Chinese, English): the original, the publisher and date, the fonts' licence. */
export function sourceFoot(article: Article): Block[] {
  // The original's address is behind the outlet's and the title's links; spelt out here it would crowd the glossary.
  const lines = articleMetaLines(article).filter((l) => l.label !== LABELS.originalUrl);
  const line = (lang: 'zh' | 'en'): Inline => {
    const out: Inline = [];
    lines.forEach((l, i) => {
      if (i > 0) out.push({ text: lang === 'zh' ? FW.comma : '; ' });
      out.push({ text: `${l.label[lang]}${lang === 'zh' ? FW.colon : ': '}` }, ...metaValue(l, lang));
    });
    out.push({ text: lang === 'zh' ? FW.period : '. ' }, { text: licenceLine(article)[lang] });
    return out;
  };
  return [
    { type: 'paragraph', id: fixedId(article, 'source'), lang: 'zh', role: 'note', text: line('zh'), cites: [] },
    { type: 'paragraph', lang: 'en', role: 'note', text: line('en'), cites: [] },
  ];
}

/** The title slide, and when the original's rows do not fit beside a long title, a second title slide holding them. */
function titleSlides(outline: SlideOutline, article: Article): Draft[] {
  // The slide's id is the anchor (a deck may open with two title slides).
  const titleBlock = (...args: Parameters<typeof makeTitleBlock>): TitleBlock => {
    const { id: _id, ...b } = makeTitleBlock(...args);
    return b;
  };
  const all = titleBlock(article, 'slides');
  const whole = fitTitleBlock(all);
  const slide = (b: TitleBlock, size: SizePair | null, title: Bi): Draft => ({
    layout: 'title',
    children: [b],
    density: 'normal',
    title,
    titleSize: size ?? smallest,
    cites: outline.cites,
    quiet: true,
    ...(size ? {} : { runsOver: true as const }),
  });
  const smallest = slideSpec.title.sizes[slideSpec.title.sizes.length - 1];
  if (whole) return [slide(all, whole, outline.title)];
  const lines = articleMetaLines(article);
  const first = titleBlock(article, 'slides', lines.filter((l) => !l.original));
  const second: TitleBlock = { type: 'title', title: biInline(article.shortTitle), subtitle: biInline(LABELS.original), meta: metaRows(lines.filter((l) => l.original)), cites: [] };
  return [slide(first, fitTitleBlock(first), outline.title), slide(second, fitTitleBlock(second), continuedTitle(outline.title))];
}

/** A divider: the title large, its points (if any) under it; points that do not fit continue as `points` slides. */
function sectionSlides(outline: SlideOutline, article: Article): Draft[] {
  const size = slideSpec.section.sizes.find((s) => sectionTitleHeight(outline.title, s) <= slideContent.height * 0.5) ?? slideSpec.section.sizes[slideSpec.section.sizes.length - 1];
  const pairs = outline.points.map((p) => pair(p.text, p.cites));
  const room = slideContent.height * 0.97 - sectionTitleHeight(outline.title, size);
  let onDivider = 0;
  while (onDivider < pairs.length && onDivider < MAX_ITEMS && bodyHeight('section', pairs.slice(0, onDivider + 1)) <= room) onDivider++;
  const divider: Draft = { layout: 'section', children: pairs.slice(0, onDivider), density: 'normal', title: outline.title, titleSize: size, cites: uniq([...outline.cites, ...pairs.slice(0, onDivider).flatMap((p) => p.cites)]), quiet: true };
  const rest = pairs.slice(onDivider);
  if (rest.length === 0) return [divider];
  const more = paginate(article, outline, rest, (part) => ({ layout: 'points', children: [...part], cites: uniq(part.flatMap((p) => p.cites)), title: continuedTitle(outline.title) }));
  return [divider, ...more];
}

/** One filler per outline kind. */
const fillers: Record<SlideOutline['kind'], Filler> = {
  title: titleSlides,
  section: sectionSlides,
  takeaways: (outline, article) => pointSlides(article, outline, article.takeaways, true),
  points: (outline, article) => pointSlides(article, outline, outline.points, false),
  recommendations: (outline, article) =>
    paginate(article, outline, recommendationItems(article), (part): { layout: SlideLayout; children: Block[]; cites: string[] } => {
      const list: ListBlock = { type: 'list', ordered: true, ...(part[0] && part[0].number !== 1 ? { start: part[0].number } : {}), items: part.map((p) => p.item), cites: uniq(part.flatMap((p) => p.item.cites)) };
      return { layout: 'checklist', children: part.length > 0 ? [list] : [], cites: list.cites };
    }),
  timeline: (outline, article) =>
    paginate(article, outline, byDate(article.timeline), (events) => {
      // The events' anchors are the summary's; a deck may show the timeline twice.
      const figure = timelineFigure(article, events);
      // Over several slides, every slide's date column is as wide as the timeline's widest date (as the slots measured it).
      const aligned = events.length < article.timeline.length ? { alignDates: byDate(article.timeline).map(dateLabel) } : {};
      const bare = { ...figure, events: figure.events.map(({ id: _id, ...e }) => e), ...aligned };
      return { layout: 'timeline', children: events.length > 0 ? [bare] : [], cites: figure.cites };
    }),
  glossary: (outline, article) => {
    // Without a source slide, the last part of the last glossary slide names the source (and the fonts' licence).
    const last = [...article.slides].reverse().find((s) => s.kind === 'glossary');
    const foot = article.slides.some((s) => s.kind === 'source') || last !== outline ? [] : sourceFoot(article);
    return paginate(article, outline, article.glossary, (rows, k, n) => {
      const table = glossarySlideTable(rows);
      return { layout: 'glossary', children: [...(rows.length > 0 ? [table] : []), ...(k === n - 1 ? foot : [])], cites: table.cites };
    });
  },
  source: (outline, article) => {
    // The original (author, outlet, title, date; its address spelt out), then the Chinese edition, then the fonts' licence.
    const o = article.original;
    const date = formatDate(article.date);
    const pairs: Block[] = [
      { type: 'pair', zh: originalLine(o, 'zh'), en: originalLine(o, 'en'), cites: [] },
      ...(o.url ? [{ type: 'paragraph' as const, lang: 'en' as const, role: 'note' as const, text: [{ text: o.url, href: o.url }], cites: [] }] : []),
      {
        type: 'pair',
        zh: [{ text: `${LABELS.edition.zh}${FW.colon}`, strong: true }, { text: `${article.publisher.zh}${FW.comma}${date.zh}` }],
        en: [{ text: `${LABELS.edition.en}: `, strong: true }, { text: `${article.publisher.en}, ${date.en}` }],
        cites: [],
      },
    ];
    const licence: Block[] = [
      { type: 'paragraph', lang: 'zh', role: 'note', text: inline(licenceLine(article).zh), cites: [] },
      { type: 'paragraph', lang: 'en', role: 'note', text: inline(licenceLine(article).en), cites: [] },
    ];
    const d: Omit<Draft, 'titleSize'> = { layout: 'closing', children: [...pairs, ...licence], density: 'normal', title: outline.title, cites: outline.cites };
    return [finish(article, evaluate(article, d).fits ? d : { ...d, density: 'compact' })];
  },
};

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
    const parts = (fillers[outline.kind] ?? fillers.points)(outline, article);
    parts.forEach((d, k) => {
      const childCites = d.children.flatMap((b) => b.cites);
      const source = d.quiet ? undefined : labelledSource(article, d.cites);
      const notesSource = labelledSource(article, uniq([...outline.cites, ...d.cites, ...childCites]));
      blocks.push({
        type: 'slide',
        id: uniqueId(k === 0 ? outline.id : `${outline.id}-${k + 1}`),
        number: blocks.length + 1,
        layout: d.layout,
        title: biInline(d.title),
        children: d.children,
        notes: biInline(outline.notes),
        cites: uniq([...outline.cites, ...childCites]),
        ...(source ? { source } : {}),
        ...(notesSource ? { notesSource } : {}),
        ...(parts.length > 1 ? { part: { index: k + 1, count: parts.length } } : {}),
        ...(d.density === 'compact' ? { density: 'compact' as const } : {}),
        ...(d.titleSize ? { titleSize: { zh: d.titleSize.zh, en: d.titleSize.en } } : {}),
        ...(d.runsOver ? { runsOver: true as const } : {}),
      });
    });
  }
  return { product: 'slides', page: 'slide', meta: docMeta(article, 'slides'), blocks };
}
