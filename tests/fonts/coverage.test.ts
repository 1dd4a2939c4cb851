/** The cmap reader agrees with an independent font parser (fontkit). */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { canDraw, covers, fontCoverage, mergeRanges } from '../../src/fonts/coverage.js';
import { fontPath } from '../../src/fonts/index.js';

const require = createRequire(import.meta.url);

describe('font coverage', () => {
  it('matches the character set fontkit reads from the same face', () => {
    const fontkit = require('fontkit') as { openSync(p: string): { characterSet: number[] } };
    const expected = new Set(fontkit.openSync(fontPath('regular')).characterSet);
    const coverage = fontCoverage();
    for (const cp of expected) expect(covers(coverage, cp)).toBe(true);
    let total = 0;
    for (let i = 0; i < coverage.length; i += 2) total += coverage[i + 1] - coverage[i] + 1;
    expect(total).toBe(expected.size);
  });

  it('draws the article scripts and punctuation, not emoji or rare ideographs', () => {
    for (const ch of '中文，：（）“”《》—…·–ABCé0') expect(canDraw(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['😀', '\u{20000}', '\uE000']) expect(canDraw(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('merges ranges', () => {
    expect([...mergeRanges([10, 12, 1, 3, 4, 5, 11, 20])]).toEqual([1, 5, 10, 20]);
  });
});
