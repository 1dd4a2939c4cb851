/**
 * A small pool of worker threads for render tasks. Workers start lazily (no
 * more than there are tasks), each serves many tasks, and a worker that dies
 * fails only the task it was running.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
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

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (result: Rendered) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/** The worker entry next to this module (`.js` when compiled, `.ts` under a TypeScript loader). */
function workerEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const require = createRequire(here);
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    return { url: new URL('./worker.ts', here), execArgv: ['--import', tsx] };
  }
  return { url: new URL('./worker.js', here), execArgv: [] };
}

export class WorkerPool implements Runner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  run(task: RenderTask): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.busy = job;
      const request: WorkerRequest = { id: job.id, task: job.task };
      slot.worker.postMessage(request);
    }
  }

  private spawn(): Slot {
    const { url, execArgv } = workerEntry();
    const worker = new Worker(url, { execArgv });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.busy;
      if (!job || job.id !== reply.id) return;
      slot.busy = null;
      if (reply.ok) job.resolve({ bytes: reply.bytes, ms: reply.ms });
      else {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        job.reject(error);
      }
      this.pump();
    });
    const lose = (error: Error): void => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      if (slot.busy) slot.busy.reject(error);
      slot.busy = null;
      if (!this.closed) this.pump();
    };
    worker.on('error', (error) => lose(error));
    worker.on('exit', (code) => lose(new Error(`build worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
