/**
 * Inherited styles looked up once per text node (src/render/pdf/style-memo.ts):
 * the same PDF bytes as pdfmake's own lookups, for every product of both real
 * articles and the kitchen-sink Docs; the memo stack answers as pdfmake's
 * stack does, named styles included; and tests that fail when the pdfmake
 * functions it relies on change, so the wrapper is reviewed with them.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { installStyleMemo, memoStack, originalBuildInlines, setStyleMemo, type StyleStack } from '../../../src/render/pdf/style-memo.js';
import { PRODUCTS, docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';

/** sha256 of pdfmake 0.3.11's `TextInlines.prototype.buildInlines` and `StyleContextStack.getStyleProperty` sources. */
const WRAPPED = '327a9315937894113196e61783bca34f080151615046f2f38871885e9d1c4d4f';
const GET_STYLE_PROPERTY = 'ca42470130b7e9d113f844c4a81996338f2911687b20ab0b4c78d9d3be652193';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

afterEach(() => setStyleMemo(true));

describe('style memo', () => {
  it("wraps the pdfmake functions it was written for (if this fails, review style-memo.ts against pdfmake's new code)", () => {
    installStyleMemo();
    const source = originalBuildInlines().toString();
    expect(sha(source), `pdfmake's buildInlines changed:\n${source}`).toBe(WRAPPED);
    const StyleContextStack = (createRequire(import.meta.url)(createRequire(import.meta.url).resolve('pdfmake/js/StyleContextStack.js')) as { default: { getStyleProperty: () => unknown } }).default;
    const get = StyleContextStack.getStyleProperty.toString();
    expect(get, 'getStyleProperty asks the stack through auto and getProperty only').toMatch(/styleContextStack\.auto\(item, \(\) => \{\s*value = styleContextStack\.getProperty\(property\);/);
    expect(sha(get), `pdfmake's getStyleProperty changed:\n${get}`).toBe(GET_STYLE_PROPERTY);
  });

  it("answers as pdfmake's stack does, for inlines with and without named styles", () => {
    const require = createRequire(import.meta.url);
    const Stack = (require(require.resolve('pdfmake/js/StyleContextStack.js')) as { default: new (dict: object, dflt: object) => StyleStack & { push(s: unknown): void } }).default;
    const stack = new Stack({ quote: { color: 'red', italics: true }, cite: { extends: 'quote', fontSize: 8 } }, { font: 'F', fontSize: 10, color: 'black' });
    stack.push({ fontSize: 11 });
    stack.push('quote');
    const memo = memoStack(stack);
    const items: unknown[] = ['text', {}, { color: 'blue' }, { style: 'cite' }, { style: ['cite', 'quote'], fontSize: 12 }, { bold: true }, { style: 'missing' }];
    for (const item of items) {
      for (const p of ['font', 'fontSize', 'color', 'italics', 'bold', 'link']) {
        const want = stack.auto(item, () => stack.getProperty(p));
        expect(memo.auto(item, () => memo.getProperty(p)), `${JSON.stringify(item)} ${p}`).toEqual(want);
      }
    }
  });

  it('gives the same bytes as looking up every inline', async () => {
    const docs = [...(await realArticles()).flatMap(([, a]) => PRODUCTS.map((p) => docFor(a, p))), ...Object.values(kitchenSink).map((f) => f())];
    for (const doc of docs) {
      setStyleMemo(false);
      const plain = await backend.render(doc, { epoch: 0 });
      setStyleMemo(true);
      const memo = await backend.render(doc, { epoch: 0 });
      expect(Buffer.from(memo).equals(Buffer.from(plain)), `${doc.meta.articleId}/${doc.product}`).toBe(true);
    }
  }, 300_000);
});
