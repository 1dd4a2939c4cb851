/**
 * The PDF backend's fonts, parsed once per process: two families, the CJK
 * face (Noto Sans SC, regular and bold) for Chinese and for Han inside
 * English, and the Latin face (Noto Sans: regular, bold, italic, bold italic)
 * for English.
 *
 * pdfmake hands pdfkit the bytes of every font face for every document, and
 * pdfkit parses them again with fontkit each time (~100 ms per document for a
 * 10 MB CJK face). This module keeps one parsed fontkit font per face:
 *
 * 1. It reads each TTF once and parses it once with fontkit.
 * 2. It registers a tiny extra fontkit "format" that recognises a 12-byte key
 *    (`BWFONTKEY` + face number) and answers with the already parsed font.
 * 3. pdfmake's virtual file system holds only those keys, so pdfmake and
 *    pdfkit never open a font file themselves.
 *
 * fontkit fonts cache glyph objects together with the code points they were
 * first laid out from, and pdfkit writes those code points into the PDF's
 * ToUnicode map. So that a document's bytes never depend on what was rendered
 * before it in the same process, each document starts with an empty glyph
 * cache (tables, the expensive part, stay parsed).
 *
 * This relies on fontkit beyond its documented API (registerFormat, a
 * font's layout replaced on the instance, its _glyphs cache): fontkit is
 * pinned (package.json overrides), tests/dependencies.test.ts checks those
 * shapes, and bench/README.md gives what each saves. What fontkit decodes
 * and never uses (mark attachment arrays, subset glyph outlines) is left
 * undecoded by fontkit-decoding.ts, installed with the first face.
 */
import { createRequire } from 'node:module';
import { fontPath as cjkFontPath, latinFontPath, readFace, type FontWeight, type LatinStyle } from '../../fonts/index.js';
import { installFontkitDecoding, type TrueTypeFont } from './fontkit-decoding.js';

/** The subset of fontkit's Font API this backend uses. */
export interface FontkitFont {
  postscriptName: string;
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphsForString(text: string): object[];
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  _glyphs: Record<number, unknown>;
}

/** fontkit's GlyphRun, as far as this module touches it. */
interface GlyphRun {
  glyphs: object[];
  positions: GlyphPosition[];
}

/**
 * A laid-out run as pdfkit reads one (glyphs, positions, advanceWidth), for
 * the runs this module makes without fontkit: the same fields as fontkit's
 * GlyphRun and GlyphPosition, which pdfkit scales in place.
 */
class DirectRun implements GlyphRun {
  constructor(
    readonly glyphs: object[],
    public positions: GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

const position = (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number): GlyphPosition => ({ xAdvance, yAdvance, xOffset, yOffset });

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
  registerFormat(format: unknown): void;
}

/** `require` as pdfkit (under pdfmake) resolves: what it finds is the instance pdfmake uses. */
const pdfkitRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));

// fontkit exactly as pdfkit loads it, so both share one module instance.
const fontkit = pdfkitRequire('fontkit') as Fontkit;

/** pdfmake family of the CJK face (Chinese text, and Han inside English text). */
export const CJK_FAMILY = 'NotoSansSC';
/** pdfmake family of the Latin face (English text). */
export const LATIN_FAMILY = 'NotoSans';
/** The default family of every document definition. */
export const FAMILY = CJK_FAMILY;
export type Family = typeof CJK_FAMILY | typeof LATIN_FAMILY;

/** One face of either family. */
export type Face = `sc-${FontWeight}` | `latin-${LatinStyle}`;

const KEY_MAGIC = 'BWFONTKEY';
const FACES: readonly Face[] = ['sc-regular', 'sc-bold', 'latin-regular', 'latin-bold', 'latin-italic', 'latin-boldItalic'];

const parsed = new Map<Face, FontkitFont>();
let oneTimeMs = 0;

/** Absolute path of a face's TTF. */
function fontPath(face: Face): string {
  return face.startsWith('sc-') ? cjkFontPath(face.slice(3) as FontWeight) : latinFontPath(face.slice(6) as LatinStyle);
}

const isCjkFace = (face: Face) => face.startsWith('sc-');

function keyFor(face: Face): Uint8Array {
  return new Uint8Array(Buffer.from(`${KEY_MAGIC}${FACES.indexOf(face)}\0\0`, 'latin1'));
}

function faceOfKey(buf: Uint8Array): Face | null {
  if (buf.length !== KEY_MAGIC.length + 3) return null;
  const text = Buffer.from(buf).toString('latin1');
  if (!text.startsWith(KEY_MAGIC)) return null;
  return FACES[Number(text[KEY_MAGIC.length])] ?? null;
}

/** fontkit format that turns a key back into the parsed font (a constructor may return another object). */
class CachedFontFormat {
  static probe(buf: Uint8Array): boolean {
    return faceOfKey(buf) !== null;
  }

  constructor(stream: { buffer: Uint8Array }) {
    const face = faceOfKey(stream.buffer);
    const font = face && parsed.get(face);
    if (!font) throw new Error('briefwright: font key used before the font was loaded');
    font._glyphs = {}; // per-document glyph cache; see the module comment
    return font as unknown as CachedFontFormat;
  }
}

let registered = false;

/** Parsed font of one face of either family (parsing it on first use). */
export function parsedFace(face: Face): FontkitFont {
  let font = parsed.get(face);
  if (!font) {
    const t0 = performance.now();
    font = fontkit.create(readFace(fontPath(face)));
    installFontkitDecoding(font as unknown as TrueTypeFont);
    memoizeShaping(font, isCjkFace(face));
    parsed.set(face, font);
    oneTimeMs += performance.now() - t0;
  }
  return font;
}

/** Parsed CJK face of one weight. */
export function fontFace(weight: FontWeight): FontkitFont {
  return parsedFace(`sc-${weight}`);
}

/** Parsed Latin face of one style. */
export function latinFace(style: LatinStyle): FontkitFont {
  return parsedFace(`latin-${style}`);
}

/**
 * Load every face and return the virtual files pdfmake should know: file
 * name → key bytes. Safe to call for every document.
 */
export function fontFiles(): Record<string, Uint8Array> {
  if (!registered) {
    fontkit.registerFormat(CachedFontFormat);
    registered = true;
  }
  const files: Record<string, Uint8Array> = {};
  for (const w of FACES) {
    parsedFace(w);
    files[virtualName(w)] = keyFor(w);
  }
  return files;
}

/** pdfmake's font table: each family's faces by pdfmake style, as virtual file names. */
export function pdfmakeFonts(): Record<Family, { normal: string; bold: string; italics: string; bolditalics: string }> {
  return {
    // The CJK face has no italic: emphasis in Chinese keeps the upright face.
    [CJK_FAMILY]: { normal: virtualName('sc-regular'), bold: virtualName('sc-bold'), italics: virtualName('sc-regular'), bolditalics: virtualName('sc-bold') },
    [LATIN_FAMILY]: { normal: virtualName('latin-regular'), bold: virtualName('latin-bold'), italics: virtualName('latin-italic'), bolditalics: virtualName('latin-boldItalic') },
  } as Record<Family, { normal: string; bold: string; italics: string; bolditalics: string }>;
}

/** Most runs a face remembers (words and short phrases; a few MB at most). */
export const SHAPING_MEMO_LIMIT = 50_000;

const shapingStats = { shaped: 0, replayed: 0, unshaped: 0 };
const memos: Map<string, Float64Array>[] = [];

/** Forget every remembered run (the next documents shape everything again). */
export function resetShapingMemo(): void {
  for (const m of memos) m.clear();
}

/**
 * Text that shaping leaves as it is in Noto Sans SC: only characters whose
 * glyphs no lookup of the features fontkit applies by default (ccmp, locl,
 * liga, calt, kern, mark, …) touches and that are not marks. CJK ideographs
 * (Extension A and the main block), CJK symbols and punctuation but 〳〴
 * (which ligate), full-width and half-width forms, and the space. Such text is
 * laid out directly: each character's cmap glyph at its advance width, which
 * is what fontkit's shaping returns for it at several times the cost (most
 * Chinese reaches the layout one character at a time). Checked against the
 * faces' GSUB, GPOS and GDEF tables and against fontkit's own shaping in
 * tests/render/pdf/shaping.test.ts.
 */
export const UNSHAPED_TEXT = /^[ \u3000-\u3032\u3035-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+$/;

/** How many runs this thread shaped with fontkit, replayed from the memo, and laid out unshaped. */
export function shapingCounts(): { shaped: number; replayed: number; unshaped: number } {
  return { ...shapingStats };
}

/**
 * Remember, across documents, the runs whose shaping changed no glyph (and
 * lay out directly the text shaping cannot change, UNSHAPED_TEXT).
 *
 * pdfkit lays out every word with fontkit's full OpenType machinery (script
 * detection, GSUB and GPOS processors set up for each call), and pdfkit's own
 * word cache lasts one document. Most runs come out of shaping with exactly
 * the glyphs the cmap gives for their characters, only positioned (kerning).
 * For those runs the result is a pure function of the text and the features,
 * so this keeps their positions: a later call maps the text to glyphs with
 * the very call fontkit itself starts with (`glyphsForString`, which makes the
 * same glyph objects in the same order within a document) and copies the
 * positions. A run where shaping substituted any glyph (a ligature, a hidden
 * default-ignorable character) is shaped every time, so a document's bytes
 * never depend on what the thread rendered before it.
 */
function memoizeShaping(font: FontkitFont, cjk: boolean): void {
  const shape = font.layout.bind(font);
  const memo = new Map<string, Float64Array>();
  memos.push(memo);
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    const plainArgs = typeof text === 'string' && rest.length === 0 && (features === undefined || Array.isArray(features));
    // Only the CJK faces were checked to leave such text as it is (the Latin face kerns spaces, for one).
    if (cjk && plainArgs && (features === undefined || (features as unknown[]).length === 0) && UNSHAPED_TEXT.test(text)) {
      // What shaping gives these characters: their cmap glyphs (made by the same call fontkit starts with) at their advance widths.
      shapingStats.unshaped++;
      const glyphs = font.glyphsForString(text) as { advanceWidth: number }[];
      return new DirectRun(
        glyphs,
        glyphs.map((g) => position(g.advanceWidth, 0, 0, 0)),
      );
    }
    const key = plainArgs ? `${features ? (features as string[]).join(',') : ''}\u0000${text}` : '';
    const hit = plainArgs ? memo.get(key) : undefined;
    if (hit) {
      const glyphs = font.glyphsForString(text);
      if (glyphs.length * 4 === hit.length) {
        shapingStats.replayed++;
        const positions: GlyphPosition[] = new Array(glyphs.length);
        for (let i = 0; i < glyphs.length; i++) positions[i] = position(hit[4 * i], hit[4 * i + 1], hit[4 * i + 2], hit[4 * i + 3]);
        return new DirectRun(glyphs, positions);
      }
    }
    shapingStats.shaped++;
    const run = shape(text, features, ...rest);
    if (plainArgs && run.glyphs.length > 0) {
      // The glyphs fontkit started from (already made by the call above, so nothing new is created).
      const start = font.glyphsForString(text);
      if (start.length === run.glyphs.length && start.every((g, i) => g === run.glyphs[i])) {
        const values = new Float64Array(4 * run.positions.length);
        run.positions.forEach((p, i) => values.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], 4 * i));
        if (memo.size >= SHAPING_MEMO_LIMIT) memo.clear();
        memo.set(key, values);
      }
    }
    return run;
  };
}

/**
 * Shape a little Latin with each face, so fontkit reads its layout tables
 * (GSUB, GPOS) and sets up its shaper now, during a render thread's warm-up,
 * instead of in the first document (most Chinese bypasses the shaper: see
 * UNSHAPED_TEXT). Leaves nothing a document could see: each document starts
 * with an empty glyph cache (see CachedFontFormat).
 */
export function warmShaping(): void {
  for (const w of FACES) parsedFace(w).layout('Ty, “fi” 2025');
}

/** Name of a face in pdfmake's virtual file system. */
export function virtualName(face: Face): string {
  return `briefwright-fonts/${face}.ttf`;
}

/** Milliseconds spent reading and parsing the faces so far (the one-time cost). */
export function fontLoadMs(): number {
  return oneTimeMs;
}

const coverage = new Map<Face, Map<number, boolean>>();

/** Whether a face draws a code point (remembered per face: the layout asks for every character). */
export function hasGlyph(face: Face, codePoint: number): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = parsedFace(face).hasGlyphForCodePoint(codePoint)));
  return has;
}

/**
 * Characters of `text` that neither family can draw (whitespace and
 * zero-width format characters excepted), in order of first appearance.
 */
export function missingChars(text: string): string[] {
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (/[\s\u200b-\u200d\u2060\ufeff]/u.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (!hasGlyph('sc-regular', cp) && !hasGlyph('latin-regular', cp)) missing.push(ch);
  }
  return missing;
}

/**
 * A family's natural line height in ems as pdfkit computes it (ascender −
 * descender: 1.448 for Noto Sans SC, 1.362 for Noto Sans). pdfmake's
 * `lineHeight` multiplies this, not the font size.
 */
export function naturalLineHeight(family: Family = CJK_FAMILY): number {
  const f = parsedFace(family === CJK_FAMILY ? 'sc-regular' : 'latin-regular');
  return (f.ascent - f.descent + f.lineGap) / f.unitsPerEm;
}

/** pdfmake `lineHeight` that gives a CSS-like line height of `css` × font size in a family. */
export function lineHeight(css: number, family: Family = CJK_FAMILY): number {
  return Math.round((css / naturalLineHeight(family)) * 1000) / 1000;
}
