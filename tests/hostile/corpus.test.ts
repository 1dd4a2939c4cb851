/**
 * Every hostile source of tests/fixtures/hostile/ (plus the huge ones made at
 * run time) goes through the shipped CLI, each in its own copy of a project
 * that already holds a built bystander article. The outcome must be the one
 * in expected.json:
 *
 * - exit 1: a diagnostic `source/<file>:line:col: error … [rule]`, no output
 *   for the broken article;
 * - exit 0: outputs in which the payload is inert text — HTML read back with
 *   a WHATWG parser (only the page's own hashed script and style, no on*
 *   attributes, no frames/objects/embeds, only http(s)/mailto/# links, a
 *   strict CSP, the payload in the visible text), PDF/DOCX/PPTX read back
 *   (no JavaScript, no unsafe link targets, no active parts);
 *
 * and in every case: nothing written outside out/, the bystander's outputs
 * untouched, no temporary file left anywhere (TMPDIR included), and no raw
 * control or invisible character echoed from the source to the terminal.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { LIMITS } from '../../src/model/rules.js';
import { ensureCompiled } from '../cli/helpers.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { changed, pool, readHtml, readOfficeZip, readPdfFile, runCliAsync, snapshot, type Run } from './helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hostile');
const ALL = ['html', 'pdf', 'docx', 'pptx'];

interface Expect {
  what: string;
  exit: 0 | 1;
  rule?: string;
  line?: number;
  column?: number;
  warnings?: string[];
  /** Strings the outputs show as visible text. */
  text?: string[];
  /** Strings the model keeps as text (fields no product prints, such as body paragraphs). */
  model?: string[];
  /** Strings no output may contain. */
  absent?: string[];
  links?: string[];
  formats?: string[];
  /** Strings the CLI's output must show (e.g. a control character printed escaped). */
  printed?: string[];
}
const expected: Record<string, Expect> = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
const base = readFileSync(path.join(FIXTURES, 'base.md'), 'utf8');
const withSlug = (slug: string, text: string) => text.replace(/^slug: base$/m, `slug: ${slug}`);

/** The huge sources, made at run time rather than committed. */
const generators: Record<string, (slug: string) => string> = {
  'too-large.md': (slug) => {
    const head = withSlug(slug, base);
    return head + 'x'.repeat(LIMITS.maxBytes + 1 - Buffer.byteLength(head));
  },
  'deep-list.md': (slug) => `${withSlug(slug, base)}\n${'- '.repeat(10_000)}x\n`,
  'deep-quote.md': (slug) => `${withSlug(slug, base)}\n${'> '.repeat(10_000)}x\n`,
  'deep-directive.md': (slug) => `${withSlug(slug, base)}\n${':::box\n'.repeat(10_000)}`,
  'deep-brackets.md': (slug) => withSlug(slug, base).replace('::zh[要点一。]', `::zh[${'['.repeat(10_000)}x${']'.repeat(10_000)}]`),
  'many-paragraphs.md': (slug) => `${withSlug(slug, base)}\n${Array.from({ length: 100_000 }, (_, i) => `:p{#g-${i}}段。`).join('\n\n')}\n`,
};

/** Lines of the base (the generated deep inputs start right after it). */
const baseLines = base.split('\n').length;
const generatedPlace: Record<string, [number, number]> = {
  'deep-list.md': [baseLines + 1, 2 * LIMITS.maxNesting + 1],
  'deep-quote.md': [baseLines + 1, 2 * LIMITS.maxNesting + 1],
  'deep-directive.md': [baseLines + LIMITS.maxNesting + 1, 1],
};

interface Case {
  name: string;
  /** The file name in source/ (= slug + .md). */
  file: string;
  bytes: Uint8Array;
  want: Expect;
}

function cases(): Case[] {
  return Object.entries(expected).map(([key, want]) => {
    const generated = key.startsWith('generated:');
    const name = generated ? key.slice('generated:'.length) : key;
    const slug = name.replace(/\.md$/, '');
    const bytes = generated ? new TextEncoder().encode(generators[name](slug)) : new Uint8Array(readFileSync(path.join(FIXTURES, name)));
    const place = generatedPlace[name];
    return { name: key, file: name, bytes, want: place ? { ...want, line: place[0], column: place[1] } : want };
  });
}

interface Outcome {
  c: Case;
  run: Run;
  project: string;
  outside: string[];
  bystander: string[];
  temps: string[];
}

let template = '';
let bystanderOut = new Map<string, string>();
const outcomes = new Map<string, Outcome>();
const scratch: string[] = [];

/** Run one case in a fresh copy of the template project. */
async function runCase(c: Case): Promise<Outcome> {
  const project = mkdtempSync(path.join(os.tmpdir(), 'briefwright-hostile-'));
  scratch.push(project);
  cpSync(template, project, { recursive: true });
  writeFileSync(path.join(project, 'source', c.file), c.bytes);
  const tmp = path.join(project, '.tmp');
  mkdirSync(tmp);
  const before = snapshot(project);
  const formats = (c.want.formats ?? ['html']).join(',');
  const run = await runCliAsync(['build', '--formats', formats, '--jobs', '1'], { cwd: project, env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
  const after = snapshot(project);
  const diff = changed(before, after);
  const outside = diff.filter((p) => p !== 'out' && !p.startsWith('out/'));
  const bystander = diff.filter((p) => p.startsWith('out/bystander/'));
  const temps = [...after.keys()].filter((p) => /briefwright-tmp|\.tmp\/./.test(p));
  return { c, run, project, outside, bystander, temps };
}

beforeAll(async () => {
  ensureCompiled();
  template = mkdtempSync(path.join(os.tmpdir(), 'briefwright-hostile-template-'));
  scratch.push(template);
  mkdirSync(path.join(template, 'source'));
  writeFileSync(path.join(template, 'source/bystander.md'), withSlug('bystander', base));
  const first = await runCliAsync(['build', '--formats', ALL.join(','), '--jobs', '1'], { cwd: template });
  if (first.status !== 0) throw new Error(`the bystander article does not build:\n${first.stderr}`);
  bystanderOut = snapshot(path.join(template, 'out/bystander'));
  const all = cases();
  const done = await pool(all.map((c) => () => runCase(c)), Math.max(1, Math.min(3, os.availableParallelism())));
  for (const o of done) outcomes.set(o.c.name, o);
}, 1_800_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the corpus', () => {
  it('holds at least 40 sources, each with an expected outcome, and the base builds cleanly', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.md') && f !== 'base.md' && f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(expected).filter((k) => !k.startsWith('generated:')).sort());
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(40);
    const { file, article } = articleFromBytes(new TextEncoder().encode(base), 'source/base.md');
    expect(article).not.toBeNull();
    expect(file.messages).toEqual([]);
  });
});

describe('every hostile source through the CLI', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: ${want.what} → exit ${want.exit}`, async () => {
      const o = outcomes.get(name)!;
      const { run, project } = o;
      const file = o.c.file;
      const slug = file.replace(/\.md$/, '');
      const output = run.stdout + run.stderr;
      expect(run.signal, output).toBeNull();
      expect(run.status, output).toBe(want.exit);
      expect(output, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(output, 'no raw control or invisible character echoed').not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
      for (const s of want.printed ?? []) expect(output).toContain(s);
      expect(o.outside, 'files written outside out/').toEqual([]);
      expect(o.bystander, "the other article's outputs changed").toEqual([]);
      expect(snapshot(path.join(project, 'out/bystander'))).toEqual(bystanderOut);
      expect(o.temps, 'temporary files left').toEqual([]);
      expect(readdirSync(path.join(project, '.tmp')), 'files left in TMPDIR').toEqual([]);

      if (want.exit === 1) {
        const errors = run.stderr.split('\n').filter((l) => l.startsWith(`source/${file}:`) && / error /.test(l));
        expect(errors.length, run.stderr).toBeGreaterThan(0);
        for (const l of errors) expect(l).toMatch(/^source\/[\w.-]+:\d+:\d+: error .+ \[[a-z0-9-]+\]$/);
        const place = want.line === undefined ? '\\d+:\\d+' : `${want.line}:${want.column ?? '\\d+'}`;
        expect(errors.some((l) => new RegExp(`^source/${escape(file)}:${place}: error .* \\[${want.rule}\\]$`).test(l)), errors.slice(0, 5).join('\n')).toBe(true);
        expect(readdirSync(path.join(project, 'out')).includes(slug), 'outputs of a broken article').toBe(false);
        return;
      }

      for (const rule of want.warnings ?? []) expect(run.stderr).toMatch(new RegExp(`^source/${escape(file)}:\\d+:\\d+: warning .* \\[${rule}\\]$`, 'm'));
      const model = articleFromBytes(o.c.bytes, `source/${file}`).article!;
      const formats = want.formats ?? ['html'];
      const dir = path.join(project, 'out', slug);
      const made = readdirSync(dir).sort();
      const products: readonly string[] = PRODUCTS;
      expect(made).toEqual(products.flatMap((p) => formats.filter((f) => f !== 'pptx' || p === 'slides').map((f) => `${p}.${f}`)).sort());

      // HTML: inert by construction; the payload is visible text.
      let visible = '';
      const links: string[] = [];
      for (const p of products) {
        const html = readFileSync(path.join(dir, `${p}.html`), 'utf8');
        const page = readHtml(html);
        expect(page.problems, `${p}.html`).toEqual([]);
        visible += page.text;
        links.push(...page.links);
        for (const s of want.absent ?? []) expect(html, `${p}.html`).not.toContain(s);
      }
      for (const s of [...(want.text ?? []), ...(want.model ?? [])]) expect(JSON.stringify(model), 'the model keeps the payload as text').toContain(JSON.stringify(s).slice(1, -1));
      for (const s of want.text ?? []) {
        expect(visible, 'the payload is visible as text').toContain(s);
      }
      for (const l of want.links ?? []) expect(links).toContain(l);

      // PDF, DOCX, PPTX: readable, nothing active, no unsafe link target.
      const everyText: string[] = [visible];
      for (const p of products) {
        if (formats.includes('pdf')) {
          const pdf = await readPdfFile(readFileSync(path.join(dir, `${p}.pdf`)));
          expect(pdf.javascript, `${p}.pdf`).toBe(false);
          // Web and mail addresses, or a named destination in a sibling product file of the article (a citation).
          for (const l of pdf.links) expect(l, `${p}.pdf`).toMatch(/^(https?:\/\/|mailto:|(summary|checklist|slides|reading)\.pdf#[^\s:/?#]+$)/i);
          for (const l of want.links ?? []) if (p === 'summary') expect(pdf.links, `${p}.pdf`).toContain(l);
          everyText.push(squash(pdf.text));
        }
        for (const f of ['docx', 'pptx']) {
          if (!formats.includes(f) || (f === 'pptx' && p !== 'slides')) continue;
          const zip = readOfficeZip(readFileSync(path.join(dir, `${p}.${f}`)));
          expect(zip.active, `${p}.${f}`).toEqual([]);
          // Web and mail addresses, or a sibling product file of the same article (a citation of the reading edition).
          for (const l of zip.external) expect(l, `${p}.${f}`).toMatch(/^(https?:\/\/|mailto:|(summary|checklist|slides|reading)\.(docx|pdf|html)(#[\w=.-]+)?$)/i);
          everyText.push(zip.text);
        }
      }
      for (const s of want.absent ?? []) for (const t of everyText) expect(t).not.toContain(s);
      if (formats.includes('pdf')) for (const s of want.text ?? []) expect(everyText.some((t, i) => i > 0 && squash(t).includes(squash(s))), `${s.slice(0, 30)} in a PDF/DOCX/PPTX`).toBe(true);
    }, 120_000);
  }
});

describe('two sources with the same slug', () => {
  it('are refused before anything is written (exit 2), whichever folder they are in', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'briefwright-hostile-dup-'));
    scratch.push(project);
    mkdirSync(path.join(project, 'source'));
    mkdirSync(path.join(project, 'drafts'));
    writeFileSync(path.join(project, 'source/twin.md'), withSlug('twin', base));
    writeFileSync(path.join(project, 'drafts/twin.md'), withSlug('twin', base).replace('导语第一段', '另一个导语'));
    const before = snapshot(project);
    const run = await runCliAsync(['build', 'source/twin.md', 'drafts/twin.md', '--formats', 'html'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('two sources have the slug "twin"');
    expect(changed(before, snapshot(project))).toEqual([]);
  }, 60_000);

  it('a copy under another file name keeps its old slug: slug-mismatch, and the original still builds', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'briefwright-hostile-dup-'));
    scratch.push(project);
    mkdirSync(path.join(project, 'source'));
    writeFileSync(path.join(project, 'source/twin.md'), withSlug('twin', base));
    writeFileSync(path.join(project, 'source/twin-copy.md'), withSlug('twin', base));
    const run = await runCliAsync(['build', '--formats', 'html'], { cwd: project });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^source\/twin-copy\.md:2:7: error .*\[slug-mismatch\]$/m);
    expect(readdirSync(path.join(project, 'out')).sort()).toEqual(['fonts', 'index.html', 'manifest.json', 'twin']);
  }, 60_000);
});
