/**
 * Property: every Article the fuzzer's sources yield goes through the four
 * templates and the HTML backend without throwing, and every page is inert
 * (read back with a WHATWG parser: only the page's own hashed script and
 * style, no on* attributes, frames or objects, only safe links, strict CSP).
 *
 * Cheap path: the font subsetting (tens of milliseconds per page) is replaced
 * by an empty @font-face block here, so 1,000 runs stay fast; the real
 * subsetting of hostile text is covered by tests/hostile/corpus.test.ts,
 * which builds real pages through the CLI.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { toDoc } from '../../src/pipeline.js';
import { renderHtml } from '../../src/render/html/document.js';
import type { ProductName } from '../../src/ir/types.js';
import { readHtml } from '../hostile/helpers.js';
import { RUNS, TIMEOUT, sourceFile } from './arbitraries.js';

vi.mock('../../src/render/html/fonts.js', () => ({ fontFaceCss: async () => '' }));

const PRODUCTS: ProductName[] = ['summary', 'checklist', 'slides', 'reading'];

describe('fuzz: templates and the HTML backend', () => {
  it(`render every Article of ${RUNS} generated sources into inert pages`, async () => {
    let pages = 0;
    await fc.assert(
      fc.asyncProperty(sourceFile(), async (text) => {
        const { article } = articleFromBytes(new TextEncoder().encode(text), 'source/fuzz-doc.md');
        if (!article) return;
        for (const product of PRODUCTS) {
          const html = await renderHtml(toDoc(article, product));
          const page = readHtml(html);
          expect(page.problems, product).toEqual([]);
          pages++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(pages).toBeGreaterThan(0);
  }, TIMEOUT);
});
