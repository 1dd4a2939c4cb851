/**
 * The CI sequence, run locally through the shipped CLI: source/ plus
 * generated articles built as shards 1/3, 2/3 and 3/3 into three folders,
 * merged, and compared byte for byte with one full build; conflicting shards
 * refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, repoRoot, runCli, tempProject } from './helpers.js';
import { fileDigests } from '../helpers/files.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

/** Artifacts of one article (every product in every format that has it). */
const PER_ARTICLE = planTargets('x', PRODUCTS, OUTPUT_FORMATS).length;

beforeAll(() => ensureCompiled(), 300_000);

const base = readFileSync(path.join(repoRoot, 'tests/fixtures/hostile/base.md'), 'utf8');
/** A small valid article of its own: slug, and a title with characters of its own. */
function generated(slug: string, n: number): string {
  const text = base
    .replace(/^slug: base$/m, `slug: ${slug}`)
    .replace(/^title:\n {2}zh: .*\n {2}en: .*$/m, `title:\n  zh: 生成的文章第${'一二三四五六七八九'[n]}篇\n  en: Generated article ${n + 1}`);
  if (!text.includes(`Generated article ${n + 1}`)) throw new Error('tests/fixtures/hostile/base.md no longer has the title lines this test rewrites');
  return text;
}

function project(): string {
  const extra: Record<string, string> = {};
  for (const [i, slug] of ['gen-alpha', 'gen-beta', 'gen-gamma', 'gen-delta'].entries()) extra[`source/${slug}.md`] = generated(slug, i);
  return tempProject(extra);
}

describe('shards → merge', () => {
  it('three shards merged are byte-identical to one full build: artifacts, landing page, manifest, licence', () => {
    const cwd = project();
    const full = runCli(['build', '--out', 'full'], { cwd });
    expect(full.status, full.stderr).toBe(0);
    for (const k of [1, 2, 3]) {
      const r = runCli(['build', '--shard', `${k}/3`, '--out', `shard-${k}`], { cwd });
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = runCli(['merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged'], { cwd });
    expect(merged.status, merged.stderr).toBe(0);
    const artifacts = 5 * PER_ARTICLE;
    expect(merged.stderr).toMatch(new RegExp(`^briefwright: merged 3 folders: 5 articles, ${artifacts} artifacts \\(${artifacts} copied, 0 unchanged\\) in .+ → merged\\n$`));

    const want = fileDigests(path.join(cwd, 'full'));
    expect([...want.keys()]).toEqual(expect.arrayContaining(['index.html', 'manifest.json', 'fonts/OFL.txt', 'fonts/NOTICE.txt', 'gen-beta/slides.pptx', 'us-japan-acquisition/summary.pdf']));
    expect(want.size).toBe(artifacts + 4); // and index.html, manifest.json, fonts/OFL.txt, fonts/NOTICE.txt
    expect(fileDigests(path.join(cwd, 'merged'))).toEqual(want);
    // and the merged folder is a build output like any other: a build over it has nothing to do
    const rebuild = runCli(['build', '--out', 'merged'], { cwd });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stderr).toContain(`(0 written, 0 unchanged, ${artifacts} cached)`);
  }, 900_000);

  it('conflicting shards are refused with exit 2 and a clear message, and nothing is written', () => {
    const cwd = project();
    for (const k of [1, 2]) expect(runCli(['build', '--formats', 'html', '--shard', `${k}/2`, '--out', `shard-${k}`], { cwd }).status).toBe(0);
    // shard 1 again, from an edited source: same articles, other bytes
    const file = path.join(cwd, 'source/gen-alpha.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: Generated article 1\n', 'en: Generated article 1 (revised)\n'));
    expect(readFileSync(file, 'utf8')).toContain('(revised)');
    expect(runCli(['build', '--formats', 'html', '--shard', '1/2', '--out', 'shard-1-edited'], { cwd }).status).toBe(0);
    const r = runCli(['merge', 'shard-1', 'shard-2', 'shard-1-edited', '--out', 'merged'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^briefwright: merge: conflicting shards: (article gen-alpha was built from different sources in shard-1 and shard-1-edited|gen-alpha\/\S+ differs between shard-1 and shard-1-edited)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(path.join(cwd, 'merged/manifest.json'))).toThrow();
  }, 900_000);

  it('usage: merge needs folders and --out', () => {
    const cwd = project();
    expect(runCli(['merge', '--out', 'x'], { cwd }).status).toBe(2);
    const r = runCli(['merge', 'a'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('merge needs --out DIR');
  }, 300_000);
});
