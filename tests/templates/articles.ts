/**
 * Articles the template tests run against: the hand-built sample always, and
 * the real article once its source and the model loader exist.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/model/types.js';
import type { Block, Inline } from '../../src/ir/types.js';
import { sampleArticle } from '../helpers/sample-article.js';

const root = path.resolve(import.meta.dirname, '../..');
export const REAL_SOURCE = path.join(root, 'source/us-japan-acquisition.md');

export async function loadRealArticle(): Promise<Article | null> {
  if (!existsSync(REAL_SOURCE) || !existsSync(path.join(root, 'src/model/index.ts'))) return null;
  try {
    const mod = (await import('../../src/model/index.js')) as {
      loadArticle: (p: string) => Promise<{ article: Article | null }> | { article: Article | null };
    };
    const { article } = await mod.loadArticle(REAL_SOURCE);
    return article;
  } catch {
    return null;
  }
}

export async function testArticles(): Promise<[string, Article][]> {
  const real = await loadRealArticle();
  return real ? [['sample', sampleArticle], ['us-japan-acquisition', real]] : [['sample', sampleArticle]];
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
