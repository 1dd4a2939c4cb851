/**
 * Where a build keeps its font-subset cache, and that the cache never changes
 * an output: a build with an empty cache, one with a warm cache and one with
 * none give the same bytes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, defaultFontCache } from '../../src/build/index.js';
import { setFontCacheDir } from '../../src/render/font-cache.js';

const repo = path.resolve(import.meta.dirname, '../..');
const scratch: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'bw-build-fonts-'));
  scratch.push(d);
  return d;
};
afterAll(() => {
  setFontCacheDir(null);
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('defaultFontCache', () => {
  it('is under node_modules/.cache when the project has node_modules, else off', () => {
    const root = tmp();
    expect(defaultFontCache(root, {})).toBeNull();
    mkdirSync(path.join(root, 'node_modules'));
    expect(defaultFontCache(root, {})).toBe(path.join(root, 'node_modules', '.cache', 'briefwright', 'fonts'));
  });

  it('follows BRIEFWRIGHT_FONT_CACHE: a folder (relative to the project) or off', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'node_modules'));
    expect(defaultFontCache(root, { BRIEFWRIGHT_FONT_CACHE: 'cache/fonts' })).toBe(path.join(root, 'cache', 'fonts'));
    expect(defaultFontCache(root, { BRIEFWRIGHT_FONT_CACHE: '/var/tmp/x' })).toBe('/var/tmp/x');
    for (const off of ['off', '0', 'false', 'no', 'OFF']) expect(defaultFontCache(root, { BRIEFWRIGHT_FONT_CACHE: off })).toBeNull();
  });
});

describe('a build with the font cache', () => {
  it('writes the same bytes with no cache, an empty cache and a warm one', async () => {
    const root = tmp();
    mkdirSync(path.join(root, 'source'));
    copyFileSync(path.join(repo, 'source', 'us-japan-acquisition.md'), path.join(root, 'source', 'us-japan-acquisition.md'));
    const cache = path.join(root, 'fonts-cache');
    const run = async (out: string, fontCache: string | null) => {
      const report = await build({ root, outDir: out, products: ['checklist'], formats: ['html', 'docx'], force: true, jobs: 2, fontCache });
      expect(report.ok, report.failed.map((f) => f.error.message).join('\n')).toBe(true);
      return Object.fromEntries(
        ['checklist.html', 'checklist.docx'].map((f) => [f, readFileSync(path.join(root, out, 'us-japan-acquisition', f))]),
      );
    };
    const none = await run('out-none', null);
    const empty = await run('out-empty', cache);
    const files = readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.bin'));
    // Both faces (Noto Sans SC for Han, Noto Sans for English), regular and bold, for the page, the document
    // and the landing page; the document's italic Latin face (the original's title is a work's title, set in
    // italics); and the document's five font parts compressed.
    expect(files.length).toBe(18);
    const warm = await run('out-warm', cache);
    for (const f of Object.keys(none)) {
      expect(empty[f].equals(none[f]), f).toBe(true);
      expect(warm[f].equals(none[f]), f).toBe(true);
    }
    // The landing page (made in a render thread) is the same too.
    expect(readFileSync(path.join(root, 'out-warm', 'index.html')).equals(readFileSync(path.join(root, 'out-none', 'index.html')))).toBe(true);
  }, 300_000);
});
