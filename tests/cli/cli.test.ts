/**
 * The shipped command line, run as a subprocess against temp folders that
 * hold copies of the real source (and broken ones).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureCompiled, realSource, repoRoot, runCli, tempProject } from './helpers.js';
import { fileDigests, fileSha256 } from '../helpers/files.js';
import { PRODUCTS } from '../../src/ir/types.js';

interface Manifest {
  articles: { slug: string; title: { zh: string; en: string } }[];
  artifacts: { path: string; sha256: string; size: number; article: string; product: string; format: string }[];
  site: { path: string; sha256: string }[];
}
const manifest = (out: string): Manifest => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));

const hasModel = existsSync(path.join(repoRoot, 'src/model/index.ts')) && existsSync(path.join(repoRoot, 'src/check.ts'));
const withModel = hasModel ? it : it.skip;
if (!hasModel) console.warn('tests/cli: src/model/index.ts or src/check.ts is missing; build and check tests are skipped');

/** The real article with an invalid front-matter date, under another slug. */
function brokenCopy(slug: string): string {
  const text = readFileSync(realSource, 'utf8');
  return text.replace(/^slug: .*$/m, `slug: ${slug}`).replace(/^date: .*$/m, 'date: 2025-13-45');
}

beforeAll(() => ensureCompiled(), 300_000);

// Subprocess builds render real documents: allow minutes on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

describe('usage and exit codes', () => {
  it('--version prints the package version; --help lists every command', () => {
    const cwd = tempProject({}, false);
    const v = runCli(['--version'], { cwd });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    const h = runCli(['--help'], { cwd });
    expect(h.status).toBe(0);
    for (const word of ['build', 'check', 'fix', 'watch', 'init', '--strict', '--compact', '--shard', '--jobs', '--formats', '--products', '--force', '--quiet', '--out']) {
      expect(h.stdout).toContain(word);
    }
  });

  it('exits 2 for usage mistakes, with a message and no stack trace', () => {
    const cwd = tempProject();
    for (const args of [
      ['frobnicate'],
      ['build', '--formats', 'html,odt'],
      ['build', '--products', 'poster'],
      ['build', '--bogus'],
      ['build', '--jobs', 'zero'],
      ['build', '--shard', '3/2'],
      ['build', 'source/missing.md'],
      ['check', 'source/missing.md'],
      ['init'],
      ['init', 'Bad Slug'],
      [],
    ]) {
      const r = runCli(args, { cwd });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout, args.join(' ')).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    expect(runCli(['build', '--formats', 'html,odt'], { cwd }).stderr).toContain('odt');
  });
});

describe('check and init', () => {
  withModel('check: 0 for the real source, 1 with path:line:col diagnostics for a broken one', () => {
    const cwd = tempProject({ 'source/zz-broken.md': brokenCopy('zz-broken') });
    const clean = runCli(['check', 'source/us-japan-acquisition.md'], { cwd });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).not.toMatch(/: error /);

    const all = runCli(['check'], { cwd });
    expect(all.status).toBe(1);
    const dateLine = readFileSync(path.join(cwd, 'source/zz-broken.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('date:')) + 1;
    const errors = all.stdout.split('\n').filter((l) => / error /.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => /^source\/zz-broken\.md:\d+:\d+: error .+ \[[\w-]+\]$/.test(l)), errors.join('\n')).toBe(true);
    expect(errors.some((l) => l.startsWith(`source/zz-broken.md:${dateLine}:`))).toBe(true);
  });

  withModel('init writes a source with no error whose placeholders check flags, and refuses to overwrite it', () => {
    const cwd = tempProject({}, false);
    const made = runCli(['init', 'new-brief'], { cwd });
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(cwd, 'source/new-brief.md');
    const text = readFileSync(file, 'utf8');
    const checked = runCli(['check'], { cwd });
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).not.toMatch(/: error /);
    // Every warning is a placeholder of the skeleton the editor still has to replace.
    const warnings = checked.stdout.split('\n').filter((l) => /: warning /.test(l));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => l.endsWith('[placeholder-text]')), warnings.join('\n')).toBe(true);
    const built = runCli(['build', '--formats', 'html'], { cwd });
    expect(built.status, built.stderr).toBe(0);

    const again = runCli(['init', 'new-brief'], { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('build', () => {
  withModel('exit 0: writes the HTML of every product, a manifest whose hashes equal the files, and one summary line', () => {
    const cwd = tempProject();
    const r = runCli(['build', '--formats', 'html'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1); // non-TTY: one summary line (the real source has no warning)
    const out = path.join(cwd, 'out');
    const m = manifest(out);
    expect(m.artifacts.map((a) => a.path)).toEqual(PRODUCTS.map((p) => `us-japan-acquisition/${p}.html`).sort());
    for (const a of [...m.artifacts, ...m.site]) expect(fileSha256(path.join(out, a.path)), a.path).toBe(a.sha256);
    expect(m.site.map((s) => s.path)).toEqual(['fonts/NOTICE.txt', 'fonts/OFL.txt', 'index.html']);
    const ofl = readFileSync(path.join(out, 'fonts/OFL.txt'), 'utf8');
    expect(ofl).toMatch(/SIL OPEN FONT LICENSE/i);
    // The copyright notices of both embedded faces (CJK and Latin), as their packages ship them.
    for (const pkg of ['noto-sans-sc', 'noto-sans']) {
      const first = readFileSync(path.join(repoRoot, 'node_modules/@expo-google-fonts', pkg, 'LICENSE_FONT'), 'utf8').split('\n')[0];
      expect(ofl, pkg).toContain(first);
    }
    const notice = readFileSync(path.join(out, 'fonts/NOTICE.txt'), 'utf8');
    expect(notice).toContain('Noto Sans SC');
    expect(notice).toContain('@expo-google-fonts/noto-sans ');
    const landing = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const a of m.artifacts) expect(landing).toContain(a.path);
    // Every A4 page leads back to the index, a file the build wrote.
    for (const a of m.artifacts.filter((x) => !x.path.endsWith('/slides.html'))) {
      const hrefs = [...readFileSync(path.join(out, a.path), 'utf8').matchAll(/<nav class="site"[^>]*><a href="([^"]+)"/g)].map((x) => x[1]);
      expect(hrefs, a.path).toHaveLength(1);
      expect(path.resolve(out, path.dirname(a.path), hrefs[0]), a.path).toBe(path.join(out, 'index.html'));
    }
    // The article's facts and abstract, from its source: the date, the original (linked) and the takeaways.
    const src = readFileSync(realSource, 'utf8');
    const url = /^\s+url: (\S+)$/m.exec(src)![1];
    expect(landing).toContain(`href="${url}"`);
    expect(landing).toContain('Gregg Rubinstein');
    expect(landing).toContain('2025年1月10日');
    const firstTakeaway = /:::takeaway[^\n]*\n::zh\[([^\]]+)\]/.exec(src)![1];
    expect(landing).toContain(firstTakeaway);
  });

  withModel('a no-change rebuild writes nothing and never loads the parser or a backend', () => {
    const cwd = tempProject();
    expect(runCli(['build', '--formats', 'html'], { cwd }).status).toBe(0);
    const out = path.join(cwd, 'out');
    const before = fileDigests(out);
    const mtimes = [...before.keys()].map((p) => statSync(path.join(out, p)).mtimeMs);
    const trace = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefwright-trace-')), 'modules.txt');
    writeFileSync(trace, '');
    const r = runCli(['build', '--formats', 'html'], {
      cwd,
      env: { BRIEFWRIGHT_TRACE_FILE: trace },
      nodeArgs: ['--import', path.join(repoRoot, 'tests/cli/fixtures/trace-modules.mjs')],
    });
    expect(r.status, r.stderr).toBe(0);
    expect(fileDigests(out)).toEqual(before);
    expect([...before.keys()].map((p) => statSync(path.join(out, p)).mtimeMs)).toEqual(mtimes);
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.endsWith('/dist/src/build/index.js'))).toBe(true); // the trace works
    for (const heavy of ['/node_modules/unified/', '/node_modules/pdfmake/', '/node_modules/docx/', '/node_modules/pptxgenjs/', '/dist/src/model/']) {
      expect(loaded.filter((u) => u.includes(heavy)), heavy).toEqual([]);
    }

    // touching the source (new bytes) rebuilds it
    writeFileSync(path.join(cwd, 'source/us-japan-acquisition.md'), `${readFileSync(realSource, 'utf8')}\n`);
    expect(runCli(['build', '--formats', 'html'], { cwd }).status).toBe(0);
    expect(manifest(out).articles.map((a) => a.slug)).toEqual(['us-japan-acquisition']);
  });

  withModel('exit 1: a broken article fails with diagnostics, keeps its old outputs, and the good one still builds', () => {
    const cwd = tempProject({ 'source/zz-second.md': readFileSync(realSource, 'utf8').replace(/^slug: .*$/m, 'slug: zz-second') });
    expect(runCli(['build', '--formats', 'html'], { cwd }).status).toBe(0);
    const out = path.join(cwd, 'out');
    const before = fileDigests(out);
    // break the second article, change the first
    writeFileSync(path.join(cwd, 'source/zz-second.md'), brokenCopy('zz-second'));
    writeFileSync(path.join(cwd, 'source/us-japan-acquisition.md'), `${readFileSync(realSource, 'utf8')}\n\n`);
    const r = runCli(['build', '--formats', 'html'], { cwd });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^source\/zz-second\.md:\d+:\d+: error /m);
    const after = fileDigests(out);
    for (const [p, h] of before) if (p.startsWith('zz-second/')) expect(after.get(p), p).toBe(h);
    expect([...after.keys()].filter((p) => p.includes('briefwright-tmp'))).toEqual([]);
    const m = manifest(out);
    expect(m.artifacts.filter((a) => a.article === 'zz-second')).toHaveLength(PRODUCTS.length);
    for (const a of m.artifacts) expect(fileSha256(path.join(out, a.path))).toBe(a.sha256);
  });

  withModel('--shard K/N: every article in exactly one shard', () => {
    const extra: Record<string, string> = {};
    for (const s of ['aa-copy', 'mm-copy', 'zz-copy']) {
      extra[`source/${s}.md`] = readFileSync(realSource, 'utf8').replace(/^slug: .*$/m, `slug: ${s}`);
    }
    const cwd = tempProject(extra);
    const seen: string[] = [];
    for (const k of [1, 2]) {
      const r = runCli(['build', '--formats', 'html', '--products', 'summary', '--shard', `${k}/2`, '--out', `out-${k}`], { cwd });
      expect(r.status, r.stderr).toBe(0);
      seen.push(...manifest(path.join(cwd, `out-${k}`)).articles.map((a) => a.slug));
    }
    expect(seen.sort()).toEqual(['aa-copy', 'mm-copy', 'us-japan-acquisition', 'zz-copy']);
  });
});
