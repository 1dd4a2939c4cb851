import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../src/model/types.js';
import type { Block, PairBlock, PassageBlock, Span } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { summary } from '../../templates/summary.js';
import { checklist } from '../../templates/checklist.js';
import { formatDate } from '../../src/theme/format.js';
import { deepFreeze, plain, testArticles, walk } from './articles.js';

const articles = await testArticles();
const cites = (inl: Span[] | undefined) => (inl ?? []).filter((s) => s.role === 'cite');

describe.each(articles)('summary template (%s)', (_name, article) => {
  const doc = summary(deepFreeze(structuredClone(article)));
  const blocks = walk(doc.blocks);
  const paraIds = new Set(allParagraphs(article).map((p) => p.id));
  const marks = new Map(allParagraphs(article).map((p) => [p.id, p.mark]));
  const pairs = blocks.filter((b): b is PairBlock => b.type === 'pair');

  it('is an A4 summary doc keyed on the article, naming the original in its metadata', () => {
    expect(doc.product).toBe('summary');
    expect(doc.page).toBe('a4');
    expect(doc.meta.articleId).toBe(article.slug);
    expect(doc.meta.lang).toBe('zh-Hans');
    expect(doc.meta.source).toEqual({
      outlet: article.original.outlet,
      author: article.original.author.en,
      ...(article.original.title ? { title: article.original.title } : {}),
      ...(article.original.url ? { url: article.original.url } : {}),
      ...(article.original.date ? { date: article.original.date } : {}),
    });
  });

  it('opens with a title block holding both titles, publisher, date, author, outlet, and the original title as a linked work', () => {
    const t = doc.blocks[0];
    expect(t.type).toBe('title');
    if (t.type !== 'title') return;
    expect(plain(t.title.zh)).toBe(article.title.zh);
    expect(plain(t.title.en)).toBe(article.title.en);
    const values = t.meta.flatMap((m) => [plain(m.value.zh), plain(m.value.en)]);
    for (const v of [article.publisher.zh, article.publisher.en, article.original.author.zh, article.original.author.en, article.original.outlet]) expect(values).toContain(v);
    expect(values).toContain(formatDate(article.date).zh);
    expect(values).toContain(formatDate(article.date).en);
    if (article.original.title) {
      const run = t.meta.flatMap((m) => m.value.en ?? []).find((s) => s.text === article.original.title)!;
      expect(run.role).toBe('title');
      expect(run.href).toBe(article.original.url);
    }
  });

  it('gives every takeaway as a numbered bilingual pair with its id and a source line of its marks', () => {
    article.takeaways.forEach((t, i) => {
      const p = pairs.find((b) => b.id === t.id)!;
      expect(p, t.id).toBeDefined();
      expect([plain(p.zh), plain(p.en), p.marker]).toEqual([t.text.zh, t.text.en, String(i + 1)]);
      expect(p.cites).toEqual(t.cites);
      // Each cited block's mark, linking to the reading edition and, on paper, to the appendix.
      const shown = cites(p.source);
      expect(shown.length).toBeGreaterThan(0);
      for (const c of shown) {
        expect(c.ref!.product).toBe('reading');
        expect(t.cites).toContain(c.ref!.anchor);
        expect(c.ref!.local).toBe(c.ref!.anchor);
        expect(c.text.startsWith(`\u00B6${marks.get(c.ref!.anchor)}`)).toBe(true);
      }
      expect(plain(p.source)).not.toMatch(/[a-z]-\d/);
    });
  });

  it('gives every section summary under its numbered heading, citing the section compactly without filling the appendix', () => {
    for (const s of article.sections) {
      const p = pairs.find((b) => plain(b.zh) === s.summary.zh)!;
      expect(p, s.id).toBeDefined();
      expect(plain(p.en)).toBe(s.summary.en);
      expect(p.cites).toEqual(s.paragraphs.map((x) => x.id));
      const first = s.paragraphs[0];
      const last = s.paragraphs[s.paragraphs.length - 1];
      const expected = s.paragraphs.length >= 3 ? `\u00B6${first.mark}\u2013${last.mark}` : undefined;
      if (expected) expect(plain(p.source)).toBe(expected);
      for (const c of cites(p.source)) expect(c.ref!.local).toBeUndefined();
    }
  });

  it("adds a section of the article's own recommendations only: numbered as in the checklist, tagged, each with its source", () => {
    const explicit = article.recommendations.filter((r) => r.kind === 'explicit');
    const heading = blocks.find((b) => b.type === 'heading' && plain(b.text.zh) === LABELS.explicitRecommendations.zh);
    expect(Boolean(heading)).toBe(explicit.length > 0);
    const numbers = new Map(walk(checklist(article).blocks).flatMap((b) => (b.type === 'checkItem' ? [[b.id, b.marker]] : [])));
    for (const r of article.recommendations) {
      const p = pairs.find((b) => b.id === r.id);
      if (r.kind === 'implicit') {
        expect(p, r.id).toBeUndefined();
        continue;
      }
      expect(plain(p!.zh).endsWith(r.text.zh)).toBe(true);
      expect(plain(p!.en).endsWith(r.text.en)).toBe(true);
      expect(p!.marker).toBe(numbers.get(r.id));
      expect(plain(p!.tags?.zh)).toBe(LABELS.explicit.zh);
      expect(cites(p!.source).length).toBeGreaterThan(0);
    }
  });

  it('orders takeaways, sections, the article’s recommendations, glossary, timeline, then the appendix', () => {
    const ids = doc.blocks.map((b) => b.id ?? b.type);
    const at = (id: string) => ids.indexOf(id);
    const present = ['takeaways', 'sections', 'explicit-recommendations', 'glossary', 'timeline', 'sources-cited'].filter((id) => at(id) >= 0);
    expect(present.map(at)).toEqual([...present.map(at)].sort((a, b) => a - b));
  });

  it('lists the glossary as a table with term, name and definition in both languages, each definition with its source', () => {
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    if (table?.type !== 'table') return;
    expect(table.rows).toHaveLength(article.glossary.length);
    article.glossary.forEach((term, i) => {
      const cells = table.rows[i].flatMap((c) => [plain(c.text.zh), plain(c.text.en)]);
      for (const v of [term.term, term.name.zh, term.name.en, term.definition.zh, term.definition.en]) expect(cells).toContain(v);
      expect(cites(table.rows[i][2].source).map((c) => c.ref!.anchor).every((id) => term.cites.includes(id))).toBe(true);
    });
  });

  it('draws the timeline as a figure: events in date order with ids, dates on one line, sources', () => {
    const fig = blocks.find((b) => b.type === 'figure');
    expect(fig).toBeDefined();
    if (fig?.type !== 'figure') return;
    expect(fig.events.map((e) => e.date)).toEqual(article.timeline.map((e) => e.date).sort());
    expect(fig.events.map((e) => e.id).sort()).toEqual(article.timeline.map((e) => e.id).sort());
    for (const e of fig.events) {
      expect(plain(e.dateLabel.en).startsWith(formatDate(e.date).en)).toBe(true);
      expect([...e.dateLabel.zh!, ...e.dateLabel.en!].every((s) => s.nowrap)).toBe(true);
      expect(cites(e.source).length).toBeGreaterThan(0);
    }
  });

  it('ends with the appendix on paper: every block its items cite, once, in article order, as linked passages', () => {
    const appendix = doc.blocks[doc.blocks.length - 1];
    expect(appendix.type === 'group' && appendix.media).toBe('print');
    if (appendix.type !== 'group') return;
    const heading = appendix.children[0];
    expect(heading.type === 'heading' && [plain(heading.text.zh), plain(heading.text.en)]).toEqual([LABELS.sourcesCited.zh, LABELS.sourcesCited.en]);
    const cited = new Set([...article.takeaways, ...article.recommendations.filter((r) => r.kind === 'explicit'), ...article.glossary, ...article.timeline].flatMap((x) => x.cites));
    const order = allParagraphs(article).map((p) => p.id).filter((id) => cited.has(id));
    const shown = appendix.children.slice(1).map((b) => b.id);
    expect(shown).toEqual(order);
    for (const b of appendix.children.slice(1).filter((x): x is PassageBlock => x.type === 'passage')) {
      const c = allParagraphs(article).find((p) => p.id === b.id)!;
      expect([b.mark, plain(b.text)]).toEqual([c.mark, c.text]);
      // Its mark links to the paragraph in the reading edition.
      const back = b.notes.flatMap((n) => n.text.zh ?? []).find((s) => s.role === 'cite')!;
      expect([back.text, back.ref]).toEqual([`\u00B6${c.mark}`, { product: 'reading', anchor: c.id }]);
    }
  });

  it('cites only paragraphs that exist', () => {
    for (const b of blocks) for (const c of b.cites) expect(paraIds.has(c), c).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(summary(article))).toBe(JSON.stringify(doc));
  });
});

describe('the summary without an appendix', () => {
  it('has none when nothing but section summaries cites the text', () => {
    const a = structuredClone(articles[0][1]);
    a.takeaways = [];
    a.recommendations = [];
    a.glossary = [];
    a.timeline = [];
    const blocks: Block[] = summary(a).blocks;
    expect(blocks.some((b) => b.media === 'print')).toBe(false);
  });
});
