/**
 * The CJK face embedded in every DOCX as subsets holding only the characters
 * the document uses (plus printable ASCII, so page numbers and small edits
 * still render), so Chinese renders on a machine without CJK fonts: the
 * regular face with every character of the document, the bold face with the
 * characters set in bold (see `boldText` in runs.ts).
 */
import type { FontWeight } from '../../fonts/index.js';
import { subsetSfnt } from '../../fonts/subset.js';
import { RENDERER_CHARS } from './constants.js';
import { cachedBytes } from '../font-cache.js';

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

/** A TrueType subset of one face holding the characters of `text` (from the font cache when it has it). */
export async function subsetFace(weight: FontWeight, text: string): Promise<Buffer> {
  // harfbuzz starts only when a subset has to be made (not when the font cache has it).
  return Buffer.from(await cachedBytes(['docx', 'truetype', weight, text], async () => subsetSfnt(weight, text)));
}

/** TrueType subsets of the regular and bold faces, both for `text`. */
export async function subsetFaces(text: string): Promise<{ regular: Buffer; bold: Buffer }> {
  const [regular, bold] = await Promise.all([subsetFace('regular', text), subsetFace('bold', text)]);
  return { regular, bold };
}
