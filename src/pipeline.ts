/**
 * The pipeline, chained in one visible place:
 *
 *   source bytes ──parse──▶ mdast ──model──▶ Article ──template──▶ Doc ──backend──▶ bytes
 *
 * Each stage lives in its own folder; this file only connects them.
 */
import type { Article } from './model/types.js';
import type { Doc, ProductName } from './ir/types.js';
import type { OutputFormat, RenderContext } from './render/types.js';
import { loadBackend } from './render/registry.js';
import { getTemplate } from '../templates/index.js';

export { loadArticle, articleFromBytes } from './model/index.js';

/** Template stage: Article → Doc for one product. */
export function toDoc(article: Article, product: ProductName): Doc {
  return getTemplate(product)(article);
}

/** Backend stage: Doc → bytes of one file. */
export async function renderDoc(doc: Doc, format: OutputFormat, ctx: RenderContext): Promise<Uint8Array> {
  const backend = await loadBackend(format);
  return backend.render(doc, ctx);
}

/** Template + backend for one artifact. */
export async function renderArtifact(
  article: Article,
  product: ProductName,
  format: OutputFormat,
  ctx: RenderContext,
): Promise<Uint8Array> {
  return renderDoc(toDoc(article, product), format, ctx);
}

/**
 * Seconds since the epoch for every date written into an output:
 * SOURCE_DATE_EPOCH when set, otherwise the article's own date (00:00 UTC).
 */
export function buildEpoch(article: Pick<Article, 'date'>, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw)) throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`);
    return Number(raw);
  }
  return Math.floor(Date.parse(`${article.date}T00:00:00Z`) / 1000);
}
