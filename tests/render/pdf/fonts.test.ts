/**
 * Two font families in the PDF, read back: English in Noto Sans (its own
 * proportional quotes and apostrophes), Chinese in Noto Sans SC, Han inside
 * English in the CJK face; both embedded as subsets. And the fontkit hooks
 * of src/render/pdf/fonts.ts hold for the Latin faces as for the CJK ones.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/ir/types.js';
import { latinFontPath } from '../../../src/fonts/index.js';
import { backend } from '../../../src/render/pdf/index.js';
import { latinFace } from '../../../src/render/pdf/fonts.js';
import { scriptRuns } from '../../../src/render/pdf/inline.js';
import { need, tempFile, xmpPacket } from '../../helpers/pdf.js';
import { kitchenSink, meta, t } from './kitchen-sink.js';
import { readBack } from './read.js';

const paragraph = (lang: 'zh' | 'en', text: string) => ({ type: 'paragraph' as const, lang, text: t(text), cites: [] });

describe('faces', () => {
  it('sets English in Noto Sans, Chinese in Noto Sans SC, and Han inside English in Noto Sans SC', async () => {
    const rb = await readBack(await backend.render(kitchenSink.summary(), { epoch: 0 }));
    const fontOf = (text: string) => rb.items.find((i) => i.text.includes(text))?.font ?? `(no "${text}")`;
    expect(fontOf('The newly launched')).toMatch(/\+NotoSans-Regular$/);
    expect(fontOf('Bilingual summary')).toMatch(/\+NotoSans-Regular$/);
    expect(fontOf('新设立的')).toMatch(/\+NotoSansSC-Regular$/);
    // “合作” inside the English of a pair: the quotes in the Latin face, the Han in the CJK face.
    expect(rb.items.find((i) => i.text === '合作')?.font).toMatch(/\+NotoSansSC-Regular$/);
    // Bold English in the Latin bold face.
    expect(fontOf('Article')).toMatch(/\+NotoSans-Bold$/);
  });

  it('draws an English apostrophe and quotes narrower than a Han character, and Chinese quotes full width', async () => {
    const doc: Doc = {
      product: 'summary',
      page: 'a4',
      meta: meta('fonts'),
      blocks: [paragraph('en', '’’’’’’’’’’'), paragraph('en', '““““““““““'), paragraph('zh', '中中中中中中中中中中'), paragraph('zh', '““““““““““')],
    };
    const rb = await readBack(await backend.render(doc, { epoch: 0 }));
    const width = (text: string, after = 0) => rb.items.filter((i) => i.text === text)[after]?.width ?? NaN;
    const han = width('中中中中中中中中中中');
    expect(width('’’’’’’’’’’')).toBeLessThan(han * 0.4);
    expect(width('““““““““““')).toBeLessThan(han * 0.6);
    expect(width('““““““““““', 1)).toBeCloseTo(han, 0);
  });

  it('keeps the line of English holding Han on the same baseline spacing as its neighbours', async () => {
    const doc: Doc = {
      product: 'summary',
      page: 'a4',
      meta: meta('fonts'),
      blocks: [paragraph('en', `${'word '.repeat(18)}砺道智库 ${'word '.repeat(40)}`)],
    };
    const rb = await readBack(await backend.render(doc, { epoch: 0 }));
    const ys = [...new Set(rb.items.filter((i) => i.page === 1 && i.y < 780 && /word|砺/u.test(i.text)).map((i) => Math.round(i.y * 10) / 10))].sort((a, b) => b - a);
    expect(ys.length).toBeGreaterThanOrEqual(3);
    const gaps = ys.slice(1).map((y, k) => ys[k] - y);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 0);
  });

  it.skipIf(!need('pdffonts'))('embeds both families as subsets', async () => {
    const out = execFileSync('pdffonts', [tempFile(await backend.render(kitchenSink.summary(), { epoch: 0 }), 'f.pdf')], { encoding: 'utf8' });
    expect(out).toMatch(/\+NotoSans-Regular .* yes yes yes/);
    expect(out).toMatch(/\+NotoSansSC-Regular .* yes yes yes/);
  });

  it('splits text into runs by script: English in the Latin face but Han and CJK punctuation, Chinese in the CJK face', () => {
    expect(scriptRuns('Japan’s “unique” 砺道，think tank', 'en')).toEqual([
      { text: 'Japan’s “unique” ', family: 'NotoSans' },
      { text: '砺道，', family: 'NotoSansSC' },
      { text: 'think tank', family: 'NotoSans' },
    ]);
    expect(scriptRuns('美日“2+2”框架 DICAS', 'zh')).toEqual([{ text: '美日“2+2”框架 DICAS', family: 'NotoSansSC' }]);
  });
});

describe('fontkit hooks with the Latin faces (fonts.ts; the CJK faces: tests/dependencies.test.ts)', () => {
  const pdfkitRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
  it('fontkit fills and lets fonts.ts reset the glyph cache of a Latin face, and lays its text out', () => {
    const fontkit = pdfkitRequire('fontkit') as {
      create(buf: Uint8Array): { layout(...a: unknown[]): { glyphs: unknown[]; positions: unknown[] }; glyphsForString(s: string): unknown[]; _glyphs: Record<number, unknown> };
    };
    const font = fontkit.create(new Uint8Array(readFileSync(latinFontPath('regular'))));
    expect(font._glyphs).toEqual({});
    font.glyphsForString('Ty');
    expect(Object.keys(font._glyphs).length).toBe(2);
    const run = font.layout('AVAT', []);
    expect(run.glyphs.length).toBe(run.positions.length);
  });

  it('keeps kerning in English: the memo replays the positions fontkit gave', () => {
    const face = latinFace('regular');
    const first = face.layout('AVAT WAVE', []);
    const again = face.layout('AVAT WAVE', []);
    const advances = (r: typeof first) => (r.positions as { xAdvance: number }[]).map((p) => p.xAdvance);
    expect(advances(again)).toEqual(advances(first));
    const plain = (face.glyphsForString('AV') as { advanceWidth: number }[]).reduce((s, g) => s + g.advanceWidth, 0);
    expect(advances(first).slice(0, 2).reduce((s, a) => s + a, 0)).toBeLessThan(plain); // A and V kern
  });
});

describe('metadata', () => {
  it('names the original in XMP dc:source and the Info dictionary', async () => {
    const bytes = await backend.render(kitchenSink.reading(), { epoch: 0 });
    const url = 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance';
    expect(xmpPacket(bytes)).toContain(`<dc:source>${url}</dc:source>`);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const info = (await pdf.getMetadata()).info as { Custom?: Record<string, string> };
    expect(info.Custom?.Source).toBe(url);
    await pdf.destroy();
  });
});
