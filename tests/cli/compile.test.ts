/**
 * The compiled program as the CLI runs it: `scripts/compile.mjs` bundles each
 * vendor module with the node_modules code it imports, and the bundle offers
 * what the TypeScript module offers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIST_HASH_FILE, filesHash } from '../../src/build/cache.js';
import { ensureCompiled, repoRoot } from './helpers.js';

describe('compiled vendor modules', () => {
  it('are single files that import only Node built-ins, with the same exports as their sources', async () => {
    ensureCompiled();
    const dir = path.join(repoRoot, 'dist/src/vendor');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.sort()).toEqual(readdirSync(path.join(repoRoot, 'src/vendor')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.js')).sort());
    for (const file of files) {
      const code = readFileSync(path.join(dir, file), 'utf8');
      const specifiers = [...code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/gm), ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^node:/);
      const bundled = await import(pathToFileURL(path.join(dir, file)).href);
      const source = await import(pathToFileURL(path.join(repoRoot, 'src/vendor', file.replace(/\.js$/, '.ts'))).href);
      expect(Object.keys(bundled).sort(), file).toEqual(Object.keys(source).sort());
      for (const name of Object.keys(source)) expect(typeof bundled[name], `${file}: ${name}`).toBe(typeof source[name]);
    }
  }, 180_000);
});

describe('the compile', () => {
  it('writes the hash of every other file of dist/, which the build cache reads instead of hashing dist/ again', () => {
    ensureCompiled();
    const written = readFileSync(path.join(repoRoot, DIST_HASH_FILE), 'utf8').trim();
    expect(written).toMatch(/^[0-9a-f]{64}$/);
    expect(written).toBe(filesHash(repoRoot, ['dist']));
  }, 180_000);
});
