/**
 * Articles and Docs the PDF tests run on: the hand-built sample and the real
 * article (the template tests' set).
 */
import { allParagraphs, type Article } from '../../../src/model/types.js';
import { PRODUCTS as ALL, type ProductName } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { testArticles } from '../../templates/articles.js';

export const articles = testArticles;

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
