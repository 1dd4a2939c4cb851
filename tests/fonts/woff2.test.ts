/**
 * The WOFF2 encoder, read back by independent readers: fontkit's WOFF2
 * decoder (outlines, advances, cmap, layout), a reading of the transformed
 * glyf streams written from the spec here (instructions, bounding boxes,
 * composite records), and Chromium, which loads web fonts through OTS and
 * refuses a malformed WOFF2.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Bytes, encodeWoff2, readSfnt, write255UInt16, writeBase128 } from '../../src/fonts/woff2.js';
import { subsetFontBytes, subsetSfnt } from '../../src/fonts/subset.js';
import { sharedChromium } from '../helpers/browser.js';
import { articleChars, randomChars } from './texts.js';

const require = createRequire(import.meta.url);

interface FkGlyph {
  id: number;
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[] };
}
interface FkFont {
  numGlyphs: number;
  characterSet: number[];
  getGlyph(id: number): FkGlyph;
  glyphForCodePoint(cp: number): FkGlyph;
  layout(text: string): { glyphs: FkGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  directory: {
    tag: string;
    length: number;
    numTables: number;
    totalSfntSize: number;
    totalCompressedSize: number;
    tables: Record<string, { tag: string; length: number; transformLength?: number; transformed: boolean }>;
  };
}
const fontkit = require('fontkit') as { create(b: Buffer): FkFont };

const liberation = readFileSync(require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'));
const roboto = readFileSync(require.resolve('pdfmake/build/fonts/Roboto/Roboto-Regular.ttf'));

/** The fonts encoded below: the project's subsets, and whole Latin faces with composite glyphs and hinting. */
const cases: { name: string; sfnt: () => Uint8Array; sample: string }[] = [
  { name: 'regular subset of the article', sfnt: () => subsetSfnt('regular', articleChars()), sample: '美日同盟的收购案，2024年。' },
  { name: 'bold subset of the article', sfnt: () => subsetSfnt('bold', articleChars()), sample: '美日同盟的收购案' },
  { name: 'regular subset of random characters', sfnt: () => subsetSfnt('regular', randomChars(600, 11)), sample: randomChars(600, 11).slice(0, 40) },
  { name: 'Liberation Sans, whole (composites, hinting, kern, an unlisted tag)', sfnt: () => liberation, sample: 'Àéîõü Ça va? ÆØÅ fi ffl' },
  { name: 'Liberation Sans subset (composites)', sfnt: () => subsetFontBytes('liberation', liberation, 'Àéîõü Ça va? ÆØÅ'), sample: 'Àéîõü Ça va?' },
  { name: 'Roboto, whole', sfnt: () => roboto, sample: 'Ţhé quïck brøwn fox' },
  { name: 'Liberation Sans with some boxes wider than their points', sfnt: () => widenBoxes(liberation), sample: 'ABC' },
];

/** A copy of a font whose every tenth simple glyph has a bounding box 7 units wider than its points. */
function widenBoxes(font: Uint8Array): Uint8Array {
  const copy = font.slice();
  const tables = tablesOf(copy);
  const numGlyphs = dv(tables.get('maxp')!).getUint16(4);
  for (let id = 0; id < numGlyphs; id += 10) {
    const g = glyphBytes(tables, id);
    if (g.length && dv(g).getInt16(0) > 0) dv(g).setInt16(2, dv(g).getInt16(2) - 7);
  }
  return copy;
}

const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const tablesOf = (sfnt: Uint8Array) => new Map(readSfnt(sfnt).tables.map((t) => [t.tag, t.data]));

/** Glyph `id`'s bytes in an sfnt's glyf table. */
function glyphBytes(tables: Map<string, Uint8Array>, id: number): Uint8Array {
  const long = dv(tables.get('head')!).getInt16(50) === 1;
  const loca = dv(tables.get('loca')!);
  const at = (i: number) => (long ? loca.getUint32(4 * i) : 2 * loca.getUint16(2 * i));
  return tables.get('glyf')!.subarray(at(id), at(id + 1));
}

/** Per glyph of a transformed glyf table, read as the spec lays it out: instructions, explicit bbox, composite records. */
function readTransformedGlyf(glyf: Uint8Array) {
  const v = dv(glyf);
  const numGlyphs = v.getUint16(4);
  const sizes = Array.from({ length: 7 }, (_, i) => v.getUint32(8 + 4 * i));
  const streams: Uint8Array[] = [];
  let at = 36;
  for (const s of sizes) (streams.push(glyf.subarray(at, at + s)), (at += s));
  const [nContour, nPoints, flags, glyphs, composites, bbox, instructions] = streams;
  const pos = { nPoints: 0, flags: 0, glyphs: 0, composites: 0, bbox: 4 * Math.floor((numGlyphs + 31) / 32), instructions: 0 };
  const read255 = (s: Uint8Array, key: 'nPoints' | 'glyphs') => {
    const c = s[pos[key]++];
    if (c === 253) return (pos[key] += 2), (s[pos[key] - 2] << 8) | s[pos[key] - 1];
    if (c === 255) return 253 + s[pos[key]++];
    if (c === 254) return 506 + s[pos[key]++];
    return c;
  };
  const out: { instructions: Uint8Array | null; bbox: number[] | null; components: Uint8Array | null }[] = [];
  for (let id = 0; id < numGlyphs; id++) {
    const n = dv(nContour).getInt16(2 * id);
    const hasBbox = (bbox[id >> 3] & (0x80 >> (id & 7))) !== 0;
    const box = hasBbox ? Array.from({ length: 4 }, (_, k) => dv(bbox).getInt16(pos.bbox + 2 * k)) : null;
    if (hasBbox) pos.bbox += 8;
    let instr: Uint8Array | null = null;
    let components: Uint8Array | null = null;
    if (n > 0) {
      let points = 0;
      for (let c = 0; c < n; c++) points += read255(nPoints, 'nPoints');
      for (let p = 0; p < points; p++) {
        const f = flags[pos.flags++] & 0x7f;
        pos.glyphs += f < 20 ? 1 : f < 84 ? 1 : f < 120 ? 2 : f < 124 ? 3 : 4;
      }
    }
    if (n < 0) {
      const start = pos.composites;
      let more = true;
      let withInstr = false;
      while (more) {
        const f = (composites[pos.composites] << 8) | composites[pos.composites + 1];
        pos.composites += 4 + (f & 1 ? 4 : 2) + (f & 8 ? 2 : f & 0x40 ? 4 : f & 0x80 ? 8 : 0);
        more = (f & 0x20) !== 0;
        withInstr ||= (f & 0x100) !== 0;
      }
      components = composites.subarray(start, pos.composites);
      if (withInstr) {
        const len = read255(glyphs, 'glyphs');
        instr = instructions.subarray(pos.instructions, (pos.instructions += len));
      }
    } else if (n > 0) {
      const len = read255(glyphs, 'glyphs');
      instr = instructions.subarray(pos.instructions, (pos.instructions += len));
    }
    out.push({ instructions: instr, bbox: box, components });
  }
  expect(pos.glyphs).toBe(glyphs.length);
  expect(pos.instructions).toBe(instructions.length);
  expect(pos.composites).toBe(composites.length);
  expect(pos.bbox).toBe(bbox.length);
  return out;
}

describe('encodeWoff2, read back with fontkit', () => {
  for (const c of cases) {
    it(`${c.name}: same outlines, advances, cmap and layout`, () => {
      const sfnt = c.sfnt();
      const woff2 = encodeWoff2(sfnt);
      const a = fontkit.create(Buffer.from(sfnt));
      const b = fontkit.create(Buffer.from(woff2));
      expect(b.directory.tag).toBe('wOF2');
      expect(b.numGlyphs).toBe(a.numGlyphs);
      expect(b.directory.tables.glyf.transformed).toBe(true);
      for (let id = 0; id < a.numGlyphs; id++) {
        const ga = a.getGlyph(id);
        const gb = b.getGlyph(id);
        expect(gb.path.commands, `glyph ${id}`).toEqual(ga.path.commands);
        expect(gb.advanceWidth, `advance of glyph ${id}`).toBe(ga.advanceWidth);
      }
      expect([...b.characterSet].sort((x, y) => x - y)).toEqual([...a.characterSet].sort((x, y) => x - y));
      for (const cp of a.characterSet) expect(b.glyphForCodePoint(cp).id).toBe(a.glyphForCodePoint(cp).id);
      const la = a.layout(c.sample);
      const lb = b.layout(c.sample);
      expect(lb.glyphs.map((g) => g.id)).toEqual(la.glyphs.map((g) => g.id));
      expect(lb.positions).toEqual(la.positions);
    }, 60_000);
  }
});

describe('encodeWoff2, header and streams', () => {
  for (const c of cases) {
    it(`${c.name}: sizes in the header and directory add up; instructions, boxes and composites survive`, () => {
      const sfnt = c.sfnt();
      const woff2 = encodeWoff2(sfnt);
      const v = dv(woff2);
      expect(v.getUint32(8)).toBe(woff2.length);
      expect(woff2.length % 4).toBe(0);
      const decoded = fontkit.create(Buffer.from(woff2)) as FkFont & { _dataPos: number };
      const d = decoded.directory;
      const input = tablesOf(sfnt);
      const entries = Object.values(d.tables);
      expect(d.numTables).toBe(entries.length);
      // Every table but glyf, loca and head (whose flags say it was transformed) is the input's, byte for byte.
      // The compressed block follows the directory and ends the file, padded to 4 bytes.
      const blockEnd = decoded._dataPos + d.totalCompressedSize;
      expect((blockEnd + 3) & ~3).toBe(woff2.length);
      const stream = brotliDecompressSync(woff2.subarray(decoded._dataPos, blockEnd));
      let at = 0;
      const data = new Map<string, Uint8Array>();
      for (const e of entries) {
        const n = e.transformed ? e.transformLength! : e.length;
        data.set(e.tag, stream.subarray(at, (at += n)));
      }
      expect(at).toBe(stream.length);
      for (const [tag, bytes] of input) {
        if (tag === 'glyf' || tag === 'loca' || tag === 'head' || tag === 'DSIG') continue;
        expect(Buffer.from(data.get(tag)!).equals(Buffer.from(bytes)), tag).toBe(true);
        expect(d.tables[tag].length).toBe(bytes.length);
      }
      const head = data.get('head')!;
      expect(dv(head).getUint16(16) & 0x0800).toBe(0x0800);
      const indexFormat = dv(head).getInt16(50);
      const numGlyphs = dv(input.get('maxp')!).getUint16(4);
      expect(d.tables.loca.length).toBe((numGlyphs + 1) * (indexFormat ? 4 : 2));
      expect(d.tables.loca.transformLength).toBe(0);
      expect(d.totalSfntSize).toBe(12 + 16 * entries.length + entries.reduce((n, e) => n + ((e.length + 3) & ~3), 0));
      if (indexFormat === 0) expect(d.tables.glyf.length).toBeLessThanOrEqual(0x1fffe);

      const glyphs = readTransformedGlyf(data.get('glyf')!);
      expect(glyphs.length).toBe(numGlyphs);
      let composites = 0;
      const original = fontkit.create(Buffer.from(sfnt));
      glyphs.forEach((g, id) => {
        const orig = glyphBytes(input, id);
        if (orig.length === 0) return expect(g.bbox).toBeNull();
        const ov = dv(orig);
        const box = [ov.getInt16(2), ov.getInt16(4), ov.getInt16(6), ov.getInt16(8)];
        if (ov.getInt16(0) < 0) {
          composites++;
          expect(g.bbox, `bbox of composite ${id}`).toEqual(box);
          expect(Buffer.from(orig.subarray(10, 10 + g.components!.length)).equals(Buffer.from(g.components!))).toBe(true);
          const rest = orig.subarray(10 + g.components!.length);
          if (g.instructions) expect(Buffer.from(rest.subarray(2, 2 + dv(rest).getUint16(0))).equals(Buffer.from(g.instructions))).toBe(true);
          return;
        }
        const n = ov.getInt16(0);
        const len = ov.getUint16(10 + 2 * n);
        expect(Buffer.from(orig.subarray(12 + 2 * n, 12 + 2 * n + len)).equals(Buffer.from(g.instructions!)), `instructions of ${id}`).toBe(true);
        // A box is stored only where it differs from the box of the points (every argument of fontkit's outline).
        const args = original.getGlyph(id).path.commands.flatMap((cmd) => cmd.args);
        const xs = args.filter((_, k) => k % 2 === 0);
        const ys = args.filter((_, k) => k % 2 === 1);
        const computed = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        expect(g.bbox ?? computed, `bbox of ${id}`).toEqual(box);
      });
      if (c.name.includes('composites')) expect(composites).toBeGreaterThan(0);
      if (c.name.includes('wider')) expect(glyphs.filter((g) => g.bbox).length).toBeGreaterThan(composites);
    }, 120_000);
  }

  it('writes the same bytes for the same font', () => {
    const sfnt = subsetSfnt('regular', randomChars(300, 5));
    expect(Buffer.from(encodeWoff2(sfnt)).equals(Buffer.from(encodeWoff2(sfnt)))).toBe(true);
  });

  it('encodes 255UInt16 and UIntBase128 at the spec boundaries', () => {
    const u16 = (n: number) => (((b) => (write255UInt16(b, n), [...b.done()]))(new Bytes()));
    expect(u16(0)).toEqual([0]);
    expect(u16(252)).toEqual([252]);
    expect(u16(253)).toEqual([255, 0]);
    expect(u16(505)).toEqual([255, 252]);
    expect(u16(506)).toEqual([254, 0]);
    expect(u16(761)).toEqual([254, 255]);
    expect(u16(762)).toEqual([253, 2, 250]);
    expect(u16(65535)).toEqual([253, 255, 255]);
    const b128 = (n: number) => (((b) => (writeBase128(b, n), [...b.done()]))(new Bytes()));
    expect(b128(0)).toEqual([0]);
    expect(b128(127)).toEqual([127]);
    expect(b128(128)).toEqual([0x81, 0]);
    expect(b128(0xffffffff)).toEqual([0x8f, 0xff, 0xff, 0xff, 0x7f]);
    expect(() => b128(2 ** 32)).toThrow();
  });
});

describe('encodeWoff2 in Chromium', () => {
  const chromium = sharedChromium();
  const hasChromium = chromium.available;

  /** Load `font` as a web font; its status and the width of `text` in it and in the fallback. */
  async function load(font: Uint8Array, text: string) {
    const page = await chromium.browser.newPage();
    try {
      await page.setContent('<!doctype html><title>t</title>');
      return await page.evaluate(
        async ({ data, text }) => {
          const face = new FontFace('Probe', `url(data:font/woff2;base64,${data}) format("woff2")`);
          document.fonts.add(face);
          await face.load().catch(() => undefined);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = '40px Probe, monospace';
          const withFont = ctx.measureText(text).width;
          ctx.font = '40px monospace';
          return { status: face.status, withFont, fallback: ctx.measureText(text).width };
        },
        { data: Buffer.from(font).toString('base64'), text },
      );
    } finally {
      await page.close();
    }
  }

  it.runIf(hasChromium)('loads the article subsets as web fonts and draws Chinese with them', async () => {
    for (const weight of ['regular', 'bold'] as const) {
      const r = await load(encodeWoff2(subsetSfnt(weight, articleChars())), '美日同盟收购');
      expect(r.status, weight).toBe('loaded');
      expect(r.withFont, weight).not.toBe(r.fallback);
    }
  }, 60_000);

  it.runIf(hasChromium)('loads a random-character subset and a Latin face with composite glyphs', async () => {
    const random = randomChars(600, 11);
    const r1 = await load(encodeWoff2(subsetSfnt('regular', random)), random.slice(0, 30));
    expect(r1.status).toBe('loaded');
    expect(r1.withFont).not.toBe(r1.fallback);
    const r2 = await load(encodeWoff2(liberation), 'Àéîõü Ça va?');
    expect(r2.status).toBe('loaded');
    expect(r2.withFont).not.toBe(r2.fallback);
  }, 60_000);

  it.runIf(hasChromium)('refuses a damaged file (so "loaded" means the sanitiser accepted ours)', async () => {
    const woff2 = encodeWoff2(subsetSfnt('regular', '美日'));
    const damaged = woff2.slice();
    dv(damaged).setUint32(16, 12); // totalSfntSize far too small for the tables
    damaged[48] = 0xff; // and a bogus first directory entry
    expect((await load(damaged, '美日')).status).toBe('error');
  }, 60_000);
});
