/**
 * A build worker thread: renders tasks one at a time and keeps its backends
 * (and their fonts) loaded across tasks.
 */
import { parentPort } from 'node:worker_threads';
import { renderTask, type RenderTask } from './jobs.js';

export interface WorkerRequest {
  id: number;
  task: RenderTask;
}

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
  port.on('message', async ({ id, task }: WorkerRequest) => {
    const started = performance.now();
    try {
      const bytes = owned(await renderTask(task));
      const reply: WorkerReply = { id, ok: true, bytes, ms: performance.now() - started };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const reply: WorkerReply = { id, ok: false, message: e.message, stack: e.stack };
      port.postMessage(reply);
    }
  });
}
