/**
 * Scheduling priority of the calling thread.
 *
 * A build runs more threads than a small machine has cores: the main thread
 * parses while every render thread loads its backends, and the render thread
 * with the most work (the critical path) shares a core with threads that
 * have time to spare. Lowering the priority of the threads with less work
 * lets the critical ones run first; the others still get every cycle that
 * is free, so a large build loses nothing.
 *
 * On Linux a thread has its own nice value, set with setpriority(2) on its
 * thread id (`/proc/thread-self`). Elsewhere this does nothing.
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** Nice value of a render thread with less than the most work. */
export const BACKGROUND_NICE = 10;

/** The calling thread's id on Linux, or null. */
export function threadTid(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Lower the calling thread's priority to `nice` (never raises it). Returns whether it did. */
export function lowerThreadPriority(nice: number = BACKGROUND_NICE): boolean {
  const tid = threadTid();
  if (tid === null) return false;
  try {
    if (os.getPriority(tid) >= nice) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
