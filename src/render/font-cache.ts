/**
 * A persistent, content-addressed cache of font subsets.
 *
 * Subsetting is a pure function of the face, the characters kept, the output
 * format and the versions of the tools (harfbuzz, the WOFF2 encoder and the
 * Brotli it calls), and it is still the most expensive step of a cold build.
 * So a subset, once made, is kept on disk under a key that hashes all of
 * those, and later builds (even `--force`, even after a code change) read it
 * back: the bytes are the same ones the tools would make.
 *
 * Each file holds the sha256 of its payload followed by the payload; a file
 * that does not match (a torn write, a disk error) is ignored and made again.
 * Files are written atomically. The build sets the folder per thread
 * (`setFontCacheDir`); without one, nothing is read or written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { fontPackageVersion } from '../fonts/index.js';
import { BROTLI_QUALITY, ENCODER_REVISION } from '../fonts/woff2.js';

/** Bumped when the layout of a cache file or the meaning of a key changes. */
export const FONT_CACHE_VERSION = 'briefwright-font-cache-1';
const DIGEST_BYTES = 32;

let cacheDir: string | null = null;

/** The folder this thread reads and writes subsets in (null: no cache). */
export function setFontCacheDir(dir: string | null): void {
  cacheDir = dir;
}

export function fontCacheDir(): string | null {
  return cacheDir;
}

const digest = (bytes: Uint8Array | string): Buffer => createHash('sha256').update(bytes).digest();

/** The file name of a key: sha256 of the versioned key parts. */
export function cacheKey(parts: readonly string[]): string {
  return digest(JSON.stringify([FONT_CACHE_VERSION, ...parts])).toString('hex');
}

let versions: string[] | null = null;

/**
 * `name@version` of a package as Node would find it from this module (its
 * package.json read directly: `exports` may hide it), or `name@unknown`.
 */
export function packageId(name: string): string {
  for (const dir of createRequire(import.meta.url).resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json');
    if (existsSync(file)) return `${name}@${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
  }
  return `${name}@unknown`;
}

/**
 * Versions of everything that decides a subset's bytes: the font package,
 * harfbuzz (harfbuzzjs's WebAssembly, which makes every subset; its options
 * are fixed in src/fonts/subset.ts), this project's WOFF2 encoder and its
 * Brotli quality, and the Brotli library Node links (the HTML subsets).
 */
export function toolVersions(): string[] {
  if (versions) return versions;
  versions = [
    `noto-sans-sc@${fontPackageVersion()}`,
    packageId('harfbuzzjs'),
    `woff2-encoder@${ENCODER_REVISION}/q${BROTLI_QUALITY}`,
    `brotli@${process.versions.brotli ?? 'unknown'}`,
  ];
  return versions;
}

function fileOf(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.bin`);
}

/** The payload of a cache file, or null when it is missing or does not match its digest. */
export function readEntry(file: string): Uint8Array | null {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return null;
  }
  if (raw.length < DIGEST_BYTES) return null;
  const payload = raw.subarray(DIGEST_BYTES);
  return digest(payload).equals(raw.subarray(0, DIGEST_BYTES)) ? payload : null;
}

let tmpCounter = 0;

/** Write a cache file atomically; a failure only costs the next build the work again. */
export function writeEntry(file: string, payload: Uint8Array): void {
  const tmp = `${file}.${process.pid}-${threadId}-${tmpCounter++}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([digest(payload), payload]));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** `make()`'s bytes, read from the cache when present there under `parts`, written to it otherwise. */
export async function cachedBytes(parts: readonly string[], make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const dir = cacheDir;
  if (!dir) return make();
  const file = fileOf(dir, cacheKey([...toolVersions(), ...parts]));
  const hit = readEntry(file);
  if (hit) return hit;
  const bytes = await make();
  writeEntry(file, bytes);
  return bytes;
}

/** Default size bound of the cache folder. */
export const FONT_CACHE_MAX_BYTES = 256 * 2 ** 20;

/**
 * Keep the cache under `maxBytes`: delete the least recently written files
 * first (and any leftover temporary file). Returns the bytes deleted.
 */
export function pruneFontCache(dir: string, maxBytes: number = FONT_CACHE_MAX_BYTES): number {
  if (!existsSync(dir)) return 0;
  const files: { file: string; size: number; mtime: number }[] = [];
  let freed = 0;
  for (const sub of readdirSync(dir)) {
    const d = path.join(dir, sub);
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(d, name);
      const st = statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      if (name.endsWith('.tmp')) {
        // Another build may be writing it right now; only old leftovers go.
        if (Date.now() - st.mtimeMs > 60_000) {
          rmSync(file, { force: true });
          freed += st.size;
        }
        continue;
      }
      files.push({ file, size: st.size, mtime: st.mtimeMs });
    }
  }
  let total = files.reduce((n, f) => n + f.size, 0);
  files.sort((a, b) => a.mtime - b.mtime || (a.file < b.file ? -1 : 1));
  for (const f of files) {
    if (total <= maxBytes) break;
    rmSync(f.file, { force: true });
    total -= f.size;
    freed += f.size;
  }
  return freed;
}
