import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { dosDateTime, isoSeconds, normalizeZip, ooxmlCoreDates, orderEntries, zipEntries } from '../../src/render/zip.js';

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
