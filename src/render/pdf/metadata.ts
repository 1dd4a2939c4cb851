/**
 * Document metadata: the Info dictionary, the XMP packet and the file ID.
 *
 * pdfkit pastes Info values into its XMP packet unescaped (a title with `&`
 * or `<` gives malformed XML), leaves out the modification date and language,
 * and derives the file ID from the Info values (so it changes with the
 * epoch). Instead of patching pdfkit, `finishPdf` edits the finished file in
 * place, keeping every byte offset: the XMP packet is replaced by one with
 * every value escaped (pdfkit's packet was given room for it with
 * `appendXML`, its public way to add XMP), the trailer's ID by one derived
 * from the content, and each bookmark's destination left coordinate by
 * `null` (pdfkit writes the page width there, which scrolls a zoomed-in
 * viewer to the right edge).
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../../ir/types.js';
import { PDF_LANG, PRODUCER } from './constants.js';
import { plainText } from './inline.js';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
  /** The original the Doc translates (its address, or author, title, outlet and date): XMP dc:source and Info /Source. */
  source?: string;
}

/** Escape text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''); // not allowed in XML 1.0
}

/** XMP date: seconds precision, UTC. */
export function xmpDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Info dictionary values for a Doc; both dates come from the build epoch. */
export function pdfInfo(doc: Doc, epoch: number): PdfInfo {
  const date = new Date(epoch * 1000);
  const title = [plainText(doc.meta.title.zh), plainText(doc.meta.title.en)].filter(Boolean).join(' / ');
  return {
    title,
    author: doc.meta.author,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords.join(', '),
    creator: 'briefwright',
    producer: PRODUCER,
    creationDate: date,
    modDate: date,
    ...(source(doc) ? { source: source(doc) } : {}),
  };
}

/** The original as one line: its address when known, else author, title, outlet and date. */
export function source(doc: Doc): string | undefined {
  const s = doc.meta.source;
  if (!s) return undefined;
  if (s.url) return s.url;
  return [s.author, s.title ? `“${s.title}”` : '', s.outlet, s.date ?? ''].filter(Boolean).join(', ');
}

/** The rdf:Description elements of the XMP packet (everything escaped). */
export function xmpDescriptions(info: PdfInfo): string {
  const e = xmlEscape;
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(info.modDate)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(info.modDate)}</xmp:MetadataDate>
<xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${e(PDF_LANG)}</rdf:li></rdf:Bag></dc:language>${info.source ? `\n<dc:source>${e(info.source)}</dc:source>` : ''}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${e(info.producer)}</pdf:Producer>
<pdf:Keywords>${e(info.keywords)}</pdf:Keywords>
</rdf:Description>
`;
}

/** 16-byte file ID from the content: same Doc → same ID, whatever the epoch. */
export function fileId(doc: Doc, salt: string): Buffer {
  return createHash('sha256').update(salt).update('\0').update(JSON.stringify(doc)).digest().subarray(0, 16);
}

/** Major part and conformance level of a PDF/A name: `PDF/A-2b` → 2, B. */
export function pdfaId(subset: string): { part: string; conformance: string } {
  const m = /^PDF\/A-(\d)([a-z]?)$/i.exec(subset);
  if (!m) throw new Error(`pdf: not a PDF/A level: ${subset}`);
  return { part: m[1], conformance: m[2].toUpperCase() };
}

const PACKET_BEGIN = '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>';
const PACKET_END = '<?xpacket end="w"?>';

/** The whole XMP packet of a document: PDF/A identification and the escaped Info values. */
export function xmpPacket(info: PdfInfo, subset: string): string {
  const { part, conformance } = pdfaId(subset);
  return (
    `${PACKET_BEGIN}\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
    `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n<pdfaid:part>${part}</pdfaid:part>\n<pdfaid:conformance>${conformance}</pdfaid:conformance>\n</rdf:Description>` +
    `${xmpDescriptions(info)}</rdf:RDF>\n</x:xmpmeta>\n${PACKET_END}`
  );
}

/**
 * Whitespace to add to pdfkit's packet (with `appendXML`) so that `packet`
 * fits in its place: pdfkit's packet holds at least every Info value it
 * writes (title, author, subject, keywords, creator, producer, the creation
 * date), so the room needed is at most what `packet` has beyond those.
 */
export function xmpRoom(packet: string, info: PdfInfo): string {
  const values = [info.title, info.author, info.subject, info.keywords, info.creator, info.producer, xmpDate(info.creationDate)];
  const held = values.reduce((n, v) => n + Buffer.byteLength(v, 'utf8'), 0);
  return ' '.repeat(Math.max(0, Buffer.byteLength(packet, 'utf8') - held));
}

/** The byte range of the first XMP packet of a PDF (pdfkit writes it uncompressed, as PDF/A readers expect). */
function packetRange(pdf: Buffer): [number, number] {
  const start = pdf.indexOf(PACKET_BEGIN.slice(0, 16), 0, 'latin1');
  const end = start < 0 ? -1 : pdf.indexOf(PACKET_END, start, 'latin1');
  if (start < 0 || end < 0) throw new Error('pdf: no uncompressed XMP packet in the finished file (pdfkit writes one for PDF/A)');
  return [start, end + PACKET_END.length];
}

/**
 * Put `packet` where the file's XMP packet is, padded with spaces before its
 * end marker to the same length (XMP packets are padded for in-place edits).
 */
export function replaceXmp(pdf: Buffer, packet: string): void {
  const [start, end] = packetRange(pdf);
  const body = Buffer.from(packet.slice(0, -PACKET_END.length), 'utf8');
  const room = end - start - body.length - PACKET_END.length;
  if (room < 0) throw new Error(`pdf: the XMP packet needs ${-room} more bytes than the file reserved`);
  body.copy(pdf, start);
  pdf.fill(0x20, start + body.length, end - PACKET_END.length - 1);
  pdf.write('\n', end - PACKET_END.length - 1, 'latin1');
  pdf.write(PACKET_END, end - PACKET_END.length, 'latin1');
}

/** Replace the trailer's file ID (`/ID [<hex> <hex>]`, both halves) with `id` (16 bytes). */
export function replaceFileId(pdf: Buffer, id: Buffer): void {
  const at = pdf.lastIndexOf('/ID [<', undefined, 'latin1');
  const hex = id.toString('hex');
  const m = at < 0 ? null : /^\/ID \[<([0-9a-fA-F]{32})> <([0-9a-fA-F]{32})>\]/.exec(pdf.toString('latin1', at, at + 80));
  if (!m || hex.length !== 32) throw new Error('pdf: no 16-byte file ID in the trailer');
  pdf.write(`/ID [<${hex}> <${hex}>]`, at, 'latin1');
}

/**
 * Point every bookmark at the top of its page without moving the reader
 * sideways: the left coordinate of each `/XYZ left top zoom` destination
 * becomes `null`, padded with spaces to the number's length (a number shorter
 * than `null` is left as it is). pdfkit writes zoom 0, which means the same
 * as null.
 */
export function bookmarksKeepLeft(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/Dest \[\d+ 0 R \/XYZ ([0-9.]+) /g)) {
    const number = m[1];
    if (number.length < 4) continue;
    pdf.write('null'.padEnd(number.length, ' '), m.index! + m[0].length - number.length - 1, 'latin1');
  }
}

/** The in-place edits of a finished PDF: its XMP packet, its file ID, its bookmarks. */
export function finishPdf(pdf: Buffer, packet: string, id: Buffer): Buffer {
  replaceXmp(pdf, packet);
  replaceFileId(pdf, id);
  bookmarksKeepLeft(pdf);
  return pdf;
}
