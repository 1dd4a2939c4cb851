/**
 * Rendered HTML pages the backend's tests run on, rendered once per test
 * file: every product of the hand-built sample and of both real articles
 * (through the templates), and the kitchen-sink Docs (./kitchen-sink.ts),
 * which use every element of the IR.
 */
import path from 'node:path';
import type { Article } from '../../../src/model/types.js';
import type { Doc, DocProduct } from '../../../src/ir/types.js';
import { loadArticle } from '../../../src/model/index.js';
import { getTemplate, PRODUCTS } from '../../../templates/index.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { testArticles } from '../../templates/articles.js';
import { kitchenSink } from './kitchen-sink.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** The second real article (another shape: quotes, lists, a table, a footnote, declared actors). */
export const ALLIED_SOURCE = path.join(root, 'source/allied-cloud-interoperability.md');

export interface Rendered {
  /** Name of the set: `sample`, an article slug, or `kitchen-sink`. */
  name: string;
  /** The article, when the page was made by a template. */
  article?: Article;
  product: DocProduct;
  doc: Doc;
  html: string;
}

export async function loadAllied(): Promise<Article> {
  const { article, file } = await loadArticle(ALLIED_SOURCE);
  if (!article) throw new Error(`the second real article does not load:\n${file.messages.join('\n')}`);
  return article;
}

/** The sample and both real articles. */
export async function allArticles(): Promise<[string, Article][]> {
  return [...(await testArticles()), ['allied-cloud-interoperability', await loadAllied()]];
}

let cache: Promise<Rendered[]> | null = null;

export function renderedPages(): Promise<Rendered[]> {
  cache ??= (async () => {
    const out: Rendered[] = [];
    for (const [name, article] of await allArticles()) {
      for (const product of PRODUCTS) {
        const doc = getTemplate(product)(article);
        out.push({ name, article, product, doc, html: await renderHtml(doc) });
      }
    }
    for (const [product, doc] of Object.entries(kitchenSink())) {
      out.push({ name: 'kitchen-sink', product: product as DocProduct, doc, html: await renderHtml(doc) });
    }
    return out;
  })();
  return cache;
}

/** Pages made by a template from an article. */
export const fromArticles = (pages: Rendered[]) => pages.filter((p): p is Rendered & { article: Article } => p.article !== undefined);

/** The content of the first `<tag ...>…</tag>` (raw text elements only: style, script). */
export function rawElement(html: string, tag: 'style' | 'script'): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  return m ? m[1] : null;
}
