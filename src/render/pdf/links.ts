/**
 * Anchors and links of a PDF.
 *
 * Every block, item, event, passage, footnote and table-cell id of a Doc is a named
 * destination of its PDF (pdfmake writes one for a text node with an `id`,
 * at its first line; `anchorIds` in src/ir/anchors.ts). A run's `ref` resolves as the `Ref`
 * comment in src/ir/types.ts says: `local` when the Doc holds that anchor
 * (the "Sources cited" appendix), else `anchor` in this file when `product`
 * is the Doc's own, else the named destination `anchor` of `<product>.pdf`.
 *
 * pdfmake and pdfkit write links within a file (a GoTo action to a named
 * destination, pdfmake's public `linkToDestination`) and URI links, but no
 * link to another PDF. A link to another file is written as a URI link whose
 * address encodes the file and the destination (`remoteUri`), and
 * `remoteLinks` rewrites each such action in the finished file, in place and
 * at the same length, into a GoToR action (file, named destination): the
 * action pdf.js, Acrobat and Preview follow to a destination in another file.
 * Like the metadata pass (metadata.ts) it moves no byte, so the
 * cross-reference table stays right, and costs well under a millisecond.
 */
import { anchorIds } from '../../ir/anchors.js';
import { onPaper } from '../../ir/media.js';
import type { Doc, Inline, Ref } from '../../ir/types.js';
import type { LinkTarget } from './inline.js';

/** Prefix of a URI link that stands for a link to a named destination of another PDF. */
export const REMOTE_SCHEME = 'bw-gotor:';

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

/** The placeholder URI of a link to destination `anchor` of file `file` (hex digits: nothing to escape). */
export function remoteUri(file: string, anchor: string): string {
  return `${REMOTE_SCHEME}${hex(file)}:${hex(anchor)}`;
}

/** Resolves the `ref`s of one Doc. */
export class Links {
  readonly anchors: ReadonlySet<string>;

  constructor(readonly doc: Doc) {
    this.anchors = new Set(anchorIds(doc.blocks, onPaper));
  }

  /** Where a ref leads in this PDF (see the module comment). */
  resolve(ref: Ref): LinkTarget {
    if (ref.local && this.anchors.has(ref.local)) return { destination: ref.local };
    if (ref.product === this.doc.product && this.anchors.has(ref.anchor)) return { destination: ref.anchor };
    return { uri: remoteUri(`${ref.product}.pdf`, ref.anchor) };
  }
}

/** The refs of inline runs (for tests and callers that check links). */
export function refsOf(spans: Inline | undefined): Ref[] {
  return (spans ?? []).flatMap((s) => (s.ref ? [s.ref] : []));
}

/**
 * How pdfkit writes the action of a URI link, with a placeholder address
 * (PDFObject.convert: one entry a line; an ASCII string in parentheses).
 */
const URI_ACTION = /<<\n\/S \/URI\n\/URI \(bw-gotor:([0-9A-F]*):([0-9A-F]*)\)\n>>/g;

/**
 * Rewrite every placeholder URI action of a finished PDF into a GoToR action
 * to a named destination of another file, in place: the new dictionary is
 * shorter than the old one and padded with spaces to its length. Returns how
 * many links it rewrote.
 */
export function remoteLinks(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(URI_ACTION)) {
    const [whole, file, anchor] = m;
    // A string as a file specification is the file's name; a string as a destination is a named destination.
    const action = `<<\n/S /GoToR\n/F <${file}>\n/D <${anchor}>`;
    const room = whole.length - action.length - 3;
    if (room < 0) throw new Error('pdf: a GoToR action does not fit in place of its link');
    pdf.write(`${action}${' '.repeat(room)}\n>>`, m.index!, 'latin1');
    count++;
  }
  if (text.includes(REMOTE_SCHEME) && count === 0) throw new Error('pdf: a link to another file was not written as pdfkit writes URI links');
  return count;
}
