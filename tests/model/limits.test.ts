/**
 * Hostile inputs are refused with a diagnostic, quickly and without blowing
 * the stack (each test has a 10 s budget).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { LIMITS } from '../../src/model/rules.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../fixtures/valid-minimal.md'), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const rules = (bytes: Uint8Array) => {
  const { file, article } = articleFromBytes(bytes, 'tests/fixtures/valid-minimal.md');
  return { article, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
};
const BUDGET = 10_000;

describe('limits', () => {
  it('refuses a source over 2 MiB before decoding or parsing it', () => {
    const bytes = new Uint8Array(LIMITS.maxBytes + 1).fill(0x61);
    expect(rules(bytes)).toEqual({ article: null, messages: ['1:1 source-too-large'] });
    // Exactly at the limit is not refused for its size (a bad last byte stops it before parsing).
    const atLimit = new Uint8Array(LIMITS.maxBytes).fill(0x61);
    atLimit[atLimit.length - 1] = 0xff;
    expect(rules(atLimit).messages).toEqual([`1:${LIMITS.maxBytes} invalid-utf8`]);
  });

  const deep: [string, string][] = [
    ['a 10,000-deep list on one line', `${'- '.repeat(10_000)}x\n`],
    ['a 10,000-deep block quote on one line', `${'> '.repeat(10_000)}x\n`],
    ['a block quote deepening line by line', Array.from({ length: 1_500 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')],
    ['a list nested by indentation', Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['1,500 nested container directives', Array.from({ length: 1_500 }, (_, i) => `${':'.repeat(1_503 - i)}box`).join('\n')],
    ['brackets nested 10,000 deep', `:p{#x-1}${':a['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['5,000 pairs of emphasis markers in one paragraph', `:p{#x-1}${'*a '.repeat(5_000)}b${' c*'.repeat(5_000)}\n`],
  ];
  for (const [name, body] of deep) {
    it(`refuses ${name}`, () => {
      const { article, messages } = rules(enc(`${base}\n${body}`));
      expect(article).toBeNull();
      expect(messages.filter((m) => m.endsWith('nesting-too-deep'))).toHaveLength(1);
    }, BUDGET);
  }

  it('refuses more than 20,000 paragraphs', () => {
    const many = Array.from({ length: LIMITS.maxParagraphs + 1 }, (_, i) => `:p{#p-${i}}段。`).join('\n\n');
    const { article, messages } = rules(enc(`${base}\n${many}\n`));
    expect(article).toBeNull();
    expect(messages).toEqual(['1:1 too-many-paragraphs']);
  }, 3 * BUDGET);
});
