/**
 * Articles the template tests run against: the hand-built sample and the real
 * article (which must load: a model failure fails the tests, it does not
 * quietly leave the article out).
 */
import path from 'node:path';
import type { Article } from '../../src/model/types.js';
import type { Block, Inline } from '../../src/ir/types.js';
import { loadArticle } from '../../src/model/index.js';
import { sampleArticle } from '../helpers/sample-article.js';

const root = path.resolve(import.meta.dirname, '../..');
export const REAL_SOURCE = path.join(root, 'source/us-japan-acquisition.md');

export async function loadRealArticle(): Promise<Article> {
  const { article, file } = await loadArticle(REAL_SOURCE);
  if (!article) throw new Error(`the real article does not load:\n${file.messages.join('\n')}`);
  return article;
}

export const SECOND_SOURCE = path.join(root, 'source/allied-cloud-interoperability.md');

/** Both real articles, by slug (each must load). */
export async function loadRealArticles(): Promise<[string, Article][]> {
  const out: [string, Article][] = [];
  for (const p of [REAL_SOURCE, SECOND_SOURCE]) {
    const { article, file } = await loadArticle(p);
    if (!article) throw new Error(`${p} does not load:\n${file.messages.join('\n')}`);
    out.push([article.slug, article]);
  }
  return out;
}

export async function testArticles(): Promise<[string, Article][]> {
  return [['sample', sampleArticle], ...(await loadRealArticles())];
}

export function plain(inl: Inline | undefined): string {
  return (inl ?? []).map((s) => s.text).join('');
}

/** Every block of a tree, depth first. */
export function walk(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...('children' in b ? walk(b.children) : [])]);
}

/** Deep-freeze so a template that mutates its input throws. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
