/**
 * The one place that knows every backend. Each backend declares its format,
 * extension and products once (`<format>/info.ts`); this table lists those
 * descriptors, so planning a build loads no backend. The backends themselves
 * load lazily, so a build that only makes HTML never loads pdfmake or docx.
 * Adding a format: a backend folder and one line in each table below.
 */
import type { DocProduct } from '../ir/types.js';
import type { Backend } from './types.js';
import { info as html } from './html/info.js';
import { info as pdf } from './pdf/info.js';
import { info as docx } from './docx/info.js';
import { info as pptx } from './pptx/info.js';

/** Every backend's descriptor, in the order outputs are listed. */
export const BACKENDS = { html, pdf, docx, pptx } as const;

export type OutputFormat = keyof typeof BACKENDS;

/** Every output format, in listing order. */
export const OUTPUT_FORMATS = Object.keys(BACKENDS) as OutputFormat[];

const loaders: Record<OutputFormat, () => Promise<Backend>> = {
  html: async () => (await import('./html/index.js')).backend,
  pdf: async () => (await import('./pdf/index.js')).backend,
  docx: async () => (await import('./docx/index.js')).backend,
  pptx: async () => (await import('./pptx/index.js')).backend,
};

/** Whether a format renders a product, from its descriptor (no backend loaded). */
export function renders(format: OutputFormat, product: DocProduct): boolean {
  return (BACKENDS[format].products as readonly DocProduct[]).includes(product);
}

const cache = new Map<OutputFormat, Promise<Backend>>();

export function loadBackend(format: OutputFormat): Promise<Backend> {
  let b = cache.get(format);
  if (!b) {
    b = loaders[format]();
    cache.set(format, b);
  }
  return b;
}
