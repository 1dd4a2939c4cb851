import { describe, expect, it } from 'vitest';
import { ACTOR_LABELS } from '../../src/model/types.js';
import type { SlideBlock } from '../../src/ir/types.js';
import { SLIDE_BODY_BUDGET, MAX_POINTS, chunk, pairHeight, shorten, slides } from '../../templates/slides.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, plain, testArticles, walk } from './articles.js';

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

  it('lists every recommendation compactly with its actor', () => {
    if (!article.slides.some((s) => s.kind === 'recommendations')) return;
    const items = all.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(items).toHaveLength(article.recommendations.length);
    article.recommendations.forEach((r, i) => {
      const zh = plain(items[i].text.zh);
      const en = plain(items[i].text.en);
      expect(zh.startsWith(ACTOR_LABELS[r.actor].zh)).toBe(true);
      expect(en.startsWith(ACTOR_LABELS[r.actor].en)).toBe(true);
      expect(r.text.zh.startsWith(zh.slice(ACTOR_LABELS[r.actor].zh.length + 1).replace(/…$/u, ''))).toBe(true);
      expect(items[i].cites).toEqual(r.cites);
    });
  });

  it('draws the timeline as a figure and the glossary as a table', () => {
    if (article.slides.some((s) => s.kind === 'timeline')) {
      const events = all.flatMap((b) => (b.type === 'figure' ? b.events : []));
      expect(events).toHaveLength(article.timeline.length);
    }
    if (article.slides.some((s) => s.kind === 'glossary')) {
      const rows = all.flatMap((b) => (b.type === 'table' ? b.rows : []));
      expect(rows.map((r) => plain(r[0].text.zh))).toEqual(article.glossary.map((g) => g.term));
    }
  });

  it('names the source: outlet, author, publisher, date and a licence line', () => {
    const src = deck.find((s) => s.id.startsWith(article.slides.find((o) => o.kind === 'source')?.id ?? '\0'));
    if (!src) return;
    const text = walk(src.children)
      .flatMap((b) => (b.type === 'pair' ? [plain(b.zh), plain(b.en)] : b.type === 'paragraph' ? [plain(b.text)] : []))
      .join('\n');
    for (const v of [article.original.outlet, article.original.author.zh, article.original.author.en, article.publisher.zh, article.publisher.en])
      expect(text).toContain(v);
    expect(text).toMatch(/OFL|Open Font License/);
  });

  it('keeps every bilingual point slide within the height budget', () => {
    for (const s of deck) {
      // Points drawn from the article (the source slide's fixed lines are not budgeted).
      const pairs = s.children.filter((b) => b.type === 'pair' && b.cites.length > 0);
      if (pairs.length < 2) continue;
      const h = pairs.reduce((sum, p) => sum + pairHeight({ zh: plain(p.zh), en: plain(p.en) }), 0);
      expect(h, s.id).toBeLessThanOrEqual(SLIDE_BODY_BUDGET);
      expect(pairs.length).toBeLessThanOrEqual(MAX_POINTS);
    }
  });
});

describe('splitting', () => {
  it('splits an over-full slide into numbered parts, evenly and deterministically', () => {
    const a = structuredClone(sampleArticle);
    a.takeaways = Array.from({ length: 7 }, (_, i) => ({
      id: `tk-${i}`,
      text: { zh: `第${i + 1}条要点。`.repeat(6), en: `Point ${i + 1} in English. `.repeat(5) },
      cites: ['lede-1'],
    }));
    const deck = slides(a).blocks as SlideBlock[];
    const parts = deck.filter((s) => s.id.startsWith('bluf'));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((s, k) => expect(plain(s.title.en)).toBe(`Bottom line (${k + 1}/${parts.length})`));
    const counts = parts.map((s) => s.children.length);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(7);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(JSON.stringify(slides(a))).toBe(JSON.stringify(slides(a)));
  });

  it('chunk never exceeds budget or cap unless an item alone does', () => {
    const sizes = [5, 1, 9, 3, 3, 3, 12, 2, 2, 2, 2];
    const parts = chunk(sizes, (n) => n, 10, 3);
    expect(parts.flat()).toEqual(sizes);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(3);
      if (p.length > 1) expect(p.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(10);
    }
  });

  it('shorten keeps short text and cuts long text at a clause with an ellipsis', () => {
    expect(shorten('短句。', 10)).toBe('短句。');
    const s = shorten('加强美国对国际防务项目的支持,并扩大联合生产的范围和规模,以便长期维持', 20);
    expect([...s].length).toBeLessThanOrEqual(20);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toBe('加强美国对国际防务项目的支持…');
  });
});
