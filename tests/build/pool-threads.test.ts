/**
 * The worker pool's threads: what a worker renders is byte for byte what the
 * calling thread renders, a failed render or a dead worker fails only its
 * task, and the workers with less work yield the cores (Linux).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { WorkerPool } from '../../src/build/pool.js';
import { BACKGROUND_NICE, threadTid } from '../../src/build/priority.js';
import { renderTask, type RenderTask } from '../../src/build/jobs.js';
import { sampleArticle } from '../helpers/sample-article.js';

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
