/**
 * Generated decks of every layout (shapes.ts): content within a slide's
 * capacity always fits, measured independently from the file; content of
 * any size is either fitted or reported as overflowing, never silently
 * clipped, and never set below the size floors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backend, planDeck } from '../../../src/render/pptx/index.js';
import { misfits, placementProblems } from './fit.js';
import { readPptx } from './read.js';
import { ANY, deckArb, FITTING } from './shapes.js';
import { FAST } from '../../helpers/tier.js';

/** Decks of ten slides each; fewer in the fast tier. */
const RUNS = FAST ? 5 : 12;

describe('pptx: generated decks', { timeout: 300_000 }, () => {
  it('fits content within a slide’s capacity on every layout, at sizes no smaller than the floors', async () => {
    await fc.assert(
      fc.asyncProperty(deckArb(FITTING), async (doc) => {
        expect(planDeck(doc).filter((p) => p.overflow).map((p) => p.layout)).toEqual([]);
        const bytes = await backend.render(doc, { epoch: 0 });
        expect(misfits(bytes).map((m) => `${m.box.slide} ${m.box.name} ${m.text.slice(0, 40)}`)).toEqual([]);
        expect(placementProblems(bytes)).toEqual([]);
        for (const s of readPptx(bytes).slides) expect(Math.min(...s.sizes)).toBeGreaterThanOrEqual(9);
      }),
      { numRuns: RUNS, seed: 20250110 },
    );
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
