/**
 * Articles and Docs the PDF tests run on: the hand-built sample always, the
 * real article once its source and the model loader exist.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../src/model/types.js';
import type { ProductName } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { sampleArticle } from '../../helpers/sample-article.js';

const root = path.resolve(import.meta.dirname, '../../..');
const REAL_SOURCE = path.join(root, 'source/us-japan-acquisition.md');

async function realArticle(): Promise<Article | null> {
  if (!existsSync(REAL_SOURCE) || !existsSync(path.join(root, 'src/model/index.ts'))) return null;
  const mod = (await import('../../../src/model/index.js')) as {
    loadArticle: (p: string) => Promise<{ article: Article | null }> | { article: Article | null };
  };
  return (await mod.loadArticle(REAL_SOURCE)).article;
}

export async function articles(): Promise<[string, Article][]> {
  const real = await realArticle();
  return real ? [['sample', sampleArticle], ['us-japan-acquisition', real]] : [['sample', sampleArticle]];
}

export const PRODUCTS: ProductName[] = ['summary', 'checklist', 'slides'];

export const docFor = (article: Article, product: ProductName) => getTemplate(product)(article);

/**
 * What a reader must find in each product, from the model, in both languages:
 * the summary carries takeaways, section summaries and the glossary; the
 * checklist every recommendation; the slides the takeaways and glossary names.
 */
export function expectedTexts(article: Article, product: ProductName): string[] {
  const bi = (b: { zh: string; en: string }) => [b.zh, b.en];
  switch (product) {
    case 'summary':
      return [
        ...article.takeaways.flatMap((t) => bi(t.text)),
        ...article.sections.flatMap((s) => bi(s.summary)),
        ...article.glossary.flatMap((g) => [g.term, ...bi(g.name), ...bi(g.definition)]),
      ];
    case 'checklist':
      return article.recommendations.flatMap((r) => bi(r.text));
    case 'slides':
      return [...article.takeaways.flatMap((t) => bi(t.text)), ...article.glossary.flatMap((g) => [g.term, ...bi(g.name)])];
  }
}
