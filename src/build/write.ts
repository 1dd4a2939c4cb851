/**
 * Atomic writes: bytes go to a temp file in the destination folder, then a
 * rename puts them in place, so a reader (or a crash) never sees half a file.
 *
 * A temp file is named `.<name>.briefwright-tmp-<token>`, where the token is
 * 16 hex digits drawn once per build (`newBuildToken`). Live temp files are
 * tracked so a signal handler can remove them; the ones a killed earlier
 * build left are swept only in the folders a build writes, and only under the
 * names it writes there (`sweepTempFiles`): nothing else is ever deleted.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TEMP_MARK = '.briefwright-tmp-';
const TOKEN = /^[0-9a-f]{16}$/;
const live = new Set<string>();

/** A fresh token for one build's temp files. */
export function newBuildToken(): string {
  return randomBytes(8).toString('hex');
}

/** The token of temp files written without one given (tests, and calls outside a build). */
const processToken = newBuildToken();

export function isTempName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

/** The temp file next to `file` for the build with `token`. */
export function tempPathFor(file: string, token: string = processToken): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${token}`);
}

/** For `.<name>.briefwright-tmp-<token>`: the name and token; null for any other name. */
export function parseTempName(name: string): { name: string; token: string } | null {
  const at = name.lastIndexOf(TEMP_MARK);
  if (!name.startsWith('.') || at <= 1) return null;
  const token = name.slice(at + TEMP_MARK.length);
  return TOKEN.test(token) ? { name: name.slice(1, at), token } : null;
}

/** Write `bytes` to `file` atomically (creating folders as needed). */
export function writeAtomic(file: string, bytes: Uint8Array | string, token: string = processToken): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file, token);
  live.add(tmp);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    live.delete(tmp);
  }
}

/** Write only when the content differs; returns true when it wrote. */
export function writeIfChanged(file: string, bytes: Uint8Array | string, token: string = processToken): boolean {
  const next = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (existsSync(file) && readFileSync(file).equals(next)) return false;
  writeAtomic(file, next, token);
  return true;
}

/** Remove every temp file this process still has open (signal handlers call this). */
export function removeLiveTempFiles(): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
}

/**
 * Remove the temp files a killed earlier build left: in each folder of
 * `names` (absolute folder → file names the build writes there), the files
 * named `.<one of those names>.briefwright-tmp-<16 hex digits>`. Other files,
 * other folders and subfolders are not looked at. Returns what it removed.
 */
export function sweepTempFiles(names: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const removed: string[] = [];
  for (const [dir, written] of names) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue; // not there (yet): nothing to sweep
    }
    for (const entry of entries) {
      const temp = parseTempName(entry);
      if (!temp || !written.has(temp.name)) continue;
      const abs = path.join(dir, entry);
      if (live.has(abs)) continue;
      rmSync(abs, { force: true });
      removed.push(abs);
    }
  }
  return removed.sort();
}

/** Every temp file under `dir`, at any depth (tests use this to prove none is left). */
export function findTempFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (isTempName(entry.name)) found.push(abs);
    }
  };
  walk(dir);
  return found;
}

/**
 * A function to await between items of a long synchronous loop (hashing or
 * copying thousands of files): it lets the event loop run at least every
 * `ms`, so a signal is answered and the lock on out/ refreshed meanwhile.
 */
export function breather(ms = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
