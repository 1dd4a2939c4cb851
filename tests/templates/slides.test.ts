import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/types.js';
import type { Block, ListBlock, PairBlock, SlideBlock, Span, TableBlock, TimelineFigure } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { SLIDE_MIN_SIZE, slideSpec } from '../../src/theme/theme.js';
import { continuedTitle, evenParts, partition, slides } from '../../templates/slides.js';
import { MAX_ITEMS, bodyBudget, bodyHeight, fitTitle } from '../../templates/slide-fit.js';
import { checklist } from '../../templates/checklist.js';
import { articleOf, articleShape, longTitleShape, sampleArticles } from '../helpers/shapes.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, plain, testArticles, walk } from './articles.js';
import fc from 'fast-check';

const articles = await testArticles();
const pairsOf = (blocks: Block[]) => walk(blocks).filter((b): b is PairBlock => b.type === 'pair');
/** Slides of one outline entry: its first part and its continuations. */
const partsOf = (deck: SlideBlock[], id: string) => {
  const i = deck.findIndex((s) => s.id === id);
  return i < 0 ? [] : deck.slice(i, i + (deck[i].part?.count ?? 1));
};

describe.each(articles)('slides template (%s)', (name, article) => {
  const doc = slides(deepFreeze(structuredClone(article)));
  const deck = doc.blocks as SlideBlock[];
  const all = walk(doc.blocks);

  it('is a 16:9 deck of numbered slides with unique ids', () => {
    expect(doc.page).toBe('slide');
    expect(deck.every((s) => s.type === 'slide')).toBe(true);
    expect(deck.map((s) => s.number)).toEqual(deck.map((_, i) => i + 1));
    expect(new Set(deck.map((s) => s.id)).size).toBe(deck.length);
  });

  it('follows the outline: each entry in order, its first slide at its id, continuations at -2, -3 titled (continued)', () => {
    let pos = 0;
    for (const o of article.slides) {
      const s = deck[pos];
      expect(s.id, `${name}: ${o.id}`).toBe(o.id);
      expect(plain(s.notes?.zh)).toBe(o.notes.zh);
      expect(plain(s.notes?.en)).toBe(o.notes.en);
      const count = s.part?.count ?? 1;
      for (let k = 0; k < count; k++) {
        const p = deck[pos + k];
        if (count > 1) expect(p.part).toEqual({ index: k + 1, count });
        if (k > 0) {
          expect(p.id).toBe(`${o.id}-${k + 1}`);
          expect(o.kind === 'title' || [plain(p.title.zh), plain(p.title.en)].join('|') === [continuedTitle(o.title).zh, continuedTitle(o.title).en].join('|')).toBe(true);
        } else if (o.kind !== 'title') expect([plain(p.title.zh), plain(p.title.en)]).toEqual([o.title.zh, o.title.en]);
      }
      pos += count;
    }
    expect(pos).toBe(deck.length);
  });

  it('puts the title block on a title-layout slide first', () => {
    expect(deck[0].layout).toBe('title');
    const t = deck[0].children[0];
    expect(t.type === 'title' && plain(t.title.zh)).toBe(article.title.zh);
  });

  it('carries every takeaway and every explicit point once, in both languages', () => {
    const pairs = pairsOf(doc.blocks);
    const expected = [...(article.slides.some((s) => s.kind === 'takeaways') ? article.takeaways.map((t) => t.text) : []), ...article.slides.flatMap((s) => (s.kind === 'points' ? s.points.map((p) => p.text) : []))];
    for (const t of expected) {
      const p = pairs.filter((b) => plain(b.zh) === t.zh);
      expect(p.length, t.zh).toBeGreaterThanOrEqual(1);
      expect(plain(p[0].en)).toBe(t.en);
    }
  });

  it('lists every recommendation once in checklist layouts, numbered as in the checklist, its actor leading, tagged explicit or inferred', () => {
    const lists = deck.filter((s) => s.layout === 'checklist').flatMap((s) => s.children.filter((b): b is ListBlock => b.type === 'list'));
    const outlined = article.slides.some((s) => s.kind === 'recommendations');
    const numbers = walk(checklist(article).blocks).flatMap((b) => (b.type === 'checkItem' ? [[b.id, b.marker] as const] : []));
    const shown = lists.flatMap((l) => l.items.map((it, k) => ({ it, number: String((l.start ?? 1) + k) })));
    expect(shown).toHaveLength(outlined ? article.recommendations.length : 0);
    shown.forEach(({ it, number }, k) => {
      const [id] = numbers[k];
      expect(numbers[k][1]).toBe(number);
      const r = article.recommendations.find((x) => x.id === id)!;
      const actor = article.actors.find((a) => a.id === r.actor)!;
      expect(plain(it.text.zh)).toBe(`${actor.zh}\uFF1A${r.text.zh}`);
      expect(plain(it.text.en)).toBe(`${actor.en}: ${r.text.en}`);
      const tag = r.kind === 'explicit' ? LABELS.explicit : LABELS.implicit;
      expect([plain(it.tags?.zh), plain(it.tags?.en)]).toEqual([tag.zh, tag.en]);
      expect(it.cites).toEqual(r.cites);
    });
  });

  it('draws every event once in timeline layouts, dates unbreakable, and every glossary term once in glossary layouts', () => {
    const events = deck.filter((s) => s.layout === 'timeline').flatMap((s) => s.children.filter((b): b is TimelineFigure => b.type === 'figure').flatMap((f) => f.events));
    expect(events).toHaveLength(article.slides.some((s) => s.kind === 'timeline') ? article.timeline.length : 0);
    for (const e of events) expect([...e.dateLabel.zh!, ...e.dateLabel.en!].every((r) => r.nowrap)).toBe(true);
    const rows = deck.filter((s) => s.layout === 'glossary').flatMap((s) => s.children.filter((b): b is TableBlock => b.type === 'table').flatMap((t) => t.rows));
    expect(rows.map((r) => plain(r[0].text.zh))).toEqual(article.slides.some((s) => s.kind === 'glossary') ? article.glossary.map((g) => g.term) : []);
  });

  it('lines up a timeline\'s date column over its slides: each slide of a timeline that runs over several aligns with all its dates', () => {
    for (const outline of article.slides.filter((o) => o.kind === 'timeline')) {
      const parts = partsOf(deck, outline.id).map((s) => s.children.find((b): b is TimelineFigure => b.type === 'figure'));
      const all = parts.flatMap((f) => f?.events ?? []).map((e) => e.dateLabel);
      for (const f of parts) {
        if (parts.length === 1) expect(f?.alignDates).toBeUndefined();
        else expect(f?.alignDates).toEqual(all);
      }
    }
  });

  it('puts citations in one small source line and the speaker notes, never into the items', () => {
    const marks = new Set(article.lede.paragraphs.concat(article.sections.flatMap((s) => s.paragraphs)).map((p) => p.mark));
    for (const s of deck) {
      const runs = [...(s.source ?? []), ...(s.notesSource ?? [])].filter((r) => r.role === 'cite');
      for (const r of runs) expect(marks.has(r.text.slice(1).split('\u2013')[0]), r.text).toBe(true);
      if (s.source) expect(plain(s.source).startsWith(`${LABELS.sourceLine.zh} / ${LABELS.sourceLine.en}`)).toBe(true);
      // Every cited block of the slide is in its speaker notes' source.
      if (s.cites.length > 0) expect(s.notesSource?.some((r) => r.role === 'cite')).toBe(true);
      const inItems: Span[] = walk(s.children).flatMap((b) => (b.type === 'pair' ? [...b.zh, ...b.en, ...(b.source ?? [])] : b.type === 'list' ? b.items.flatMap((it) => [...(it.text.zh ?? []), ...(it.text.en ?? []), ...(it.source ?? [])]) : b.type === 'figure' ? b.events.flatMap((e) => e.source ?? []) : []));
      expect(inItems.filter((r) => r.role === 'cite')).toEqual([]);
    }
  });

  it('keeps every slide within its limits: at most six items, the body in its box, headline within its sizes', () => {
    for (const s of deck) {
      const items = s.children.reduce((n, b) => n + (b.type === 'pair' ? 1 : b.type === 'list' ? b.items.length : b.type === 'figure' ? b.events.length : b.type === 'table' ? b.rows.length : 0), 0);
      expect(items, s.id).toBeLessThanOrEqual(MAX_ITEMS);
      if (s.layout === 'title' || s.layout === 'section') continue;
      const head = fitTitle({ zh: plain(s.title.zh), en: plain(s.title.en) });
      expect(s.titleSize, s.id).toEqual(head.size);
      expect(bodyHeight(s.layout, s.children, s.density ?? 'normal'), s.id).toBeLessThanOrEqual(bodyBudget(head, s.source));
    }
  });

  it('names the source: outlet, author, publisher, date and a licence line', () => {
    const outline = article.slides.find((o) => o.kind === 'source') ?? [...article.slides].reverse().find((o) => o.kind === 'glossary');
    const parts = partsOf(deck, outline!.id);
    const text = walk(parts[parts.length - 1].children)
      .flatMap((b) => (b.type === 'pair' ? [plain(b.zh), plain(b.en)] : b.type === 'paragraph' ? [plain(b.text)] : []))
      .join('\n');
    for (const v of [article.original.outlet, article.original.author.zh, article.original.author.en, article.publisher.zh, article.publisher.en]) expect(text).toContain(v);
    expect(text).toMatch(/Open Font License/);
    expect(text).not.toMatch(/embed|嵌入/i);
  });

  it('writes Chinese titles with full-width punctuation and no doubled id prefix', () => {
    for (const s of deck) {
      expect(plain(s.title.zh), s.id).not.toMatch(/[(),:;]/);
      expect(s.id).not.toMatch(/^slide-slide-/);
    }
    void all;
  });
});

describe('the type scale', () => {
  it('keeps titles at 21 pt or more, body at 12 pt or more and nothing under 9 pt on the 720-pt slide', () => {
    const s = slideSpec;
    for (const size of [...s.headline.sizes, ...s.title.sizes, ...s.section.sizes]) expect(size.zh).toBeGreaterThanOrEqual(21);
    for (const b of [s.body.normal, s.body.compact]) {
      expect(Math.min(b.zh, b.en)).toBeGreaterThanOrEqual(12);
      expect(b.small).toBeGreaterThanOrEqual(SLIDE_MIN_SIZE);
    }
    // The title slide's label/value rows (publisher, date, author, the original) are what it says besides the title: body text.
    expect(s.title.meta.size).toBeGreaterThanOrEqual(12);
    const all = [s.footer.size, s.source.size, s.statement.en, s.timeline.note, s.timeline.en, s.timeline.date.en, s.glossary.en, s.title.subtitle, ...s.headline.sizes.map((x) => x.en)];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(SLIDE_MIN_SIZE);
    expect(SLIDE_MIN_SIZE).toBe(9);
  });
});

describe('layouts chosen from the content', () => {
  const base = fc.sample(articleShape, { seed: 3, numRuns: 1 })[0];
  const points = (n: number, zh = '短要点', en = 'A short point') => Array.from({ length: n }, (_, i) => ({ zh: `${zh}${'甲乙丙丁戊己庚辛壬癸'[i % 10]}。`, en: `${en} ${i + 1}.` }));
  const deckOf = (slidesSpec: typeof base.slides) => slides(articleOf({ ...base, slides: slidesSpec }).article).blocks as SlideBlock[];

  it('one point: a statement; short points: zh | en columns; long ones: points; a divider: section', () => {
    const long = points(3, '这是一个相当长的要点，需要好几行才能写完，所以不适合放在左右两栏的窄栏里面，而应当上下排列以便阅读和投影展示'.repeat(2), 'A rather long point that needs several lines and so does not suit the narrow columns of a side-by-side layout at all');
    const deck = deckOf([
      { kind: 'points', title: { zh: '一点', en: 'One point' }, points: points(1) },
      { kind: 'points', title: { zh: '几点', en: 'A few points' }, points: points(4) },
      { kind: 'points', title: { zh: '长点', en: 'Long points' }, points: long },
      { kind: 'section', title: { zh: '第二部分', en: 'Part two' }, points: [] },
    ]);
    expect(['slide-1', 'slide-2', 'slide-3', 'slide-4'].map((id) => partsOf(deck, id)[0].layout)).toEqual(['statement', 'columns', 'points', 'section']);
  });

  it('more than six items continue on further slides, evenly, never shrunk, and no lone last item', () => {
    const deck = deckOf([{ kind: 'points', title: { zh: '很多要点', en: 'Many points' }, points: points(9) }]);
    const parts = partsOf(deck, 'slide-1');
    expect(parts.length).toBeGreaterThan(1);
    const counts = parts.map((s) => pairsOf(s.children).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(parts.every((s) => s.density === undefined)).toBe(true);
    expect(plain(parts[1].title.zh)).toBe('很多要点\uFF08续\uFF09');
    expect(plain(parts[1].title.en)).toBe('Many points (continued)');
  });

  it('the numbering of recommendations continues across parts (`start`)', () => {
    const a = articleOf({ ...base, recommendations: Array.from({ length: 14 }, (_, i) => ({ text: { zh: `建议${i}。`, en: `Recommendation ${i}.` }, actor: 0, horizon: 0, explicit: i % 2 === 0 })), slides: [{ kind: 'recommendations', title: { zh: '建议', en: 'Recommendations' }, points: [] }] }).article;
    const lists = (slides(a).blocks as SlideBlock[]).flatMap((s) => s.children.filter((b): b is ListBlock => b.type === 'list'));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    let next = 1;
    for (const l of lists) {
      expect(l.ordered).toBe(true);
      expect(l.start ?? 1).toBe(next);
      next += l.items.length;
    }
    expect(next).toBe(15);
  });
});

describe('long titles and the original on the title slide', () => {
  const base = fc.sample(articleShape, { seed: 11, numRuns: 1 })[0];
  const long = articleOf(longTitleShape(base)).article;
  const deck = slides(long).blocks as SlideBlock[];

  it('a 120-character title shrinks within bounds; the original moves to a second title slide, never a slide of one row', () => {
    const titles = deck.filter((s) => s.layout === 'title');
    const [first, second] = titles;
    expect(first.titleSize!.zh).toBeGreaterThanOrEqual(21);
    const t1 = first.children[0];
    expect(t1.type === 'title' && plain(t1.title.zh)).toBe(long.title.zh);
    expect(titles).toHaveLength(2);
    {
      expect(second.part).toEqual({ index: 2, count: 2 });
      const t2 = second.children[0];
      expect(t2.type === 'title' && t2.meta.length).toBeGreaterThanOrEqual(3);
      expect(t2.type === 'title' && plain(t2.subtitle?.zh)).toBe(LABELS.original.zh);
      const rows = t2.type === 'title' ? t2.meta.map((m) => plain(m.label.zh)) : [];
      expect(rows).toEqual([LABELS.author.zh, LABELS.outlet.zh, LABELS.originalTitle.zh, LABELS.originalUrl.zh, LABELS.originalDate.zh]);
    }
    // Every row of the title block is somewhere, once.
    const labels = titles.flatMap((s) => s.children.flatMap((b) => (b.type === 'title' ? b.meta.map((m) => plain(m.label.zh)) : [])));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain(LABELS.originalDate.zh);
  });
});

describe('generated articles', () => {
  it('every deck of twelve sampled shapes keeps its slides within their limits', () => {
    for (const { article } of sampleArticles(12)) {
      for (const s of slides(article).blocks as SlideBlock[]) {
        if (s.layout === 'title' || s.layout === 'section') continue;
        expect(bodyHeight(s.layout, s.children, s.density ?? 'normal'), s.id).toBeLessThanOrEqual(bodyBudget(fitTitle({ zh: plain(s.title.zh), en: plain(s.title.en) }), s.source));
      }
    }
  });
});

describe('splitting helpers', () => {
  it('evenParts splits evenly with the remainder first', () => {
    expect(evenParts([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
    expect(evenParts([1], 1)).toEqual([[1]]);
  });

  it('partition: the most even split the test accepts (each part near an even share of what is left), or none', () => {
    const ok = () => true;
    expect(partition(7, 3, 6, ok)).toEqual([[0, 3], [3, 5], [5, 7]]);
    // A heavy item (index 4) fits only in a part of at most two.
    const heavy = (from: number, to: number) => !(from <= 4 && 4 < to) || to - from <= 2;
    const parts = partition(8, 3, 6, heavy)!;
    expect(parts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const [a, b] of parts) expect(heavy(a, b)).toBe(true);
    expect(partition(5, 1, 4, ok)).toBeNull();
    // Sixteen items in four parts, where a part of four is accepted only as one of the first two (as a deck's last
    // slides may hold taller items, or a foot): 4, 4, 5, 3, each part as near an even share of what is left as it
    // can be, not 5, 5, 3, 3.
    const fourOnlyFirst = (from: number, to: number, k: number) => to - from !== 4 || k < 2;
    expect(partition(16, 4, 5, fourOnlyFirst)?.map(([a, b]) => b - a)).toEqual([4, 4, 5, 3]);
  });

  it('the sample article: deterministic', () => {
    expect(JSON.stringify(slides(sampleArticle))).toBe(JSON.stringify(slides(structuredClone(sampleArticle))));
  });
});

describe('the real article', () => {
  it('us-japan-acquisition: sixteen recommendations on slides of at most six, the timeline on slides of at most six events', () => {
    const real = articles.find(([n]) => n === 'us-japan-acquisition')![1] as Article;
    const deck = slides(real).blocks as SlideBlock[];
    const recs = partsOf(deck, 'slide-recommendations');
    expect(recs.flatMap((s) => s.children.flatMap((b) => (b.type === 'list' ? b.items : [])))).toHaveLength(16);
    const tl = partsOf(deck, 'slide-timeline');
    expect(tl.flatMap((s) => s.children.flatMap((b) => (b.type === 'figure' ? b.events : [])))).toHaveLength(real.timeline.length);
    for (const s of [...recs, ...tl]) expect(s.density).toBeUndefined();
  });
});
