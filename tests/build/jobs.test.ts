import { describe, expect, it } from 'vitest';
import { ALL_FORMATS, FORMAT_EXTENSIONS, FORMAT_PRODUCTS } from '../../src/build/jobs.js';
import { loadBackend } from '../../src/render/registry.js';

describe('the planning table', () => {
  it('agrees with every backend on its products and file extension', async () => {
    for (const format of ALL_FORMATS) {
      const backend = await loadBackend(format);
      expect(backend.format).toBe(format);
      expect([...backend.products].sort(), format).toEqual([...FORMAT_PRODUCTS[format]].sort());
      expect(backend.extension, format).toBe(FORMAT_EXTENSIONS[format]);
    }
  }, 120_000);
});
