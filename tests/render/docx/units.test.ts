import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { collectText, glyphSet } from '../../../src/render/docx/fonts.js';
import { splitWidth } from '../../../src/render/docx/state.js';
import { embedFaces, fontKeyOf, obfuscateFont, renameFamilies, renameRandomIds, renumberBookmarks } from '../../../src/render/docx/package.js';
import { boldText, inlineRuns, textRun } from '../../../src/render/docx/runs.js';
import { isBoldStyle } from '../../../src/render/docx/styles.js';
import { C, P } from '../../../src/render/docx/constants.js';
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

describe('random relationship ids', () => {
  it('are numbered after the numbered ones, in the order listed, in the relationships and in their part', () => {
    const entries: Record<string, Uint8Array> = {
      'word/_rels/document.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rIdq_x-9" Target="https://a.example" TargetMode="External"/>' +
          '<Relationship Id="rId2" Target="numbering.xml"/><Relationship Id="rIdzz7" Target="https://b.example" TargetMode="External"/></Relationships>',
      ),
      'word/document.xml': strToU8('<w:hyperlink r:id="rIdzz7"/><w:hyperlink r:id="rIdq_x-9"/><w:hyperlink r:id="rIdq_x-9"/>'),
    };
    renameRandomIds(entries);
    expect(strFromU8(entries['word/_rels/document.xml.rels'])).toMatch(/Id="rId3" Target="https:\/\/a\.example".*Id="rId4" Target="https:\/\/b\.example"/);
    expect(strFromU8(entries['word/document.xml'])).toBe('<w:hyperlink r:id="rId4"/><w:hyperlink r:id="rId3"/><w:hyperlink r:id="rId3"/>');
  });
});

describe('embedded faces', () => {
  it('name each family by its own name (alternative: the theme’s), take keys derived from the faces and store each obfuscated under its key', async () => {
    const entries: Record<string, Uint8Array | object> = {
      'word/fontTable.xml': strToU8(
        '<w:fonts><w:font w:name="Noto Sans SC"><w:charset w:val="86"/><w:embedRegular r:id="rId1" w:fontKey="{11111111-1111-1111-1111-111111111111}"/><w:embedBold r:id="rId2" w:fontKey="{22222222-2222-2222-2222-222222222222}"/></w:font>' +
          '<w:font w:name="Noto Sans"><w:embedRegular r:id="rId3" w:fontKey="{33333333-3333-3333-3333-333333333333}"/></w:font></w:fonts>',
      ),
      'word/_rels/fontTable.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="fonts/font1.odttf"/><Relationship Id="rId2" Target="fonts/font2.odttf"/><Relationship Id="rId3" Target="fonts/font3.odttf"/></Relationships>'),
      'word/fonts/font1.odttf': new Uint8Array([0]),
      'word/fonts/font2.odttf': new Uint8Array([1]),
      'word/fonts/font3.odttf': new Uint8Array([2]),
      'word/styles.xml': strToU8('<w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:eastAsia="Noto Sans SC" w:cs="Noto Sans"/><w:t>Noto Sans SC</w:t>'),
    };
    const regular = Uint8Array.from({ length: 64 }, (_, i) => i);
    const bold = Uint8Array.from({ length: 64 }, (_, i) => 255 - i);
    const latin = Uint8Array.from({ length: 40 }, (_, i) => i * 3);
    const families = [
      { base: 'Noto Sans SC', name: 'Noto Sans SC 0a1b2c3d', regular, bold },
      { base: 'Noto Sans', name: 'Noto Sans 4e5f6a7b', regular: latin },
    ];
    await embedFaces(entries as never, families);
    renameFamilies(entries as never, families);
    const table = strFromU8(entries['word/fontTable.xml'] as Uint8Array);
    expect(table).toContain(`<w:font w:name="Noto Sans SC 0a1b2c3d"><w:altName w:val="Noto Sans SC"/><w:charset w:val="86"/><w:embedRegular r:id="rId1" w:fontKey="${fontKeyOf(regular)}"/><w:embedBold r:id="rId2" w:fontKey="${fontKeyOf(bold)}"/>`);
    expect(table).toContain(`<w:font w:name="Noto Sans 4e5f6a7b"><w:altName w:val="Noto Sans"/><w:embedRegular r:id="rId3" w:fontKey="${fontKeyOf(latin)}"/>`);
    expect(fontKeyOf(regular)).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect((entries['word/fonts/font2.odttf'] as { size: number }).size).toBe(64);
    expect((entries['word/fonts/font3.odttf'] as { size: number }).size).toBe(40);
    // Runs and styles name the families by their own names; text is left alone.
    expect(strFromU8(entries['word/styles.xml'] as Uint8Array)).toBe(
      '<w:rFonts w:ascii="Noto Sans 4e5f6a7b" w:hAnsi="Noto Sans 4e5f6a7b" w:eastAsia="Noto Sans SC 0a1b2c3d" w:cs="Noto Sans 4e5f6a7b"/><w:t>Noto Sans SC</w:t>',
    );
    await expect(embedFaces({ 'word/fontTable.xml': strToU8('<w:fonts/>'), 'word/_rels/fontTable.xml.rels': strToU8('<Relationships/>') }, families)).rejects.toThrow(/Noto Sans SC face is not embedded/);
  });
});

describe('bold text', () => {
  it('is what a bold paragraph style, a bold character style, direct bold or a strong span sets', () => {
    expect(isBoldStyle(P.h1)).toBe(true);
    expect(isBoldStyle(P.zh)).toBe(false);
    expect(isBoldStyle(C.label)).toBe(true);
    expect(isBoldStyle(C.en)).toBe(false);
    const pieces = [...inlineRuns([{ text: '甲' }, { text: '乙', strong: true }], 'zh'), textRun('丙', 'zh', { style: C.label }), textRun('丁', 'zh', { bold: true })];
    expect(boldText(pieces, false, isBoldStyle)).toBe('乙丙丁');
    expect(boldText(pieces, true, isBoldStyle)).toBe('甲乙丙丁');
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

describe('nowrap runs', () => {
  it('keep their words together in Word and LibreOffice: spaces as no-break spaces, hyphens as non-breaking hyphens, which the subsets hold; other runs as written', () => {
    const pieces = inlineRuns([{ text: 'December 2024 (co-led)', nowrap: true }, { text: ' and a well-known one' }], 'en');
    expect(pieces.map((p) => (p.kind === 'text' ? p.text : ''))).toEqual(['December\u00A02024\u00A0(co\u2011led)', ' and a well-known one']);
    expect(glyphSet({})).toContain('\u00A0');
    expect(glyphSet({})).toContain('\u2011');
  });
});
