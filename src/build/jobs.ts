/**
 * The unit of work: one article × product × format. Which combinations exist
 * and what each file is called come from the backends' descriptors in the
 * registry (no backend is loaded to plan a build) and the IR's product list.
 * A render task goes through the pipeline's one path (src/pipeline.ts).
 */
import type { Article } from '../model/types.js';
import { PRODUCTS, type ProductName } from '../ir/types.js';
import { BACKENDS, OUTPUT_FORMATS, renders, type OutputFormat } from '../render/registry.js';
import type { LandingEntry } from './index.js';

export interface Target {
  product: ProductName;
  format: OutputFormat;
  /** Path relative to the output folder, `<slug>/<product>.<ext>` with `/` separators. */
  path: string;
}

export function artifactPath(slug: string, product: ProductName, format: OutputFormat): string {
  return `${slug}/${product}.${BACKENDS[format].extension}`;
}

/** Every artifact of one article for the chosen products and formats, in a fixed order. */
export function planTargets(slug: string, products: readonly ProductName[], formats: readonly OutputFormat[]): Target[] {
  const targets: Target[] = [];
  for (const product of PRODUCTS) {
    if (!products.includes(product)) continue;
    for (const format of OUTPUT_FORMATS) {
      if (!formats.includes(format) || !renders(format, product)) continue;
      targets.push({ product, format, path: artifactPath(slug, product, format) });
    }
  }
  return targets;
}

/** What a worker (or the main thread with `--jobs 1`) receives. */
export interface RenderTask {
  article: Article;
  product: ProductName;
  format: OutputFormat;
  epoch: number;
  /** Folder of the persistent font-subset cache, or null for none (see src/render/font-cache.ts). */
  fontCache?: string | null;
}

/** One task through the pipeline (template + backend); loaded on first use, so planning never loads it. */
export async function renderTask(task: RenderTask): Promise<Uint8Array> {
  const { renderArtifact } = await import('../pipeline.js');
  return renderArtifact(task.article, task.product, task.format, { epoch: task.epoch, fontCache: task.fontCache ?? null });
}

/** The landing page's bytes (UTF-8 HTML), rendered in this thread with this font cache. */
export async function renderLandingPage(entries: LandingEntry[], fontCache: string | null): Promise<Uint8Array> {
  const { renderSite } = await import('../pipeline.js');
  return renderSite(entries, { fontCache });
}

/** Load what rendering `formats` needs (templates, backends), so a thread is ready before its first task. */
export async function warmRender(formats: readonly OutputFormat[]): Promise<void> {
  const { warm } = await import('../pipeline.js');
  await warm(formats);
}
