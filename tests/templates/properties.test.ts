/**
 * Every template over articles of every shape (tests/helpers/shapes.ts) and
 * the two real sources: each Doc keeps the IR contract (unique ids, refs and
 * locals that resolve, citations showing the marks of citable blocks), the
 * reading edition holds every citable block of the article in order with its
 * text and mark, and slides keep their limits: at most six items or events a
 * slide, every body within its box at the theme's sizes, headline sizes
 * within bounds, continued parts titled and numbered, dates on one line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/types.js';
import { allParagraphs } from '../../src/model/types.js';
import type { Doc, SlideBlock } from '../../src/ir/types.js';
import { slideSpec } from '../../src/theme/theme.js';
import { PRODUCTS, getTemplate } from '../../templates/index.js';
import { MAX_ITEMS, bodyBudget, bodyHeight, fitTitle } from '../../templates/slide-fit.js';
import { arbitraryArticle, SHAPES_SEED } from '../helpers/shapes.js';
import { contractProblems, passagesOf, runsOf } from '../helpers/doc-contract.js';
import { loadRealArticles, plain } from './articles.js';

const RUNS = Number(process.env.SHAPE_RUNS ?? (process.env.BRIEFWRIGHT_TEST_TIER === 'fast' ? 25 : 60));

/** Items of a slide body: pairs, list items, timeline events, table rows. */
function items(s: SlideBlock): number {
  return s.children.reduce((n, b) => n + (b.type === 'pair' ? 1 : b.type === 'list' ? b.items.length : b.type === 'figure' ? b.events.length : b.type === 'table' ? b.rows.length : 0), 0);
}

function slideProblems(doc: Doc, article: Article): string[] {
  const problems: string[] = [];
  const deck = doc.blocks as SlideBlock[];
  const sizes = (list: readonly { zh: number; en: number }[]) => list.map((s) => `${s.zh}/${s.en}`);
  deck.forEach((s, i) => {
    if (s.type !== 'slide') return problems.push(`top-level ${s.type}`);
    if (s.number !== i + 1) problems.push(`${s.id} numbered ${s.number}`);
    if (items(s) > MAX_ITEMS) problems.push(`${s.id}: ${items(s)} items`);
    const size = s.titleSize ? `${s.titleSize.zh}/${s.titleSize.en}` : '';
    const allowed = s.layout === 'title' ? sizes(slideSpec.title.sizes) : s.layout === 'section' ? sizes(slideSpec.section.sizes) : sizes(slideSpec.headline.sizes);
    if (!allowed.includes(size)) problems.push(`${s.id}: headline size ${size}`);
    if (s.layout !== 'title' && s.layout !== 'section') {
      const head = fitTitle({ zh: plain(s.title.zh), en: plain(s.title.en) });
      if (!head.fits) problems.push(`${s.id}: headline over two lines`);
      const h = bodyHeight(s.layout, s.children, s.density ?? 'normal');
      const budget = bodyBudget(head, s.source);
      if (h > budget) problems.push(`${s.id}: body ${Math.ceil(h)} pt > ${Math.floor(budget)} pt`);
      if (s.density === 'compact' && items(s) > 1) problems.push(`${s.id}: compact with ${items(s)} items (lists continue, never shrink)`);
    }
    if (s.part) {
      const first = deck[i - s.part.index + 1];
      if (s.part.index === 1 && /-\d+$/.test(s.id) && article.slides.every((o) => o.id !== s.id)) problems.push(`${s.id}: first part does not keep the outline's id`);
      if (s.part.index > 1) {
        if (s.id !== `${first.id}-${s.part.index}` && !s.id.startsWith(`${first.id}-${s.part.index}`)) problems.push(`${s.id}: part ${s.part.index} of ${first.id}`);
        if (!plain(s.title.zh).endsWith('\uFF08\u7EED\uFF09') || !plain(s.title.en).endsWith('(continued)')) problems.push(`${s.id}: continued part not titled so`);
      }
    }
    for (const b of s.children)
      if (b.type === 'figure') for (const e of b.events) for (const r of [...(e.dateLabel.zh ?? []), ...(e.dateLabel.en ?? [])]) if (!r.nowrap) problems.push(`${s.id}: date "${r.text}" may break`);
  });
  // Every outline entry is there, first part at the outline's id.
  for (const o of article.slides) if (!deck.some((s) => s.id === o.id || s.id.startsWith(`${o.id}-`))) problems.push(`outline ${o.id} missing`);
  return problems;
}

function readingProblems(doc: Doc, article: Article): string[] {
  const got = passagesOf(doc.blocks);
  const want = allParagraphs(article).map((c) => ({ id: c.id, mark: c.mark, text: c.text }));
  const problems: string[] = [];
  if (got.length !== want.length) problems.push(`${got.length} passages for ${want.length} citable blocks`);
  want.forEach((w, i) => {
    const g = got[i];
    if (!g || g.id !== w.id || g.mark !== w.mark || g.text !== w.text) problems.push(`passage ${i + 1}: ${JSON.stringify(g)} instead of ${JSON.stringify(w)}`);
  });
  return problems.slice(0, 5);
}

/** Paged products: the appendix holds, once each and in article order, every block a citation links to locally; on paper only. */
function appendixProblems(doc: Doc, article: Article): string[] {
  const problems: string[] = [];
  const appendix = doc.blocks.find((b) => b.type === 'group' && b.media === 'print' && b.id?.startsWith('sources-cited'));
  const passages = appendix ? passagesOf([appendix]).map((p) => p.id) : [];
  const order = new Map(allParagraphs(article).map((c, i) => [c.id, i]));
  if (new Set(passages).size !== passages.length) problems.push('a block twice in the appendix');
  if (passages.some((id, i) => i > 0 && order.get(id)! < order.get(passages[i - 1])!)) problems.push('appendix out of article order');
  const locals = new Set(runsOf({ ...doc, blocks: doc.blocks.filter((b) => b !== appendix) }).flatMap((s) => (s.ref?.local ? [s.ref.local] : [])));
  for (const l of locals) if (!passages.includes(l)) problems.push(`local ${l} not in the appendix`);
  if (locals.size > 0 && !appendix) problems.push('local links but no appendix');
  return problems;
}

const products = PRODUCTS.map((p) => [p, getTemplate(p)] as const);

describe('every template, over articles of every shape', () => {
  it('keeps the IR contract; the reading edition holds every block; slides keep their limits; paged appendices hold what they link to', () => {
    fc.assert(
      fc.property(arbitraryArticle(), ({ article }) => {
        for (const [name, template] of products) {
          const doc = template(article);
          const problems = [...contractProblems(doc, article)];
          if (name === 'reading') problems.push(...readingProblems(doc, article));
          if (name === 'slides') problems.push(...slideProblems(doc, article));
          if (name === 'summary' || name === 'checklist') problems.push(...appendixProblems(doc, article));
          if (problems.length > 0) throw new Error(`${name}:\n${problems.slice(0, 8).join('\n')}`);
        }
      }),
      { seed: SHAPES_SEED, numRuns: RUNS },
    );
  }, 600_000);

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbitraryArticle(), ({ article }) => {
        for (const [, template] of products) expect(JSON.stringify(template(article))).toBe(JSON.stringify(template(structuredClone(article))));
      }),
      { seed: SHAPES_SEED + 1, numRuns: 5 },
    );
  }, 600_000);
});

describe('every template, over the real articles', async () => {
  const real = await loadRealArticles();
  it.each(real)('%s: contract, reading edition, slide limits, appendices', (_name, article) => {
    for (const [name, template] of products) {
      const doc = template(article);
      expect(contractProblems(doc, article), name).toEqual([]);
      if (name === 'reading') expect(readingProblems(doc, article)).toEqual([]);
      if (name === 'slides') expect(slideProblems(doc, article)).toEqual([]);
      if (name === 'summary' || name === 'checklist') expect(appendixProblems(doc, article), name).toEqual([]);
    }
  });
});
