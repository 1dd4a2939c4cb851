import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/index.js';
import { planTargets } from '../../src/build/jobs.js';
import { findTempFiles } from '../../src/build/write.js';
import { articleText, stubEngine, tempProject, type StubEngine } from './stub-engine.js';
import { fileDigests, fileSha256 } from '../helpers/files.js';

function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const rel of fileDigests(dir).keys()) out.set(rel, statSync(path.join(dir, rel)).mtimeMs);
  return out;
}

interface ManifestJson {
  articles: { slug: string; title: { zh: string; en: string } }[];
  artifacts: { path: string; sha256: string; size: number; inputs: string; article: string; product: string; format: string }[];
  site: { path: string; sha256: string; size: number }[];
}
const manifestOf = (out: string): ManifestJson => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));

let root: string;
let engine: StubEngine;
const run = (extra: Partial<BuildOptions> = {}) =>
  build({ root, engine, jobs: 1, code: 'code-v1', ...extra });

beforeEach(() => {
  engine = stubEngine();
  root = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
});
afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

describe('a fresh build', () => {
  it('writes every planned artifact, and the manifest hashes equal the files', async () => {
    const report = await run();
    expect(report.ok).toBe(true);
    const out = path.join(root, 'out');
    const m = manifestOf(out);
    const planned = ['alpha', 'beta'].flatMap((s) => planTargets(s, ['summary', 'checklist', 'slides', 'reading'], ['html', 'pdf', 'docx', 'pptx']).map((t) => t.path));
    expect(m.artifacts.map((a) => a.path).sort()).toEqual([...planned].sort());
    expect(report.written.sort()).toEqual([...planned].sort());
    for (const a of [...m.artifacts, ...m.site]) {
      const file = path.join(out, a.path);
      expect(fileSha256(file), a.path).toBe(a.sha256);
      expect(statSync(file).size).toBe(a.size);
    }
    // pptx only for slides
    expect(m.artifacts.filter((a) => a.format === 'pptx').map((a) => a.product)).toEqual(['slides', 'slides']);
    expect(m.articles.map((a) => a.title.zh)).toEqual(['甲', '乙']);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'fonts/OFL.txt'), 'utf8')).toContain('OPEN FONT LICENSE');
    expect(readFileSync(path.join(out, 'fonts/NOTICE.txt'), 'utf8')).toContain('Test Sans');
  });

  it('writes a sorted manifest without timestamps', async () => {
    await run();
    const text = readFileSync(path.join(root, 'out/manifest.json'), 'utf8');
    const m = JSON.parse(text) as ManifestJson;
    const paths = m.artifacts.map((a) => a.path);
    expect(paths).toEqual([...paths].sort());
    // The only dates are the articles' own (their landing fields, from the source), never the build's.
    const withoutLanding = JSON.stringify({ ...m, articles: (m.articles as { landing?: unknown }[]).map(({ landing: _, ...a }) => a) });
    expect(withoutLanding).not.toMatch(/"(time|date|mtime|built)/i);
    for (const a of m.articles as { landing?: { date: string } }[]) expect(a.landing?.date).toMatch(/^2025-01-10$/);
    expect(text).not.toMatch(new RegExp(String(new Date().getUTCFullYear()) + '-\\d\\d-\\d\\dT'));
  });
});

describe('the cache', () => {
  it('a second build parses nothing, renders nothing and writes nothing', async () => {
    await run();
    const out = path.join(root, 'out');
    const before = fileDigests(out);
    const times = mtimes(out);
    engine.calls.parse.length = 0;
    engine.calls.render.length = 0;
    const report = await run();
    expect(engine.calls.parse).toEqual([]);
    expect(engine.calls.render).toEqual([]);
    expect(report.written).toEqual([]);
    expect(report.cached.length).toBe(26);
    expect(fileDigests(out)).toEqual(before);
    expect(mtimes(out)).toEqual(times);
  });

  it('changing one source rebuilds only that article', async () => {
    await run();
    const out = path.join(root, 'out');
    const alphaBefore = [...fileDigests(out)].filter(([p]) => p.startsWith('alpha/'));
    engine.calls.render.length = 0;
    writeFileSync(path.join(root, 'source/beta.md'), articleText('乙二'));
    const report = await run();
    expect(new Set(engine.calls.render.map((p) => p.split('/')[0]))).toEqual(new Set(['beta']));
    expect(report.written.every((p) => p.startsWith('beta/'))).toBe(true);
    expect(report.written.length).toBe(13);
    expect([...fileDigests(out)].filter(([p]) => p.startsWith('alpha/'))).toEqual(alphaBefore);
    expect(manifestOf(out).articles.find((a) => a.slug === 'beta')!.title.zh).toBe('乙二');
  });

  it('a changed or deleted output is made again', async () => {
    await run();
    const out = path.join(root, 'out');
    writeFileSync(path.join(out, 'alpha/summary.html'), 'tampered');
    engine.calls.render.length = 0;
    const report = await run();
    expect(engine.calls.render).toEqual(['alpha/summary.html']);
    expect(report.written).toEqual(['alpha/summary.html']);
    expect(fileSha256(path.join(out, 'alpha/summary.html'))).toBe(
      manifestOf(out).artifacts.find((a) => a.path === 'alpha/summary.html')!.sha256,
    );
  });

  it('new code, a new SOURCE_DATE_EPOCH or --force invalidates the cache', async () => {
    await run();
    engine.calls.render.length = 0;
    await run({ code: 'code-v2' });
    expect(engine.calls.render.length).toBe(26);

    engine.calls.render.length = 0;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    const epochRun = await run({ code: 'code-v2' });
    expect(engine.calls.render.length).toBe(26);
    expect(epochRun.written.length).toBe(26);

    engine.calls.render.length = 0;
    const forced = await run({ code: 'code-v2', force: true });
    expect(engine.calls.render.length).toBe(26);
    // same inputs, same bytes: nothing needs writing
    expect(forced.written).toEqual([]);
    expect(forced.unchanged.length).toBe(26);
  });

  it('building a subset of formats keeps the other formats in the manifest', async () => {
    await run();
    await run({ formats: ['html'], force: true });
    expect(manifestOf(path.join(root, 'out')).artifacts.length).toBe(26);
  });
});

describe('failures', () => {
  it('a broken article keeps its previous outputs byte-identical; the others still build', async () => {
    await run();
    const out = path.join(root, 'out');
    const before = fileDigests(out);
    const manifestBefore = manifestOf(out).artifacts.filter((a) => a.article === 'beta');
    writeFileSync(path.join(root, 'source/alpha.md'), articleText('甲二'));
    writeFileSync(path.join(root, 'source/beta.md'), articleText('乙', ['BROKEN']));
    const report = await run();
    expect(report.ok).toBe(false);
    expect(report.articles.map((a) => [a.slug, a.status])).toEqual([
      ['alpha', 'built'],
      ['beta', 'invalid'],
    ]);
    const after = fileDigests(out);
    for (const [p, h] of before) if (p.startsWith('beta/')) expect(after.get(p), p).toBe(h);
    expect(after.get('alpha/summary.html')).not.toBe(before.get('alpha/summary.html'));
    expect(manifestOf(out).artifacts.filter((a) => a.article === 'beta')).toEqual(manifestBefore);
    expect(findTempFiles(out)).toEqual([]);
    const diag = report.files.find((f) => f.path.endsWith('beta.md'))!;
    expect(diag.messages.map((m) => [m.line, m.ruleId])).toEqual([[3, 'stub-broken']]);
  });

  it('a render failure in one format leaves every output of that article untouched', async () => {
    await run();
    const out = path.join(root, 'out');
    const before = fileDigests(out);
    writeFileSync(path.join(root, 'source/beta.md'), articleText('乙二', ['FAIL docx']));
    const report = await run();
    expect(report.ok).toBe(false);
    expect(report.failed.map((f) => f.path).sort()).toEqual(['beta/checklist.docx', 'beta/reading.docx', 'beta/slides.docx', 'beta/summary.docx']);
    const after = fileDigests(out);
    for (const [p, h] of before) if (p.startsWith('beta/')) expect(after.get(p), p).toBe(h);
    expect(findTempFiles(out)).toEqual([]);
    // fixed source: builds again
    writeFileSync(path.join(root, 'source/beta.md'), articleText('乙二'));
    expect((await run()).ok).toBe(true);
  });

  it('an article broken from the start writes nothing for it', async () => {
    writeFileSync(path.join(root, 'source/beta.md'), articleText('乙', ['BROKEN']));
    const report = await run();
    expect(report.ok).toBe(false);
    expect(existsSync(path.join(root, 'out/beta'))).toBe(false);
    expect(manifestOf(path.join(root, 'out')).articles.map((a) => a.slug)).toEqual(['alpha']);
  });

  it('removes temp files a killed earlier build left in the folders it writes, and nothing else', async () => {
    await run();
    const out = path.join(root, 'out');
    const stale = [
      path.join(out, 'alpha/.summary.pdf.briefwright-tmp-0123456789abcdef'),
      path.join(out, '.manifest.json.briefwright-tmp-fedcba9876543210'),
      path.join(out, 'fonts/.OFL.txt.briefwright-tmp-00000000000000ff'),
    ];
    // Files of users that only look like temp files: another name, another token shape, another folder.
    const users = [
      path.join(out, 'alpha/.notes.txt.briefwright-tmp-0123456789abcdef'),
      path.join(out, 'alpha/.summary.pdf.briefwright-tmp-999-1'),
      path.join(out, 'alpha/summary.pdf.briefwright-tmp-0123456789abcdef'),
      path.join(out, 'drafts/.summary.pdf.briefwright-tmp-0123456789abcdef'),
      path.join(out, 'alpha/sub/.summary.pdf.briefwright-tmp-0123456789abcdef'),
    ];
    for (const f of [...stale, ...users]) {
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, 'half');
    }
    await run();
    for (const f of stale) expect(existsSync(f), f).toBe(false);
    for (const f of users) expect(readFileSync(f, 'utf8'), f).toBe('half');
  });
});

describe('reproducibility and shards', () => {
  it('a build in another folder gives identical bytes', async () => {
    await run();
    const other = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
    await build({ root: other, engine: stubEngine(), jobs: 1, code: 'code-v1' });
    expect(fileDigests(path.join(other, 'out'))).toEqual(fileDigests(path.join(root, 'out')));
  });

  it('shard builds cover every article exactly once', async () => {
    root = tempProject(Object.fromEntries(['a-one', 'b-two', 'c-three', 'd-four', 'e-five'].map((s) => [s, articleText(s)])));
    const seen: string[] = [];
    for (const index of [1, 2]) {
      const report = await run({ shard: { index, count: 2 }, outDir: `out-${index}`, formats: ['html'] });
      seen.push(...report.articles.map((a) => a.slug));
    }
    expect(seen.sort()).toEqual(['a-one', 'b-two', 'c-three', 'd-four', 'e-five']);
  });
});

describe('a large build', () => {
  it('parses only a few articles ahead of rendering, so it holds a few parsed articles at a time', async () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`a${String(i).padStart(2, '0')}`, articleText(`文${i}`)]));
    root = tempProject(many);
    const perArticle = planTargets('x', ['summary', 'checklist', 'slides', 'reading'], ['html', 'pdf', 'docx', 'pptx']).length;
    const ahead: number[] = [];
    const parse = engine.parse.bind(engine);
    engine.parse = async (bytes, file) => {
      const rendered = new Map<string, number>();
      for (const r of engine.calls.render) rendered.set(r.split('/')[0], (rendered.get(r.split('/')[0]) ?? 0) + 1);
      const done = [...rendered.values()].filter((n) => n === perArticle).length;
      ahead.push(engine.calls.parse.length - done);
      return parse(bytes, file);
    };
    const report = await run();
    expect(report.ok).toBe(true);
    expect(report.written.length).toBe(12 * perArticle);
    expect(ahead.length).toBe(12);
    // One render thread: parsing stays two articles ahead (the one rendering and the next).
    expect(Math.max(...ahead)).toBeLessThanOrEqual(1);
  });
});

