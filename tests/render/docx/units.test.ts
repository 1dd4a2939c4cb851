import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashString, renumberBookmarks, seededRandom, withSeededRandom } from '../../../src/render/docx/determinism.js';
import { collectText, glyphSet } from '../../../src/render/docx/fonts.js';
import { splitWidth } from '../../../src/render/docx/handlers.js';
import { obfuscateFont } from '../../../src/render/docx/index.js';
import { pageGeometry } from '../../../src/render/docx/constants.js';
import { theme } from '../../../src/theme/theme.js';

describe('splitWidth', () => {
  it('sums exactly to the width and keeps the weights in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 20000 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), (w, weights) => {
        const parts = splitWidth(w, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(w);
        expect(parts.length).toBe(weights.length);
        for (let i = 0; i + 1 < weights.length; i++) if (weights[i] < weights[i + 1]) expect(parts[i]).toBeLessThanOrEqual(parts[i + 1] + 1);
      }),
    );
  });
});

describe('renumberBookmarks', () => {
  it('numbers bookmark ids and _Toc names from 1 in order, keeping references consistent', () => {
    const xml =
      '<w:instrText>PAGEREF _Toc41 \\h</w:instrText><w:hyperlink w:anchor="_Toc42"/>' +
      '<w:bookmarkStart w:name="_Toc41" w:id="41"/><w:bookmarkEnd w:id="41"/>' +
      '<w:bookmarkStart w:name="_Toc42" w:id="42"/><w:bookmarkEnd w:id="42"/>';
    const out = renumberBookmarks(xml);
    expect(out).toContain('PAGEREF _Toc1 ');
    expect(out).toContain('w:anchor="_Toc2"');
    expect(out).toContain('<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/>');
    expect(out).toContain('<w:bookmarkStart w:name="_Toc2" w:id="2"/><w:bookmarkEnd w:id="2"/>');
    expect(renumberBookmarks(out)).toBe(out);
  });
});

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and restores Math.random', () => {
    const original = Math.random;
    const a = withSeededRandom(hashString('doc'), () => [Math.random(), Math.random()]);
    const b = withSeededRandom(hashString('doc'), () => [Math.random(), Math.random()]);
    expect(a).toEqual(b);
    expect(Math.random).toBe(original);
    const r = seededRandom(1);
    for (let i = 0; i < 100; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('glyphSet', () => {
  it('holds every character of every string in the Doc, printable ASCII, once each', () => {
    const doc = { a: '美日', b: [{ text: '同盟 “x”' }], n: 3 };
    const g = glyphSet(doc);
    for (const ch of collectText(doc).join('')) expect(g).toContain(ch);
    for (const ch of 'AZaz09~ ') expect(g).toContain(ch);
    expect(new Set(g).size).toBe([...g].length);
  });
});

describe('pageGeometry', () => {
  it('slides are 10 × 5.625 in and A4 is 210 × 297 mm, margins from the theme', () => {
    const s = pageGeometry('slide');
    expect([s.width, s.height]).toEqual([14400, 8100]);
    const a4 = pageGeometry('a4');
    expect(Math.round((a4.width / 1440) * 25.4)).toBe(210);
    expect(Math.round((a4.height / 1440) * 25.4)).toBe(297);
    expect(a4.margin.left).toBe(theme.pages.a4.margin[0] * 20);
    expect(a4.contentWidth).toBe(a4.width - a4.margin.left - a4.margin.right);
  });
});

describe('obfuscateFont', () => {
  it('XORs the first 32 bytes with the key read from its last byte pair, which undoes itself, and leaves the rest', () => {
    const key = '{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}';
    const data = Uint8Array.from({ length: 100 }, (_, i) => i);
    const out = obfuscateFont(data, key);
    // ECMA-376 Part 2 §13.6: byte i of the first 32 XORs with byte (15 - i % 16) of the GUID read as hex.
    const hex = key.replace(/[{}-]/g, '');
    for (let i = 0; i < 32; i++) expect(out[i]).toBe(data[i] ^ parseInt(hex.slice(2 * (15 - (i % 16)), 2 * (15 - (i % 16)) + 2), 16));
    expect([...out.slice(32)]).toEqual([...data.slice(32)]);
    expect([...obfuscateFont(out, key)]).toEqual([...data]);
    expect([...data.slice(0, 3)]).toEqual([0, 1, 2]); // the input is left alone
    expect(obfuscateFont(new Uint8Array(0), key).length).toBe(0);
    expect(() => obfuscateFont(data, 'not-a-key')).toThrow(/font key/);
  });
});
