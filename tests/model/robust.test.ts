/** The model never throws: any bytes give diagnostics or an article, never an exception. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const real = readFileSync(path.resolve(import.meta.dirname, '../../source/us-japan-acquisition.md'), 'utf8');
const realLines = real.split('\n');

function consistent(bytes: Uint8Array) {
  const { file, article } = articleFromBytes(bytes, 'source/us-japan-acquisition.md');
  expect(article === null).toBe(file.messages.some((m) => m.fatal));
  for (const m of file.messages) {
    expect(m.ruleId).toBeTruthy();
    expect(m.line ?? 1).toBeGreaterThanOrEqual(1);
  }
}

describe('robustness', () => {
  it('handles arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => consistent(b)), { numRuns: runs });
  }, 120_000);

  it('handles the real article with lines dropped, duplicated or shuffled', () => {
    const edit = fc.array(fc.tuple(fc.nat(realLines.length - 1), fc.constantFrom('drop', 'dup', 'swap', 'cut')), { maxLength: 6 });
    fc.assert(
      fc.property(edit, (ops) => {
        const lines = [...realLines];
        for (const [i, op] of ops) {
          if (op === 'drop') lines.splice(i, 1);
          else if (op === 'dup') lines.splice(i, 0, lines[i] ?? '');
          else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
          else if (op === 'cut') lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2));
        }
        consistent(new TextEncoder().encode(lines.join('\n')));
      }),
      { numRuns: Math.max(20, Math.floor(runs / 4)) },
    );
  }, 300_000);
});
