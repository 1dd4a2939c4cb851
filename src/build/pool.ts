/**
 * A small pool of worker threads for render tasks.
 *
 * Loading a backend (pdfmake, docx, pptxgenjs …) and its fonts is a large part
 * of a small build, so each format has a home worker: its tasks queue there,
 * and only that worker loads its backend. Homes are dealt so the workers get
 * about equal work (`assignHomes`). A worker whose own queue is empty takes
 * tasks from the longest other queue when that queue holds more than one, so
 * a large build still keeps every worker busy. Workers start as soon as the
 * pool is made (while the main thread parses) and load their home backends
 * straight away. A worker that dies fails only the task it was running.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputFormat } from '../render/types.js';
import type { RenderTask } from './jobs.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** Rendered bytes and the time the render itself took (not the time queued). */
export interface Rendered {
  bytes: Uint8Array;
  ms: number;
}

export interface Runner {
  run(task: RenderTask): Promise<Rendered>;
  close(): Promise<void>;
}

/** Runs tasks in the calling thread, one at a time (`--jobs 1`). */
export function inProcessRunner(render: (task: RenderTask) => Promise<Uint8Array>): Runner {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const next = chain.then(async () => {
        // Let the event loop run between tasks, so a signal is handled promptly.
        await new Promise((resolve) => setImmediate(resolve));
        const started = performance.now();
        const bytes = await render(task);
        return { bytes, ms: performance.now() - started };
      });
      chain = next.catch(() => {});
      return next;
    },
    close: async () => {},
  };
}

/**
 * Relative cost of one task of each format on a warm worker, plus the one-time
 * cost of loading the backend, in the same unit (measured with bench/run.mjs;
 * only the proportions matter).
 */
export const FORMAT_COST: Record<OutputFormat, { task: number; load: number }> = {
  html: { task: 1, load: 1 },
  pdf: { task: 3, load: 4 },
  docx: { task: 2, load: 1 },
  pptx: { task: 1, load: 1 },
};

/**
 * Deal formats to `workers` home workers, heaviest first, each to the worker
 * with the least work so far (`counts`: tasks per format). Deterministic.
 */
export function assignHomes(counts: Partial<Record<OutputFormat, number>>, workers: number): Map<OutputFormat, number> {
  const formats = (Object.keys(counts) as OutputFormat[]).filter((f) => (counts[f] ?? 0) > 0);
  const work = (f: OutputFormat) => FORMAT_COST[f].load + FORMAT_COST[f].task * (counts[f] ?? 0);
  formats.sort((a, b) => work(b) - work(a) || (a < b ? -1 : 1));
  const load = new Array<number>(Math.max(1, workers)).fill(0);
  const homes = new Map<OutputFormat, number>();
  for (const f of formats) {
    const w = load.indexOf(Math.min(...load));
    homes.set(f, w);
    load[w] += work(f);
  }
  return homes;
}

/** Workers worth starting for these task counts: no more than `jobs`, tasks, or formats to share. */
export function workerCount(jobs: number, counts: Partial<Record<OutputFormat, number>>): number {
  const tasks = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  return Math.max(1, Math.min(jobs, tasks));
}

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (result: Rendered) => void;
  reject: (error: Error) => void;
}

interface Slot {
  index: number;
  worker: Worker;
  /** Tasks sent and not answered yet, oldest first (at most PIPELINE_DEPTH). */
  busy: Pending[];
  queue: Pending[];
}

/**
 * Tasks a worker holds at once: the one it renders and the next, so it never
 * waits for this thread (which may be busy) between two tasks.
 */
export const PIPELINE_DEPTH = 2;

/**
 * Start a worker on the entry next to this module: `worker.js` when compiled;
 * under a TypeScript runner (tests), `worker.ts` behind a tiny bootstrap that
 * first registers tsx's loader in the new thread (Node 20 does not apply
 * `--import` hooks to a worker's own entry).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here));
  // tsx's ESM API (its `import` build, which `require.resolve` would not pick) registers the loader in this thread.
  const tsxDir = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

export class WorkerPool implements Runner {
  private readonly slots: Slot[] = [];
  private readonly homes: Map<OutputFormat, number>;
  private nextId = 1;
  private closed = false;

  /**
   * `counts`: how many tasks of each format the build expects (for the homes
   * and the number of workers); tasks of other formats are still accepted.
   */
  constructor(jobs: number, counts: Partial<Record<OutputFormat, number>>) {
    const size = workerCount(jobs, counts);
    this.homes = assignHomes(counts, size);
    for (let i = 0; i < size; i++) {
      const formats = [...this.homes].filter(([, w]) => w === i).map(([f]) => f);
      this.slots.push(this.spawn(i, formats));
    }
  }

  run(task: RenderTask): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (this.slots.length === 0) return Promise.reject(new Error('every build worker has exited'));
    return new Promise((resolve, reject) => {
      const home = this.homes.get(task.format) ?? 0;
      const slot = this.slots.find((s) => s.index === home) ?? this.slots[0];
      slot.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /**
   * Keep every worker supplied: its own queue first; a worker with nothing
   * in hand takes from the longest other queue holding more than one task.
   */
  private pump(): void {
    for (const slot of this.slots) {
      while (slot.busy.length < PIPELINE_DEPTH) {
        let job = slot.queue.shift();
        if (!job && slot.busy.length === 0) {
          const victim = this.slots.reduce<Slot | null>((best, s) => (s.queue.length > 1 && (!best || s.queue.length > best.queue.length) ? s : best), null);
          job = victim?.queue.pop();
        }
        if (!job) break;
        slot.busy.push(job);
        const request: WorkerRequest = { type: 'render', id: job.id, task: job.task };
        slot.worker.postMessage(request);
      }
    }
  }

  private spawn(index: number, formats: OutputFormat[]): Slot {
    const worker = startWorker();
    const slot: Slot = { index, worker, busy: [], queue: [] };
    if (formats.length > 0) {
      const warm: WorkerRequest = { type: 'warm', formats };
      worker.postMessage(warm);
    }
    worker.on('message', (reply: WorkerReply) => {
      const at = slot.busy.findIndex((j) => j.id === reply.id);
      if (at < 0) return;
      const [job] = slot.busy.splice(at, 1);
      if (reply.ok) job.resolve({ bytes: reply.bytes, ms: reply.ms });
      else {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        job.reject(error);
      }
      this.pump();
    });
    const lose = (error: Error): void => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      this.slots.splice(at, 1);
      // The task it was rendering fails; the one it held next and its queue move to another worker.
      const [running, ...held] = slot.busy.splice(0);
      running?.reject(error);
      const waiting = [...held, ...slot.queue.splice(0)];
      if (this.slots.length === 0) {
        for (const job of waiting) job.reject(error);
        return;
      }
      this.slots[0].queue.unshift(...waiting);
      if (!this.closed) this.pump();
    };
    worker.on('error', (error) => lose(error));
    worker.on('exit', (code) => lose(new Error(`build worker exited with code ${code}`)));
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) for (const job of [...s.busy.splice(0), ...s.queue.splice(0)]) job.reject(new Error('worker pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
