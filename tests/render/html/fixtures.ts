/** Rendered HTML pages of every test article and product, rendered once per test file. */
import type { Article } from '../../../src/model/types.js';
import type { Doc, ProductName } from '../../../src/ir/types.js';
import { getTemplate, PRODUCTS } from '../../../templates/index.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { testArticles } from '../../templates/articles.js';

export interface Rendered {
  name: string;
  article: Article;
  product: ProductName;
  doc: Doc;
  html: string;
}

let cache: Promise<Rendered[]> | null = null;

export function renderedPages(): Promise<Rendered[]> {
  cache ??= (async () => {
    const out: Rendered[] = [];
    for (const [name, article] of await testArticles()) {
      for (const product of PRODUCTS) {
        const doc = getTemplate(product)(article);
        out.push({ name, article, product, doc, html: await renderHtml(doc) });
      }
    }
    return out;
  })();
  return cache;
}

/** The content of the first `<tag ...>…</tag>` (raw text elements only: style, script). */
export function rawElement(html: string, tag: 'style' | 'script'): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  return m ? m[1] : null;
}
