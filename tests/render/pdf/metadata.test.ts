/**
 * The in-place edits of a finished PDF: same length, so every offset of the
 * cross-reference table stays right; a packet that does not fit, or a file
 * without one, is an error that says so.
 */
import { describe, expect, it } from 'vitest';
import { bookmarksKeepLeft, finishPdf, pdfaId, replaceXmp, xmpPacket, xmpRoom, type PdfInfo } from '../../../src/render/pdf/metadata.js';

const info: PdfInfo = {
  title: 'R&D <AUKUS> 美日',
  author: '砺道智库',
  subject: '双语摘要 / Bilingual summary',
  keywords: 'a, b',
  creator: 'briefwright',
  producer: 'briefwright (pdfmake, pdfkit)',
  creationDate: new Date(Date.UTC(2025, 0, 10)),
  modDate: new Date(Date.UTC(2025, 0, 10)),
};

/** A file shaped as pdfkit writes one: an uncompressed packet holding the raw values, bookmarks, a trailer. */
function fakePdf(room: string): Buffer {
  const raw = [info.title, info.author, info.subject, info.keywords, info.creator, info.producer, '2025-01-10T00:00:00Z'].join('\n');
  return Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Dest [3 0 R /XYZ 595.28 841.89 0] >>\nendobj\n2 0 obj\n<< /Type /Metadata >>\nstream\n` +
      `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${raw}\n${room}\n<?xpacket end="w"?>\nendstream\nendobj\n` +
      `trailer\n<< /ID [<00000000000000000000000000000000> <00000000000000000000000000000000>] >>\n%%EOF\n`,
    'utf8',
  );
}

describe('finishPdf', () => {
  const packet = xmpPacket(info, 'PDF/A-2b');

  it('writes an escaped packet, the content ID and null left coordinates, keeping the length', () => {
    const pdf = fakePdf(xmpRoom(packet, info));
    const length = pdf.length;
    finishPdf(pdf, packet, Buffer.alloc(16, 0xab));
    expect(pdf.length).toBe(length);
    const text = pdf.toString('utf8');
    expect(text).toContain('<rdf:li xml:lang="x-default">R&amp;D &lt;AUKUS&gt; 美日</rdf:li>');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain(`/ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`);
    expect(text).toContain('/Dest [3 0 R /XYZ null   841.89 0]');
    expect(text).not.toContain('R&D <AUKUS>');
  });

  it('says so when the packet does not fit or the file has none', () => {
    expect(() => replaceXmp(fakePdf(''), packet)).toThrow(/needs \d+ more bytes/);
    expect(() => replaceXmp(Buffer.from('%PDF-1.7\n%%EOF\n'), packet)).toThrow(/no uncompressed XMP packet/);
  });

  it('leaves a left coordinate shorter than null as it is', () => {
    const pdf = Buffer.from('/Dest [3 0 R /XYZ 720 405 0]', 'latin1');
    bookmarksKeepLeft(pdf);
    expect(pdf.toString('latin1')).toBe('/Dest [3 0 R /XYZ 720 405 0]');
  });

  it('reads the PDF/A part and conformance from the level name', () => {
    expect(pdfaId('PDF/A-2b')).toEqual({ part: '2', conformance: 'B' });
    expect(() => pdfaId('PDF/X-4')).toThrow();
  });
});
