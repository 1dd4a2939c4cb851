/**
 * The unit of work: one article × product × format. Which combinations exist
 * is known here without loading a backend (a test checks it against each
 * backend's own `products`), so planning a build stays cheap.
 */
import type { Article } from '../model/types.js';
import type { ProductName } from '../ir/types.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/types.js';
import type { LandingEntry } from './index.js';

export const ALL_PRODUCTS = ['summary', 'checklist', 'slides'] as const satisfies readonly ProductName[];
export const ALL_FORMATS: readonly OutputFormat[] = OUTPUT_FORMATS;

/** Products each format renders (pptx is a slide format only). */
export const FORMAT_PRODUCTS: Record<OutputFormat, readonly ProductName[]> = {
  html: ALL_PRODUCTS,
  pdf: ALL_PRODUCTS,
  docx: ALL_PRODUCTS,
  pptx: ['slides'],
};

/** File extension (without dot) of each format. */
export const FORMAT_EXTENSIONS: Record<OutputFormat, string> = {
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  pptx: 'pptx',
};

export interface Target {
  product: ProductName;
  format: OutputFormat;
  /** Path relative to the output folder, `<slug>/<product>.<ext>` with `/` separators. */
  path: string;
}

export function artifactPath(slug: string, product: ProductName, format: OutputFormat): string {
  return `${slug}/${product}.${FORMAT_EXTENSIONS[format]}`;
}

/** Every artifact of one article for the chosen products and formats, in a fixed order. */
export function planTargets(slug: string, products: readonly ProductName[], formats: readonly OutputFormat[]): Target[] {
  const targets: Target[] = [];
  for (const product of ALL_PRODUCTS) {
    if (!products.includes(product)) continue;
    for (const format of ALL_FORMATS) {
      if (!formats.includes(format) || !FORMAT_PRODUCTS[format].includes(product)) continue;
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

/**
 * Template + backend for one task: the pipeline's template and backend stages
 * (`toDoc`, `renderDoc`), imported from their own modules so that a render
 * thread never loads the Markdown parser it has no use for. Backends load
 * lazily, once per thread.
 */
export async function renderTask(task: RenderTask): Promise<Uint8Array> {
  const [{ getTemplate }, { loadBackend }, { setFontCacheDir }] = await Promise.all([
    import('../../templates/index.js'),
    import('../render/registry.js'),
    import('../render/font-cache.js'),
  ]);
  setFontCacheDir(task.fontCache ?? null);
  const backend = await loadBackend(task.format);
  if (!backend.products.includes(task.product)) {
    throw new Error(`the ${task.format} backend does not render the ${task.product} product`);
  }
  return backend.render(getTemplate(task.product)(task.article), { epoch: task.epoch });
}

/** The landing page's bytes (UTF-8 HTML), rendered in this thread with this font cache. */
export async function renderLandingPage(entries: LandingEntry[], fontCache: string | null): Promise<Uint8Array> {
  const [{ renderLanding }, { setFontCacheDir }] = await Promise.all([import('../render/html/landing.js'), import('../render/font-cache.js')]);
  setFontCacheDir(fontCache);
  return new TextEncoder().encode(await renderLanding(entries));
}

/** Load what rendering `formats` needs (templates, backends), so a thread is ready before its first task. */
export async function warmRender(formats: readonly OutputFormat[]): Promise<void> {
  const [{ loadBackend }] = await Promise.all([import('../render/registry.js'), import('../../templates/index.js')]);
  await Promise.all(formats.map((f) => loadBackend(f)));
  // The PDF backend parses its two 10 MB faces and sets up shaping once per thread; do it now rather than in the first render.
  if (formats.includes('pdf')) {
    const fonts = await import('../render/pdf/fonts.js');
    fonts.fontFiles();
    fonts.warmShaping();
  }
}
