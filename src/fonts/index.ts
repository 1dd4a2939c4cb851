/**
 * Where the project's fonts live. They come from an npm package (OFL) and are
 * never committed; this module is the only place that knows their paths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold';

const files: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/** Absolute path of a TTF face. */
export function fontPath(weight: FontWeight): string {
  return require.resolve(files[weight]);
}

/** Folder of the font package (the only place outside `source/` the build reads). */
export function fontPackageDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

/** Absolute path of the font licence (SIL OFL 1.1) shipped with the outputs. */
export function fontLicensePath(): string {
  return path.join(fontPackageDir(), 'LICENSE_FONT');
}

/** Version of the font package (part of the build's input hash). */
export function fontPackageVersion(): string {
  return (require('@expo-google-fonts/noto-sans-sc/package.json') as { version: string }).version;
}

/** The Latin face for English text (Noto Sans, OFL), beside the CJK face that sets Han. */
export type LatinStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const latinFiles: Record<LatinStyle, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

/** Absolute path of a TTF face of the Latin family. */
export function latinFontPath(style: LatinStyle): string {
  return require.resolve(latinFiles[style]);
}

/** Folder of the Latin font package. */
export function latinFontPackageDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
}

/** Absolute path of the Latin font's licence (SIL OFL 1.1). */
export function latinFontLicensePath(): string {
  return path.join(latinFontPackageDir(), 'LICENSE_FONT');
}

/** Version of the Latin font package (part of the build's input hash). */
export function latinFontPackageVersion(): string {
  return (require('@expo-google-fonts/noto-sans/package.json') as { version: string }).version;
}

const read = new Map<string, Uint8Array>();

/**
 * A face file's bytes, read once per thread for every backend that parses it (the PDF layout, the deck's metrics,
 * the subsets of the HTML and DOCX), as a view of what was read rather than a copy: a CJK face is 10 MB, and copying
 * it cost more than parsing it did (bench/README.md, "Font files read once, not copied"). Never to be written to.
 */
export function readFace(file: string): Uint8Array {
  let bytes = read.get(file);
  if (!bytes) {
    const b = readFileSync(file);
    read.set(file, (bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  }
  return bytes;
}
