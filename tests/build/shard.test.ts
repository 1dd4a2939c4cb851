import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/build/shard.js';
import { CliError } from '../../src/errors.js';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const slugs = fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{3,12}$/), { maxLength: 40 });

describe('--shard K/N', () => {
  it('puts each article in exactly one shard, whatever the order it was found in', () => {
    fc.assert(
      fc.property(slugs, fc.integer({ min: 1, max: 7 }), (items, count) => {
        const shuffled = [...items].reverse();
        const parts = Array.from({ length: count }, (_, i) => selectShard(shuffled, { index: i + 1, count }, (s) => s));
        const union = parts.flat();
        expect(union.length).toBe(items.length);
        expect(new Set(union)).toEqual(new Set(items));
        // deterministic: same set, other order → same shards
        const again = Array.from({ length: count }, (_, i) => selectShard(items, { index: i + 1, count }, (s) => s));
        expect(again).toEqual(parts);
        // balanced within one article
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs },
    );
  });

  it('parses K/N and refuses nonsense as a usage error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3', '-1/2']) {
      expect(() => parseShard(bad), bad).toThrow(CliError);
      try {
        parseShard(bad);
      } catch (e) {
        expect((e as CliError).exitCode).toBe(2);
      }
    }
  });

  it('without a shard, selects everything sorted', () => {
    expect(selectShard(['b', 'a', 'c'], undefined, (s) => s)).toEqual(['a', 'b', 'c']);
  });
});
