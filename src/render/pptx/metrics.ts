/**
 * Advance widths from the faces the deck names: Noto Sans SC for Chinese runs
 * (and Han anywhere), Noto Sans for English runs. Read with fontkit (the copy
 * pdfkit loads, as the PDF backend does), one parse per face and process,
 * and one width per character and face kept once asked for.
 */
import { createRequire } from 'node:module';
import { fontPath, latinFontPath, readFace } from '../../fonts/index.js';

interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/** `require` as pdfkit (under pdfmake) resolves, so the backend uses the fontkit the lock file pins. */
const pdfkitRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));

/** A face of the deck: the CJK family or the Latin family, regular or bold (italic for Latin). */
export type Face = 'cjk' | 'cjkBold' | 'latin' | 'latinBold' | 'latinItalic' | 'latinBoldItalic';

const FILES: Record<Face, () => string> = {
  cjk: () => fontPath('regular'),
  cjkBold: () => fontPath('bold'),
  latin: () => latinFontPath('regular'),
  latinBold: () => latinFontPath('bold'),
  latinItalic: () => latinFontPath('italic'),
  latinBoldItalic: () => latinFontPath('boldItalic'),
};

interface Loaded {
  font: FontkitFont;
  /** Width in ems by code point; -1 when the face has no glyph. */
  widths: Map<number, number>;
}

const faces = new Map<Face, Loaded>();

function load(face: Face): Loaded {
  let f = faces.get(face);
  if (!f) {
    const fontkit = pdfkitRequire('fontkit') as { create(buf: Uint8Array): FontkitFont };
    f = { font: fontkit.create(readFace(FILES[face]())), widths: new Map() };
    faces.set(face, f);
  }
  return f;
}

/** Width of code point `cp` in ems in `face`, or -1 when the face has no glyph for it. */
export function emWidth(cp: number, face: Face): number {
  const f = load(face);
  let w = f.widths.get(cp);
  if (w === undefined) {
    w = f.font.hasGlyphForCodePoint(cp) ? f.font.glyphForCodePoint(cp).advanceWidth / f.font.unitsPerEm : -1;
    f.widths.set(cp, w);
  }
  return w;
}

/** The face of a run: CJK or Latin family, bold and italic as the run is (the CJK family has no italic). */
export function faceOf(latin: boolean, bold: boolean, italic: boolean): Face {
  if (!latin) return bold ? 'cjkBold' : 'cjk';
  return bold ? (italic ? 'latinBoldItalic' : 'latinBold') : italic ? 'latinItalic' : 'latin';
}

/** Width of one character in ems as an office suite sets it: the run's face, else the CJK face, else one em. */
export function charWidth(cp: number, face: Face): number {
  const w = emWidth(cp, face);
  if (w >= 0) return w;
  const fallback = emWidth(cp, face === 'latinBold' || face === 'latinBoldItalic' || face === 'cjkBold' ? 'cjkBold' : 'cjk');
  return fallback >= 0 ? fallback : 1;
}
