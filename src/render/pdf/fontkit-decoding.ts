/**
 * Two things fontkit decodes and then does not use, left undecoded. The
 * values fontkit works with are the same; only when (or whether) they are
 * read from the font changes.
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
 * 2. Subset glyphs copied without decoding their outlines. pdfkit embeds
 *    each face a document uses as a fontkit subset, and fontkit's
 *    `TTFSubset.prototype._addGlyph` decodes the outline of every glyph it
 *    adds (every point, in every document, since each document starts with
 *    a fresh glyph cache: see fonts.ts) only to tell a composite glyph from a
 *    simple one; it then copies the glyph's bytes as they are. Here, for a
 *    simple or empty glyph, `_addGlyph` gets instead what that decoding
 *    would have told it: the glyph header's contour count (or nothing, for
 *    an empty glyph). Composite glyphs and variable fonts go through
 *    fontkit's code as shipped. Subset encoding of an article's four PDFs:
 *    ≈ 85 → 27 ms when first rendered, ≈ 67 → 22 ms after.
 *
 * This relies on fontkit's internals (its GPOS schema object, reached from a
 * decoded table; the subset class's `_addGlyph`; a glyph's `_decode`):
 * fontkit is pinned (package.json overrides), tests/dependencies.test.ts
 * fails when those shapes change, tests/render/pdf/fontkit-decoding.test.ts
 * compares every lookup and subset with fontkit's own, and bench/README.md
 * gives what each saves.
 */

/** A restructure pointer type, as far as this module touches it. */
interface PointerType {
  options: { lazy?: boolean };
}

/** fontkit's GPOS lookup schema (a restructure VersionedStruct keyed by lookup type). */
interface GposLookupSchema {
  versions: Record<number, Record<string, PointerType | undefined> | undefined>;
}

/** A fontkit TrueType font, as far as this module touches it. */
export interface TrueTypeFont {
  GPOS?: { lookupList?: unknown };
  directory: { tables: Record<string, unknown> };
  loca: { offsets: ArrayLike<number> };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readInt16BE(): number } | null;
  getGlyph(id: number): { _decode(): unknown };
  createSubset(): Subset;
}

interface Subset {
  font: TrueTypeFont;
  _addGlyph(gid: number): number;
}

type AddGlyph = ((this: Subset, gid: number) => number) & { original?: AddGlyph };

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

let subsetting = true;

/** Tests switch header-only subsetting off to compare with fontkit's own. */
export function setHeaderOnlySubsetting(on: boolean): void {
  subsetting = on;
}

/** The prototype of fontkit's TrueType subset class (`font` must be a TrueType font). */
function subsetPrototype(font: TrueTypeFont): { _addGlyph: AddGlyph } {
  return Object.getPrototypeOf(font.createSubset()) as { _addGlyph: AddGlyph };
}

/** fontkit's `_addGlyph` as shipped, also once replaced (the test compares it with the version this module was written for). */
export function originalAddGlyph(font: TrueTypeFont): AddGlyph {
  const current = subsetPrototype(font)._addGlyph;
  return current.original ?? current;
}

let installed = false;

/** Both changes, once per process, from the first font parsed (before its first layout). */
export function installFontkitDecoding(font: TrueTypeFont): void {
  if (installed) return;
  installed = true;
  setLazyMarkArrays(font, true);
  installHeaderOnlySubsetting(font);
}

/** Header-only subsetting on fontkit's TrueType subset class (that of `font`). */
function installHeaderOnlySubsetting(font: TrueTypeFont): void {
  if (!font.directory.tables.glyf) return;
  const proto = subsetPrototype(font);
  if (proto._addGlyph.original) return; // already replaced (by another instance of this module)
  const shipped = proto._addGlyph;
  const addGlyph = function _addGlyph(this: Subset, gid: number): number {
    const f = this.font;
    if (!subsetting || f._variationProcessor || !f.directory.tables.glyf) return shipped.call(this, gid);
    // What fontkit's glyph._decode() gives for this glyph, as far as _addGlyph reads it.
    let decoded: { numberOfContours: number } | null = null;
    const start = f.loca.offsets[gid];
    if (start !== f.loca.offsets[gid + 1]) {
      const stream = f._getTableStream('glyf');
      if (!stream) return shipped.call(this, gid);
      stream.pos += start;
      const numberOfContours = stream.readInt16BE();
      // A composite glyph: fontkit reads its components (and adds them to the subset).
      if (numberOfContours < 0) return shipped.call(this, gid);
      decoded = { numberOfContours };
    }
    const glyph = f.getGlyph(gid);
    glyph._decode = () => decoded;
    try {
      return shipped.call(this, gid);
    } finally {
      delete (glyph as { _decode?: unknown })._decode;
    }
  };
  // fontkit's own function stays reachable, for the test that checks its shape against the pin.
  proto._addGlyph = Object.assign(addGlyph, { original: shipped });
}
