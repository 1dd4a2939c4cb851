/**
 * The PDF backend's fonts, parsed once per process.
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
 * shapes, and bench/README.md gives what each saves.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontPath, type FontWeight } from '../../fonts/index.js';

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

/** Family name used in every pdfmake document definition. */
export const FAMILY = 'NotoSansSC';

const KEY_MAGIC = 'BWFONTKEY';
const FACES: readonly FontWeight[] = ['regular', 'bold'];

const parsed = new Map<FontWeight, FontkitFont>();
let oneTimeMs = 0;

function keyFor(weight: FontWeight): Uint8Array {
  return new Uint8Array(Buffer.from(`${KEY_MAGIC}${FACES.indexOf(weight)}\0\0`, 'latin1'));
}

function weightOfKey(buf: Uint8Array): FontWeight | null {
  if (buf.length !== KEY_MAGIC.length + 3) return null;
  const text = Buffer.from(buf).toString('latin1');
  if (!text.startsWith(KEY_MAGIC)) return null;
  return FACES[Number(text[KEY_MAGIC.length])] ?? null;
}

/** fontkit format that turns a key back into the parsed font (a constructor may return another object). */
class CachedFontFormat {
  static probe(buf: Uint8Array): boolean {
    return weightOfKey(buf) !== null;
  }

  constructor(stream: { buffer: Uint8Array }) {
    const weight = weightOfKey(stream.buffer);
    const font = weight && parsed.get(weight);
    if (!font) throw new Error('briefwright: font key used before the font was loaded');
    font._glyphs = {}; // per-document glyph cache; see the module comment
    return font as unknown as CachedFontFormat;
  }
}

let registered = false;

/** Parsed font of one face (parsing it on first use). */
export function fontFace(weight: FontWeight): FontkitFont {
  let font = parsed.get(weight);
  if (!font) {
    const t0 = performance.now();
    font = fontkit.create(new Uint8Array(readFileSync(fontPath(weight))));
    memoizeShaping(font);
    parsed.set(weight, font);
    oneTimeMs += performance.now() - t0;
  }
  return font;
}

/**
 * Load both faces and return the virtual files pdfmake should know: file
 * name → key bytes. Safe to call for every document.
 */
export function fontFiles(): Record<string, Uint8Array> {
  if (!registered) {
    fontkit.registerFormat(CachedFontFormat);
    registered = true;
  }
  const files: Record<string, Uint8Array> = {};
  for (const w of FACES) {
    fontFace(w);
    files[virtualName(w)] = keyFor(w);
  }
  return files;
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
function memoizeShaping(font: FontkitFont): void {
  const shape = font.layout.bind(font);
  const memo = new Map<string, Float64Array>();
  memos.push(memo);
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    const plainArgs = typeof text === 'string' && rest.length === 0 && (features === undefined || Array.isArray(features));
    if (plainArgs && (features === undefined || (features as unknown[]).length === 0) && UNSHAPED_TEXT.test(text)) {
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
  for (const w of FACES) fontFace(w).layout('Ty, “fi” 2025');
}

/** Name of a face in pdfmake's virtual file system. */
export function virtualName(weight: FontWeight): string {
  return `briefwright-fonts/NotoSansSC-${weight}.ttf`;
}

/** Milliseconds spent reading and parsing the faces so far (the one-time cost). */
export function fontLoadMs(): number {
  return oneTimeMs;
}

/**
 * Characters of `text` that the face cannot draw (whitespace and
 * zero-width format characters excepted), in order of first appearance.
 */
export function missingChars(text: string, weight: FontWeight = 'regular'): string[] {
  const font = fontFace(weight);
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (/[\s\u200b-\u200d\u2060\ufeff]/u.test(ch)) continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
  }
  return missing;
}

/**
 * The face's natural line height in ems (ascent + descent + gap; 1.448 for
 * Noto Sans SC). pdfmake's `lineHeight` multiplies this, not the font size.
 */
export function naturalLineHeight(): number {
  const f = fontFace('regular');
  return (f.ascent - f.descent + f.lineGap) / f.unitsPerEm;
}

/** pdfmake `lineHeight` that gives a CSS-like line height of `css` × font size. */
export function lineHeight(css: number): number {
  return Math.round((css / naturalLineHeight()) * 1000) / 1000;
}
