/**
 * Where a build may write, and how out/ follows source/: the refused output
 * folders, one slug per source, and the outputs of deleted sources.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { checkOutDir } from '../../src/build/outdir.js';
import { CliError } from '../../src/errors.js';
import { articleText, stubEngine, tempProject } from './stub-engine.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

/** Artifacts of one article (every product in every format that has it). */
const PER_ARTICLE = planTargets('x', PRODUCTS, OUTPUT_FORMATS).length;

const run = (root: string, extra: Parameters<typeof build>[0] = {}) => build({ root, engine: stubEngine(), jobs: 1, code: 'code-v1', ...extra });

describe('refused output folders', () => {
  const root = tempProject({ alpha: articleText('甲') });
  const sources = [path.join(root, 'source/alpha.md')];
  const refused = (out: string, extra: Partial<Parameters<typeof checkOutDir>[1]> = {}): string => {
    try {
      checkOutDir(out, { root, sources, ...extra });
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      return (error as CliError).message;
    }
    return '';
  };

  it('the root of the file system, the home folder, the project and the code', () => {
    expect(refused('/')).toMatch(/root of the file system/);
    expect(refused(os.homedir())).toMatch(/home folder/);
    expect(refused(path.join(root, 'x'), { home: path.join(root, 'x') })).toMatch(/home folder/);
    expect(refused(root)).toMatch(/project folder/);
    expect(refused(`${root}/./`)).toMatch(/project folder/);
    const pkg = path.join(root, 'pkg');
    expect(refused(pkg, { packageRoot: pkg })).toMatch(/folder of the code/);
  });

  it('the source folder, a folder inside it, and any folder that holds a source', () => {
    expect(refused(path.join(root, 'source'))).toMatch(/source folder/);
    expect(refused(path.join(root, 'source/out'))).toMatch(/source folder/);
    expect(refused(path.dirname(root))).toMatch(/holds the source source\/alpha\.md/);
    const elsewhere = path.join(root, 'drafts');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(path.join(elsewhere, 'beta.md'), articleText('乙'));
    expect(refused(elsewhere, { sources: [...sources, path.join(elsewhere, 'beta.md')] })).toMatch(/holds the source drafts\/beta\.md/);
  });

  it('through a symbolic link too', () => {
    const link = path.join(os.tmpdir(), `briefwright-link-${process.pid}-${Date.now()}`);
    symlinkSync(root, link);
    try {
      expect(refused(link)).toMatch(/project folder/);
      expect(refused(path.join(link, 'source'))).toMatch(/source folder/);
    } finally {
      rmSync(link);
    }
  });

  it('a file is an error of its own (exit 2)', () => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(refused(file)).toMatch(/is a file, not a folder/);
  });

  it('accepts a folder of its own, new or not', () => {
    expect(refused(path.join(root, 'out'))).toBe('');
    expect(refused(path.join(root, 'out/deeper/still'))).toBe('');
    expect(refused(path.join(os.tmpdir(), 'briefwright-elsewhere'))).toBe('');
  });

  it('build refuses before writing anything', async () => {
    await expect(run(root, { outDir: 'source' })).rejects.toThrow(/source folder/);
    expect(readdirSync(path.join(root, 'source'))).toEqual(['alpha.md']);
    await expect(run(root, { outDir: '.' })).rejects.toThrow(/project folder/);
    expect(existsSync(path.join(root, 'manifest.json'))).toBe(false);
  });
});

describe('one slug, one source', () => {
  it('a second file with a slug out/ already has from another file is refused, naming both', async () => {
    const root = tempProject({ alpha: articleText('甲') });
    expect((await run(root)).ok).toBe(true);
    mkdirSync(path.join(root, 'drafts'));
    writeFileSync(path.join(root, 'drafts/alpha.md'), articleText('另一个甲'));
    const before = readFileSync(path.join(root, 'out/alpha/summary.html'));
    await expect(run(root, { files: ['drafts/alpha.md'] })).rejects.toThrow(/two sources have the slug "alpha": source\/alpha\.md .* and drafts\/alpha\.md/);
    expect(readFileSync(path.join(root, 'out/alpha/summary.html'))).toEqual(before);
    // The same file named explicitly is the same source.
    expect((await run(root, { files: ['source/alpha.md'] })).ok).toBe(true);
  });

  it('a source moved to another file takes its slug over', async () => {
    const root = tempProject({ alpha: articleText('甲') });
    await run(root);
    mkdirSync(path.join(root, 'drafts'));
    writeFileSync(path.join(root, 'drafts/alpha.md'), articleText('甲'));
    rmSync(path.join(root, 'source/alpha.md'));
    writeFileSync(path.join(root, 'source/keep.md'), articleText('留'));
    expect((await run(root, { files: ['drafts/alpha.md'] })).ok).toBe(true);
    const m = JSON.parse(readFileSync(path.join(root, 'out/manifest.json'), 'utf8'));
    expect(m.articles.find((a: { slug: string }) => a.slug === 'alpha').source).toBe('drafts/alpha.md');
  });
});

describe('out/ mirrors source/', () => {
  it('a full build removes the outputs of a deleted source, and its folder when nothing else is in it', async () => {
    const root = tempProject({ alpha: articleText('甲'), beta: articleText('乙'), gamma: articleText('丙') });
    await run(root);
    const out = path.join(root, 'out');
    writeFileSync(path.join(out, 'gamma/my-notes.txt'), 'mine');
    rmSync(path.join(root, 'source/beta.md'));
    rmSync(path.join(root, 'source/gamma.md'));
    const report = await run(root);
    expect(existsSync(path.join(out, 'beta'))).toBe(false);
    // gamma's folder stays for the file the build did not write; its outputs are gone
    expect(readdirSync(path.join(out, 'gamma'))).toEqual(['my-notes.txt']);
    expect(report.removed.filter((p) => p.startsWith('beta/'))).toHaveLength(PER_ARTICLE);
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.articles.map((a: { slug: string }) => a.slug)).toEqual(['alpha']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toMatch(/乙|丙/);
  });

  it('a changed output of a deleted source is left in place with a warning', async () => {
    const root = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
    await run(root);
    const out = path.join(root, 'out');
    writeFileSync(path.join(out, 'beta/summary.pdf'), 'edited by hand');
    rmSync(path.join(root, 'source/beta.md'));
    const warnings: string[] = [];
    await run(root, { onEvent: (e) => e.type === 'warning' && warnings.push(e.message) });
    expect(readdirSync(path.join(out, 'beta'))).toEqual(['summary.pdf']);
    expect(warnings).toEqual([expect.stringMatching(/^beta\/summary\.pdf: its source is gone, but the file changed/)]);
  });

  it('a build of named files or of a shard removes nothing of the other articles', async () => {
    const root = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
    await run(root);
    await run(root, { files: ['source/alpha.md'] });
    await run(root, { shard: { index: 1, count: 2 } });
    expect(readdirSync(path.join(root, 'out/beta'))).toHaveLength(PER_ARTICLE);
  });
});

describe('links planted in out/', () => {
  it('a build never writes or removes through a symbolic link in the output folder', async () => {
    const root = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
    await run(root);
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'summary.html'), 'not the build\'s');
    // alpha's folder replaced by a link to a folder outside out/
    rmSync(path.join(root, 'out/alpha'), { recursive: true });
    symlinkSync(elsewhere, path.join(root, 'out/alpha'));
    await expect(run(root, { force: true })).rejects.toThrow(/^alpha in the output folder is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual(['summary.html']);
    expect(readFileSync(path.join(elsewhere, 'summary.html'), 'utf8')).toBe("not the build's");
    // nor when its source is gone and the build would remove its outputs
    rmSync(path.join(root, 'source/alpha.md'));
    await expect(run(root)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual(['summary.html']);
  });
});
