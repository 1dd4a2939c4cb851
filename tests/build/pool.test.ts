/**
 * The worker pool: formats are dealt to home workers so each backend loads in
 * one thread, the work is shared about evenly, and what a worker renders is
 * byte for byte what the calling thread renders.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { assignHomes, criticalWorker, FORMAT_COST, WorkerPool, workerCount, worthLoading } from '../../src/build/pool.js';
import { BACKGROUND_NICE, threadTid } from '../../src/build/priority.js';
import { renderTask, type RenderTask } from '../../src/build/jobs.js';
import type { OutputFormat } from '../../src/render/types.js';
import { sampleArticle } from '../helpers/sample-article.js';

const oneArticle = { html: 3, pdf: 3, docx: 3, pptx: 1 } satisfies Record<OutputFormat, number>;
const work = (f: OutputFormat, n: number) => FORMAT_COST[f].load + FORMAT_COST[f].task * n;

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

  it('shares the work so no worker has more than the others by more than one format', () => {
    for (const counts of [oneArticle, { html: 30, pdf: 30, docx: 30, pptx: 10 }, { pdf: 3, pptx: 1 }]) {
      const homes = assignHomes(counts, 2);
      const load = [0, 0];
      for (const [f, w] of homes) load[w] += work(f, counts[f as keyof typeof counts] ?? 0);
      const biggest = Math.max(...[...homes.keys()].map((f) => work(f, counts[f as keyof typeof counts] ?? 0)));
      expect(Math.abs(load[0] - load[1])).toBeLessThanOrEqual(biggest);
    }
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
  it('takes up a backend only when the waiting work is more than twice its loading cost', () => {
    for (const f of ['html', 'pdf', 'docx', 'pptx'] as const) {
      const { task, load } = FORMAT_COST[f];
      const enough = Math.floor((2 * load) / task) + 1;
      expect(worthLoading(f, enough), f).toBe(true);
      expect(worthLoading(f, enough - 1), f).toBe(false);
    }
  });

  it('uses the measured task time when there is one', () => {
    expect(worthLoading('html', 2)).toBe(false);
    expect(worthLoading('html', 2, 800)).toBe(true); // WOFF2 subsets made, not read from the cache
  });
});

describe('criticalWorker', () => {
  it('is the worker whose home formats hold the most work', () => {
    for (const workers of [1, 2, 3, 4]) {
      const homes = assignHomes(oneArticle, workers);
      const c = criticalWorker(oneArticle, homes, workers);
      const load = (w: number) => [...homes].filter(([, x]) => x === w).reduce((n, [f]) => n + work(f, oneArticle[f]), 0);
      for (let w = 0; w < workers; w++) expect(load(c)).toBeGreaterThanOrEqual(load(w));
    }
    // One article on two workers: the PDF thread is the critical one.
    const homes = assignHomes(oneArticle, 2);
    expect(criticalWorker(oneArticle, homes, 2)).toBe(homes.get('pdf'));
  });
});

/** Nice value of each thread of this process (Linux), by thread id. */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      /* the thread ended */
    }
  }
  return nices;
}

describe('WorkerPool', () => {
  it.skipIf(threadTid() === null)('lowers the priority of the workers with less work, not of the critical one or this thread', async () => {
    const before = threadNices();
    // docx (3 tasks) is the heavier home; the pptx worker has time to spare.
    const pool = new WorkerPool(2, { docx: 3, pptx: 1 });
    try {
      await Promise.all([
        pool.run({ article: sampleArticle, product: 'slides', format: 'pptx', epoch: 0 }),
        pool.run({ article: sampleArticle, product: 'checklist', format: 'docx', epoch: 0 }),
      ]);
      const lowered = [...threadNices()].filter(([tid, nice]) => nice === BACKGROUND_NICE && !before.has(tid));
      expect(lowered.length).toBe(1);
      expect(threadNices().get(process.pid)).toBe(before.get(process.pid));
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('renders what the calling thread renders, whichever worker takes the task', async () => {
    const tasks: RenderTask[] = [
      ...(['summary', 'checklist', 'slides'] as const).map((product) => ({ article: sampleArticle, product, format: 'docx' as const, epoch: 1736467200 })),
      { article: sampleArticle, product: 'slides', format: 'pptx', epoch: 1736467200 },
      { article: sampleArticle, product: 'slides', format: 'pptx', epoch: 1736467200 },
    ];
    const pool = new WorkerPool(2, { docx: 3, pptx: 2 });
    try {
      const rendered = await Promise.all(tasks.map((t) => pool.run(t)));
      for (const [i, t] of tasks.entries()) {
        const here = await renderTask(t);
        expect(Buffer.from(rendered[i].bytes).equals(Buffer.from(here)), `${t.product}.${t.format}`).toBe(true);
        expect(rendered[i].ms).toBeGreaterThan(0);
      }
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('fails a task whose render throws without losing the worker', async () => {
    const pool = new WorkerPool(1, { pptx: 2 });
    try {
      await expect(pool.run({ article: sampleArticle, product: 'summary', format: 'pptx', epoch: 0 })).rejects.toThrow(/does not render the summary product/);
      const ok = await pool.run({ article: sampleArticle, product: 'slides', format: 'pptx', epoch: 0 });
      expect(ok.bytes.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('renders a format it was not told about', async () => {
    const pool = new WorkerPool(2, { pptx: 1 });
    try {
      const r = await pool.run({ article: sampleArticle, product: 'checklist', format: 'docx', epoch: 0 });
      expect(Buffer.from(r.bytes).equals(Buffer.from(await renderTask({ article: sampleArticle, product: 'checklist', format: 'docx', epoch: 0 })))).toBe(true);
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('refuses work once closed', async () => {
    const pool = new WorkerPool(1, { pptx: 1 });
    await pool.close();
    await expect(pool.run({ article: sampleArticle, product: 'slides', format: 'pptx', epoch: 0 })).rejects.toThrow(/closed/);
  });
});
