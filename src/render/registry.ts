/**
 * The one place that knows every backend. Backends are loaded lazily, so a
 * build that only makes HTML never loads pdfmake or docx.
 */
import type { Backend, OutputFormat } from './types.js';

const loaders: Record<OutputFormat, () => Promise<Backend>> = {
  html: async () => (await import('./html/index.js')).backend,
  pdf: async () => (await import('./pdf/index.js')).backend,
  docx: async () => (await import('./docx/index.js')).backend,
  pptx: async () => (await import('./pptx/index.js')).backend,
};

const cache = new Map<OutputFormat, Promise<Backend>>();

export function loadBackend(format: OutputFormat): Promise<Backend> {
  let b = cache.get(format);
  if (!b) {
    b = loaders[format]();
    cache.set(format, b);
  }
  return b;
}
