/**
 * Atomic writes: bytes go to a temp file in the destination folder, then a
 * rename puts them in place, so a reader (or a crash) never sees half a file.
 * Live temp files are tracked so a signal handler can remove them.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TEMP_MARK = '.briefwright-tmp-';
const live = new Set<string>();
let counter = 0;

export function isTempName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

function tempPathFor(file: string): string {
  counter += 1;
  return path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}-${counter}`);
}

/** Write `bytes` to `file` atomically (creating folders as needed). */
export function writeAtomic(file: string, bytes: Uint8Array | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file);
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
export function writeIfChanged(file: string, bytes: Uint8Array | string): boolean {
  const next = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (existsSync(file) && readFileSync(file).equals(next)) return false;
  writeAtomic(file, next);
  return true;
}

/** Remove every temp file this process still has open (signal handlers call this). */
export function removeLiveTempFiles(): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
}

/** Remove temp files a killed earlier run left anywhere under `dir`. */
export function sweepTempFiles(dir: string): string[] {
  const found = findTempFiles(dir);
  for (const abs of found) rmSync(abs, { force: true });
  return found;
}

/** Every temp file under `dir` (tests use this to prove none is left). */
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
