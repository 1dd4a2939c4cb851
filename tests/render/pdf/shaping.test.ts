/**
 * Text the PDF backend lays out without fontkit's shaping (UNSHAPED_TEXT)
 * gets exactly what shaping would give it: checked against the faces' own
 * layout tables, and against fontkit's shaping of every such run of the real
 * article and of random strings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFace, resetShapingMemo, shapingCounts, UNSHAPED_TEXT, type FontkitFont } from '../../../src/render/pdf/fonts.js';
import { backend } from '../../../src/render/pdf/index.js';
import { PRODUCTS, articles, docFor } from './articles.js';

/** Every feature fontkit's default shaper may apply to horizontal text (its plan: variation, directional, fractional, common, horizontal). */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** The ranges UNSHAPED_TEXT admits, as code points (read from the pattern so the two cannot drift apart). */
function unshapedCodePoints(): number[] {
  const out: number[] = [];
  for (let cp = 0x20; cp <= 0xffff; cp++) if (UNSHAPED_TEXT.test(String.fromCodePoint(cp))) out.push(cp);
  return out;
}

type Table = {
  scriptList: { script: { defaultLangSys?: LangSys; langSysRecords: { langSys: LangSys }[] } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(i: number): { subTables: SubTable[] } };
};
type LangSys = { featureIndexes: number[] };
type Coverage = { version: number; glyphs?: number[]; rangeRecords?: { start: number; end: number }[] };
type SubTable = {
  extension?: SubTable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  inputCoverage?: Coverage[];
  coverages?: Coverage[];
};

function addCoverage(cov: Coverage | undefined, out: Set<number>): void {
  if (!cov) return;
  if (cov.version === 1) for (const g of cov.glyphs ?? []) out.add(g);
  else for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.add(g);
}

/** Glyphs at which some lookup of the default features can start to act (first glyph of each rule). */
function coveredGlyphs(font: FontkitFont): Set<number> {
  const covered = new Set<number>();
  const f = font as unknown as { GSUB?: Table; GPOS?: Table };
  for (const table of [f.GSUB, f.GPOS]) {
    if (!table) continue;
    const lookups = new Set<number>();
    for (const s of table.scriptList) {
      for (const ls of [s.script.defaultLangSys, ...s.script.langSysRecords.map((r) => r.langSys)]) {
        for (const i of ls?.featureIndexes ?? []) {
          const feature = table.featureList[i];
          if (DEFAULT_FEATURES.has(feature.tag)) for (const l of feature.feature.lookupListIndexes) lookups.add(l);
        }
      }
    }
    for (const l of lookups) {
      for (const sub of table.lookupList.get(l).subTables) {
        const st = sub.extension ?? sub;
        addCoverage(st.coverage, covered);
        addCoverage(st.markCoverage, covered);
        addCoverage(st.mark1Coverage, covered);
        addCoverage(st.inputCoverage?.[0], covered);
        addCoverage(st.coverages?.[0], covered);
      }
    }
  }
  return covered;
}

type ClassDef = { version: number; startGlyph?: number; classValueArray?: ArrayLike<number>; classRangeRecord?: ArrayLike<{ start: number; end: number; class: number }> };

/** A glyph's GDEF class (3: mark), 0 when the face has no class for it. */
function glyphClass(font: FontkitFont, glyph: number): number {
  const def = (font as unknown as { GDEF?: { glyphClassDef?: ClassDef } }).GDEF?.glyphClassDef;
  if (!def) return 0;
  if (def.version === 1) {
    const i = glyph - (def.startGlyph ?? 0);
    return i >= 0 && i < (def.classValueArray?.length ?? 0) ? def.classValueArray![i] : 0;
  }
  for (let i = 0; i < (def.classRangeRecord?.length ?? 0); i++) {
    const r = def.classRangeRecord![i];
    if (glyph >= r.start && glyph <= r.end) return r.class;
  }
  return 0;
}

interface Shaped {
  ids: number[];
  codePoints: number[][];
  positions: number[][];
}

function summary(run: { glyphs: object[]; positions: object[] }): Shaped {
  const glyphs = run.glyphs as { id: number; codePoints: number[] }[];
  const positions = run.positions as { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  return {
    ids: glyphs.map((g) => g.id),
    codePoints: glyphs.map((g) => [...g.codePoints]),
    positions: positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

/** fontkit's own shaping (the prototype's method, not the backend's). */
function shapeWithFontkit(font: FontkitFont, text: string): Shaped {
  const proto = Object.getPrototypeOf(font) as { layout: (this: FontkitFont, text: string) => { glyphs: object[]; positions: object[] } };
  return summary(proto.layout.call(font, text));
}

describe('text laid out without shaping', () => {
  it('holds only glyphs no default lookup of either face touches, none a mark, and neither face has a kern table', () => {
    const cps = unshapedCodePoints();
    expect(cps.length).toBeGreaterThan(27_000);
    for (const weight of ['regular', 'bold'] as const) {
      const font = fontFace(weight);
      const covered = coveredGlyphs(font);
      expect(covered.size, weight).toBeGreaterThan(0); // the tables were read
      const glyphOf = (cp: number) => (font as unknown as { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(cp).id;
      const touched = cps.filter((cp) => font.hasGlyphForCodePoint(cp) && covered.has(glyphOf(cp)));
      expect(touched.map((cp) => `U+${cp.toString(16)}`), weight).toEqual([]);
      const marks = cps.filter((cp) => font.hasGlyphForCodePoint(cp) && glyphClass(font, glyphOf(cp)) === 3);
      expect(marks, weight).toEqual([]);
      expect((font as unknown as { kern?: unknown }).kern, weight).toBeUndefined();
    }
  });

  it('gives what fontkit shaping gives, for every such run of the real article and for random strings', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../source/us-japan-acquisition.md'), 'utf8');
    const runs = new Set<string>();
    for (const m of source.matchAll(/[ \u3000-\u3032\u3035-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/g)) {
      runs.add(m[0]);
      for (const ch of m[0]) runs.add(ch);
    }
    const pool = unshapedCodePoints();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let n = 1 + Math.floor(random() * 6); n > 0; n--) s += String.fromCodePoint(pool[Math.floor(random() * pool.length)]);
      runs.add(s);
    }
    for (const weight of ['regular', 'bold'] as const) {
      const font = fontFace(weight);
      for (const text of runs) {
        expect(UNSHAPED_TEXT.test(text)).toBe(true);
        font._glyphs = {};
        const direct = summary(font.layout(text));
        font._glyphs = {};
        expect(direct, `${weight}: ${JSON.stringify(text)}`).toEqual(shapeWithFontkit(font, text));
      }
    }
  }, 60_000);

  it('is how most Chinese reaches the layout, and the PDFs are the same bytes either way', async () => {
    const [[, article]] = await articles();
    const before = shapingCounts();
    for (const product of PRODUCTS) await backend.render(docFor(article, product), { epoch: 0 });
    expect(shapingCounts().unshaped - before.unshaped).toBeGreaterThan(100);
    // The memo test in pdf.test.ts compares documents rendered alone and after others; here the
    // comparison is with fontkit shaping everything: the same bytes.
    const font = [fontFace('regular'), fontFace('bold')];
    const patched = font.map((f) => f.layout);
    resetShapingMemo();
    const withDirect = await backend.render(docFor(article, 'summary'), { epoch: 0 });
    try {
      for (const f of font) f.layout = (Object.getPrototypeOf(f) as FontkitFont).layout.bind(f);
      const shapedOnly = await backend.render(docFor(article, 'summary'), { epoch: 0 });
      expect(Buffer.from(withDirect).equals(Buffer.from(shapedOnly))).toBe(true);
    } finally {
      font.forEach((f, i) => (f.layout = patched[i]));
    }
  }, 120_000);
});
