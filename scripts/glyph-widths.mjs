#!/usr/bin/env node
/**
 * Writes src/theme/metrics.ts: the advance widths the templates fit text by,
 * measured from the project's fonts (Noto Sans SC for Chinese runs, Noto Sans
 * for English runs; every weight and style the products use). Each width is
 * the largest advance of the character (or of its block of 16 code points)
 * in any of those faces, rounded up to 1/1000 em, so an estimate is never
 * narrower than the text as set. Run after a font package update:
 *   node scripts/glyph-widths.mjs
 * (tests/templates/metrics.test.ts checks the table against the fonts).
 * fontkit is pdfkit's own dependency: this script and that test are the only
 * users, neither shipped nor run by the build.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const fontkit = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'))('fontkit');
const open = (f) => fontkit.openSync(require.resolve(`@expo-google-fonts/${f}`));
/** The faces by weight: Chinese runs (Noto Sans SC, its synthetic italic as wide as upright) and English runs (upright and italic). */
const sc = { regular: [open('noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')], bold: [open('noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')] };
const latin = {
  regular: [open('noto-sans/400Regular/NotoSans_400Regular.ttf'), open('noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf')],
  bold: [open('noto-sans/700Bold/NotoSans_700Bold.ttf'), open('noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf')],
};
const everyFace = [...sc.regular, ...sc.bold, ...latin.regular, ...latin.bold];

const isHan = (cp) => (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000;

/**
 * Advance (em) of a code point in a face, the largest it takes in text: its
 * own glyph, and the glyph contextual substitution puts in its place between
 * Latin letters, between Han characters and doubled (Noto Sans SC sets `…`
 * after a Latin letter with a wider glyph). Han is set as mapped.
 */
function faceAdvance(f, cp) {
  const own = f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
  if (isHan(cp)) return own;
  const ch = String.fromCodePoint(cp);
  let max = own;
  for (const [a, b] of [['A', 'A'], ['\u4E2D', '\u4E2D'], ['', ch]]) {
    const around = (a ? f.layout(a).advanceWidth : 0) + (b && b !== ch ? f.layout(b).advanceWidth : 0);
    const n = b === ch ? 2 : 1;
    max = Math.max(max, (f.layout(a + ch + b).advanceWidth - around) / f.unitsPerEm / n);
  }
  // Positive kerning with the character that follows: counted with this one.
  for (const next of PARTNERS) max = Math.max(max, (f.layout(ch + next).advanceWidth - f.layout(next).advanceWidth) / f.unitsPerEm);
  return max;
}

/** Characters that follow others in text, for the kerning pairs a character can start. */
const PARTNERS = [...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)), ...'\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00B7\u00A0\uFF0C\u3002\u3001\uFF1A\uFF1B\uFF08\uFF09\u4E2D'];

/** Largest advance (em) of a code point in the first group of faces that has it (a run falls back to the other group). */
function advance(cp, first, second) {
  for (const group of [first, second]) {
    const ws = group.filter((f) => f.hasGlyphForCodePoint(cp)).map((f) => faceAdvance(f, cp));
    if (ws.length > 0) return Math.max(...ws);
  }
  return null;
}

const RANGES = [
  [0x80, 0x530],
  [0x2000, 0x2e80],
  // CJK symbols and punctuation, full-width and half-width forms: measured too (kerning, substitution).
  [0x3000, 0x3040],
  [0xff00, 0xfff0],
];
const milli = (em) => Math.ceil(em * 1000 - 1e-9);

function table(first, second) {
  const ascii = [];
  for (let cp = 0x20; cp < 0x7f; cp++) ascii.push(milli(advance(cp, first, second) ?? 1));
  const blocks = [];
  for (const [lo, hi] of RANGES)
    for (let b = lo; b < hi; b += 16) {
      let max = null;
      for (let cp = b; cp < b + 16; cp++) {
        const a = advance(cp, first, second);
        if (a !== null) max = Math.max(max ?? 0, a);
      }
      // A block neither face draws: no text can hold it (the Unicode policy refuses what the font cannot draw); 1 em.
      blocks.push(milli(max ?? 1));
    }
  return { ascii, blocks };
}

/** Largest advance of any code point outside the tables and the CJK ranges (which are 1 em at most). */
function otherMax() {
  let max = 0;
  for (const f of everyFace)
    for (const cp of f.characterSet) {
      if ((cp >= 0x20 && cp < 0x7f) || RANGES.some(([lo, hi]) => cp >= lo && cp < hi)) continue;
      max = Math.max(max, faceAdvance(f, cp));
    }
  return milli(max);
}

const widths = {
  zh: { regular: table(sc.regular, latin.regular), bold: table(sc.bold, latin.bold) },
  en: { regular: table(latin.regular, sc.regular), bold: table(latin.bold, sc.bold) },
};
const face = (t) => `{ ascii: ${JSON.stringify(t.ascii)}, blocks: ${JSON.stringify(t.blocks)} }`;
const out = `/**
 * Advance widths of the project's fonts in 1/1000 em, for fitting text to a
 * slot (src/theme/fit.ts): per weight, the largest of the upright and italic
 * faces (and, for Chinese runs, of the synthetic italic, as wide as upright).
 * Generated by scripts/glyph-widths.mjs from Noto Sans SC (Chinese runs; Latin
 * falls back to Noto Sans) and Noto Sans (English runs; Han falls back to Noto
 * Sans SC); tests/templates/metrics.test.ts checks it against the fonts.
 * Do not edit by hand.
 */

/** Code point ranges [from, to) measured in blocks of 16 (the largest advance of the block). */
export const BLOCK_RANGES: readonly (readonly [number, number])[] = ${JSON.stringify(RANGES.map(([a, b]) => [a, b]))};

export interface FaceWidths {
  /** U+0020–U+007E, one width per character. */
  ascii: readonly number[];
  /** One width per block of 16 code points of \`BLOCK_RANGES\`, in order. */
  blocks: readonly number[];
}

/** By language of the run, then weight (regular also covers italic; bold, bold italic). */
export const WIDTHS: Record<'zh' | 'en', Record<'regular' | 'bold', FaceWidths>> = {
  zh: {
    regular: ${face(widths.zh.regular)},
    bold: ${face(widths.zh.bold)},
  },
  en: {
    regular: ${face(widths.en.regular)},
    bold: ${face(widths.en.bold)},
  },
};

/** Han, kana, CJK symbols and full-width forms: one em at most in both faces. */
export const CJK_WIDTH = 1000;

/** Every other code point either face draws: at most this wide. */
export const OTHER_WIDTH = ${otherMax()};
`;
writeFileSync(path.join(root, 'src/theme/metrics.ts'), out);
console.log('wrote src/theme/metrics.ts');
