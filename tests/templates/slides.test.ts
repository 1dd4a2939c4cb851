import { describe, expect, it } from 'vitest';
import { actorOf } from '../../src/model/types.js';
import type { Block, SlideBlock, TableBlock } from '../../src/ir/types.js';
import { MAX_POINTS, estimateHeight, evenParts, fitItems, fits, lineCount, slideCapacity, slides } from '../../templates/slides.js';
import { slideType, theme } from '../../src/theme/theme.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, plain, testArticles, walk } from './articles.js';

/** Glossary terms of a slide table in reading order (two-across tables: left columns down, then right). */
function tableTerms(t: TableBlock): string[] {
  const across = t.columns.length / 2;
  return Array.from({ length: across }, (_, k) => t.rows.map((r) => plain(r[k * 2]?.text.zh))).flat().filter(Boolean);
}

const articles = await testArticles();

describe.each(articles)('slides template (%s)', (name, article) => {
  const doc = slides(deepFreeze(structuredClone(article)));
  const deck = doc.blocks as SlideBlock[];
  const all = walk(doc.blocks);

  it('is a 16:9 deck of numbered slides with unique ids', () => {
    expect(doc.page).toBe('slide');
    expect(deck.every((s) => s.type === 'slide')).toBe(true);
    expect(deck.map((s) => s.number)).toEqual(deck.map((_, i) => i + 1));
    expect(new Set(deck.map((s) => s.id)).size).toBe(deck.length);
    expect(deck.length).toBeGreaterThanOrEqual(article.slides.length);
    void name;
  });

  it('follows the outline: every outline slide, in order, bilingual title and notes', () => {
    let pos = 0;
    for (const o of article.slides) {
      const s = deck[pos];
      expect(plain(s.title.zh).startsWith(o.title.zh)).toBe(true);
      expect(plain(s.title.en).startsWith(o.title.en)).toBe(true);
      expect(plain(s.notes?.zh)).toBe(o.notes.zh);
      expect(plain(s.notes?.en)).toBe(o.notes.en);
      pos++;
      while (pos < deck.length && plain(deck[pos].title.en).startsWith(`${o.title.en} (`) && deck[pos].id.startsWith(o.id)) pos++;
    }
    expect(pos).toBe(deck.length);
  });

  it('puts the title block on a title-layout slide first', () => {
    expect(deck[0].layout).toBe('title');
    const t = deck[0].children[0];
    expect(t.type === 'title' && plain(t.title.zh)).toBe(article.title.zh);
  });

  it('carries every takeaway and every explicit point in both languages', () => {
    const pairs = all.filter((b) => b.type === 'pair');
    const expected = [...article.takeaways.map((t) => t.text), ...article.slides.flatMap((s) => (s.kind === 'points' ? s.points.map((p) => p.text) : []))];
    for (const t of expected) {
      const p = pairs.find((b) => plain(b.zh) === t.zh);
      expect(p, t.zh).toBeDefined();
      expect(plain(p!.en)).toBe(t.en);
    }
  });

  it('lists every recommendation in full, grouped by actor, with its actor and citations (none without a recommendations slide)', () => {
    const items = all.flatMap((b) => (b.type === 'list' ? b.items : []));
    const outlined = article.slides.some((s) => s.kind === 'recommendations');
    expect(items).toHaveLength(outlined ? article.recommendations.length : 0);
    const ranks: number[] = [];
    for (const it of items) {
      const zh = plain(it.text.zh);
      const en = plain(it.text.en);
      const r = article.recommendations.find((x) => zh.endsWith(x.text.zh) && en.endsWith(x.text.en));
      expect(r, zh).toBeDefined();
      expect(zh).toBe(`${actorOf(article, r!.actor).zh}\uFF1A${r!.text.zh}`);
      expect(en).toBe(`${actorOf(article, r!.actor).en}: ${r!.text.en}`);
      expect(it.cites).toEqual(r!.cites);
      ranks.push(article.actors.findIndex((a) => a.id === r!.actor));
    }
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(deck.filter((s) => s.children.some((c) => c.type === 'list')).length).toBeLessThanOrEqual(2);
  });

  it('draws the timeline as a figure and the glossary as a table (neither without its slide)', () => {
    const events = all.flatMap((b) => (b.type === 'figure' ? b.events : []));
    const timeline = article.slides.some((s) => s.kind === 'timeline');
    expect(events).toHaveLength(timeline ? article.timeline.length : 0);
    expect(deck.filter((s) => s.children.some((c) => c.type === 'figure'))).toHaveLength(timeline ? 1 : 0);
    const tables = all.filter((b): b is TableBlock => b.type === 'table');
    const glossary = article.slides.some((s) => s.kind === 'glossary');
    expect(tables.flatMap(tableTerms)).toEqual(glossary ? article.glossary.map((g) => g.term) : []);
    const names = tables.flatMap((t) => t.rows.flat().map((c) => [plain(c.text.zh), plain(c.text.en)]));
    for (const g of glossary ? article.glossary : []) expect(names).toContainEqual([g.name.zh, g.name.en]);
  });

  it('names the source: outlet, author, publisher, date and a licence line', () => {
    // A source slide, or else the foot of the last glossary slide.
    const outline = article.slides.find((o) => o.kind === 'source') ?? article.slides.find((o) => o.kind === 'glossary');
    const src = [...deck].reverse().find((s) => s.id.startsWith(outline?.id ?? '\0'));
    expect(src, 'a source slide or a glossary slide to name the source on').toBeDefined();
    const text = walk(src!.children)
      .flatMap((b) => (b.type === 'pair' ? [plain(b.zh), plain(b.en)] : b.type === 'paragraph' ? [plain(b.text)] : []))
      .join('\n');
    for (const v of [article.original.outlet, article.original.author.zh, article.original.author.en, article.publisher.zh, article.publisher.en])
      expect(text).toContain(v);
    expect(text).toMatch(/OFL|Open Font License/);
    // True of every format: PPTX names the font without embedding it.
    expect(text).not.toMatch(/embed|嵌入/i);
  });

  it('keeps every content slide within the height budget of its density, compact only when normal does not fit', () => {
    for (const s of deck.filter((x) => x.layout === 'content')) {
      const density = s.density ?? 'normal';
      if (s.children.length > 1 || s.children[0]?.type !== 'pair') expect(estimateHeight(s.children, density), s.id).toBeLessThanOrEqual(slideCapacity(density));
      if (density === 'compact') expect(fits(s.children, 'normal'), s.id).toBe(false);
      expect(s.children.filter((b) => b.type === 'pair').length).toBeLessThanOrEqual(MAX_POINTS);
    }
  });

  it('writes Chinese titles and labels with full-width punctuation and no doubled id prefix', () => {
    for (const s of deck) {
      expect(plain(s.title.zh), s.id).not.toMatch(/[(),:;]/);
      expect(s.id).not.toMatch(/^slide-slide-/);
    }
    for (const b of all) {
      if (b.type === 'list') for (const it of b.items) expect(plain(it.text.zh)).not.toMatch(/^[^\uFF1A]*:/);
      if (b.type === 'paragraph' && b.lang === 'zh') expect(plain(b.text)).not.toMatch(/\p{Script=Han}[,;:()]|[,;:()]\p{Script=Han}/u);
    }
  });
});

describe('the real article', () => {
  it('makes a deck of 8 to 12 slides with every recommendation on at most two', async () => {
    const real = articles.find(([n]) => n === 'us-japan-acquisition')?.[1];
    expect(real, 'the real article loads').toBeDefined();
    const deck = slides(real!).blocks as SlideBlock[];
    expect(deck.length).toBeGreaterThanOrEqual(8);
    expect(deck.length).toBeLessThanOrEqual(12);
    expect(deck.filter((s) => s.id.includes('recommendations')).length).toBeLessThanOrEqual(2);
  });
});

describe('splitting', () => {
  it('sets a slide compact before splitting it, and splits only what does not fit compact, evenly and deterministically', () => {
    const a = structuredClone(sampleArticle);
    const takeaways = (n: number, reps: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `tk-${i}`,
        text: { zh: `第${i + 1}条要点。`.repeat(reps), en: `Point ${i + 1} in English. `.repeat(reps) },
        cites: ['lede-1'],
      }));
    a.takeaways = takeaways(5, 3);
    const one = (slides(a).blocks as SlideBlock[]).filter((s) => s.id.startsWith('bluf'));
    expect(one).toHaveLength(1);
    expect(fits(one[0].children, 'normal')).toBe(false);
    expect(one[0].density).toBe('compact');

    a.takeaways = takeaways(7, 6);
    const deck = slides(a).blocks as SlideBlock[];
    const parts = deck.filter((s) => s.id.startsWith('bluf'));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((s, k) => {
      expect(plain(s.title.en)).toBe(`Bottom line (${k + 1}/${parts.length})`);
      expect(plain(s.title.zh)).toBe(`要点\uFF08${k + 1}/${parts.length}\uFF09`);
    });
    const counts = parts.map((s) => s.children.length);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(JSON.stringify(slides(a))).toBe(JSON.stringify(slides(a)));
  });

  it('fitItems keeps items in order, one part when they fit, and never an empty part', () => {
    const pair = (n: number): Block => ({ type: 'pair', zh: [{ text: '中'.repeat(n) }], en: [{ text: 'x' }], cites: [] });
    const build = (part: readonly number[]) => part.map(pair);
    expect(fitItems([1, 2, 3], build)).toEqual([{ children: build([1, 2, 3]), density: 'normal' }]);
    const many = Array.from({ length: 30 }, () => 40);
    const parts = fitItems(many, build);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.children)).toEqual(build(many));
    for (const p of parts) {
      expect(p.children.length).toBeGreaterThan(0);
      expect(estimateHeight(p.children, p.density)).toBeLessThanOrEqual(slideCapacity(p.density));
    }
  });

  it('evenParts splits evenly with the remainder first', () => {
    expect(evenParts([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
    expect(evenParts([1], 1)).toEqual([[1]]);
  });

  it('lineCount wraps Chinese by character and English by word', () => {
    expect(lineCount('中'.repeat(10), 10, 100)).toBe(1);
    expect(lineCount('中'.repeat(11), 10, 100)).toBe(2);
    expect(lineCount('', 10, 100)).toBe(0);
    expect(lineCount('word '.repeat(20), 10, 100)).toBeGreaterThan(lineCount('word '.repeat(10), 10, 100));
    expect(lineCount([{ text: '中'.repeat(9), size: 10 }, { text: ' ¶ a', size: 5 }], undefined, 100)).toBe(1);
  });

  it('gives compact slides more room and smaller type, never below 9 pt for Chinese body text', () => {
    expect(slideCapacity('compact')).toBeGreaterThan(slideCapacity('normal'));
    const c = slideType('compact');
    const n = slideType('normal');
    expect(c.body).toBeLessThan(n.body);
    expect(c.body).toBeGreaterThanOrEqual(9);
    expect(c.title).toBeLessThan(n.title);
    expect(theme.size.slideCompact).toBe(c.body);
  });
});
