/**
 * WOFF2 subsets of the project's Noto Sans SC faces, holding only the glyphs a
 * page uses, as `@font-face` rules with data: URLs. Subsets are made by the
 * thread's harfbuzz (`src/fonts/subset.ts`, one face per weight kept for the
 * life of the thread) and encoded by `src/fonts/woff2.ts`; they are cached by
 * (weight, text) in memory and, when the build gives a folder, on disk
 * (`../font-cache.ts`).
 */
import { theme } from '../../theme/theme.js';
import { subsetSfnt } from '../../fonts/subset.js';
import { encodeWoff2 } from '../../fonts/woff2.js';
import { BASE_CHARS } from './constants.js';
import { cachedBytes } from '../font-cache.js';
import type { FontWeight } from '../../fonts/index.js';

/** The distinct characters of `text` plus the base set, sorted by code point (stable key). */
export function glyphSet(text: string): string {
  const chars = new Set<string>([...BASE_CHARS, ...text]);
  chars.delete('\n');
  chars.delete('\r');
  chars.delete('\t');
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

const SUBSET_CACHE_LIMIT = 16;
const subsets = new Map<string, Promise<Buffer>>();

/** A WOFF2 subset of one face holding the glyphs of `text` (plus the base set). */
export function subset(weight: FontWeight, text: string): Promise<Buffer> {
  const chars = glyphSet(text);
  const key = `${weight}\u0000${chars}`;
  let p = subsets.get(key);
  if (!p) {
    p = cachedBytes(['html', 'woff2', weight, chars], async () => encodeWoff2(subsetSfnt(weight, chars))).then(
      (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    subsets.set(key, p);
    if (subsets.size > SUBSET_CACHE_LIMIT) subsets.delete(subsets.keys().next().value!);
  }
  return p;
}

/** `@font-face` rules embedding the regular subset for `regularText` and the bold one for `boldText`. */
export async function fontFaceCss(regularText: string, boldText: string): Promise<string> {
  const [regular, bold] = await Promise.all([subset('regular', regularText), subset('bold', boldText)]);
  const face = (data: Buffer, weight: number) =>
    `@font-face{font-family:"${theme.fonts.cjk}";font-style:normal;font-weight:${weight};font-display:block;` +
    `src:url(data:font/woff2;base64,${data.toString('base64')}) format("woff2")}`;
  return `${face(regular, 400)}\n${face(bold, 700)}\n`;
}
