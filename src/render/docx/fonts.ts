/**
 * The faces every DOCX embeds, as subsets holding only the characters the
 * document uses (plus printable ASCII, so page numbers and small edits still
 * render), so the text renders on a machine without the fonts:
 *
 * - the CJK face (Noto Sans SC), named in every run's `w:eastAsia`: regular
 *   with every character of the document, bold with the text set in bold;
 * - the Latin face (Noto Sans), named in every run's `w:ascii`/`w:hAnsi`:
 *   regular, bold, italic and bold italic, each with the text set so.
 *
 * Each family goes by a name of its own, "Noto Sans SC 1a2b3c4d": the base
 * name and 8 hex digits of the hash of its subsets, written into the fonts'
 * `name` tables (sfnt.ts) and into every run and style of the package
 * (package.ts). The same name therefore always means the same bytes, and any
 * set of our files can be open at once in one Word or LibreOffice session.
 */
import { createHash } from 'node:crypto';
import { latinFontPackageVersion, latinFontPath, readFace, type FontWeight, type LatinStyle } from '../../fonts/index.js';
import { subsetFontBytes, subsetSfnt } from '../../fonts/subset.js';
import { CJK_FONT, LATIN_FACE, RENDERER_CHARS } from './constants.js';
import { cachedBytes } from '../font-cache.js';
import { renameFamily } from './sfnt.js';

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** Every string value reachable from `value`, joined (keys are not content). */
export function collectText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectText(v, out);
  return out;
}

/** The characters to keep: the document's, the renderer's own, printable ASCII; sorted, no duplicates. */
export function glyphSet(value: unknown, extra = ''): string {
  const chars = new Set<string>();
  for (const s of [...collectText(value), RENDERER_CHARS, ASCII, extra]) for (const ch of s) if (ch >= ' ') chars.add(ch);
  return [...chars].sort().join('');
}

/** A TrueType subset of one CJK face holding the characters of `text` (from the font cache when it has it). */
export async function subsetFace(weight: FontWeight, text: string): Promise<Buffer> {
  // harfbuzz starts only when a subset has to be made (not when the font cache has it).
  return Buffer.from(await cachedBytes(['docx', 'truetype', weight, text], async () => subsetSfnt(weight, text)));
}

/** TrueType subsets of the regular and bold CJK faces, both for `text`. */
export async function subsetFaces(text: string): Promise<{ regular: Buffer; bold: Buffer }> {
  const [regular, bold] = await Promise.all([subsetFace('regular', text), subsetFace('bold', text)]);
  return { regular, bold };
}

/** Characters the Latin face can draw in Word's ascii/hAnsi slots: everything but Han and CJK punctuation (the CJK face's). */
const NOT_LATIN = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/** Latin subsets made lately in this thread (the products of an article mostly share theirs). */
const recentLatin = new Map<string, Promise<Buffer>>();
const RECENT_LATIN = 16;

/** A TrueType subset of one Latin face holding the characters of `text` it has. */
export function subsetLatin(style: LatinStyle, text: string): Promise<Buffer> {
  const kept = [...text].filter((c) => !NOT_LATIN.test(c)).join('');
  const key = `${style} ${kept}`;
  let made = recentLatin.get(key);
  if (!made) {
    made = makeLatin(style, kept);
    made.catch(() => recentLatin.delete(key));
  }
  recentLatin.delete(key);
  recentLatin.set(key, made);
  while (recentLatin.size > RECENT_LATIN) recentLatin.delete(recentLatin.keys().next().value!);
  return made;
}

async function makeLatin(style: LatinStyle, kept: string): Promise<Buffer> {
  return Buffer.from(
    await cachedBytes(['docx', 'truetype', `noto-sans@${latinFontPackageVersion()}`, style, kept], async () =>
      subsetFontBytes(`latin-${style}`, readFace(latinFontPath(style)), kept),
    ),
  );
}

/** The text a document sets in each style, gathered while its body is made (runs.ts). */
export interface StyledText {
  /** Every character of the document. */
  all: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

/** One embedded family: its name in the document and its faces (already renamed). */
export interface EmbeddedFamily {
  /** The name the runs and styles use before the package pass: the theme's family name. */
  base: string;
  /** Its own name: base and 8 hex digits of the hash of its subsets. */
  name: string;
  regular: Uint8Array;
  bold?: Uint8Array;
  italic?: Uint8Array;
  boldItalic?: Uint8Array;
}

/** Base name + 8 hex digits of the sha256 of the faces (in a fixed order, with their lengths). */
export function familyNameOf(base: string, faces: readonly (Uint8Array | undefined)[]): string {
  const h = createHash('sha256').update(base);
  for (const f of faces) h.update(String(f?.length ?? -1)).update(f ?? new Uint8Array(0));
  return `${base} ${h.digest('hex').slice(0, 8)}`;
}

/** Families made lately in this thread, by name (a name stands for its faces' bytes): the products of an article share some. */
const recentFamilies = new Map<string, EmbeddedFamily>();
const RECENT_FAMILIES = 16;

function family(base: string, faces: Partial<Record<'regular' | 'bold' | 'italic' | 'boldItalic', Uint8Array>>): EmbeddedFamily {
  const name = familyNameOf(base, [faces.regular, faces.bold, faces.italic, faces.boldItalic]);
  let out = recentFamilies.get(name);
  if (!out) {
    out = { base, name, regular: renameFamily(faces.regular!, name) };
    for (const k of ['bold', 'italic', 'boldItalic'] as const) if (faces[k]) out[k] = renameFamily(faces[k]!, name);
  }
  recentFamilies.delete(name);
  recentFamilies.set(name, out);
  while (recentFamilies.size > RECENT_FAMILIES) recentFamilies.delete(recentFamilies.keys().next().value!);
  return out;
}

/**
 * The families a document embeds: the CJK face (regular, bold) and the Latin
 * face (regular, bold, and italic / bold italic only when the document sets
 * text so), each subset to the text it draws and named after its subsets.
 */
export async function embeddedFamilies(text: StyledText): Promise<EmbeddedFamily[]> {
  const all = glyphSet(text.all);
  const [cjkRegular, cjkBold, latinRegular, latinBold, latinItalic, latinBoldItalic] = await Promise.all([
    subsetFace('regular', all),
    subsetFace('bold', glyphSet(text.bold)),
    subsetLatin('regular', all),
    subsetLatin('bold', glyphSet(text.bold)),
    text.italic ? subsetLatin('italic', glyphSet(text.italic)) : undefined,
    text.boldItalic ? subsetLatin('boldItalic', glyphSet(text.boldItalic)) : undefined,
  ]);
  return [family(CJK_FONT, { regular: cjkRegular, bold: cjkBold }), family(LATIN_FACE, { regular: latinRegular, bold: latinBold, italic: latinItalic, boldItalic: latinBoldItalic })];
}
