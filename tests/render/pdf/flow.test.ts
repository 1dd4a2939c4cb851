/**
 * What the page breaks of src/render/pdf/flow.ts rely on in pdfmake beyond
 * its documented API (pdfmake is pinned; if this fails after a pdfmake
 * update, re-check flow.ts): the `positions` pdfmake records on each text
 * node it lays out, one per line with its page number; the hook's first call
 * of each layout being the document's root, with every node placed; the
 * `content` array read again for each layout; and the table state pdfmake
 * carries from one layout to the next.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { linesByPage, TABLE_LAYOUT_STATE } from '../../../src/render/pdf/flow.js';
import { readFileSync } from 'node:fs';
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

  it("calls the hook first with the document's root once every node is placed, and lays out the content array as it is at each layout", async () => {
    await backend.warm?.();
    await backend.render({ product: 'summary', page: 'a4', meta: { articleId: 'x', title: {}, shortTitle: {}, author: '', subject: '', keywords: [], lang: 'zh-Hans' }, blocks: [] }, { epoch: 0 });
    const pdfmake = createRequire(import.meta.url)('pdfmake') as { createPdf(def: unknown): { getBuffer(): Promise<Buffer> } };
    const a: Record<string, unknown> = { stack: [{ text: '甲'.repeat(3000) }], id: 'a' };
    const b: Record<string, unknown> = { stack: [{ text: '乙'.repeat(50) }], id: 'b' };
    const content: unknown[] = [a, b];
    const firsts: { id?: string; stack?: boolean; placed: boolean }[] = [];
    let layouts = 0;
    let atFirst = true;
    const pageBreakBefore = (node: { id?: string; stack?: boolean }) => {
      if (!atFirst) return false;
      layouts++;
      firsts.push({ id: node.id, stack: node.stack, placed: content.every((c) => ((c as { positions?: unknown[] }).positions ?? []).length > 0) });
      if (layouts === 1) {
        content.splice(0, content.length, b); // the next layout: b alone
        return true;
      }
      atFirst = false;
      return false;
    };
    const bytes = await pdfmake.createPdf({ content, defaultStyle: { font: 'NotoSansSC' }, pageBreakBefore }).getBuffer();
    expect(layouts).toBe(2);
    for (const f of firsts) expect(f).toEqual({ id: undefined, stack: true, placed: true });
    const pages = await readPdf(new Uint8Array(bytes));
    const text = pages.flatMap((p) => p.lines).map((l) => l.text).join('');
    expect(pages.length, 'the second layout is b alone').toBe(1);
    expect(text).toContain('乙');
    expect(text).not.toContain('甲');
  });

  it('keeps on a table node the state flow.ts clears between layouts', () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('pdfmake/js/LayoutBuilder.js'), 'utf8');
    for (const key of TABLE_LAYOUT_STATE) expect(source, `pdfmake's LayoutBuilder no longer sets tableNode.${key}: re-check flow.ts`).toMatch(new RegExp(`tableNode\\.${key} = `));
  });
});
