/**
 * Property: whatever a source holds, `articleFromBytes` answers with an
 * Article or with diagnostics — never an exception — and every diagnostic has
 * a known rule id and a real place. 1,000 generated sources per property
 * (FUZZ_RUNS overrides; `make fuzz` runs 20,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { RULES } from '../../src/model/rules.js';
import { RUNS, TIMEOUT, sourceFile } from './arbitraries.js';

const PATH = 'source/fuzz-doc.md';

function check(bytes: Uint8Array): boolean {
  const { file, article } = articleFromBytes(bytes, PATH);
  const fatal = file.messages.some((m) => m.fatal === true);
  expect(article === null).toBe(fatal);
  for (const m of file.messages) {
    expect(Object.keys(RULES)).toContain(m.ruleId);
    expect(m.fatal === true).toBe(RULES[m.ruleId as keyof typeof RULES].severity === 'error');
    expect(m.line ?? 1).toBeGreaterThanOrEqual(1);
    expect(m.column ?? 1).toBeGreaterThanOrEqual(1);
  }
  return article !== null;
}

describe('fuzz: the model never throws', () => {
  it(`${RUNS} sources assembled from valid and invalid fragments`, () => {
    let articles = 0;
    fc.assert(
      fc.property(sourceFile(), (text) => {
        if (check(new TextEncoder().encode(text))) articles++;
      }),
      { numRuns: RUNS },
    );
    // The generator is only useful if a fair share of its sources are valid articles.
    expect(articles).toBeGreaterThan(RUNS / 20);
  }, TIMEOUT);

  it(`${RUNS} byte strings: raw bytes, and sources with random bytes spliced in`, () => {
    const spliced = fc.tuple(sourceFile(), fc.uint8Array({ maxLength: 16 }), fc.nat()).map(([text, junk, at]) => {
      const bytes = new TextEncoder().encode(text);
      const i = at % (bytes.length + 1);
      const out = new Uint8Array(bytes.length + junk.length);
      out.set(bytes.subarray(0, i));
      out.set(junk, i);
      out.set(bytes.subarray(i), i + junk.length);
      return out;
    });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), spliced), (bytes) => void check(bytes)), { numRuns: RUNS });
  }, TIMEOUT);
});
