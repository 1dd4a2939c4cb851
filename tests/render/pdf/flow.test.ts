/**
 * What the page-break rules of src/render/pdf/flow.ts read from pdfmake:
 * the `positions` pdfmake records on each text node it lays out, one per
 * line with its page number (not part of pdfmake's documented API; pdfmake is
 * pinned). If this fails after a pdfmake update, re-check flow.ts.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { linesByPage } from '../../../src/render/pdf/flow.js';
import { readPdf } from '../../helpers/pdf.js';

describe('pdfmake positions (flow.ts)', () => {
  it('are recorded on a laid-out text node, one per line, with its page', async () => {
    await backend.warm?.(); // fonts registered, pdfmake configured by the first render below
    await backend.render({ product: 'summary', page: 'a4', meta: { articleId: 'x', title: {}, shortTitle: {}, author: '', subject: '', keywords: [], lang: 'zh-Hans' }, blocks: [] }, { epoch: 0 });
    const pdfmake = createRequire(import.meta.url)('pdfmake') as { createPdf(def: unknown): { getBuffer(): Promise<Buffer> } };
    const node: Record<string, unknown> = { text: '中'.repeat(6000), fontSize: 10.5 };
    const bytes = await pdfmake.createPdf({ content: [node], defaultStyle: { font: 'NotoSansSC' } }).getBuffer();
    const lines = (await readPdf(new Uint8Array(bytes))).flatMap((p) => p.lines).filter((l) => l.text.startsWith('中'));
    const byPage = linesByPage(node);
    expect([...byPage.values()].reduce((a, b) => a + b, 0)).toBe(lines.length);
    expect(byPage.size).toBeGreaterThan(1);
    for (const [page, n] of byPage) expect(n, `page ${page}`).toBe(lines.filter((l) => l.page === page).length);
  });
});
