/**
 * The manifest is untrusted input: whatever `out/manifest.json` holds, a
 * build reads what it can trust, warns about the rest, rebuilds what it no
 * longer has an entry for, and never carries a foreign path or text into the
 * next manifest or the landing page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildEvent } from '../../src/build/index.js';
import { MANIFEST_VERSION, parseManifest, serializeManifest } from '../../src/build/manifest.js';
import { articleText, stubEngine, tempProject, type StubEngine } from './stub-engine.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

/** Artifacts of one article (every product in every format that has it). */
const PER_ARTICLE = planTargets('x', PRODUCTS, OUTPUT_FORMATS).length;

const HEX = 'a'.repeat(64);
const artifact = (over: Record<string, unknown> = {}) => ({ path: 'alpha/summary.html', sha256: HEX, size: 10, inputs: HEX, article: 'alpha', product: 'summary', format: 'html', ...over });
const article = (over: Record<string, unknown> = {}) => ({ slug: 'alpha', source: 'source/alpha.md', sha256: HEX, title: { zh: '甲', en: 'A' }, ...over });
const doc = (parts: Record<string, unknown>) => JSON.stringify({ version: MANIFEST_VERSION, articles: [], artifacts: [], site: [], ...parts });

describe('parseManifest', () => {
  it('keeps a valid manifest as it is', () => {
    const text = doc({ articles: [article()], artifacts: [artifact()], site: [{ path: 'index.html', sha256: HEX, size: 5, inputs: HEX }] });
    const { manifest, problems } = parseManifest(text);
    expect(problems).toEqual([]);
    expect(JSON.parse(serializeManifest(manifest))).toEqual(JSON.parse(text));
  });

  it('drops null entries, wrong types and missing fields, one problem line each, keeping the rest', () => {
    const { manifest, problems } = parseManifest(
      doc({
        artifacts: [null, 7, 'x', [], artifact(), artifact({ path: 'alpha/slides.html', product: 'slides', size: '10' }), artifact({ path: 'alpha/checklist.html', product: 'checklist', size: -1 }), artifact({ path: 'alpha/slides.pdf', product: 'slides', format: 'pdf', sha256: 'ABC' }), { path: 'alpha/summary.pdf' }],
        articles: [null, article({ title: 'x' }), article({ title: { zh: 1, en: 'A' } }), article()],
      }),
    );
    expect(manifest.artifacts.map((a) => a.path)).toEqual(['alpha/summary.html']);
    expect(manifest.articles).toHaveLength(1);
    expect(problems).toHaveLength(8 + 3);
    expect(problems).toContainEqual(expect.stringMatching(/^artifacts\[0\]: .*; ignored$/));
    expect(problems).toContainEqual(expect.stringMatching(/^articles\[1\]: title has the wrong type or is missing; ignored$/));
    expect(problems.join('\n')).toMatch(/artifacts\[5\]: size has the wrong type or is missing; ignored/);
    expect(problems.join('\n')).toMatch(/artifacts\[6\]: size is negative; ignored/);
    expect(problems.join('\n')).toMatch(/artifacts\[7\]: sha256 is not a sha256/);
  });

  it('drops artifacts whose path is not the place of their article, product and format', () => {
    const foreign = ['../../outside-secret.txt', '/etc/passwd', 'alpha/../../x', 'alpha/summary.pdf', 'beta/summary.html', 'alpha\\summary.html', 'alpha/summary.html/', 'https://example.org/x'];
    const { manifest, problems } = parseManifest(doc({ artifacts: foreign.map((p) => artifact({ path: p })) }));
    expect(manifest.artifacts).toEqual([]);
    expect(problems).toHaveLength(foreign.length);
    for (const p of problems) expect(p).toMatch(/path is not the place of its article, product and format; ignored$/);
    // nor an article, product or format that is not one
    for (const bad of [{ article: '../x', path: '../x/summary.html' }, { product: 'poster', path: 'alpha/poster.html' }, { format: 'exe', path: 'alpha/summary.exe' }, { product: 'summary', format: 'pptx', path: 'alpha/summary.pptx' }]) {
      expect(parseManifest(doc({ artifacts: [artifact(bad)] })).manifest.artifacts, JSON.stringify(bad)).toEqual([]);
    }
  });

  it('drops titles with control, bidi or zero-width characters, and source paths that are absolute', () => {
    for (const title of [{ zh: '甲\u202e', en: 'A' }, { zh: '甲', en: 'A\u001b]0;pwned\u0007' }, { zh: '\u200b', en: 'A' }, { zh: '', en: 'A' }, { zh: '甲\ud800', en: 'A' }, { zh: 'x'.repeat(2 * 1024 * 1024 + 1), en: 'A' }]) {
      expect(parseManifest(doc({ articles: [article({ title })] })).manifest.articles, JSON.stringify(title)).toEqual([]);
    }
    for (const source of ['/etc/passwd', 'C:\\x.md', '']) expect(parseManifest(doc({ articles: [article({ source })] })).manifest.articles, source).toEqual([]);
    expect(parseManifest(doc({ articles: [article({ title: { zh: '甲😀', en: 'A' } })] })).manifest.articles).toHaveLength(1);
  });

  it('keeps the landing fields of an article (date, original, takeaways) only when each is printable text of its shape', () => {
    const landing = { date: '2025-11-20', original: { outlet: 'RUSI', author: { zh: '西尔维亚', en: 'Noah Sylvia' }, title: 'Cloud', url: 'https://rusi.org/x', date: '2025' }, takeaways: [{ zh: '一', en: 'One' }] };
    expect(parseManifest(doc({ articles: [article({ landing })] })).manifest.articles[0].landing).toEqual(landing);
    const bad = [
      { ...landing, date: 'yesterday' },
      { ...landing, original: { ...landing.original, url: 'javascript:alert(1)' } },
      { ...landing, original: { ...landing.original, outlet: 'R\u001b]0;pwned\u0007' } },
      { ...landing, takeaways: [{ zh: '一\u202e', en: 'One' }] },
      { ...landing, takeaways: 'one' },
    ];
    for (const l of bad) expect(parseManifest(doc({ articles: [article({ landing: l })] })).manifest.articles, JSON.stringify(l)).toEqual([]);
  });

  it('ignores the whole file when it is not JSON, not an object, of another version, or without its lists', () => {
    for (const text of ['', 'null', '[]', '{"artifacts":[null]}', JSON.stringify({ version: 1, articles: [], artifacts: [], site: [] }), doc({ artifacts: {} })]) {
      const r = parseManifest(text);
      expect(r.manifest.artifacts, text).toEqual([]);
      expect(r.problems, text).toHaveLength(1);
      expect(r.problems[0], text).toMatch(/ignored$/);
    }
  });

  it('keeps the first of two entries for one file or article', () => {
    const { manifest, problems } = parseManifest(doc({ artifacts: [artifact(), artifact({ size: 99 })], articles: [article(), article({ title: { zh: '乙', en: 'B' } })] }));
    expect(manifest.artifacts.map((a) => a.size)).toEqual([10]);
    expect(manifest.articles.map((a) => a.title.zh)).toEqual(['甲']);
    expect(problems).toHaveLength(2);
  });

  it('never echoes the content of a bad entry', () => {
    const { problems } = parseManifest(doc({ artifacts: [artifact({ path: '\u001b[2J\u001b]0;owned\u0007' })], articles: [article({ slug: '\u001b[31m' })] }));
    expect(problems.join('\n')).not.toMatch(/\u001b|owned/);
  });
});

describe('a build over a hostile manifest', () => {
  let root: string;
  let engine: StubEngine;
  let events: BuildEvent[];
  const run = () => build({ root, engine, jobs: 1, code: 'code-v1', onEvent: (e) => events.push(e) });
  const out = () => path.join(root, 'out');
  const manifestText = () => readFileSync(path.join(out(), 'manifest.json'), 'utf8');
  const warnings = () => events.filter((e): e is Extract<BuildEvent, { type: 'warning' }> => e.type === 'warning').map((e) => e.message);

  beforeEach(async () => {
    engine = stubEngine();
    events = [];
    root = tempProject({ alpha: articleText('甲'), beta: articleText('乙') });
    await run();
    engine.calls.render.length = 0;
    events = [];
  });

  it('{"artifacts":[null]}: warns, rebuilds everything, and writes a valid manifest', async () => {
    writeFileSync(path.join(out(), 'manifest.json'), '{"artifacts":[null]}');
    const report = await run();
    expect(report.ok).toBe(true);
    expect(warnings()).toEqual([expect.stringMatching(/^out\/manifest\.json: does not have the manifest's shape .*; ignored$/)]);
    expect(engine.calls.render).toHaveLength(2 * PER_ARTICLE);
    expect(parseManifest(manifestText()).problems).toEqual([]);
  });

  it('null entries among good ones: only the articles without a trusted entry are rendered again', async () => {
    const m = JSON.parse(manifestText());
    m.artifacts = m.artifacts.map((a: { article: string }) => (a.article === 'beta' ? null : a));
    writeFileSync(path.join(out(), 'manifest.json'), JSON.stringify(m));
    await run();
    expect(new Set(engine.calls.render.map((p) => p.split('/')[0]))).toEqual(new Set(['beta']));
    expect(warnings()).toHaveLength(PER_ARTICLE);
    expect(JSON.parse(manifestText()).artifacts).toHaveLength(2 * PER_ARTICLE);
  });

  it('a foreign path is neither kept in the next manifest nor linked from the landing page, and its file is not touched', async () => {
    const secret = path.join(root, 'outside-secret.txt');
    writeFileSync(secret, 'secret');
    const m = JSON.parse(manifestText());
    m.artifacts.push({ ...m.artifacts[0], path: '../outside-secret.txt' });
    m.artifacts.push({ ...m.artifacts[0], path: 'alpha/../../outside-secret.txt' });
    writeFileSync(path.join(out(), 'manifest.json'), JSON.stringify(m));
    await run();
    expect(warnings()).toHaveLength(2);
    expect(manifestText()).not.toContain('outside-secret');
    expect(readFileSync(path.join(out(), 'index.html'), 'utf8')).not.toContain('outside-secret');
    expect(readFileSync(secret, 'utf8')).toBe('secret');
  });

  it('a title in the manifest that its source does not have is not printed: the article is parsed again', async () => {
    const m = JSON.parse(manifestText());
    m.articles[0].title = { zh: '已撤回', en: 'Withdrawn' };
    m.articles[0].sha256 = 'b'.repeat(64);
    writeFileSync(path.join(out(), 'manifest.json'), JSON.stringify(m));
    engine.calls.parse.length = 0;
    await run();
    expect(engine.calls.parse.map((p) => path.basename(p))).toEqual(['alpha.md']);
    expect(readFileSync(path.join(out(), 'index.html'), 'utf8')).not.toContain('已撤回');
    expect(JSON.parse(manifestText()).articles[0].title.zh).toBe('甲');
  });

  it('a manifest of the former version is ignored with a warning and replaced', async () => {
    const m = JSON.parse(manifestText());
    writeFileSync(path.join(out(), 'manifest.json'), JSON.stringify({ ...m, version: 1 }));
    await run();
    expect(warnings()).toEqual([expect.stringMatching(/is of another version \(1\); ignored$/)]);
    expect(JSON.parse(manifestText()).version).toBe(MANIFEST_VERSION);
    expect(existsSync(path.join(out(), 'alpha/summary.html'))).toBe(true);
  });
});
