/**
 * A build worker thread: renders tasks one at a time and keeps its backends
 * (and their fonts) loaded across tasks. A `warm` message loads backends
 * before the first task arrives, while the main thread is still parsing.
 */
import { parentPort } from 'node:worker_threads';
import type { OutputFormat } from '../render/types.js';
import { renderLandingPage, renderTask, warmRender, type RenderTask } from './jobs.js';
import type { LandingEntry } from './index.js';
import { lowerThreadPriority } from './priority.js';

/**
 * `warm`: load these backends now; `background`: this thread has less work
 * than another one, so it runs at a lower priority (see priority.ts).
 */
export type WorkerRequest =
  | { type: 'render'; id: number; task: RenderTask }
  | { type: 'landing'; id: number; entries: LandingEntry[]; fontCache: string | null }
  | { type: 'warm'; formats: OutputFormat[]; background?: boolean };

export type WorkerReply =
  | { id: number; ok: true; bytes: Uint8Array; ms: number }
  | { id: number; ok: false; message: string; stack?: string };

/** A copy that owns its whole buffer, so it can be transferred without copying again. */
function owned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes;
  }
  return new Uint8Array(bytes);
}

const port = parentPort;
if (port) {
  // Tasks run one after another, after any warm-up: a render never waits on a half-loaded module twice.
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'warm') {
      if (request.background) lowerThreadPriority();
      // A failed warm-up is not an error: the task that needs the backend reports it.
      chain = chain.then(() => warmRender(request.formats)).catch(() => {});
      return;
    }
    const { id } = request;
    chain = chain.then(async () => {
      const started = performance.now();
      try {
        const bytes = owned(request.type === 'render' ? await renderTask(request.task) : await renderLandingPage(request.entries, request.fontCache));
        const reply: WorkerReply = { id, ok: true, bytes, ms: performance.now() - started };
        port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        const reply: WorkerReply = { id, ok: false, message: e.message, stack: e.stack };
        port.postMessage(reply);
      }
    });
  });
}
