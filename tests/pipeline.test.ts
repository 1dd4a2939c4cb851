/** The one path template → backend, and the one reading of SOURCE_DATE_EPOCH. */
import { describe, expect, it } from 'vitest';
import { buildEpoch, docFor, renderArtifact, renderDoc, renderSite, sourceDateEpoch, toDoc } from '../src/pipeline.js';
import { PRODUCTS } from '../src/ir/types.js';
import { OUTPUT_FORMATS, renders } from '../src/render/registry.js';
import { renderTask } from '../src/build/jobs.js';
import { sampleArticle } from './helpers/sample-article.js';

describe('SOURCE_DATE_EPOCH', () => {
  it('is a whole number of seconds, or not set', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1736467200' })).toBe(1736467200);
    expect(sourceDateEpoch({})).toBeNull();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '' })).toBeNull();
    for (const bad of ['1.5', '-1', 'yesterday', ' 1']) expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: bad }), bad).toThrow(/whole number of seconds/);
  });

  it('fixes every date; without it the article date at 00:00 UTC', () => {
    expect(buildEpoch({ date: '2025-01-10' }, {})).toBe(Date.UTC(2025, 0, 10) / 1000);
    expect(buildEpoch({ date: '2025-01-10' }, { SOURCE_DATE_EPOCH: '86400' })).toBe(86400);
  });
});

describe('the pipeline', () => {
  it('refuses a product the format does not render, naming both', async () => {
    await expect(renderDoc(toDoc(sampleArticle, 'summary'), 'pptx', { epoch: 0 })).rejects.toThrow(/pptx backend does not render the summary product/);
  });

  it('is what a build task runs: the same bytes', async () => {
    const here = await renderArtifact(sampleArticle, 'checklist', 'html', { epoch: 0 });
    const task = await renderTask({ article: sampleArticle, product: 'checklist', format: 'html', epoch: 0 });
    expect(Buffer.from(task).equals(Buffer.from(here))).toBe(true);
  });

  it('renders the site index through the HTML backend', async () => {
    const html = new TextDecoder().decode(await renderSite([{ slug: 'a', title: { zh: '标题', en: 'Title' }, artifacts: [{ path: 'a/summary.pdf', format: 'pdf', product: 'summary', bytes: 2048 }] }]));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<a href="a/summary.pdf">PDF</a>\u00A02.0\u00A0KB');
    expect(html).toContain('2.0\u00A0KB');
  });

  it('makes one Doc per product and article content for all formats, and no backend changes it', async () => {
    expect(docFor(structuredClone(sampleArticle), 'slides')).toBe(docFor(structuredClone(sampleArticle), 'slides'));
    expect(docFor(sampleArticle, 'slides')).not.toBe(docFor({ ...sampleArticle, slug: `${sampleArticle.slug}-2` }, 'slides'));
    for (const product of PRODUCTS) {
      const doc = toDoc(sampleArticle, product);
      const before = JSON.stringify(doc);
      for (const format of OUTPUT_FORMATS) {
        if (!renders(format, product)) continue;
        const shared = await renderDoc(doc, format, { epoch: 0 });
        expect(JSON.stringify(doc), `${format} left the ${product} Doc as it was`).toBe(before);
        const fresh = await renderDoc(toDoc(sampleArticle, product), format, { epoch: 0 });
        expect(Buffer.from(shared).equals(Buffer.from(fresh)), `${product}.${format}`).toBe(true);
      }
    }
  }, 120_000);
});
