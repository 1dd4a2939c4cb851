import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../src/model/types.js';
import { summary } from '../../templates/summary.js';
import { formatDate } from '../../src/theme/format.js';
import { deepFreeze, plain, testArticles, walk } from './articles.js';

const articles = await testArticles();

describe.each(articles)('summary template (%s)', (_name, article) => {
  const doc = summary(deepFreeze(structuredClone(article)));
  const blocks = walk(doc.blocks);
  const paraIds = new Set(allParagraphs(article).map((p) => p.id));

  it('is an A4 summary doc keyed on the article', () => {
    expect(doc.product).toBe('summary');
    expect(doc.page).toBe('a4');
    expect(doc.meta.articleId).toBe(article.slug);
    expect(doc.meta.lang).toBe('zh-Hans');
  });

  it('opens with a title block holding both titles, publisher, date, author and outlet', () => {
    const t = doc.blocks[0];
    expect(t.type).toBe('title');
    if (t.type !== 'title') return;
    expect(plain(t.title.zh)).toBe(article.title.zh);
    expect(plain(t.title.en)).toBe(article.title.en);
    const values = t.meta.flatMap((m) => [plain(m.value.zh), plain(m.value.en)]);
    for (const v of [article.publisher.zh, article.publisher.en, article.original.author.zh, article.original.author.en, article.original.outlet])
      expect(values).toContain(v);
    expect(values).toContain(formatDate(article.date).zh);
    expect(values).toContain(formatDate(article.date).en);
  });

  it('gives every takeaway and section summary as a bilingual pair citing its paragraphs', () => {
    const pairs = blocks.filter((b) => b.type === 'pair');
    for (const t of article.takeaways) {
      const p = pairs.find((b) => plain(b.zh) === t.text.zh);
      expect(p, t.id).toBeDefined();
      expect(plain(p!.en)).toBe(t.text.en);
      expect(p!.cites).toEqual(t.cites);
    }
    for (const s of article.sections) {
      const p = pairs.find((b) => plain(b.zh) === s.summary.zh);
      expect(p, s.id).toBeDefined();
      expect(plain(p!.en)).toBe(s.summary.en);
      expect(p!.cites).toEqual(s.paragraphs.map((x) => x.id));
    }
  });

  it('orders takeaways before sections, sections in source order', () => {
    const order = blocks.filter((b) => b.type === 'pair').map((b) => plain(b.zh));
    const expected = [...article.takeaways.map((t) => t.text.zh), ...article.sections.map((s) => s.summary.zh)];
    expect(order).toEqual(expected);
  });

  it('lists the glossary as a table with term, name and definition in both languages', () => {
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    if (table?.type !== 'table') return;
    expect(table.rows).toHaveLength(article.glossary.length);
    article.glossary.forEach((term, i) => {
      const cells = table.rows[i].flatMap((c) => [plain(c.text.zh), plain(c.text.en)]);
      for (const v of [term.term, term.name.zh, term.name.en, term.definition.zh, term.definition.en]) expect(cells).toContain(v);
    });
  });

  it('draws the timeline as a figure with events in date order and bilingual date labels', () => {
    const fig = blocks.find((b) => b.type === 'figure');
    expect(fig).toBeDefined();
    if (fig?.type !== 'figure') return;
    expect(fig.events.map((e) => e.date)).toEqual(article.timeline.map((e) => e.date).sort());
    // Each event's text, then the editors' note when its date is inferred or uncertain (tests/templates/certainty.test.ts).
    expect(fig.events.map((e) => e.text.zh![0].text).sort()).toEqual(article.timeline.map((e) => e.text.zh).sort());
    for (const e of fig.events) expect(plain(e.dateLabel.en).startsWith(formatDate(e.date).en)).toBe(true);
  });

  it('cites only paragraphs that exist', () => {
    for (const b of blocks) for (const c of b.cites) expect(paraIds.has(c), c).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(summary(article))).toBe(JSON.stringify(doc));
  });
});
