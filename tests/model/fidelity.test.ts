/**
 * Fidelity: the Chinese body text in the model equals the seed's paragraphs,
 * in order (NFKC, whitespace removed). Uses the seed when present, otherwise
 * the committed hashes of its paragraphs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/model/index.js';
import { allParagraphs } from '../../src/model/types.js';
import { comparable, SEED_RELATIVE_PATH, seedParagraphs, sha256 } from '../../scripts/seed-paragraphs.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const seedPath = path.resolve(repoRoot, SEED_RELATIVE_PATH);
const hashesPath = path.join(repoRoot, 'tests/fixtures/seed-paragraph-hashes.json');

async function modelParagraphs(): Promise<string[]> {
  const { file, article } = await loadArticle(path.join(repoRoot, 'source/us-japan-acquisition.md'));
  expect(file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
  return allParagraphs(article!).map((p) => comparable(p.text));
}

describe('fidelity to the seed text', () => {
  it.runIf(existsSync(seedPath))('model paragraphs equal the seed paragraphs, in order', async () => {
    const seed = seedParagraphs(readFileSync(seedPath, 'utf8'));
    expect(await modelParagraphs()).toEqual(seed);
  });

  it('model paragraphs hash to the committed seed-paragraph hashes, in order', async () => {
    const { paragraphs } = JSON.parse(readFileSync(hashesPath, 'utf8')) as { paragraphs: string[] };
    expect((await modelParagraphs()).map(sha256)).toEqual(paragraphs);
  });

  it.runIf(existsSync(seedPath))('the committed hashes are those of the seed', () => {
    const { paragraphs } = JSON.parse(readFileSync(hashesPath, 'utf8')) as { paragraphs: string[] };
    expect(seedParagraphs(readFileSync(seedPath, 'utf8')).map(sha256)).toEqual(paragraphs);
  });
});
