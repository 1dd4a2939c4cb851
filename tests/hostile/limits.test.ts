/**
 * Inputs within the 2 MiB size limit that used to exhaust the parser: the
 * cost of parsing grows with tokens, not bytes, so the model counts block
 * openings and markup characters before parsing. Each case must be answered
 * with one diagnostic inside a generous 10 s budget (not a speed assertion:
 * the unbounded versions took minutes or ran out of memory).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { readSourceBytes } from '../../src/source-bytes.js';
import { ensureCompiled, runCli } from '../cli/helpers.js';
import { LIMITS } from '../../src/model/rules.js';
import { countBlockOpenings, countMarkup } from '../../src/model/source.js';

const root = path.resolve(import.meta.dirname, '../..');
const base = readFileSync(path.join(root, 'tests/fixtures/hostile/base.md'), 'utf8');
const real = readFileSync(path.join(root, 'source/us-japan-acquisition.md'), 'utf8');
const BUDGET = 10_000;
const fill = (unit: string, bytes = LIMITS.maxBytes - base.length * 3 - 64) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));
const load = (body: string) => {
  const bytes = new TextEncoder().encode(`${base}\n${body}\n`);
  expect(bytes.length).toBeLessThanOrEqual(LIMITS.maxBytes);
  const { file, article } = articleFromBytes(bytes, 'source/base.md');
  return { article, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
};

describe('counting before parsing', () => {
  it('counts block openings: paragraphs after blank lines and marker lines, not soft-wrapped lines', () => {
    expect(countBlockOpenings('a\nb\n\nc\n- d\n- e\n> f\n## g\n:::h\n1. i\n10) j\n2025 k\n')).toBe(9);
    expect(countBlockOpenings('a\r\n\r\nb\r\n')).toBe(2);
    expect(countBlockOpenings('a\n\n'.repeat(100), 10)).toBe(11); // stops just over the limit
  });
  it('counts line breaks and markup characters', () => {
    expect(countMarkup('中文 text, (ok).')).toBe(0);
    expect(countMarkup(':p{#a}**b** `c` <d> &e; \\f [g]!_h_ # =\n')).toBe(21);
  });
  it('the real article is far inside every limit', () => {
    expect(countMarkup(real)).toBeLessThan(LIMITS.maxMarkup / 10);
    expect(countBlockOpenings(real)).toBeLessThan(LIMITS.maxParagraphs / 10);
    expect(articleFromBytes(new TextEncoder().encode(real), 'source/us-japan-acquisition.md').article).not.toBeNull();
  });
});

describe('dense inputs under 2 MiB are refused before parsing', () => {
  const cases: [string, string, string][] = [
    ['700,000 one-letter paragraphs', fill('a\n\n'), '1:1 too-many-paragraphs'],
    ['100,000 paragraphs with ids', Array.from({ length: 100_000 }, (_, i) => `:p{#g-${i}}段。`).join('\n\n'), '1:1 too-many-paragraphs'],
    ['500,000 list items', fill('- a\n'), '1:1 too-many-paragraphs'],
    ['one paragraph of a million soft-wrapped lines', `:p{#zz-1}${fill('a\n')}`, '1:1 source-too-large'],
    ['600,000 text directives', `:p{#zz-1}${fill(':a ')}`, '1:1 source-too-large'],
    ['alternating code fences', fill('```\n'), '1:1 source-too-large'],
    ['a directive with 300,000 attributes', `:p{#zz-1 ${fill('a="b" ')}}x`, '1:1 source-too-large'],
    ['character references', `:p{#zz-1}${fill('&amp;')}`, '1:1 source-too-large'],
    ['HTML block lines', fill('<div>\n'), '1:1 source-too-large'],
    ['30,000 paragraphs under the markup limit', Array.from({ length: 30_000 }, (_, i) => `段落${i}`).join('\n\n'), '1:1 too-many-paragraphs'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => {
      const { article, messages } = load(body);
      expect(article).toBeNull();
      expect(messages).toEqual([expected]);
    }, BUDGET);
  }

  it('just under the markup limit, 190,000 stray directives give diagnostics, not a stack overflow', () => {
    const { article, messages } = load(`:p{#zz-1}${':a '.repeat(Math.floor((LIMITS.maxMarkup - countMarkup(base) - 100) / 1))}`);
    expect(article).toBeNull();
    expect(messages.length).toBeGreaterThan(100_000);
    expect(new Set(messages.map((m) => m.split(' ')[1]))).toEqual(new Set(['unknown-directive', 'empty-text']));
  }, 6 * BUDGET);

  it('a 2 MiB unbreakable token or Chinese text still parses (bytes alone are cheap)', () => {
    for (const unit of ['W', '汉']) {
      const { messages } = load(`:p{#zz-1}${fill(unit)}`);
      expect(messages.filter((m) => !m.endsWith('-count'))).toEqual([]);
    }
  }, 3 * BUDGET);
});

describe('files far over the size limit are never read whole', () => {
  it('reads at most one byte past the limit, and refuses a 3 GiB file in check and build', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwright-huge-'));
    try {
      mkdirSync(path.join(dir, 'source'));
      const huge = path.join(dir, 'source/huge.md');
      writeFileSync(huge, '');
      truncateSync(huge, 3 * 1024 ** 3); // sparse: no disk space used
      expect(readSourceBytes(huge).length).toBe(LIMITS.maxBytes + 1);
      const small = path.join(dir, 'small.md');
      writeFileSync(small, 'abc');
      expect(Buffer.from(readSourceBytes(small)).toString()).toBe('abc');
      ensureCompiled();
      for (const args of [['check'], ['build', '--formats', 'html']]) {
        const r = runCli(args, { cwd: dir });
        expect(r.status, r.stderr).toBe(1);
        expect(r.stdout + r.stderr).toMatch(/^source\/huge\.md:1:1: error .*\[source-too-large\]$/m);
        expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
