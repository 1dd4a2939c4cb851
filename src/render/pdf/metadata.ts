/**
 * Document metadata: the Info dictionary, the XMP packet and the file ID.
 *
 * pdfkit writes the XMP packet by pasting Info values into XML unescaped, so
 * a title with `&` or `<` gives malformed XMP, and it leaves out the
 * modification date and language. `xmpDescriptions` builds the packet body
 * with every value escaped; `patchMetadata` swaps it in on one pdfkit
 * document, together with a file ID derived from the content (not the clock).
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
  };
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
<dc:language><rdf:Bag><rdf:li>${e(PDF_LANG)}</rdf:li></rdf:Bag></dc:language>
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

/** The pdfkit document fields this module touches. */
interface PdfKitDocLike {
  _id: Buffer;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo: () => void;
}

/** Replace pdfkit's XMP writer and file ID on one document (before it is ended). */
export function patchMetadata(pdfkitDoc: unknown, info: PdfInfo, id: Buffer): void {
  const d = pdfkitDoc as PdfKitDocLike;
  d._id = id;
  d._addInfo = function addEscapedInfo(this: PdfKitDocLike) {
    this.appendXML(xmpDescriptions(info));
  };
}

interface OutlineLike {
  outlineData?: { Dest?: unknown[] };
  children?: OutlineLike[];
}

/**
 * Point every bookmark at the top of its page without moving the reader
 * sideways or changing the zoom: `/XYZ null top null`. pdfkit writes the
 * page width as `left` (it subtracts the missing option from the width), which
 * scrolls a zoomed-in viewer to the right edge.
 */
export function fixOutlineDestinations(pdfkitDoc: unknown): void {
  const visit = (item: OutlineLike) => {
    const dest = item.outlineData?.Dest;
    if (dest && dest[1] === 'XYZ') {
      dest[2] = null;
      dest[4] = null;
    }
    for (const child of item.children ?? []) visit(child);
  };
  const root = (pdfkitDoc as { outline?: OutlineLike }).outline;
  if (root) visit(root);
}
