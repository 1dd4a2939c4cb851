/**
 * `--shard K/N`: split the articles of a build over N machines. Articles are
 * sorted by slug and dealt round-robin, so each lands in exactly one shard and
 * the split depends only on the set of slugs.
 */
import { usageError } from '../errors.js';

export interface Shard {
  /** 1-based shard number K. */
  index: number;
  /** Number of shards N. */
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw usageError(`--shard expects K/N (e.g. 1/2), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) {
    throw usageError(`--shard ${text}: K must be between 1 and N, and N at least 1`);
  }
  return { index, count };
}

/** The items of shard K/N; `slugOf` gives each item's sort key. */
export function selectShard<T>(items: readonly T[], shard: Shard | undefined, slugOf: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => {
    const x = slugOf(a);
    const y = slugOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
