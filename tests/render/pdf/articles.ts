/**
 * Articles and Docs the PDF tests run on: the hand-built sample and the real
 * article (the template tests' set).
 */
import path from 'node:path';
import { allParagraphs, type Article } from '../../../src/model/types.js';
import { loadArticle } from '../../../src/model/index.js';
import { PRODUCTS as ALL, type ProductName } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { testArticles } from '../../templates/articles.js';

export const articles = testArticles;

const root = path.resolve(import.meta.dirname, '../../..');

/** The two real articles of `source/` (a model failure fails the tests). */
export async function realArticles(): Promise<[string, Article][]> {
  const out: [string, Article][] = [];
  for (const slug of ['us-japan-acquisition', 'allied-cloud-interoperability']) {
    const { article, file } = await loadArticle(path.join(root, 'source', `${slug}.md`));
    if (!article) throw new Error(`${slug} does not load:\n${file.messages.join('\n')}`);
    out.push([slug, article]);
  }
  return out;
}

export const PRODUCTS: readonly ProductName[] = ALL;

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
    case 'reading':
      return allParagraphs(article).filter((p) => p.kind !== 'table').map((p) => p.text);
  }
}
