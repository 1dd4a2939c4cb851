/**
 * One build at a time per output folder.
 *
 * Two builds into one `out/` (say `--formats html` and `--formats pdf`) each
 * read the manifest, render, and write a manifest and landing page of their
 * own: the second to finish drops what the first added. A build therefore
 * holds a lock on the folder from before it reads the manifest until after
 * it wrote it: `out/.briefwright-lock`, a folder made with proper-lockfile
 * (an atomic mkdir, kept fresh while the build runs), and beside it
 * `out/.briefwright-lock.json` naming the holder (pid, host, build token).
 *
 * A second build waits for the lock (saying so once), or with `wait: false`
 * fails at once with "another build is writing to out/ (pid N)". A lock left
 * by a build that was killed is taken over: at once when its holder's pid no
 * longer runs on this host, else once it has not been refreshed for `staleMs`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError, printable } from '../errors.js';

export const LOCK_DIR = '.briefwright-lock';
export const LOCK_INFO = '.briefwright-lock.json';

/** Names a build keeps in its output folder while it runs (never artifacts, never swept). */
export const LOCK_NAMES: readonly string[] = [LOCK_DIR, LOCK_INFO];

export interface LockHolder {
  pid: number;
  host: string;
  token: string;
}

export interface OutLock {
  /** The lock was taken over by another process (our refresh came too late): stop writing. */
  compromised(): Error | null;
  release(): void;
}

export interface LockOptions {
  /** Wait for another build to finish (default), or fail at once. */
  wait?: boolean;
  /** Told once when the lock is held by another build and this one waits. */
  onWait?: (holder: LockHolder | null) => void;
  /** This build's token (recorded for the next one). */
  token: string;
  /** How long an unrefreshed lock stays valid (default 20 s; refreshed every quarter of it). */
  staleMs?: number;
  /** Polling interval while waiting (default 200 ms). */
  pollMs?: number;
  /** How the folder was named on the command line, for messages. */
  label?: string;
}

function readHolder(outDir: string): LockHolder | null {
  try {
    const data = JSON.parse(readFileSync(path.join(outDir, LOCK_INFO), 'utf8')) as Partial<LockHolder>;
    if (Number.isInteger(data.pid) && typeof data.host === 'string' && typeof data.token === 'string') return data as LockHolder;
  } catch {
    // missing or half-written: unknown holder
  }
  return null;
}

/** Whether process `pid` runs (on this host). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Locks this process holds, released by `releaseHeldLocks` (signal handlers). */
const held = new Set<() => void>();

export function releaseHeldLocks(): void {
  for (const release of [...held]) release();
}

/** Take the lock on `outDir` (which must exist). */
export async function lockOutDir(outDir: string, opts: LockOptions): Promise<OutLock> {
  const staleMs = opts.staleMs ?? 20_000;
  const label = printable(opts.label ?? outDir);
  const lockPath = path.join(outDir, LOCK_DIR);
  // Loaded here, so commands that take no lock do not load it.
  const { default: lockfile } = await import('proper-lockfile');
  let told = false;
  let lost: Error | null = null;
  for (;;) {
    let releaseLock: (() => void) | null = null;
    try {
      releaseLock = lockfile.lockSync(outDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 4)),
        onCompromised: (error: Error) => {
          lost = error;
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    if (releaseLock) {
      const holder: LockHolder = { pid: process.pid, host: os.hostname(), token: opts.token };
      writeFileSync(path.join(outDir, LOCK_INFO), `${JSON.stringify(holder)}\n`);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        held.delete(release);
        if (readHolder(outDir)?.token === opts.token) rmSync(path.join(outDir, LOCK_INFO), { force: true });
        try {
          releaseLock!();
        } catch {
          // already gone (taken over as stale, or removed by hand)
        }
      };
      held.add(release);
      return { compromised: () => lost, release };
    }
    const holder = readHolder(outDir);
    if (holder && holder.host === os.hostname() && holder.pid !== process.pid && !running(holder.pid)) {
      // Left by a build that no longer runs: take it over.
      rmSync(lockPath, { recursive: true, force: true });
      continue;
    }
    const who = holder ? `pid ${holder.pid}${holder.host === os.hostname() ? '' : ` on ${printable(holder.host)}`}` : 'pid unknown';
    if (opts.wait === false) throw new CliError('operator', `another build is writing to ${label} (${who}); try again when it has finished`);
    if (!told) {
      told = true;
      opts.onWait?.(holder);
    }
    await sleep(opts.pollMs ?? 200);
  }
}
