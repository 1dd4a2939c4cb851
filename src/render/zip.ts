/**
 * Deterministic zip containers (DOCX, PPTX, anything zipped).
 *
 * Libraries that write OOXML stamp the clock into entry times and
 * `docProps/core.xml`, and their entry order and compression may vary.
 * `normalizeZip` re-packs an archive so the same content always gives the
 * same bytes: entries in a stable order, one compression level, every entry
 * time taken from the build epoch (in UTC, whatever the machine's time zone),
 * and an optional per-entry rewrite (e.g. the core-properties dates).
 *
 * The container is written here, field for field as fflate's `zipSync` writes
 * it, so that an entry can come already compressed: a large part that recurs
 * unchanged (an embedded font) is deflated once and then reused from memory
 * or the persistent cache (`deflateCached`), and the archive's bytes are the
 * same either way.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { deflateSync, unzipSync, strFromU8, strToU8 } from 'fflate';

export interface NormalizeZipOptions {
  /** Seconds since the Unix epoch for every entry time (clamped to the zip range 1980–2107). */
  epoch: number;
  /** Rewrite one entry's data; return the data unchanged to keep it. */
  rewrite?: (name: string, data: Uint8Array) => Uint8Array;
  /** Names that must come first, in this order, when present (the rest follow sorted by name). */
  first?: readonly string[];
  /** Deflate level 0–9 (0 stores). Fixed so the bytes do not depend on a library default. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** `mimetype` must be first and stored in ODF/EPUB; `[Content_Types].xml` first is the OOXML habit. */
export const DEFAULT_FIRST = ['mimetype', '[Content_Types].xml'] as const;

const DOS_MIN = Date.UTC(1980, 0, 1) / 1000;
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000;

/** MS-DOS date and time words for an epoch, read in UTC (2-second resolution). */
export function dosDateTime(epoch: number): { date: number; time: number } {
  const s = Math.min(Math.max(Math.floor(epoch), DOS_MIN), DOS_MAX);
  const d = new Date(s * 1000);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  return { date, time };
}

/** Entry names in archive order: `first` names (when present), then the rest sorted by code unit. */
export function orderEntries(names: Iterable<string>, first: readonly string[] = DEFAULT_FIRST): string[] {
  const all = [...new Set(names)];
  const head = first.filter((n) => all.includes(n));
  const rest = all.filter((n) => !head.includes(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...head, ...rest];
}

/** A deflate level as fflate takes it. */
export type DeflateLevel = NonNullable<NormalizeZipOptions['level']>;

/**
 * An entry already compressed: the compressed bytes at `level` (the data
 * itself at level 0), the CRC-32 and length of the data. A pure function of
 * the data and the level, so it can be made once and reused (`deflateEntry`).
 */
export interface Compressed {
  level: DeflateLevel;
  compressed: Uint8Array;
  crc32: number;
  size: number;
}

/** What `zipEntries` takes per entry: the data, or its compressed form. */
export type ZipInput = Uint8Array | Compressed;

const isCompressed = (e: ZipInput): e is Compressed => !(e instanceof Uint8Array);

let crcTable: Int32Array | null = null;
/** CRC-32 (ISO-HDLC, as zip uses): node:zlib's where Node has it (20.15+), a table otherwise. */
export function crc32(data: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  crcTable ??= Int32Array.from({ length: 256 }, (_, i) => {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** An entry's compressed form, as `zipSync` makes it at `level` (fflate's `deflateSync`; level 0 stores). */
export function deflateEntry(data: Uint8Array, level: DeflateLevel): Compressed {
  return { level, compressed: level === 0 ? data : deflateSync(data, { level }), crc32: crc32(data), size: data.length };
}

/** `map`'s value for `key`, made by `make` when missing; kept as the most recent, the oldest dropped past `max`. */
function remember<V>(map: Map<string, V>, key: string, max: number, make: () => V): V {
  const had = map.has(key);
  const value = had ? map.get(key)! : make();
  if (had) map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

/**
 * Compressed forms of small entries seen lately in this thread. Packages
 * repeat most of their small parts word for word (styles, theme,
 * relationships, content types), and fflate's deflate costs a fixed setup
 * per call even for a few hundred bytes, so each is deflated once.
 */
const small = new Map<string, Compressed>();
const SMALL_BYTES = 64 * 1024;
const SMALL_ENTRIES = 128;

/** `deflateEntry`, remembered in this thread for small entries. */
function compress(data: Uint8Array, level: DeflateLevel): Compressed {
  if (level === 0 || data.length > SMALL_BYTES) return deflateEntry(data, level);
  const key = `${level} ${createHash('sha256').update(data).digest('base64')}`;
  return remember(small, key, SMALL_ENTRIES, () => deflateEntry(data, level));
}

/** The level an entry is written at: `mimetype` is stored so readers can sniff it at a fixed offset. */
const entryLevel = (name: string, level: DeflateLevel): DeflateLevel => (name === 'mimetype' ? 0 : level);

const utf8 = new TextEncoder();
const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

/**
 * The zip container around compressed entries, laid out field for field as
 * fflate's `zipSync` lays it out (version 2.0, no extra fields or comments,
 * the UTF-8 flag on non-ASCII names, no data descriptors), with every entry
 * time the epoch read in UTC.
 */
function writeZip(entries: readonly { name: string; entry: Compressed }[], epoch: number): Uint8Array {
  const { date, time } = dosDateTime(epoch);
  const named = entries.map(({ name, entry }) => ({ name: utf8.encode(name), ascii: utf8.encode(name).length === name.length, entry }));
  let total = END;
  for (const { name, entry } of named) total += LOCAL + CENTRAL + 2 * name.length + entry.compressed.length;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  /** The fields local and central headers share, from `at` (the "version needed" word). */
  const common = (at: number, name: Uint8Array, ascii: boolean, e: Compressed) => {
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, ascii ? 0 : 0x800, true);
    v.setUint16(at + 4, e.level === 0 ? 0 : 8, true);
    v.setUint16(at + 6, time, true);
    v.setUint16(at + 8, date, true);
    v.setUint32(at + 10, e.crc32, true);
    v.setUint32(at + 14, e.compressed.length, true);
    v.setUint32(at + 18, e.size, true);
    v.setUint16(at + 22, name.length, true);
  };
  const offsets: number[] = [];
  let p = 0;
  for (const { name, ascii, entry } of named) {
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    common(p + 4, name, ascii, entry);
    out.set(name, p + LOCAL);
    out.set(entry.compressed, p + LOCAL + name.length);
    p += LOCAL + name.length + entry.compressed.length;
  }
  const directory = p;
  named.forEach(({ name, ascii, entry }, i) => {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true); // made by: version 2.0, MS-DOS attributes
    common(p + 6, name, ascii, entry);
    v.setUint32(p + 42, offsets[i], true);
    out.set(name, p + CENTRAL);
    p += CENTRAL + name.length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, named.length, true);
  v.setUint16(p + 10, named.length, true);
  v.setUint32(p + 12, p - directory, true);
  v.setUint32(p + 16, directory, true);
  return out;
}

/** Re-pack a zip archive deterministically. */
export function normalizeZip(bytes: Uint8Array, opts: NormalizeZipOptions): Uint8Array {
  return zipEntries(unzipSync(bytes), opts);
}

/**
 * Zip named entries deterministically: the same bytes `normalizeZip` gives for
 * an archive holding these entries, without packing and unpacking one first.
 * An entry may come compressed already (`deflateEntry`, `deflateCached`), at
 * the archive's level; `rewrite` sees only the entries given as data.
 */
export function zipEntries(entries: Record<string, ZipInput>, opts: NormalizeZipOptions): Uint8Array {
  const level = opts.level ?? 6;
  const list = orderEntries(Object.keys(entries), opts.first ?? DEFAULT_FIRST).map((name) => {
    const given = entries[name];
    const at = entryLevel(name, level);
    if (isCompressed(given)) {
      if (given.level !== at) throw new Error(`zip: ${name} was compressed at level ${given.level}, the archive writes it at ${at}`);
      return { name, entry: given };
    }
    return { name, entry: compress(opts.rewrite ? opts.rewrite(name, given) : given, at) };
  });
  return writeZip(list, opts.epoch);
}

let fflateId: string | null = null;

/** Compressed forms made or read in this thread, most recent last (a few documents' worth: a DOCX embeds up to six faces). */
const recent = new Map<string, Promise<Compressed>>();
export const RECENT_MAX = 24;

/**
 * `deflateEntry(data, level)`, remembered: in this thread, and in the
 * persistent font cache (`cachedBytes`) under the sha256 of the data, the
 * level and fflate's version. Meant for large parts that recur unchanged
 * from build to build, such as embedded fonts.
 */
export function deflateCached(data: Uint8Array, level: DeflateLevel): Promise<Compressed> {
  const sha = createHash('sha256').update(data).digest('hex');
  const key = `${sha} ${level}`;
  return remember(recent, key, RECENT_MAX, () => {
    const made = (async (): Promise<Compressed> => {
      // Loaded here: zipping alone (PPTX, normalizeZip) has no use for the cache.
      const { cachedBytes, packageId } = await import('./font-cache.js');
      // fflate's version decides the compressed bytes, so it is part of their key.
      fflateId ??= packageId('fflate');
      const stored = await cachedBytes(['zip-entry', fflateId, `level-${level}`, sha, String(data.length)], async () => {
        const made = deflateEntry(data, level);
        const payload = new Uint8Array(4 + made.compressed.length);
        new DataView(payload.buffer).setUint32(0, made.crc32, true);
        payload.set(made.compressed, 4);
        return payload;
      });
      const crc = new DataView(stored.buffer, stored.byteOffset, stored.byteLength).getUint32(0, true);
      return { level, compressed: stored.subarray(4), crc32: crc, size: data.length };
    })();
    made.catch(() => recent.delete(key));
    return made;
  });
}

/** ISO 8601 UTC without milliseconds, as OOXML core properties write it (`2025-01-10T00:00:00Z`). */
export function isoSeconds(epoch: number): string {
  return new Date(Math.floor(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A `rewrite` for OOXML packages: sets `dcterms:created` and `dcterms:modified`
 * in `docProps/core.xml` to the epoch, leaving every other entry untouched.
 */
export function ooxmlCoreDates(epoch: number): (name: string, data: Uint8Array) => Uint8Array {
  const iso = isoSeconds(epoch);
  return (name, data) => {
    if (name !== 'docProps/core.xml') return data;
    const xml = strFromU8(data).replace(
      /<(dcterms:(?:created|modified))(\s[^>]*)?>[^<]*<\/dcterms:(?:created|modified)>/g,
      (_m, tag: string, attrs: string | undefined) => `<${tag}${attrs ?? ''}>${iso}</${tag}>`,
    );
    return strToU8(xml);
  };
}
