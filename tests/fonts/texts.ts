/** Texts to subset in font tests: the real article's characters and seeded random picks from the face. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fontCoverage } from '../../src/fonts/coverage.js';

const ARTICLE = fileURLToPath(new URL('../../source/us-japan-acquisition.md', import.meta.url));

/** The distinct characters of the real article's source. */
export function articleChars(): string {
  return [...new Set(readFileSync(ARTICLE, 'utf8'))].join('');
}

/** `n` characters the regular face covers, picked with a seeded generator (same seed, same text). */
export function randomChars(n: number, seed: number): string {
  const ranges = fontCoverage();
  const all: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) for (let c = ranges[i]; c <= ranges[i + 1]; c++) all.push(c);
  let s = seed >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
  const picked = new Set<number>();
  while (picked.size < n) picked.add(all[Math.floor(next() * all.length)]);
  return String.fromCodePoint(...picked);
}
