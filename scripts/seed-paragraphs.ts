/**
 * The seed text's paragraphs, as the fidelity test compares them with the
 * model: non-empty lines minus the dateline (line 1) and the section heading
 * lines, a leading `·` removed, NFKC-normalised with whitespace removed.
 *
 * Run `npx tsx scripts/seed-paragraphs.ts <seed.txt>` to regenerate
 * `tests/fixtures/seed-paragraph-hashes.json` (used when the seed is absent).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The five section headings of the seed article. */
export const SEED_HEADINGS = ['进化', '合作采购框架', '机会', '挑战', '前景'];

export const SEED_RELATIVE_PATH = '../shared/seeds/000_251250dc06bce214.txt';

/** Comparable form of a paragraph: NFKC, no whitespace. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Paragraphs of the seed in order (comparable form). */
export function seedParagraphs(seed: string): string[] {
  const lines = seed.split(/\r?\n/);
  return lines
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !SEED_HEADINGS.includes(l))
    .map((l) => comparable(l.replace(/^·/, '')));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const seedPath = process.argv[2] ?? path.resolve(repoRoot, SEED_RELATIVE_PATH);
  const hashes = seedParagraphs(readFileSync(seedPath, 'utf8')).map(sha256);
  const out = path.join(repoRoot, 'tests/fixtures/seed-paragraph-hashes.json');
  writeFileSync(out, `${JSON.stringify({ normalisation: 'NFKC, whitespace removed, leading · stripped', paragraphs: hashes }, null, 2)}\n`);
  console.log(`${hashes.length} paragraph hashes written to ${path.relative(repoRoot, out)}`);
}
