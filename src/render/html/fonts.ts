/**
 * WOFF2 subsets of the project's faces, holding only the glyphs a page uses,
 * as `@font-face` rules with data: URLs: Noto Sans SC (regular, bold) for the
 * page's Chinese and everything else, and the Latin face, Noto Sans (regular,
 * bold, italic, bold italic as used), for its English text, which the
 * stylesheet sets Latin face first. Subsets are made by the thread's harfbuzz
 * (`src/fonts/subset.ts`, one face per weight or style kept for the life of
 * the thread) and encoded by `src/fonts/woff2.ts`; they are cached by (face,
 * text) in memory and, when the build gives a folder, on disk
 * (`../font-cache.ts`).
 */
import { theme } from '../../theme/theme.js';
import { subsetFontBytes, subsetSfnt } from '../../fonts/subset.js';
import { encodeWoff2 } from '../../fonts/woff2.js';
import { BASE_CHARS } from './constants.js';
import { cachedBytes } from '../font-cache.js';
import { latinFontPackageVersion, latinFontPath, readFace, type FontWeight, type LatinStyle } from '../../fonts/index.js';

/** The distinct characters of `text` plus the base set, sorted by code point (stable key). */
export function glyphSet(text: string): string {
  const chars = new Set<string>([...BASE_CHARS, ...text]);
  chars.delete('\n');
  chars.delete('\r');
  chars.delete('\t');
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

const SUBSET_CACHE_LIMIT = 24;
const subsets = new Map<string, Promise<Buffer>>();

function remember(key: string, make: () => Promise<Uint8Array>): Promise<Buffer> {
  let p = subsets.get(key);
  if (!p) {
    p = make().then((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    subsets.set(key, p);
    if (subsets.size > SUBSET_CACHE_LIMIT) subsets.delete(subsets.keys().next().value!);
  }
  return p;
}

/** A WOFF2 subset of one CJK face holding the glyphs of `text` (plus the base set). */
export function subset(weight: FontWeight, text: string): Promise<Buffer> {
  const chars = glyphSet(text);
  return remember(`${weight}\u0000${chars}`, () => cachedBytes(['html', 'woff2', weight, chars], async () => encodeWoff2(subsetSfnt(weight, chars))));
}

/** A WOFF2 subset of one style of the Latin face holding the glyphs of `text` (plus the base set). */
export function latinSubset(style: LatinStyle, text: string): Promise<Buffer> {
  const chars = glyphSet(text);
  const face = `noto-sans@${latinFontPackageVersion()}:${style}`;
  return remember(`${face}\u0000${chars}`, () =>
    cachedBytes(['html', 'woff2', face, chars], async () => encodeWoff2(subsetFontBytes(`latin-${style}`, readFace(latinFontPath(style)), chars))),
  );
}

/** The text a page draws in each face (see `collectText` in document.ts). */
export interface FaceText {
  regular: string;
  bold: string;
  latin: Record<LatinStyle, string>;
}

const LATIN_STYLES: { style: LatinStyle; weight: number; italic: boolean }[] = [
  { style: 'regular', weight: 400, italic: false },
  { style: 'bold', weight: 700, italic: false },
  { style: 'italic', weight: 400, italic: true },
  { style: 'boldItalic', weight: 700, italic: true },
];

/**
 * `@font-face` rules: the CJK regular subset for all the page's text and the
 * bold one for its bold contexts; each Latin style that the page's English
 * text uses, for that text.
 */
export async function fontFaceCss(text: FaceText): Promise<string> {
  const face = (family: string, data: Buffer, weight: number, italic = false) =>
    `@font-face{font-family:"${family}";font-style:${italic ? 'italic' : 'normal'};font-weight:${weight};font-display:block;` +
    `src:url(data:font/woff2;base64,${data.toString('base64')}) format("woff2")}`;
  const latin = LATIN_STYLES.filter((s) => text.latin[s.style].trim() !== '');
  const [regular, bold, ...latinData] = await Promise.all([
    subset('regular', text.regular),
    subset('bold', text.bold),
    ...latin.map((s) => latinSubset(s.style, text.latin[s.style])),
  ]);
  return [
    face(theme.fonts.cjk, regular, 400),
    face(theme.fonts.cjk, bold, 700),
    ...latin.map((s, i) => face(theme.fonts.en, latinData[i], s.weight, s.italic)),
  ].join('\n') + '\n';
}
