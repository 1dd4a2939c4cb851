/**
 * The persistent font-subset cache: a hit gives back exactly the bytes the
 * subsetting tools make, a damaged file is never used, and the folder stays
 * within its bound.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  cacheKey,
  cachedBytes,
  pruneFontCache,
  readEntry,
  setFontCacheDir,
  toolVersions,
  writeEntry,
} from '../../src/render/font-cache.js';
import { fontPath } from '../../src/fonts/index.js';
import { BROTLI_QUALITY, ENCODER_REVISION, encodeWoff2 } from '../../src/fonts/woff2.js';
import { glyphSet as htmlGlyphs, subset } from '../../src/render/html/fonts.js';
import { subsetFaces } from '../../src/render/docx/fonts.js';

const scratch: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'bw-font-cache-'));
  scratch.push(d);
  return d;
};
afterEach(() => setFontCacheDir(null));
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** Every cache file under a folder. */
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));

const require = createRequire(import.meta.url);
type SubsetFont = (font: Buffer, text: string, options: { targetFormat: string }) => Promise<Buffer>;
const subsetFont = require('subset-font') as SubsetFont;

describe('cachedBytes', () => {
  it('makes the bytes every time when no folder is set', async () => {
    let made = 0;
    const make = async () => new Uint8Array([++made]);
    await cachedBytes(['a'], make);
    await cachedBytes(['a'], make);
    expect(made).toBe(2);
  });

  it('makes the bytes once per key and reads them back after', async () => {
    setFontCacheDir(tmp());
    let made = 0;
    const make = (v: number) => async () => (made++, new Uint8Array([v, v, v]));
    const first = await cachedBytes(['x', 'regular'], make(7));
    const again = await cachedBytes(['x', 'regular'], make(9));
    const other = await cachedBytes(['x', 'bold'], make(5));
    expect([...first]).toEqual([7, 7, 7]);
    expect([...again]).toEqual([7, 7, 7]);
    expect([...other]).toEqual([5, 5, 5]);
    expect(made).toBe(2);
  });

  it('ignores a damaged file and makes the bytes again', async () => {
    const dir = tmp();
    setFontCacheDir(dir);
    await cachedBytes(['damaged'], async () => new Uint8Array([1, 2, 3, 4]));
    const [file] = files(dir);
    const raw = readFileSync(file);
    raw[raw.length - 1] ^= 0xff;
    writeFileSync(file, raw);
    expect(readEntry(file)).toBeNull();
    const bytes = await cachedBytes(['damaged'], async () => new Uint8Array([1, 2, 3, 4]));
    expect([...bytes]).toEqual([1, 2, 3, 4]);
    expect([...readEntry(file)!]).toEqual([1, 2, 3, 4]);
  });

  it('keys on the tool versions and every part, in order', () => {
    expect(cacheKey(['a', 'b'])).not.toBe(cacheKey(['b', 'a']));
    expect(cacheKey(['ab'])).not.toBe(cacheKey(['a', 'b']));
    expect(cacheKey(['a'])).toMatch(/^[0-9a-f]{64}$/);
    const pkg = (name: string, from = import.meta.url) => {
      const r = createRequire(from);
      for (const dir of r.resolve.paths(name) ?? []) {
        try {
          return { version: JSON.parse(readFileSync(path.join(dir, name, 'package.json'), 'utf8')).version as string, file: path.join(dir, name, 'package.json') };
        } catch {
          /* next */
        }
      }
      throw new Error(name);
    };
    expect(toolVersions()).toEqual([
      `noto-sans-sc@${pkg('@expo-google-fonts/noto-sans-sc').version}`,
      `harfbuzzjs@${pkg('harfbuzzjs').version}`,
      `woff2-encoder@${ENCODER_REVISION}/q${BROTLI_QUALITY}`,
      `brotli@${process.versions.brotli}`,
    ]);
  });
});

describe('subsets through the cache', () => {
  it('the HTML backend reads back exactly the WOFF2 the encoder makes from the harfbuzz subset', async () => {
    const dir = tmp();
    setFontCacheDir(dir);
    const text = '甲乙丙';
    const viaCache = await subset('regular', text);
    const [file] = files(dir);
    expect(Buffer.from(readEntry(file)!).equals(viaCache)).toBe(true);
    const sfnt = await subsetFont(readFileSync(fontPath('regular')), htmlGlyphs(text), { targetFormat: 'sfnt' });
    expect(Buffer.from(encodeWoff2(sfnt)).equals(viaCache)).toBe(true);
    expect(viaCache.subarray(0, 4).toString('latin1')).toBe('wOF2');
  }, 60_000);

  it('the DOCX backend gets the same TrueType faces from a warm cache as from the tools', async () => {
    const text = ' ABC丁戊己';
    const plain = await subsetFaces(text);
    setFontCacheDir(tmp());
    const cold = await subsetFaces(text);
    const warm = await subsetFaces(text);
    for (const w of ['regular', 'bold'] as const) {
      expect(cold[w].equals(plain[w])).toBe(true);
      expect(warm[w].equals(plain[w])).toBe(true);
    }
  }, 60_000);
});

describe('pruneFontCache', () => {
  it('deletes the oldest files until the folder is within its bound', () => {
    const dir = tmp();
    const names = ['aa/old.bin', 'bb/mid.bin', 'cc/new.bin'];
    names.forEach((n, i) => {
      writeEntry(path.join(dir, n), new Uint8Array(100));
      const t = new Date(Date.UTC(2025, 0, 1 + i));
      utimesSync(path.join(dir, n), t, t);
    });
    expect(pruneFontCache(dir, 300)).toBe(132);
    expect(files(dir).map((f) => path.relative(dir, f)).sort()).toEqual(['bb/mid.bin', 'cc/new.bin']);
    expect(pruneFontCache(dir, 10_000)).toBe(0);
  });

  it('leaves a folder that does not exist alone', () => {
    expect(pruneFontCache(path.join(tmp(), 'missing'))).toBe(0);
  });
});
