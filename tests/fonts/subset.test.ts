/**
 * The thread-local subsetter makes exactly the bytes subset-font makes (its
 * `sfnt` output) for the same face and text, so switching to it changes no
 * output and no cached subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontPath } from '../../src/fonts/index.js';
import { subsetFontBytes, subsetSfnt } from '../../src/fonts/subset.js';
import { articleChars, randomChars } from './texts.js';

const require = createRequire(import.meta.url);
type SubsetFont = (font: Buffer, text: string, options: { targetFormat: string }) => Promise<Buffer>;
const subsetFont = require('subset-font') as SubsetFont;

const texts: [string, string][] = [
  ['the article', articleChars()],
  ['random characters', randomChars(400, 7)],
  ['a few ideographs and Latin', '甲乙丙 ABC xyz'],
  ['ASCII only', 'Hello, world 0123'],
  ['characters the face lacks', '😀\u{20000}\uE000中'],
];

describe('subsetSfnt', () => {
  for (const weight of ['regular', 'bold'] as const) {
    const face = readFileSync(fontPath(weight));
    for (const [name, text] of texts) {
      it(`${weight}: ${name} — same bytes as subset-font`, async () => {
        const ours = subsetSfnt(weight, text);
        const theirs = await subsetFont(face, text, { targetFormat: 'sfnt' });
        expect(ours.byteLength).toBe(theirs.byteLength);
        expect(Buffer.from(ours).equals(theirs)).toBe(true);
      }, 60_000);
    }
  }

  it('gives the same bytes when asked again (the kept face is not changed by subsetting)', () => {
    const text = randomChars(200, 3);
    const first = subsetSfnt('regular', text);
    subsetSfnt('regular', articleChars());
    expect(Buffer.from(subsetSfnt('regular', text)).equals(first)).toBe(true);
  });

  it('subsets another TrueType face (with composite glyphs) like subset-font', async () => {
    const file = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
    const bytes = readFileSync(file);
    const text = 'Àéîõü Ça va? ÆØÅ 123';
    const theirs = await subsetFont(bytes, text, { targetFormat: 'sfnt' });
    expect(Buffer.from(subsetFontBytes('liberation-sans', bytes, text)).equals(theirs)).toBe(true);
  }, 60_000);
});
