/**
 * The CJK face embedded in every DOCX as a subset holding only the characters
 * the document uses (plus printable ASCII, so page numbers and small edits
 * still render), so Chinese renders on a machine without CJK fonts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fontPath, type FontWeight } from '../../fonts/index.js';
import { RENDERER_CHARS } from './constants.js';
import { cachedBytes } from '../font-cache.js';

/** subset-font (harfbuzz) ships no types; this is the one call we make. */
type SubsetFont = (font: Buffer, text: string, opts: { targetFormat: 'truetype' | 'woff' | 'woff2' | 'sfnt' }) => Promise<Uint8Array>;
let subsetFont: SubsetFont | null = null;
/** Loaded only when a subset has to be made (not when the font cache has it). */
const subsetter = (): SubsetFont => (subsetFont ??= createRequire(import.meta.url)('subset-font') as SubsetFont);

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

const faces = new Map<FontWeight, Promise<Buffer>>();
function face(weight: FontWeight): Promise<Buffer> {
  let f = faces.get(weight);
  if (!f) {
    f = readFile(fontPath(weight));
    faces.set(weight, f);
  }
  return f;
}

/** TrueType subsets of the regular and bold faces for `text`. */
export async function subsetFaces(text: string): Promise<{ regular: Buffer; bold: Buffer }> {
  const [regular, bold] = await Promise.all(
    (['regular', 'bold'] as const).map(async (w) =>
      Buffer.from(await cachedBytes(['docx', 'truetype', w, text], async () => subsetter()(await face(w), text, { targetFormat: 'truetype' }))),
    ),
  );
  return { regular, bold };
}
