/**
 * Planning a build reads the backends' descriptors (the registry), never a
 * backend; each loaded backend must declare exactly what its descriptor says.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath, planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { BACKENDS, OUTPUT_FORMATS, loadBackend } from '../../src/render/registry.js';

describe('the registry', () => {
  it('lists each backend under its own format, and each loaded backend declares what its descriptor says', async () => {
    expect(OUTPUT_FORMATS).toEqual(['html', 'pdf', 'docx', 'pptx']);
    for (const format of OUTPUT_FORMATS) {
      const backend = await loadBackend(format);
      expect(backend.format, format).toBe(format);
      expect(BACKENDS[format].format, format).toBe(format);
      expect(backend.extension, format).toBe(BACKENDS[format].extension);
      expect([...backend.products], format).toEqual([...BACKENDS[format].products]);
    }
  }, 120_000);

  it('renders every article product in at least one format, and only known products', () => {
    for (const product of PRODUCTS) expect(OUTPUT_FORMATS.filter((f) => (BACKENDS[f].products as readonly string[]).includes(product)).length, product).toBeGreaterThan(0);
    for (const f of OUTPUT_FORMATS) for (const p of BACKENDS[f].products) expect([...PRODUCTS, 'index'], `${f}: ${p}`).toContain(p);
  });
});

describe('planning', () => {
  it('plans pptx for slides only, one file per product and format, products then formats in order', () => {
    const targets = planTargets('x', PRODUCTS, ['html', 'pptx']);
    expect(targets.map((t) => t.path)).toEqual(['x/summary.html', 'x/checklist.html', 'x/slides.html', 'x/slides.pptx', 'x/reading.html']);
  });

  it('plans only the products and formats asked for', () => {
    expect(planTargets('a', ['checklist'], ['pdf', 'docx', 'pptx']).map((t) => t.path)).toEqual(['a/checklist.pdf', 'a/checklist.docx']);
    expect(planTargets('a', ['summary'], ['pptx'])).toEqual([]);
  });

  it('names each file <slug>/<product>.<extension>', () => {
    expect(artifactPath('us-japan', 'slides', 'pptx')).toBe('us-japan/slides.pptx');
    expect(artifactPath('us-japan', 'summary', 'docx')).toBe('us-japan/summary.docx');
  });
});
