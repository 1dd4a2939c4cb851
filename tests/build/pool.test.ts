/**
 * The worker pool: formats are dealt to home workers so each backend loads in
 * one thread, the work is shared about evenly, and what a worker renders is
 * byte for byte what the calling thread renders.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { assignHomes, criticalWorker, WorkerPool, workerCount, worthLoading } from '../../src/build/pool.js';
import { BACKGROUND_NICE, threadTid } from '../../src/build/priority.js';
import { renderTask, type RenderTask } from '../../src/build/jobs.js';
import type { OutputFormat } from '../../src/render/types.js';
import { sampleArticle } from '../helpers/sample-article.js';

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

describe('WorkerPool when a worker dies', () => {
  /**
   * A stand-in worker speaking the pool's protocol: it answers a render task
   * with the product's name as bytes, and exits (code 3) on a task for the
   * product `die`, like a thread that ran out of memory or hit a fatal error.
   */
  const standIn = () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.type !== 'render') return;
         if (m.task.product === 'die') process.exit(3);
         setTimeout(() => parentPort.postMessage({ id: m.id, ok: true, bytes: new TextEncoder().encode(m.task.product), ms: 1 }), 20);
       });`,
      { eval: true },
    );
  const task = (product: string) => ({ article: sampleArticle, product, format: 'html', epoch: 0 }) as unknown as RenderTask;
  const text = (r: { bytes: Uint8Array }) => new TextDecoder().decode(r.bytes);

  it('fails only the task it was rendering; the other worker renders the rest', async () => {
    const pool = new WorkerPool(2, { html: 4 }, standIn);
    try {
      const results = await Promise.allSettled([pool.run(task('die')), pool.run(task('a')), pool.run(task('b')), pool.run(task('c'))]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'build worker exited with code 3' } });
      expect(results.slice(1).map((r) => (r.status === 'fulfilled' ? text(r.value) : r.reason))).toEqual(['a', 'b', 'c']);
      // The pool goes on with the worker it has left.
      expect(text(await pool.run(task('d')))).toBe('d');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails the queued tasks and refuses new ones once every worker has died', async () => {
    const pool = new WorkerPool(1, { html: 3 }, standIn);
    try {
      const results = await Promise.allSettled([pool.run(task('die')), pool.run(task('a')), pool.run(task('b'))]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const r of results) expect((r as PromiseRejectedResult).reason.message).toBe('build worker exited with code 3');
      await expect(pool.run(task('c'))).rejects.toThrow(/every build worker has exited/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
