/**
 * Text measured once per document (src/render/pdf/measure-cache.ts): the
 * same PDF bytes as pdfmake measuring every layout itself, for every product
 * of both real articles and the kitchen-sink Docs; and a test that fails when
 * pdfmake's method changes, so the wrapper is reviewed with it.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { lastRenderReport } from '../../../src/render/pdf/document.js';
import { installMeasureCache, originalMeasureLeaf, originalMeasureNode, setMeasureCache } from '../../../src/render/pdf/measure-cache.js';
import { PRODUCTS, docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';

/** sha256 of pdfmake 0.3.11's `DocMeasure.prototype.measureLeaf` and `measureNode` sources, which measure-cache.ts wraps. */
const WRAPPED = 'f85585f0d251badfc5f34e91f8f3f03a72bf9ab273d6184bf5532d94821461fa';
const WRAPPED_NODE = '8972e85fff3b5092050f9cbf186cb5db9bea3c0dcdf9628c25debde64b262774';

afterEach(() => setMeasureCache(true));

describe('measure cache', () => {
  it("wraps the pdfmake method it was written for (if this fails, review measure-cache.ts against pdfmake's new measureLeaf)", () => {
    installMeasureCache();
    const source = originalMeasureLeaf().toString();
    expect(source, 'measureLeaf sets _inlines, _minWidth and _maxWidth from buildInlines').toMatch(/node\._inlines = data\.items;\s*node\._minWidth = data\.minWidth;\s*node\._maxWidth = data\.maxWidth;/);
    expect(createHash('sha256').update(source).digest('hex'), `pdfmake's measureLeaf changed:\n${source}`).toBe(WRAPPED);
    const node = originalMeasureNode().toString();
    expect(node, 'measureNode measures a node from its own fields and the style stack').toMatch(/return this\.styleStack\.auto\(node, \(\) => \{/);
    expect(createHash('sha256').update(node).digest('hex'), `pdfmake's measureNode changed:\n${node}`).toBe(WRAPPED_NODE);
  });

  it('gives the same bytes as measuring every layout, for documents laid out several times', async () => {
    const docs = [...(await realArticles()).flatMap(([, a]) => PRODUCTS.map((p) => docFor(a, p))), ...Object.values(kitchenSink).map((f) => f())];
    let relaidOut = 0;
    for (const doc of docs) {
      setMeasureCache(false);
      const plain = await backend.render(doc, { epoch: 0 });
      setMeasureCache(true);
      const cached = await backend.render(doc, { epoch: 0 });
      if ((lastRenderReport()?.layouts ?? 1) > 1) relaidOut++;
      expect(Buffer.from(cached).equals(Buffer.from(plain)), `${doc.meta.articleId}/${doc.product}`).toBe(true);
    }
    expect(relaidOut).toBeGreaterThan(3);
  }, 300_000);
});
