/**
 * Give a TrueType font a family name of its own: rewrite its `name` table
 * (family, full, PostScript and unique names; the typographic family where
 * present) and lay the container out again with fresh checksums.
 *
 * Why a DOCX needs it: Word and LibreOffice register the fonts a document
 * embeds for the whole session under their family names, and the first
 * document opened wins (LibreOffice keeps an embedded font it has already
 * written under that name, Word caches by name too). Each of our DOCX files
 * embeds a subset holding only its own characters, so a second file whose
 * subset went by the same name rendered the characters the first one lacked
 * blank. Each subset set is named after a hash of its bytes instead
 * (fonts.ts), inside the font as in the document.
 *
 * Hand-written because only the container and one table change: the font
 * libraries on npm that write TrueType either re-encode the outlines
 * (opentype.js writes CFF) or have no writer (fontkit); harfbuzz's subsetter
 * cannot set names in the build harfbuzzjs ships.
 */

interface TableRecord {
  tag: string;
  data: Uint8Array;
}

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** The tables of an sfnt, in directory order. */
export function readTables(font: Uint8Array): { version: number; tables: TableRecord[] } {
  if (font.length < 12) throw new Error('sfnt: too short');
  const version = u32(font, 0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) throw new Error('sfnt: not a TrueType or OpenType font');
  const count = u16(font, 4);
  const tables: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
    const offset = u32(font, at + 8);
    const length = u32(font, at + 12);
    if (offset + length > font.length) throw new Error(`sfnt: table ${tag} runs past the end`);
    tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  return { version, tables };
}

/** OpenType table checksum: the sum of its big-endian 32-bit words (zero-padded), mod 2^32. */
export function checksum(data: Uint8Array): number {
  let sum = 0;
  const n = data.length;
  for (let i = 0; i < n; i += 4) {
    sum = (sum + (((data[i] << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0)) >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt of `tables` (directory sorted by tag, data in that order, 4-byte aligned), with checksums and head.checkSumAdjustment. */
export function writeTables(version: number, tables: readonly TableRecord[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = sorted.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + 16 * n;
  let total = headerLength;
  for (const t of sorted) total += (t.data.length + 3) & ~3;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, version);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  let offset = headerLength;
  let headAt = -1;
  sorted.forEach((t, i) => {
    const data = t.tag === 'head' ? Uint8Array.from(t.data) : t.data;
    if (t.tag === 'head') {
      if (data.length < 12) throw new Error('sfnt: head table too short');
      data.fill(0, 8, 12); // checkSumAdjustment is 0 while checksums are taken
      headAt = offset;
    }
    out.set(data, offset);
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    v.setUint32(at + 4, checksum(data));
    v.setUint32(at + 8, offset);
    v.setUint32(at + 12, data.length);
    offset += (data.length + 3) & ~3;
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  nameId: number;
  value: Uint8Array;
}

/** UTF-16BE for Unicode and Windows records; one byte a character (ASCII) for Macintosh Roman. */
function encodeName(platform: number, text: string): Uint8Array {
  if (platform === 1) return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f));
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}

function decodeName(platform: number, bytes: Uint8Array): string {
  if (platform === 1) return String.fromCharCode(...bytes);
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
  return s;
}

/** The records of a `name` table (format 0 or 1; format 1's language-tag records are dropped with the records that use them). */
function readNames(table: Uint8Array): NameRecord[] {
  const count = u16(table, 2);
  const storage = u16(table, 4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const language = u16(table, at + 4);
    if (language >= 0x8000) continue;
    const length = u16(table, at + 8);
    const offset = storage + u16(table, at + 10);
    out.push({ platform: u16(table, at), encoding: u16(table, at + 2), language, nameId: u16(table, at + 6), value: table.subarray(offset, offset + length) });
  }
  return out;
}

function writeNames(records: readonly NameRecord[]): Uint8Array {
  const sorted = [...records].sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const storage = 6 + 12 * sorted.length;
  const total = storage + sorted.reduce((n, r) => n + r.value.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, sorted.length);
  v.setUint16(4, storage);
  let offset = 0;
  sorted.forEach((r, i) => {
    const at = 6 + 12 * i;
    v.setUint16(at, r.platform);
    v.setUint16(at + 2, r.encoding);
    v.setUint16(at + 4, r.language);
    v.setUint16(at + 6, r.nameId);
    v.setUint16(at + 8, r.value.length);
    v.setUint16(at + 10, offset);
    out.set(r.value, storage + offset);
    offset += r.value.length;
  });
  return out;
}

/** Name ids rewritten: family, unique id, full name, PostScript name, typographic family. */
const FAMILY = 1;
const SUBFAMILY = 2;
const UNIQUE = 3;
const FULL = 4;
const POSTSCRIPT = 6;
const TYPO_FAMILY = 16;
const TYPO_SUBFAMILY = 17;

/** The family name a font gives itself (name id 1, Windows or Unicode record first). */
export function familyName(font: Uint8Array): string | null {
  const name = readTables(font).tables.find((t) => t.tag === 'name');
  if (!name) return null;
  const records = readNames(name.data).filter((r) => r.nameId === FAMILY);
  const r = records.find((x) => x.platform === 3) ?? records.find((x) => x.platform === 0) ?? records[0];
  return r ? decodeName(r.platform, r.value) : null;
}

/**
 * The font with `family` as its family name: name ids 1 and 16 become
 * `family`, the full name `family` plus the style ("Bold"; nothing for
 * "Regular"), the PostScript and unique names `family` without spaces, a
 * hyphen and the style. ASCII family names only.
 */
export function renameFamily(font: Uint8Array, family: string): Uint8Array {
  if (!/^[\x20-\x7e]+$/.test(family)) throw new Error(`sfnt: family name must be printable ASCII: ${family}`);
  const { version, tables } = readTables(font);
  const name = tables.find((t) => t.tag === 'name');
  if (!name) throw new Error('sfnt: no name table');
  const records = readNames(name.data);
  const style = (platform: number) => {
    const own = records.find((r) => r.platform === platform && (r.nameId === TYPO_SUBFAMILY || r.nameId === SUBFAMILY));
    return own ? decodeName(platform, own.value) : 'Regular';
  };
  const renamed = records.map((r) => {
    const s = style(r.platform);
    const ps = `${family.replace(/[^A-Za-z0-9]/g, '')}-${s.replace(/[^A-Za-z0-9]/g, '')}`;
    const text =
      r.nameId === FAMILY || r.nameId === TYPO_FAMILY
        ? family
        : r.nameId === FULL
          ? s === 'Regular'
            ? family
            : `${family} ${s}`
          : r.nameId === POSTSCRIPT || r.nameId === UNIQUE
            ? ps
            : null;
    return text === null ? r : { ...r, value: encodeName(r.platform, text) };
  });
  return writeTables(
    version,
    tables.map((t) => (t.tag === 'name' ? { tag: 'name', data: writeNames(renamed) } : t)),
  );
}
