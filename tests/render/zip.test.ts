import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { setFontCacheDir } from '../../src/render/font-cache.js';
import { RECENT_MAX, crc32, deflateCached, deflateEntry, dosDateTime, isoSeconds, normalizeZip, ooxmlCoreDates, orderEntries, zipEntries } from '../../src/render/zip.js';

const core = (created: string) =>
  `<?xml version="1.0"?><cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="x"><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;

function archive(order: string[], when: Date, created: string): Uint8Array {
  const content: Record<string, string> = {
    'word/document.xml': '<w:document/>',
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': '<Relationships/>',
    'docProps/core.xml': core(created),
  };
  const files: Record<string, [Uint8Array, { level: 0 | 9 }]> = {};
  for (const n of order) files[n] = [strToU8(content[n]), { level: 9 }];
  return zipSync(files, { mtime: when });
}

/** Read the entries' DOS stamps and order straight from the central directory. */
function centralDirectory(zip: Uint8Array): { name: string; date: number; time: number }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const out = [];
  let p = v.getUint32(eocd + 16, true);
  for (let i = 0; i < v.getUint16(eocd + 10, true); i++) {
    const n = v.getUint16(p + 28, true);
    out.push({
      name: strFromU8(zip.subarray(p + 46, p + 46 + n)),
      time: v.getUint16(p + 12, true),
      date: v.getUint16(p + 14, true),
    });
    p += 46 + n + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

const epoch = Date.UTC(2025, 0, 10, 8, 30, 4) / 1000;

describe('normalizeZip', () => {
  it('gives the same bytes whatever the input order, times and core dates', () => {
    const a = archive(['word/document.xml', 'docProps/core.xml', '_rels/.rels', '[Content_Types].xml'], new Date(2030, 5, 1), '2030-06-01T10:00:00Z');
    const b = archive(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml'], new Date(1999, 1, 2), '1999-02-02T00:00:00Z');
    const na = normalizeZip(a, { epoch, rewrite: ooxmlCoreDates(epoch) });
    const nb = normalizeZip(b, { epoch, rewrite: ooxmlCoreDates(epoch) });
    expect(Buffer.from(na).equals(Buffer.from(nb))).toBe(true);
  });

  it('keeps every entry, puts [Content_Types].xml first and sorts the rest', () => {
    const z = normalizeZip(archive(['word/document.xml', '_rels/.rels', 'docProps/core.xml', '[Content_Types].xml'], new Date(), 'x'), { epoch });
    const names = centralDirectory(z).map((e) => e.name);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(Object.keys(unzipSync(z)).sort()).toEqual(names.slice().sort());
    expect(strFromU8(unzipSync(z)['word/document.xml'])).toBe('<w:document/>');
  });

  it('stamps every entry with the epoch read in UTC, in the central directory and local headers', () => {
    const z = normalizeZip(archive(['_rels/.rels', '[Content_Types].xml', 'word/document.xml', 'docProps/core.xml'], new Date(), 'x'), { epoch });
    for (const e of centralDirectory(z)) {
      expect(1980 + (e.date >> 9)).toBe(2025);
      expect((e.date >> 5) & 15).toBe(1);
      expect(e.date & 31).toBe(10);
      expect(e.time >> 11).toBe(8);
      expect((e.time >> 5) & 63).toBe(30);
      expect((e.time & 31) * 2).toBe(4);
    }
  });

  it('rewrites core.xml dates to the epoch only', () => {
    const z = normalizeZip(archive(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml'], new Date(), '2030-06-01T10:00:00Z'), {
      epoch,
      rewrite: ooxmlCoreDates(epoch),
    });
    const xml = strFromU8(unzipSync(z)['docProps/core.xml']);
    const dates = [...xml.matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map((m) => m[2]);
    expect(dates).toEqual([isoSeconds(epoch), isoSeconds(epoch)]);
    expect(new Date(dates[0]).getTime() / 1000).toBe(epoch);
  });
});

describe('helpers', () => {
  it('dosDateTime clamps before 1980', () => {
    expect(dosDateTime(0)).toEqual(dosDateTime(Date.UTC(1980, 0, 1) / 1000));
  });
  it('orderEntries drops duplicates and keeps first names only when present', () => {
    expect(orderEntries(['b', 'a', 'b', '[Content_Types].xml'])).toEqual(['[Content_Types].xml', 'a', 'b']);
  });
});

describe('zipEntries', () => {
  it('gives the bytes normalizeZip gives for an archive of the same entries', () => {
    const entries: Record<string, Uint8Array> = {
      'word/document.xml': strToU8('<w:document>文</w:document>'.repeat(50)),
      '[Content_Types].xml': strToU8('<Types/>'),
      'docProps/core.xml': strToU8(core('2030-06-01T10:00:00Z')),
      'word/fonts/font1.odttf': Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) & 0xff),
    };
    const zipped = zipSync(Object.fromEntries(Object.entries(entries).map(([n, d]) => [n, [d, { level: 9 }]])), { mtime: new Date(2001, 1, 1) });
    const opts = { epoch, rewrite: ooxmlCoreDates(epoch) };
    expect(Buffer.from(zipEntries(entries, opts)).equals(Buffer.from(normalizeZip(zipped, opts)))).toBe(true);
    const back = unzipSync(zipEntries(entries, opts));
    expect(Object.keys(back).sort()).toEqual(Object.keys(entries).sort());
    expect(Buffer.from(back['word/fonts/font1.odttf']).equals(Buffer.from(entries['word/fonts/font1.odttf']))).toBe(true);
  });
});

/** fflate's own archive of `entries` in the given order, its times set to `epoch` read in UTC. */
function viaZipSync(entries: [string, Uint8Array][], level: 0 | 1 | 6 | 9, epoch: number): Uint8Array {
  const d = new Date(epoch * 1000);
  // zipSync reads local time; build the local date whose fields are the epoch's UTC fields.
  const mtime = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return zipSync(Object.fromEntries(entries.map(([n, data]) => [n, [data, { level: n === 'mimetype' ? 0 : level }]])), { mtime });
}

const bytesOf = (seed: number, length: number, alphabet = 256) => Uint8Array.from({ length }, (_, i) => ((i * 2654435761 + seed) >>> 13) % alphabet);

describe('zipEntries writes the container fflate writes', () => {
  const cases: [string, [string, Uint8Array][], 0 | 1 | 6 | 9][] = [
    ['empty entries', [['[Content_Types].xml', new Uint8Array(0)], ['a/empty.xml', new Uint8Array(0)], ['b.bin', bytesOf(1, 10)]], 6],
    ['UTF-8 names', [['[Content_Types].xml', strToU8('<Types/>')], ['word/文档.xml', strToU8('中文'.repeat(100))], ['zz/naïve 😀.txt', bytesOf(2, 500, 4)]], 9],
    ['level 0 (stored)', [['[Content_Types].xml', strToU8('<Types/>')], ['word/fonts/font1.odttf', bytesOf(3, 70_000)]], 0],
    ['mimetype stored first at any level', [['mimetype', strToU8('application/vnd.oasis.opendocument.text')], ['content.xml', strToU8('<x/>'.repeat(300))]], 1],
    ['many entries', Array.from({ length: 300 }, (_, i): [string, Uint8Array] => [`p/${String(i).padStart(4, '0')}.xml`, bytesOf(i, i * 7, 1 + (i % 200))]), 6],
  ];
  for (const [label, entries, level] of cases) {
    it(`${label}: same bytes as zipSync, given data or compressed forms`, () => {
      const ordered = orderEntries(entries.map(([n]) => n));
      const reference = viaZipSync(ordered.map((n) => [n, entries.find(([m]) => m === n)![1]]), level, epoch);
      const raw = Object.fromEntries(entries);
      expect(Buffer.from(zipEntries(raw, { epoch, level })).equals(Buffer.from(reference))).toBe(true);
      const pre = Object.fromEntries(entries.map(([n, d]) => [n, deflateEntry(d, n === 'mimetype' ? 0 : level)]));
      expect(Buffer.from(zipEntries(pre, { epoch, level })).equals(Buffer.from(reference))).toBe(true);
      const back = unzipSync(zipEntries(pre, { epoch, level }));
      for (const [n, d] of entries) expect(Buffer.from(back[n]).equals(Buffer.from(d)), n).toBe(true);
    });
  }

  it('random entries, names and levels: same bytes as zipSync', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '文', 'é', '😀', '_'), minLength: 1, maxLength: 12 });
    const data = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 2000 }).map((s) => strToU8(s.repeat(3))));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, data), { selector: ([n]) => n, minLength: 1, maxLength: 12 }), fc.constantFrom(0, 1, 6, 9), fc.integer({ min: 315532800, max: 4102444800 }), (entries, level, when) => {
        const ordered = orderEntries(entries.map(([n]) => n));
        const reference = viaZipSync(ordered.map((n) => [n, entries.find(([m]) => m === n)![1]]), level as 0 | 1 | 6 | 9, when);
        const mixed = Object.fromEntries(entries.map(([n, d], i) => [n, i % 2 ? deflateEntry(d, n === 'mimetype' ? 0 : (level as 0)) : d]));
        expect(Buffer.from(zipEntries(mixed, { epoch: when, level: level as 0 })).equals(Buffer.from(reference))).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('refuses an entry compressed at another level than the archive writes', () => {
    expect(() => zipEntries({ 'a.xml': deflateEntry(strToU8('<a/>'), 9) }, { epoch, level: 6 })).toThrow(/level 9/);
  });

  it('crc32 agrees with the table-driven CRC-32 of zip', () => {
    // The CRC-32 of "123456789" is the standard check value.
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('deflateCached', () => {
  it('gives deflateEntry’s result, from memory and from the persistent cache, and zips to the same bytes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-cache-'));
    const data = bytesOf(11, 200_000, 40);
    const expected = deflateEntry(data, 6);
    const same = (c: { compressed: Uint8Array; crc32: number; size: number; level: number }) =>
      Buffer.from(c.compressed).equals(Buffer.from(expected.compressed)) && c.crc32 === expected.crc32 && c.size === expected.size && c.level === 6;
    setFontCacheDir(dir);
    try {
      const first = await deflateCached(data, 6);
      expect(same(first)).toBe(true);
      expect(await deflateCached(data, 6)).toBe(first); // this thread remembers it
      const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.bin'));
      expect(files.length).toBe(1);
      // Another thread (or build) finds it on disk: push it out of memory with other entries first.
      for (let i = 0; i < RECENT_MAX + 2; i++) await deflateCached(strToU8(`other entry ${i}`), 6);
      const again = await deflateCached(data, 6);
      expect(again).not.toBe(first);
      expect(same(again)).toBe(true);
      const level9 = await deflateCached(data, 9);
      expect(level9.level).toBe(9);
      expect(Buffer.from(level9.compressed).equals(Buffer.from(deflateEntry(data, 9).compressed))).toBe(true);
      const z = zipEntries({ 'f.bin': again, 'a.xml': strToU8('<a/>') }, { epoch });
      expect(Buffer.from(z).equals(Buffer.from(zipEntries({ 'f.bin': data, 'a.xml': strToU8('<a/>') }, { epoch })))).toBe(true);
    } finally {
      setFontCacheDir(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
