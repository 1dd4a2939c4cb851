/**
 * What src/render/pdf/fontkit-decoding.ts leaves undecoded changes no value:
 * every GPOS lookup of every face decodes to the same data with the mark
 * attachment arrays lazy as with fontkit decoding them at once; subsets of
 * every face are the same bytes as fontkit's own; and so are the PDFs. (The
 * shapes of fontkit it relies on: tests/dependencies.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { fontPath, latinFontPath } from '../../../src/fonts/index.js';
import { gposLookupSchema, installFontkitDecoding, LAZY_MARK_FIELDS, markArrayPointers, setHeaderOnlySubsetting, setLazyMarkArrays, type TrueTypeFont } from '../../../src/render/pdf/fontkit-decoding.js';
import { backend } from '../../../src/render/pdf/index.js';
import { PRODUCTS, docFor, realArticles } from './articles.js';

const pdfkitRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
const fontkit = pdfkitRequire('fontkit') as { create(buf: Uint8Array): TrueTypeFont };

const FACES: [string, string][] = [
  ['sc-regular', fontPath('regular')],
  ['sc-bold', fontPath('bold')],
  ['latin-regular', latinFontPath('regular')],
  ['latin-bold', latinFontPath('bold')],
  ['latin-italic', latinFontPath('italic')],
  ['latin-boldItalic', latinFontPath('boldItalic')],
];

const bytesOf = new Map(FACES.map(([face, file]) => [face, new Uint8Array(readFileSync(file))]));
/** A fontkit font of its own (nothing decoded yet). */
const fresh = (face: string) => fontkit.create(bytesOf.get(face)!);

type LookupList = { length: number; get(i: number): unknown };
const lookupsOf = (font: TrueTypeFont) => font.GPOS!.lookupList as LookupList;

/** A decoded value as plain data: restructure's lazy arrays and lazy fields read in full. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array);
  const lazy = value as { toArray?: () => unknown[]; items?: unknown };
  if (typeof lazy.toArray === 'function' && 'items' in lazy) return lazy.toArray().map(plain);
  if (Array.isArray(value)) return value.map(plain);
  // Own enumerable keys: restructure's fields, lazy ones (getters) included; not its hidden parent links.
  return Object.fromEntries(Object.keys(value).map((k) => [k, plain((value as Record<string, unknown>)[k])]));
}

/** GPOS subtables, through extension lookups, with their lookup type. */
function subtables(lookup: unknown): [number, Record<string, unknown>][] {
  const l = lookup as { lookupType: number; subTables: Record<string, unknown>[] };
  return l.subTables.map((s) => (l.lookupType === 9 ? [s.lookupType as number, s.extension as Record<string, unknown>] : [l.lookupType, s]));
}

afterEach(() => setHeaderOnlySubsetting(true));

describe('mark attachment arrays decoded when first read', () => {
  it.each(FACES.map(([face]) => face))('%s: every GPOS lookup decodes to the same data as with fontkit decoding them at once', (face) => {
    const schemaFont = fresh(face);
    const pointers = markArrayPointers(gposLookupSchema(schemaFont)!);
    expect(pointers.length).toBe(Object.values(LAZY_MARK_FIELDS).flat().length);
    const before = pointers.map((p) => p.options.lazy);
    try {
      setLazyMarkArrays(schemaFont, false);
      const eagerFont = fresh(face);
      const eager = Array.from({ length: lookupsOf(eagerFont).length }, (_, i) => lookupsOf(eagerFont).get(i));
      setLazyMarkArrays(schemaFont, true);
      const lazyFont = fresh(face);
      const lazy = Array.from({ length: lookupsOf(lazyFont).length }, (_, i) => lookupsOf(lazyFont).get(i));
      // The lazy fields are getters until read (so the change is in effect), then the same data.
      const accessors = lazy.flatMap(subtables).flatMap(([type, st]) => (LAZY_MARK_FIELDS[type] ?? []).filter((k) => typeof Object.getOwnPropertyDescriptor(st, k)?.get === 'function'));
      expect(accessors.length, 'lazy mark array fields').toBeGreaterThan(0);
      expect(eager.flatMap(subtables).some(([type, st]) => (LAZY_MARK_FIELDS[type] ?? []).some((k) => Object.getOwnPropertyDescriptor(st, k)?.get))).toBe(false);
      expect(plain(lazy)).toEqual(plain(eager));
    } finally {
      pointers.forEach((p, i) => (p.options.lazy = before[i]));
    }
  }, 60_000);
});

describe('subset glyphs copied without decoding their outlines', () => {
  /** Glyph ids to subset: every glyph of a Latin face, every 23rd of a CJK face; each face's composite glyphs all. */
  function sample(font: TrueTypeFont, cjk: boolean): { ids: number[]; composite: number; empty: number } {
    const offsets = font.loca.offsets;
    const ids: number[] = [];
    let composite = 0;
    let empty = 0;
    for (let gid = 0; gid < offsets.length - 1; gid++) {
      const isEmpty = offsets[gid] === offsets[gid + 1];
      let contours = 0;
      if (!isEmpty) {
        const stream = font._getTableStream('glyf')!;
        stream.pos += offsets[gid];
        contours = stream.readInt16BE();
      }
      if (contours < 0 || !cjk || gid % 23 === 0) {
        ids.push(gid);
        if (contours < 0) composite++;
        if (isEmpty) empty++;
      }
    }
    return { ids, composite, empty };
  }

  const encode = (font: TrueTypeFont, ids: number[], headerOnly: boolean) => {
    const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
    for (const id of ids) subset.includeGlyph(id);
    setHeaderOnlySubsetting(headerOnly);
    return Buffer.from(subset.encode());
  };

  it.each(FACES.map(([face]) => face))('%s: the same subset bytes as fontkit', (face) => {
    installFontkitDecoding(fresh(face));
    const font = fresh(face);
    const { ids, composite, empty } = sample(font, face.startsWith('sc-'));
    expect(ids.length).toBeGreaterThan(1000);
    expect(empty, 'empty glyphs (the space) are in the sample').toBeGreaterThan(0);
    const shipped = encode(fresh(face), ids, false);
    const headerOnly = encode(font, ids, true);
    expect(headerOnly.equals(shipped)).toBe(true);
    // Composite glyphs go through fontkit's own code; the Latin faces have some (accented letters).
    if (face.startsWith('latin-')) expect(composite).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same PDFs as fontkit subsetting, for every product of a real article', async () => {
    const [[, article]] = await realArticles();
    for (const product of PRODUCTS) {
      const doc = docFor(article, product);
      setHeaderOnlySubsetting(false);
      const shipped = await backend.render(doc, { epoch: 0 });
      setHeaderOnlySubsetting(true);
      const headerOnly = await backend.render(doc, { epoch: 0 });
      expect(Buffer.from(headerOnly).equals(Buffer.from(shipped)), product).toBe(true);
    }
  }, 120_000);
});
