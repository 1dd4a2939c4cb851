/**
 * A small pool of worker threads for render tasks.
 *
 * Loading a backend (pdfmake, docx, pptxgenjs …) and warming it up costs more
 * than rendering one artifact with it, so a backend should load in as few
 * threads as keeps them all busy. Each format has a home worker, dealt so the
 * workers get about equal work (`assignHomes`); workers start as soon as the
 * pool is made (while the main thread parses) and load their home backends
 * straight away. Tasks wait in one queue; a worker takes the oldest task of
 * a format it has loaded, and takes up another format only when enough of its
 * work is waiting to pay for loading it (`worthLoading`), so a large build
 * keeps every worker busy and a small one loads each backend once. A worker
 * that dies fails only the task it was rendering.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputFormat } from '../render/types.js';
import type { RenderTask } from './jobs.js';
import type { LandingEntry } from './index.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** Rendered bytes and the time the render itself took (not the time queued). */
export interface Rendered {
  bytes: Uint8Array;
  ms: number;
}

export interface Runner {
  run(task: RenderTask): Promise<Rendered>;
  /** `wait: false`: ask the threads to stop without waiting for them (see WorkerPool.close). */
  close(opts?: { wait?: boolean }): Promise<void>;
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
 * CPU milliseconds of one task of each format on a warm worker, and of loading
 * and warming up its backend (module loading and the extra cost of a thread's
 * first task), from bench/run.mjs on the real article with the font cache
 * warm. Only the proportions matter.
 */
export const FORMAT_COST: Record<OutputFormat, { task: number; load: number }> = {
  html: { task: 10, load: 60 },
  pdf: { task: 95, load: 380 },
  docx: { task: 30, load: 120 },
  pptx: { task: 20, load: 85 },
};

/** Estimated work of one format's home: loading its backend and its tasks. */
function homeWork(format: OutputFormat, counts: Partial<Record<OutputFormat, number>>): number {
  return FORMAT_COST[format].load + FORMAT_COST[format].task * (counts[format] ?? 0);
}

/**
 * Whether a worker without `format` loaded should take it up: only when the
 * waiting work (`waiting` tasks of `taskMs` each, the measured mean when there
 * is one) is more than twice the cost of loading the backend.
 */
export function worthLoading(format: OutputFormat, waiting: number, taskMs: number = FORMAT_COST[format].task): boolean {
  return waiting * taskMs > 2 * FORMAT_COST[format].load;
}

/**
 * Deal formats to `workers` home workers, heaviest first, each to the worker
 * with the least work so far (`counts`: tasks per format). Deterministic.
 */
export function assignHomes(counts: Partial<Record<OutputFormat, number>>, workers: number): Map<OutputFormat, number> {
  const formats = (Object.keys(counts) as OutputFormat[]).filter((f) => (counts[f] ?? 0) > 0);
  const work = (f: OutputFormat) => homeWork(f, counts);
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

/**
 * The worker with the most estimated work (its home formats' loading and
 * tasks), which decides when the build ends: it keeps its priority while the
 * others yield to it (see priority.ts). The first of equals.
 */
export function criticalWorker(counts: Partial<Record<OutputFormat, number>>, homes: Map<OutputFormat, number>, workers: number): number {
  const work = new Array<number>(Math.max(1, workers)).fill(0);
  for (const [f, w] of homes) work[w] += homeWork(f, counts);
  return work.indexOf(Math.max(...work));
}

/** Workers worth starting for these task counts: no more than `jobs`, tasks, or formats to share. */
export function workerCount(jobs: number, counts: Partial<Record<OutputFormat, number>>): number {
  const tasks = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  return Math.max(1, Math.min(jobs, tasks));
}

interface Pending {
  id: number;
  /** The backend the job needs (the landing page is HTML). */
  format: OutputFormat;
  request: WorkerRequest & { id: number };
  /** Counted in the per-format task times (`worthLoading`); the landing page is not a typical HTML task. */
  typical: boolean;
  resolve: (result: Rendered) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The task it renders. */
  busy: Pending | null;
  /** Formats whose backend this worker has loaded (or been sent work for). */
  loaded: Set<OutputFormat>;
}

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
  private readonly queue: Pending[] = [];
  /** Rendering time of the tasks done so far, per format (a WOFF2 subset or a big deck costs more than the estimate). */
  private readonly done = new Map<OutputFormat, { n: number; ms: number }>();
  private nextId = 1;
  private closed = false;

  /**
   * `counts`: how many tasks of each format the build expects (for the homes
   * and the number of workers); tasks of other formats are still accepted.
   */
  constructor(
    jobs: number,
    counts: Partial<Record<OutputFormat, number>>,
    /** How a worker thread is started (tests give a stand-in that can die on cue). */
    private readonly start: () => Worker = startWorker,
  ) {
    const size = workerCount(jobs, counts);
    const homes = assignHomes(counts, size);
    const formatsOf = (i: number) => [...homes].filter(([, w]) => w === i).map(([f]) => f);
    const critical = criticalWorker(counts, homes, size);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(formatsOf(i), i !== critical));
  }

  run(task: RenderTask): Promise<Rendered> {
    return this.enqueue(task.format, true, (id) => ({ type: 'render', id, task }));
  }

  /**
   * Render the landing page in a worker that has the HTML backend (its code
   * and font subsets), after the tasks queued before it; the main thread then
   * never loads the HTML stack.
   */
  landing(entries: LandingEntry[], fontCache: string | null): Promise<Rendered> {
    return this.enqueue('html', false, (id) => ({ type: 'landing', id, entries, fontCache }));
  }

  private enqueue(format: OutputFormat, typical: boolean, request: (id: number) => Pending['request']): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (this.slots.length === 0) return Promise.reject(new Error('every build worker has exited'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, format, request: request(id), typical, resolve, reject });
      this.pump();
    });
  }

  /** The queue index of the task `slot` should take next, or -1 to leave the queue to the others. */
  private pick(slot: Slot): number {
    const own = this.queue.findIndex((j) => slot.loaded.has(j.format));
    if (own >= 0) return own;
    // Nothing of its own: take up a format nobody has loaded, or one with enough work waiting.
    const waiting = new Map<OutputFormat, number>();
    for (const j of this.queue) waiting.set(j.format, (waiting.get(j.format) ?? 0) + 1);
    return this.queue.findIndex((j) => {
      const f = j.format;
      const seen = this.done.get(f);
      return !this.slots.some((s) => s.loaded.has(f)) || worthLoading(f, waiting.get(f)!, seen ? seen.ms / seen.n : undefined);
    });
  }

  /**
   * Give every idle worker a task. (Holding a second task in a busy worker
   * only made the end of a build wait on it while another worker was idle.)
   */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const at = this.pick(slot);
      if (at < 0) continue;
      const [job] = this.queue.splice(at, 1);
      slot.loaded.add(job.format);
      slot.busy = job;
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(formats: OutputFormat[], background: boolean): Slot {
    const worker = this.start();
    const slot: Slot = { worker, busy: null, loaded: new Set(formats) };
    if (formats.length > 0 || background) {
      const warm: WorkerRequest = { type: 'warm', formats, background };
      worker.postMessage(warm);
    }
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.busy;
      if (!job || job.id !== reply.id) return;
      slot.busy = null;
      if (reply.ok) {
        if (job.typical) {
          const seen = this.done.get(job.format) ?? { n: 0, ms: 0 };
          this.done.set(job.format, { n: seen.n + 1, ms: seen.ms + reply.ms });
        }
        job.resolve({ bytes: reply.bytes, ms: reply.ms });
      } else {
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
      // The task it was rendering fails.
      slot.busy?.reject(error);
      slot.busy = null;
      if (this.slots.length === 0) {
        for (const job of this.queue.splice(0)) job.reject(error);
        return;
      }
      // Whatever only it had loaded may now be taken up by another worker.
      if (!this.closed) this.pump();
    };
    worker.on('error', (error) => lose(error));
    worker.on('exit', (code) => lose(new Error(`build worker exited with code ${code}`)));
    return slot;
  }

  /**
   * Stop the workers. `wait: false` asks them to stop and lets the process
   * exit without them: waiting only tears down their heaps (≈ 25 ms at the
   * end of every build), which is wasted when the process exits next.
   */
  async close(opts: { wait?: boolean } = {}): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const job of [...slots.flatMap((s) => (s.busy ? [s.busy] : [])), ...this.queue.splice(0)]) job.reject(new Error('worker pool closed'));
    const stopping = slots.map((s) => s.worker.terminate());
    if (opts.wait === false) {
      for (const s of slots) s.worker.unref();
      void Promise.allSettled(stopping);
      return;
    }
    await Promise.all(stopping);
  }
}
