/** The real article source parses into the expected model with no diagnostics. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticle, type LoadResult } from '../../src/model/index.js';
import { allParagraphs, HORIZONS, SLIDE_KINDS, type Article, type BodyBlock, type Citable } from '../../src/model/types.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const sourcePath = path.join(repoRoot, 'source/us-japan-acquisition.md');

describe('source/us-japan-acquisition.md', () => {
  let result: LoadResult;
  let article: Article;
  beforeAll(async () => {
    expect(existsSync(sourcePath), 'the real article source must exist').toBe(true);
    result = await loadArticle(sourcePath);
    article = result.article!;
  });

  it('loads with no message at all, and with the actors it declares', () => {
    expect(result.file.messages.map(String)).toEqual([]);
    expect(article).not.toBeNull();
    expect(article.slug).toBe(path.basename(sourcePath, '.md'));
    expect(article.actors).toEqual([
      { id: 'us', zh: '美国', en: 'United States' },
      { id: 'japan', zh: '日本', en: 'Japan' },
      { id: 'both', zh: '美日双方', en: 'Both governments' },
      { id: 'us-administration', zh: '美国新政府（经DICAS）', en: 'New US administration via DICAS' },
    ]);
    // The recommendations on developing the DICAS channel are addressed to the new administration (outlook-6).
    expect(article.recommendations.filter((r) => r.actor === 'us-administration').map((r) => r.id)).toEqual(['rec-14', 'rec-15', 'rec-16']);
  });

  it('has the five sections, each with a bilingual title and summary', () => {
    expect(article.sections.map((s) => s.id)).toEqual(['evolution', 'framework', 'opportunities', 'challenges', 'outlook']);
    for (const s of article.sections) {
      for (const bi of [s.title, s.summary]) {
        expect(bi.zh.trim()).not.toBe('');
        expect(bi.en.trim()).not.toBe('');
      }
      expect(s.paragraphs.length).toBeGreaterThan(0);
      // The flat list is exactly the citable blocks of the tree, in document order.
      const citables = (blocks: BodyBlock[]): Citable[] =>
        blocks.flatMap((b): Citable[] =>
          b.kind === 'list' ? b.items.flatMap((i) => [i, ...citables(i.lists)]) : b.kind === 'quote' ? citables(b.blocks) : b.kind === 'heading' ? [] : [b],
        );
      expect(citables(s.blocks)).toEqual(s.paragraphs);
      s.paragraphs.forEach((p, i) => {
        expect(p.sectionId).toBe(s.id);
        expect(p.mark).toBe(`${s.number}.${i + 1}`);
      });
    }
  });

  it('keeps every paragraph with a unique id, its spans and source line', () => {
    const paragraphs = allParagraphs(article);
    expect(article.lede.paragraphs.map((p) => p.mark)).toEqual(['0.1', '0.2']);
    expect(paragraphs.length).toBe(33);
    expect(new Set(paragraphs.map((p) => p.id)).size).toBe(paragraphs.length);
    expect(paragraphs.filter((p) => p.generatedId)).toEqual([]);
    for (const p of paragraphs) {
      if (p.kind !== 'paragraph' && p.kind !== 'item') throw new Error(`unexpected ${p.kind}`);
      expect(p.spans.map((s) => s.text).join('')).toBe(p.text);
      expect(p.line).toBeGreaterThan(0);
      if (p.label) expect(p.text.startsWith(p.label.zh)).toBe(true);
    }
    // The two bulleted lists of the outlook, three items each.
    const lists = article.sections[4].blocks.filter((b) => b.kind === 'list');
    expect(lists.map((b) => (b.kind === 'list' ? b.items.length : 0))).toEqual([3, 3]);
  });

  it('has the editorial layer in the documented ranges, with controlled vocabularies', () => {
    expect(article.takeaways.length).toBeGreaterThanOrEqual(3);
    expect(article.takeaways.length).toBeLessThanOrEqual(5);
    expect(article.recommendations.length).toBeGreaterThanOrEqual(12);
    expect(article.recommendations.length).toBeLessThanOrEqual(16);
    // The outlook's six items, and the two things the challenges section says both countries "must" do.
    expect(article.recommendations.filter((r) => r.kind === 'explicit').map((r) => r.id).sort()).toEqual(['rec-1', 'rec-11', 'rec-12', 'rec-13', 'rec-14', 'rec-15', 'rec-16', 'rec-3']);
    for (const r of article.recommendations) {
      expect(article.actors.map((a) => a.id)).toContain(r.actor);
      expect(HORIZONS).toContain(r.horizon);
    }
    expect(article.glossary.length).toBeGreaterThanOrEqual(13);
    expect(article.timeline.length).toBeGreaterThan(0);
    const dates = article.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(article.slides.length).toBeGreaterThanOrEqual(8);
    expect(article.slides.length).toBeLessThanOrEqual(12);
    for (const s of article.slides) expect(SLIDE_KINDS).toContain(s.kind);
  });

  it('resolves every cited id to a paragraph', () => {
    const ids = new Set(allParagraphs(article).map((p) => p.id));
    const cites = [
      ...article.takeaways.flatMap((t) => t.cites),
      ...article.recommendations.flatMap((r) => r.cites),
      ...article.glossary.flatMap((t) => t.cites),
      ...article.timeline.flatMap((e) => e.cites),
      ...article.slides.flatMap((s) => [...s.cites, ...s.points.flatMap((p) => p.cites)]),
    ];
    expect(cites.length).toBeGreaterThan(0);
    expect(cites.filter((c) => !ids.has(c))).toEqual([]);
    for (const r of article.recommendations) expect(r.cites.length).toBeGreaterThan(0);
  });

  it('gives the same model on every load (deterministic)', async () => {
    const again = await loadArticle(sourcePath);
    expect(JSON.stringify(again.article)).toBe(JSON.stringify(article));
  });
});
