/**
 * The modules the PDF backend defers (fontkit's Brotli decoder, pdfkit's AES):
 * a render never loads them, and a stand-in still does the real module's work
 * when it is used.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { DEFERRED, loadedForReal, standIns } from '../../../src/render/pdf/deferred.js';
import { PRODUCTS, articles, docFor } from './articles.js';

describe('deferred PDF dependencies', () => {
  it('are not loaded by rendering every product', async () => {
    const [[, article]] = await articles();
    for (const product of PRODUCTS) {
      const bytes = await backend.render(docFor(article, product), { epoch: 1736467200 });
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    expect([...loadedForReal]).toEqual([]);
    for (const { from, id } of DEFERRED) expect(standIns.has(from.cache[from.resolve(id)]!.exports as object), id).toBe(true);
  }, 120_000);

  it('load for real, and work, when used', () => {
    const [brotli, aes] = DEFERRED.map(({ from, id }) => from(id));
    const text = Buffer.from('只在需要时加载 — loaded when needed. '.repeat(20));
    const decompress = brotli as (input: Uint8Array) => Uint8Array;
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);

    const key = randomBytes(16);
    const iv = randomBytes(16);
    const { cbc } = aes as { cbc: (key: Uint8Array, iv: Uint8Array) => { encrypt(data: Uint8Array): Uint8Array } };
    const theirs = Buffer.from(cbc(key, iv).encrypt(text));
    const cipher = createCipheriv('aes-128-cbc', key, iv);
    expect(theirs.equals(Buffer.concat([cipher.update(text), cipher.final()]))).toBe(true);
    expect(loadedForReal.size).toBe(2);
  });
});
