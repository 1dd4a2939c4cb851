/**
 * What fontkit decodes and then does not use, left undecoded. The values
 * fontkit works with are the same; only when (or whether) they are read from
 * the font changes.
 *
 * 1. Mark attachment arrays, read when first needed. fontkit decodes a
 *    whole OpenType lookup the first time a layout asks for its feature. It
 *    keeps each decoded lookup (restructure's LazyArray remembers what it
 *    decoded), so this happens once per thread, not once per layout: in the
 *    render thread's warm-up (fonts.ts, warmShaping). The mark-positioning
 *    lookups of Noto Sans (GPOS types 4, 5 and 6: mark to base, mark to
 *    ligature, mark to mark) hold an anchor for every mark and every base
 *    glyph: of the ≈ 210 ms the warm-up spent decoding lookups, ≈ 160 ms
 *    went to those arrays. fontkit reads them only after a glyph has matched
 *    the lookup's mark coverage (a combining mark after a base glyph), which
 *    English text almost never has. So the pointers to those arrays in
 *    fontkit's GPOS schema are made lazy with restructure's own `lazy`
 *    pointer option: an array is decoded, from the same bytes, when first
 *    read, and kept. The warm-up's shaping: ≈ 210 → 80 ms.
 *
 * This relies on fontkit's internals (its GPOS schema object, reached from a
 * decoded table): fontkit is pinned (package.json overrides),
 * tests/dependencies.test.ts fails when that shape changes,
 * tests/render/pdf/fontkit-decoding.test.ts compares every lookup with
 * fontkit's own decoding, and bench/README.md gives what it saves.
 */

/** A restructure pointer type, as far as this module touches it. */
interface PointerType {
  options: { lazy?: boolean };
}

/** fontkit's GPOS lookup schema (a restructure VersionedStruct keyed by lookup type). */
interface GposLookupSchema {
  versions: Record<number, Record<string, PointerType | undefined> | undefined>;
}

/** A fontkit font, as far as this module touches it. */
export interface TrueTypeFont {
  GPOS?: { lookupList?: unknown };
}

/** The fields of GPOS subtables (by lookup type) that fontkit reads only after a mark matched. */
export const LAZY_MARK_FIELDS: Readonly<Record<number, readonly string[]>> = {
  4: ['markArray', 'baseArray'],
  5: ['markArray', 'ligatureArray'],
  6: ['mark1Array', 'mark2Array'],
};

/**
 * fontkit's GPOS lookup schema, reached from a font's decoded GPOS table
 * (lookup list → lookup → its subtables' pointer → the subtable schema), or
 * null when the font has no GPOS or fontkit's schema is not shaped so.
 */
export function gposLookupSchema(font: TrueTypeFont): GposLookupSchema | null {
  type Node = { type?: Node; fields?: Record<string, Node>; versions?: unknown };
  const list = font.GPOS?.lookupList as Node | undefined;
  const schema = list?.type?.type?.fields?.subTables?.type?.type;
  return schema && typeof schema.versions === 'object' ? (schema as unknown as GposLookupSchema) : null;
}

/** The pointer types of the mark attachment arrays in a GPOS lookup schema (the ones found). */
export function markArrayPointers(schema: GposLookupSchema): PointerType[] {
  const out: PointerType[] = [];
  for (const [type, fields] of Object.entries(LAZY_MARK_FIELDS)) {
    for (const field of fields) {
      const p = schema.versions[Number(type)]?.[field];
      if (p && typeof p.options === 'object') out.push(p);
    }
  }
  return out;
}

/**
 * Make the mark attachment arrays of every GPOS lookup fontkit decodes from
 * now on lazy, or (`false`, for tests) eager again. The schema is fontkit's,
 * shared by every font, so this holds for every font; lookups decoded
 * before the call stay as they were decoded.
 */
export function setLazyMarkArrays(font: TrueTypeFont, on: boolean): void {
  const schema = gposLookupSchema(font);
  if (schema) for (const p of markArrayPointers(schema)) p.options.lazy = on;
}

let installed = false;

/** Once per process, from the first font parsed (before its first layout). */
export function installFontkitDecoding(font: TrueTypeFont): void {
  if (installed) return;
  installed = true;
  setLazyMarkArrays(font, true);
}
