/**
 * The article's own recommendations and the editors' inferences are told
 * apart in words, in both languages, wherever a recommendation is listed:
 * on the slides as on the checklist (each item led by its tag, as the PDF,
 * DOCX and PPTX decks set it).
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './dom.js';
import { fromArticles, renderedPages } from './fixtures.js';

const TAGS = { explicit: ['原文建议', 'From the article'], implicit: ['编者归纳', 'Editors’ inference'] } as const;

describe('explicit and inferred recommendations in the HTML', () => {
  it('every recommendation on the slides and in the checklist carries its tag in both languages', async () => {
    const wanted = fromArticles(await renderedPages()).filter((p) => ['us-japan-acquisition', 'allied-cloud-interoperability'].includes(p.name) && (p.product === 'slides' || p.product === 'checklist'));
    // Each real article's two pages once (the fixtures may list an article twice).
    const pages = [...new Map(wanted.map((p) => [`${p.name}/${p.product}`, p])).values()];
    expect(pages.length).toBe(4);
    for (const p of pages) {
      const page = readPage(p.html);
      const items = page.elements.filter((e) => e.tag === 'li' || e.classes.includes('check-item'));
      for (const rec of p.article.recommendations) {
        const holder = items.find((e) => e.text.replace(/\s+/g, '').includes(rec.text.zh.replace(/\s+/g, '')));
        expect(holder, `${p.name}/${p.product}: ${rec.id}`).toBeDefined();
        const [zh, en] = TAGS[rec.kind];
        const other = TAGS[rec.kind === 'explicit' ? 'implicit' : 'explicit'];
        const tags = page.elements
          // A tag chip (the checklist's) or a tag run leading the item's text (the slides' lists).
          .filter((e) => (e.classes.includes('tag') || e.classes.includes('run-tag')) && e.ancestors.includes(holder!))
          .map((e) => e.text)
          .join(' | ');
        const where = `${p.name}/${p.product}: ${rec.id} (${rec.kind}), tags "${tags}"`;
        expect(tags.includes(zh) && tags.includes(en), where).toBe(true);
        expect(other.some((t) => tags.includes(t)), where).toBe(false);
      }
    }
  });
});
