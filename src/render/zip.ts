/**
 * Deterministic zip containers (DOCX, PPTX, anything zipped).
 *
 * Libraries that write OOXML stamp the clock into entry times and
 * `docProps/core.xml`, and their entry order and compression may vary.
 * `normalizeZip` re-packs an archive so the same content always gives the
 * same bytes: entries in a stable order, one compression level, every entry
 * time taken from the build epoch (in UTC, whatever the machine's time zone),
 * and an optional per-entry rewrite (e.g. the core-properties dates).
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';

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

/** Overwrite the date/time words of every local and central header (fflate reads local time). */
function stampTimes(zip: Uint8Array, epoch: number): Uint8Array {
  const { date, time } = dosDateTime(epoch);
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  if (eocd < 0 || v.getUint32(eocd, true) !== 0x06054b50) throw new Error('zip: end of central directory not found');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${i}`);
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, date, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`zip: bad local header for entry ${i}`);
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, date, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return zip;
}

/** Re-pack a zip archive deterministically. */
export function normalizeZip(bytes: Uint8Array, opts: NormalizeZipOptions): Uint8Array {
  return zipEntries(unzipSync(bytes), opts);
}

/**
 * Zip named entries deterministically: the same bytes `normalizeZip` gives for
 * an archive holding these entries, without packing and unpacking one first.
 */
export function zipEntries(entries: Record<string, Uint8Array>, opts: NormalizeZipOptions): Uint8Array {
  const level = opts.level ?? 6;
  const files: Zippable = {};
  for (const name of orderEntries(Object.keys(entries), opts.first ?? DEFAULT_FIRST)) {
    const data = opts.rewrite ? opts.rewrite(name, entries[name]) : entries[name];
    // `mimetype` is stored uncompressed so readers can sniff it at a fixed offset.
    files[name] = [data, { level: name === 'mimetype' ? 0 : level }];
  }
  // Any valid time: stampTimes replaces it with the epoch read in UTC.
  const zipped = zipSync(files, { mtime: new Date(1980, 0, 1, 12) });
  return stampTimes(zipped, opts.epoch);
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
