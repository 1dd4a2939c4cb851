/**
 * Generated decks: the slides template's decks of generated articles
 * (tests/helpers/shapes.ts: every slide kind, titles of 1–120 characters,
 * long recommendation lists and timelines) all fit, measured independently
 * from the file, at the theme's slide sizes; and slides of any content
 * (shapes.ts: beyond what a slide holds) are either fitted or reported as
 * overflowing, never silently clipped, and never set below 9 pt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlideBlock } from '../../../src/ir/types.js';
import { backend, planDeck } from '../../../src/render/pptx/index.js';
import { slides } from '../../../templates/slides.js';
import { articleOf, articleShape, longTitleShape, sampleArticles } from '../../helpers/shapes.js';
import { FAST } from '../../helpers/tier.js';
import { misfits, placementProblems } from './fit.js';
import { readPptx } from './read.js';
import { ANY, deckArb } from './shapes.js';

/** Generated articles (and decks of any content); fewer in the fast tier. */
const RUNS = FAST ? 3 : 8;

describe('pptx: generated decks', { timeout: 300_000 }, () => {
  it('fits every slide the slides template makes of generated articles, at the theme’s slide sizes', async () => {
    const base = fc.sample(articleShape, { seed: 11, numRuns: 1 })[0];
    const articles = [...sampleArticles(RUNS).map((s) => s.article), articleOf(longTitleShape(base)).article];
    const layouts = new Set<string>();
    for (const article of articles) {
      const doc = slides(article);
      for (const s of doc.blocks as SlideBlock[]) layouts.add(s.layout);
      const plans = planDeck(doc);
      expect(plans.filter((p) => p.overflow).map((p) => `${p.number} ${p.layout}: ${p.height.toFixed(1)} pt in ${p.contentBox.h.toFixed(1)}`), article.slug).toEqual([]);
      const bytes = await backend.render(doc, { epoch: 0 });
      expect(misfits(bytes).map((m) => `${m.box.slide} ${m.box.name}: ${m.text.slice(0, 40)}`), article.slug).toEqual([]);
      expect(placementProblems(bytes), article.slug).toEqual([]);
      for (const s of readPptx(bytes).slides) expect(Math.min(...s.sizes)).toBeGreaterThanOrEqual(9);
    }
    for (const l of ['title', 'section', 'points', 'checklist', 'timeline', 'glossary']) expect([...layouts]).toContain(l);
  });

  it('reports overflow for content beyond a slide’s capacity, and claims to fit only what fits', async () => {
    let reported = 0;
    await fc.assert(
      fc.asyncProperty(deckArb(ANY), async (doc) => {
        const plans = planDeck(doc);
        const bytes = await backend.render(doc, { epoch: 0 });
        // Every box is as tall as its text: text never spills out of its own box, whatever the content.
        expect(misfits(bytes).map((m) => `${m.box.slide} ${m.box.name}`)).toEqual([]);
        const problems = placementProblems(bytes);
        for (const p of plans.filter((x) => !x.overflow)) expect(problems.filter((q) => q.startsWith(`slide ${p.number}:`)), `slide ${p.number} (${p.layout})`).toEqual([]);
        for (const s of readPptx(bytes).slides) expect(Math.min(...s.sizes)).toBeGreaterThanOrEqual(9);
        reported += plans.filter((p) => p.overflow).length;
      }),
      { numRuns: RUNS, seed: 20250111 },
    );
    expect(reported, 'content beyond capacity overflows somewhere').toBeGreaterThan(0);
  });
});
