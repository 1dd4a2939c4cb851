/**
 * TrueType subsets of the project's faces, made with harfbuzz (harfbuzzjs's
 * WebAssembly build, the same one subset-font runs) with the options
 * subset-font uses by default, so the bytes are the ones subset-font makes
 * with `targetFormat: 'sfnt'`.
 *
 * The difference is cost: subset-font copies the whole 10 MB face into
 * WebAssembly memory and builds a harfbuzz face on every call. Here each
 * thread instantiates harfbuzz once and keeps one face per weight for the
 * life of the thread, so a subset costs only the subsetting itself (and the
 * face's lazily built tables are reused by later subsets).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontPath, readFace, type FontWeight } from './index.js';

const require = createRequire(import.meta.url);

/** The harfbuzz exports we call (see subset-font's index.js for the same sequence). */
interface Harfbuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** Path of the WebAssembly module (its package version is part of the font-cache key). */
export const HARFBUZZ_WASM = 'harfbuzzjs/dist/harfbuzz-subset.wasm';

let harfbuzz: Harfbuzz | null = null;

/** This thread's harfbuzz instance, compiled and started on first use. */
function hb(): Harfbuzz {
  if (!harfbuzz) {
    const module = new WebAssembly.Module(readFileSync(require.resolve(HARFBUZZ_WASM)));
    const instance = new WebAssembly.Instance(module, {});
    harfbuzz = instance.exports as unknown as Harfbuzz;
    harfbuzz._initialize();
  }
  return harfbuzz;
}

/** Face handles by key ('regular', 'bold', or a caller's key), kept for the life of the thread. */
const faces = new Map<string, number>();

/** A harfbuzz face over `bytes`, copied into WebAssembly memory once. */
function loadFace(key: string, bytes: () => Uint8Array): number {
  let face = faces.get(key);
  if (face === undefined) {
    const h = hb();
    const data = bytes();
    const ptr = h.malloc(data.byteLength);
    if (!ptr) throw new Error(`harfbuzz: no memory for the ${key} face`);
    new Uint8Array(h.memory.buffer).set(data, ptr);
    // The memory stays allocated: the face reads from it for as long as the thread lives.
    const blob = h.hb_blob_create(ptr, data.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    face = h.hb_face_create(blob, 0);
    h.hb_blob_destroy(blob);
    faces.set(key, face);
  }
  return face;
}

/**
 * A TrueType subset of `face` keeping the characters of `text`, all layout
 * features, and harfbuzz's defaults for everything else (name ids, hinting,
 * glyph names, tables dropped) — subset-font's defaults exactly.
 */
function subsetWith(face: number, text: string): Uint8Array {
  const h = hb();
  const input = h.hb_subset_input_create_or_fail();
  if (!input) throw new Error('harfbuzz: hb_subset_input_create_or_fail failed');
  let result = 0;
  try {
    // Every layout feature (subset-font's default, like hb-subset --layout-features='*').
    const features = h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    h.hb_set_clear(features);
    h.hb_set_invert(features);
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const ch of text) h.hb_set_add(unicodes, ch.codePointAt(0)!);
    result = h.hb_subset_or_fail(face, input);
  } finally {
    h.hb_subset_input_destroy(input);
  }
  if (!result) throw new Error('harfbuzz: hb_subset_or_fail failed');
  const blob = h.hb_face_reference_blob(result);
  try {
    const length = h.hb_blob_get_length(blob);
    if (!length) throw new Error('harfbuzz: the subset is empty');
    const offset = h.hb_blob_get_data(blob, 0);
    // Copy out: the memory can grow (and move) on the next call.
    return new Uint8Array(h.memory.buffer, offset, length).slice();
  } finally {
    h.hb_blob_destroy(blob);
    h.hb_face_destroy(result);
  }
}

/** A TrueType subset of one of the project's faces holding the glyphs of `text`. */
export function subsetSfnt(weight: FontWeight, text: string): Uint8Array {
  return subsetWith(
    loadFace(weight, () => readFace(fontPath(weight))),
    text,
  );
}

/**
 * A TrueType subset of any TrueType face; `key` names it so its harfbuzz face
 * is made once (the bytes must not change under the same key).
 */
export function subsetFontBytes(key: string, bytes: Uint8Array, text: string): Uint8Array {
  return subsetWith(
    loadFace(`bytes:${key}`, () => bytes),
    text,
  );
}
