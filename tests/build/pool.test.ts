/**
 * The worker pool's planning: formats are dealt to home workers so each
 * backend loads in one thread and the work is shared out (the threads
 * themselves: pool-threads.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { assignHomes, criticalWorker, workerCount, worthLoading } from '../../src/build/pool.js';
import type { OutputFormat } from '../../src/render/types.js';

const oneArticle = { html: 3, pdf: 3, docx: 3, pptx: 1 } satisfies Record<OutputFormat, number>;

describe('assignHomes', () => {
  it('gives every format with tasks one home among the workers, the same every time', () => {
    for (const workers of [1, 2, 3, 8]) {
      const homes = assignHomes(oneArticle, workers);
      expect([...homes.keys()].sort()).toEqual(['docx', 'html', 'pdf', 'pptx']);
      for (const w of homes.values()) expect(w).toBeGreaterThanOrEqual(0);
      for (const w of homes.values()) expect(w).toBeLessThan(workers);
      expect(assignHomes(oneArticle, workers)).toEqual(homes);
    }
  });

  it('leaves out formats without tasks', () => {
    expect([...assignHomes({ html: 3, pdf: 0 }, 2).keys()]).toEqual(['html']);
  });

  it('spreads the formats over the workers: each worker gets a home, and the two heaviest never share one', () => {
    for (const counts of [oneArticle, { html: 30, pdf: 30, docx: 30, pptx: 10 }]) {
      const homes = assignHomes(counts, 2);
      expect(new Set(homes.values()).size).toBe(2);
      expect(homes.get('pdf')).not.toBe(homes.get('docx'));
    }
    const two = assignHomes({ pdf: 3, pptx: 1 }, 2);
    expect(two.get('pdf')).not.toBe(two.get('pptx'));
  });

  it('puts the heaviest format on a worker of its own when there are two workers for one article', () => {
    const homes = assignHomes(oneArticle, 2);
    const pdfHome = homes.get('pdf');
    expect([...homes].filter(([, w]) => w === pdfHome).map(([f]) => f)).toEqual(['pdf']);
  });
});

describe('workerCount', () => {
  it('never starts more workers than jobs allowed or tasks to do, and at least one', () => {
    expect(workerCount(2, oneArticle)).toBe(2);
    expect(workerCount(8, { pptx: 1 })).toBe(1);
    expect(workerCount(1, oneArticle)).toBe(1);
    expect(workerCount(4, {})).toBe(1);
  });
});

describe('worthLoading', () => {
  it('takes up a backend only when the waiting work outweighs loading it', () => {
    for (const f of ['html', 'pdf', 'docx', 'pptx'] as const) {
      // One waiting task never pays for a second copy of a backend; a hundred always do.
      expect(worthLoading(f, 1), f).toBe(false);
      expect(worthLoading(f, 100), f).toBe(true);
    }
  });

  it('needs more waiting tasks the more a backend costs to load per task', () => {
    const needed = (f: OutputFormat) => Array.from({ length: 200 }, (_, i) => i + 1).find((n) => worthLoading(f, n))!;
    // HTML tasks are small next to loading its backend, so many must wait; PDF tasks are large, so fewer do.
    expect(needed('pdf')).toBeLessThan(needed('html'));
    for (const f of ['html', 'pdf', 'docx', 'pptx'] as const) for (let n = needed(f); n < needed(f) + 10; n++) expect(worthLoading(f, n), `${f} ${n}`).toBe(true);
  });

  it('uses the measured task time when there is one', () => {
    expect(worthLoading('html', 2)).toBe(false);
    expect(worthLoading('html', 2, 800)).toBe(true); // WOFF2 subsets made, not read from the cache
    expect(worthLoading('pdf', 2, 1)).toBe(false); // a cheap measured task never pays for loading pdfmake again
  });
});

describe('criticalWorker', () => {
  it('is the worker with the PDF home when one article is built on two workers (PDF is its slowest format)', () => {
    const homes = assignHomes(oneArticle, 2);
    expect(criticalWorker(oneArticle, homes, 2)).toBe(homes.get('pdf'));
  });

  it('is the only worker when there is one, and the home of a format that outweighs all others together', () => {
    expect(criticalWorker(oneArticle, assignHomes(oneArticle, 1), 1)).toBe(0);
    const lopsided = { html: 1, pdf: 200, docx: 1, pptx: 1 };
    for (const workers of [2, 3, 4]) {
      const homes = assignHomes(lopsided, workers);
      expect(criticalWorker(lopsided, homes, workers), `${workers} workers`).toBe(homes.get('pdf'));
    }
  });
});
