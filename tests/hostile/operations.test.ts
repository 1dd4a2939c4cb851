/**
 * Issue 17's hostile operations (not sources) through the shipped CLI, each
 * with its expected outcome: a hostile manifest, files that look like the
 * build's temp files, a deleted source, a second file with a taken slug, and
 * long unbroken text. (Signals: interrupt-layout.test.ts; two builds at once:
 * tests/cli/lock.test.ts; output folders and system errors:
 * tests/cli/operator.test.ts; the Host check and rename-saves:
 * tests/build/watch.test.ts.)
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/build/manifest.js';
import { ensureCompiled } from '../cli/helpers.js';
import { readPdfFile, runCliAsync, snapshot } from './helpers.js';
import { PRODUCTS } from '../../src/ir/types.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../fixtures/hostile/base.md'), 'utf8');
const withSlug = (slug: string, text = base) => text.replace(/^slug: base$/m, `slug: ${slug}`);
const scratch: string[] = [];
let template = '';

/** A fresh copy of a built project with two articles (HTML only). */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwright-ops-'));
  scratch.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}
const build = (cwd: string, extra: string[] = []) => runCliAsync(['build', '--formats', 'html', ...extra], { cwd });
const manifestOf = (cwd: string) => readFileSync(path.join(cwd, 'out/manifest.json'), 'utf8');

beforeAll(async () => {
  ensureCompiled();
  template = mkdtempSync(path.join(os.tmpdir(), 'briefwright-ops-template-'));
  scratch.push(template);
  mkdirSync(path.join(template, 'source'));
  writeFileSync(path.join(template, 'source/first.md'), withSlug('first'));
  writeFileSync(path.join(template, 'source/second.md'), withSlug('second'));
  const r = await build(template);
  if (r.status !== 0) throw new Error(r.stderr);
}, 300_000);

afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

interface ManifestCase {
  what: string;
  manifest: (good: { articles: unknown[]; artifacts: unknown[]; site: unknown[]; version: number }) => string;
  /** How many warnings the build prints about it. */
  warnings: number;
}

const MANIFESTS: ManifestCase[] = [
  { what: '{"artifacts":[null]}', manifest: () => '{"artifacts":[null]}', warnings: 1 },
  { what: 'not JSON', manifest: () => '{"version": 2, "artifacts": [', warnings: 1 },
  { what: 'null entries among good ones', manifest: (m) => JSON.stringify({ ...m, artifacts: [null, ...m.artifacts, null], articles: [null, ...m.articles] }), warnings: 3 },
  {
    what: 'foreign artifact paths',
    manifest: (m) => {
      const a = m.artifacts[0] as Record<string, unknown>;
      return JSON.stringify({ ...m, artifacts: [...m.artifacts, { ...a, path: '../../outside-secret.txt' }, { ...a, path: '/etc/passwd' }, { ...a, path: 'first/../../outside-secret.txt' }] });
    },
    warnings: 3,
  },
  {
    what: 'wrong types',
    manifest: (m) => {
      const a = m.artifacts[0] as Record<string, unknown>;
      const t = m.articles[0] as Record<string, unknown>;
      return JSON.stringify({ ...m, articles: [{ ...t, title: 'x' }, ...m.articles.slice(1)], artifacts: [{ ...a, size: '12' }, { ...a, sha256: 42 }, ...m.artifacts.slice(1)], site: 'index.html' });
    },
    warnings: 1,
  },
  {
    what: 'a title with terminal escapes and bidi controls',
    manifest: (m) => {
      const t = m.articles[0] as Record<string, unknown>;
      return JSON.stringify({ ...m, articles: [{ ...t, title: { zh: '\u001b]0;owned\u0007\u001b[2J', en: 'A\u202eB' } }, ...m.articles.slice(1)] });
    },
    warnings: 1,
  },
];

describe('a hostile out/manifest.json', () => {
  for (const c of MANIFESTS) {
    it(`${c.what}: exit 0 with a warning; the next manifest is valid and names only the build's own files`, async () => {
      const cwd = project();
      const secret = path.join(cwd, 'outside-secret.txt');
      writeFileSync(secret, 'secret');
      const good = JSON.parse(manifestOf(cwd));
      writeFileSync(path.join(cwd, 'out/manifest.json'), c.manifest(good));
      const r = await build(cwd);
      expect(r.status, r.stderr).toBe(0);
      const warnings = r.stderr.split('\n').filter((l) => l.startsWith('briefwright: warning: out/manifest.json: '));
      expect(warnings, r.stderr).toHaveLength(c.warnings);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]|owned|internal error/);
      const next = manifestOf(cwd);
      expect(parseManifest(next).problems).toEqual([]);
      expect(JSON.parse(next)).toEqual(good);
      expect(readFileSync(path.join(cwd, 'out/index.html'), 'utf8')).not.toMatch(/outside-secret|passwd|owned/);
      expect(readFileSync(secret, 'utf8')).toBe('secret');
      // and the build after that trusts it again: nothing to do
      const again = await build(cwd);
      expect(again.stderr).toContain(`(0 written, 0 unchanged, ${2 * PRODUCTS.length} cached)`);
    }, 300_000);
  }
});

describe('files that look like temp files', () => {
  it('a user file with the temp pattern survives; a killed build\'s temp file is swept', async () => {
    const cwd = project();
    const users = ['out/notes/.draft.md.briefwright-tmp-0123456789abcdef', 'out/first/.my-notes.txt.briefwright-tmp-0123456789abcdef', 'out/first/summary.html.briefwright-tmp-0123456789abcdef', 'out/.index.html.briefwright-tmp-42'];
    const stale = 'out/first/.summary.html.briefwright-tmp-0123456789abcdef';
    for (const f of [...users, stale]) {
      mkdirSync(path.dirname(path.join(cwd, f)), { recursive: true });
      writeFileSync(path.join(cwd, f), 'mine');
    }
    const r = await build(cwd);
    expect(r.status, r.stderr).toBe(0);
    for (const f of users) expect(readFileSync(path.join(cwd, f), 'utf8'), f).toBe('mine');
    expect(existsSync(path.join(cwd, stale))).toBe(false);
  }, 300_000);
});

describe('out/ follows source/', () => {
  it('a deleted source: its outputs and folder are removed, the landing page no longer lists it', async () => {
    const cwd = project();
    rmSync(path.join(cwd, 'source/second.md'));
    const r = await build(cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`removed ${PRODUCTS.length} files of deleted sources`);
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['first', 'fonts', 'index.html', 'manifest.json']);
    expect(readFileSync(path.join(cwd, 'out/index.html'), 'utf8')).not.toContain('second/');
  }, 300_000);

  it('a file from another folder with a slug out/ already has: exit 2 naming both files, out/ untouched', async () => {
    const cwd = project();
    mkdirSync(path.join(cwd, 'drafts'));
    writeFileSync(path.join(cwd, 'drafts/first.md'), `${withSlug('first')}\n另一段。\n`);
    const before = snapshot(path.join(cwd, 'out'));
    const r = await build(cwd, ['drafts/first.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^briefwright: two sources have the slug "first": source\/first\.md \(built into out\/first\/\) and drafts\/first\.md; rename one of them/);
    expect(snapshot(path.join(cwd, 'out'))).toEqual(before);
  }, 300_000);
});

describe('long unbroken text', () => {
  it('20,000 unbroken Chinese characters in the title, short title, a term and a takeaway: built, the whole title printed', async () => {
    const cwd = project();
    const han = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 2000))).join('');
    let done = 0;
    const fill = (t: string, re: RegExp) => t.replace(re, (_m, head: string, tail = '') => (done++, `${head}${han}${tail}`));
    let text = withSlug('long-run');
    text = fill(text, /^(title:\n {2}zh: ).*()$/m);
    text = fill(text, /^(short_title:\n {2}zh: ).*()$/m);
    text = fill(text, /(:::term\{[^}\n]*\}\n::zh\[)[^\]\n]*(\])/);
    text = fill(text, /(:::takeaway\{[^}\n]*\}\n::zh\[)[^\]\n]*(\])/);
    expect(done, 'base.md has the four fields this case fills').toBe(4);
    writeFileSync(path.join(cwd, 'source/long-run.md'), text);
    const r = await runCliAsync(['build', 'source/long-run.md', '--formats', 'pdf,html'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdfFile(readFileSync(path.join(cwd, 'out/long-run/summary.pdf')));
    // the long title is printed whole (page headers and footers fall between its lines)
    const printed = pdf.text.replace(/\s+/g, '');
    expect(printed.length).toBeGreaterThan(2 * 20_000);
    expect(printed).toContain(han.slice(0, 200));
  }, 600_000);
});
