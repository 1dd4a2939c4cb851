/**
 * `merge`: shard outputs combined into one folder, byte-identical to a full
 * build of the same sources; conflicting or untrustworthy shards refused
 * before anything is written. (The stand-in engine keeps this fast; the real
 * pipeline goes through tests/cli/merge.test.ts.)
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { merge } from '../../src/build/merge.js';
import { CliError } from '../../src/errors.js';
import { articleText, stubEngine, tempProject } from './stub-engine.js';
import { fileDigests } from '../helpers/files.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

/** Artifacts of one article (every product in every format that has it). */
const PER_ARTICLE = planTargets('x', PRODUCTS, OUTPUT_FORMATS).length;

const SLUGS = ['a-one', 'b-two', 'c-three', 'd-four', 'e-five'];
const code = 'code-v1';

async function shards(root: string, n: number, extra: Partial<Parameters<typeof build>[0]> = {}): Promise<string[]> {
  const dirs: string[] = [];
  for (let k = 1; k <= n; k++) {
    await build({ root, engine: stubEngine(), jobs: 1, code, shard: { index: k, count: n }, outDir: `shard-${k}`, ...extra });
    dirs.push(`shard-${k}`);
  }
  return dirs;
}

const doMerge = (root: string, inputs: string[], outDir = 'merged', codeHash = code) => merge({ root, inputs, outDir, engine: stubEngine(), code: codeHash, fontCache: null });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('expected a refusal');
}

describe('merging shards', () => {
  for (const n of [1, 2, 3, 7]) {
    it(`${n} shard${n === 1 ? '' : 's'}: every file, landing page and manifest included, equals a full build`, async () => {
      const root = tempProject(Object.fromEntries(SLUGS.map((s, i) => [s, articleText(`文章${i}`)])));
      await build({ root, engine: stubEngine(), jobs: 1, code, outDir: 'full' });
      const report = await doMerge(root, await shards(root, n));
      expect(fileDigests(path.join(root, 'merged'))).toEqual(fileDigests(path.join(root, 'full')));
      expect(report).toMatchObject({ inputs: n, articles: 5, artifacts: 5 * PER_ARTICLE, copied: 5 * PER_ARTICLE, unchanged: 0 });
    });
  }

  it('merging again into the same folder copies nothing and changes nothing; an identical overlap is merged once', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    await doMerge(root, dirs);
    const before = fileDigests(path.join(root, 'merged'));
    cpSync(path.join(root, 'shard-1'), path.join(root, 'shard-1-copy'), { recursive: true });
    const again = await doMerge(root, [...dirs, 'shard-1-copy', 'shard-1']);
    expect(again).toMatchObject({ inputs: 3, copied: 0, unchanged: 5 * PER_ARTICLE });
    expect(fileDigests(path.join(root, 'merged'))).toEqual(before);
  });

  it('a later merge with fewer articles removes the files of the others', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    await doMerge(root, dirs);
    const report = await doMerge(root, [dirs[0]]);
    expect(report.removed.length).toBeGreaterThan(0);
    expect([...fileDigests(path.join(root, 'merged')).keys()].filter((p) => p.includes('/') && !p.startsWith('fonts/'))).toEqual(
      [...fileDigests(path.join(root, dirs[0])).keys()].filter((p) => p.includes('/') && !p.startsWith('fonts/')),
    );
  });
});

describe('refused merges (nothing written)', () => {
  it('conflicting shards: the same artifact with other bytes', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    // the same shard built again from a changed source
    writeFileSync(path.join(root, 'source/a-one.md'), articleText('改过的'));
    await build({ root, engine: stubEngine(), jobs: 1, code, shard: { index: 1, count: 2 }, outDir: 'shard-1-again' });
    const message = await refusal(doMerge(root, [...dirs, 'shard-1-again']));
    expect(message).toMatch(/^merge: conflicting shards: (article a-one was built from different sources in shard-1 and shard-1-again|a-one\/\S+ differs between shard-1 and shard-1-again)/);
    expect(() => readFileSync(path.join(root, 'merged/manifest.json'))).toThrow();
  });

  it('an artifact with other bytes than its manifest says', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    writeFileSync(path.join(root, 'shard-2/b-two/summary.pdf'), 'tampered');
    expect(await refusal(doMerge(root, dirs))).toBe('merge: shard-2/b-two/summary.pdf does not match its manifest (missing, or other bytes); build that shard again');
  });

  it('a shard built by other code', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    expect(await refusal(doMerge(root, dirs, 'merged', 'code-v2'))).toMatch(/^merge: shard-1 was built by other code than this merge/);
  });

  it('a folder that is not a build output, or whose manifest is not valid', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    mkdirSync(path.join(root, 'empty'));
    expect(await refusal(doMerge(root, [dirs[0], 'empty']))).toMatch(/^merge: empty holds no manifest\.json/);
    expect(await refusal(doMerge(root, [dirs[0], 'missing']))).toBe('merge: no such folder: missing');
    writeFileSync(path.join(root, 'shard-2/manifest.json'), '{"version":2,"articles":[],"artifacts":[null],"site":[]}');
    expect(await refusal(doMerge(root, dirs))).toMatch(/^merge: shard-2\/manifest\.json: artifacts\[0\]: .*; build the shard again$/);
  });

  it('an --out that overlaps a shard, is not empty without a manifest, or is refused for any build', async () => {
    const root = tempProject(Object.fromEntries(SLUGS.map((s) => [s, articleText(s)])));
    const dirs = await shards(root, 2);
    expect(await refusal(doMerge(root, dirs, 'shard-1'))).toMatch(/overlap/);
    expect(await refusal(doMerge(root, dirs, 'shard-1/inner'))).toMatch(/overlap/);
    expect(await refusal(doMerge(root, dirs, '.'))).toMatch(/overlap|project folder/);
    mkdirSync(path.join(root, 'busy'));
    writeFileSync(path.join(root, 'busy/notes.txt'), 'mine');
    expect(await refusal(doMerge(root, dirs, 'busy'))).toMatch(/^merge: --out busy is not empty and holds no manifest\.json/);
    expect(readFileSync(path.join(root, 'busy/notes.txt'), 'utf8')).toBe('mine');
    expect(await refusal(doMerge(root, dirs, 'source'))).toMatch(/source folder/);
  });
});
