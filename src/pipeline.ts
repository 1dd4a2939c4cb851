/**
 * The one path from an article to a file, used by the build (through
 * src/build/jobs.ts, in its render threads), the tests and the bench:
 *
 *   Article ──template──▶ Doc ──backend──▶ bytes
 *
 * Parsing (source bytes ──parse──▶ mdast ──model──▶ Article) is the model's
 * (`articleFromBytes`, `loadArticle` in src/model); this module does not load
 * it, so a render thread never loads the Markdown toolchain. Backends load
 * lazily, once per thread.
 */
import { createHash } from 'node:crypto';
import type { Article } from './model/types.js';
import type { Doc, ProductName } from './ir/types.js';
import type { RenderContext } from './render/types.js';
import { loadBackend, type OutputFormat } from './render/registry.js';
import { getTemplate, landing, type LandingEntry } from '../templates/index.js';

export interface RenderOptions extends RenderContext {
  /**
   * Folder of the persistent font-subset cache this thread uses from now on,
   * or null for none (see src/render/font-cache.ts); leave it out to keep the
   * thread's current setting.
   */
  fontCache?: string | null;
}

/** Template stage: Article → Doc for one product. */
export function toDoc(article: Article, product: ProductName): Doc {
  return getTemplate(product)(article);
}

async function useFontCache(dir: string | null | undefined): Promise<void> {
  if (dir === undefined) return;
  const { setFontCacheDir } = await import('./render/font-cache.js');
  setFontCacheDir(dir);
}

/** Backend stage: Doc → bytes of one file (an error when the format does not render the Doc's product). */
export async function renderDoc(doc: Doc, format: OutputFormat, ctx: RenderContext): Promise<Uint8Array> {
  const backend = await loadBackend(format);
  if (!backend.products.includes(doc.product)) throw new Error(`the ${format} backend does not render the ${doc.product} product`);
  return backend.render(doc, { epoch: ctx.epoch });
}

/**
 * Docs this thread made lately, by product and article content: the formats
 * of one product render one Doc (a slide deck's layouts are chosen by
 * measuring, ~40 ms, which every format repeated). Backends do not change a
 * Doc (tests/pipeline.test.ts renders one Doc in every format and compares).
 */
const recent = new Map<string, Doc>();
const RECENT_MAX = 8;
/** Each article's content key (a render thread receives a copy of the article with each task). */
const keys = new WeakMap<Article, string>();

function contentKey(article: Article): string {
  let key = keys.get(article);
  if (key === undefined) keys.set(article, (key = createHash('sha256').update(JSON.stringify(article)).digest('hex')));
  return key;
}

/** `toDoc`, made once per product and article content in this thread. */
export function docFor(article: Article, product: ProductName): Doc {
  const key = `${product}\u0000${contentKey(article)}`;
  let doc = recent.get(key);
  if (doc) {
    recent.delete(key); // most recent last
  } else {
    doc = toDoc(article, product);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }
  recent.set(key, doc);
  return doc;
}

/** Template + backend for one artifact: the function every build render goes through. */
export async function renderArtifact(article: Article, product: ProductName, format: OutputFormat, options: RenderOptions): Promise<Uint8Array> {
  await useFontCache(options.fontCache);
  return renderDoc(docFor(article, product), format, options);
}

/** The site's index page (`out/index.html`): the landing template, then the HTML backend. */
export async function renderSite(entries: readonly LandingEntry[], options: { fontCache?: string | null } = {}): Promise<Uint8Array> {
  await useFontCache(options.fontCache);
  // The index page writes no date, so the epoch does not matter.
  return renderDoc(landing(entries), 'html', { epoch: 0 });
}

/** Load the backends of `formats` and let each get ready (its `warm`), so a thread is ready before its first task. */
export async function warm(formats: readonly OutputFormat[]): Promise<void> {
  const backends = await Promise.all(formats.map((f) => loadBackend(f)));
  for (const b of backends) await b.warm?.();
}

export { buildEpoch, sourceDateEpoch } from './epoch.js';
export type { LandingEntry, RenderContext };
