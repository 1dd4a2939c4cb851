/**
 * The DOCX backend (docx 9): IR blocks → Word body through one handler per
 * block type, on named styles derived from the theme, with the CJK face
 * embedded as a subset, then re-packed so the bytes depend only on the Doc
 * and the build epoch.
 */
import {
  AlignmentType,
  CharacterSet,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8 } from 'fflate';
import type { Block, Doc } from '../../ir/types.js';
import type { Backend, RenderContext } from '../types.js';
import { normalizeZip, ooxmlCoreDates, zipEntries } from '../zip.js';
import { CJK_FONT, DOC_LANGUAGE, LANGUAGE, P, TOC_PRODUCTS, TOC_TITLE, pageGeometry } from './constants.js';
import { hashString, renumberBookmarks, withSeededRandom } from './determinism.js';
import { glyphSet, subsetFaces } from './fonts.js';
import { render, type RenderState } from './handlers.js';
import { biRuns, plain, textRun } from './runs.js';
import { FONTS, numberingOptions, stylesOptions, withTableStyles } from './styles.js';

export { handlers, render } from './handlers.js';

/** Checked items anywhere in the block tree. */
function countChecked(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'checkItem' && b.checked) n++;
    if ('children' in b && Array.isArray(b.children)) n += countChecked(b.children);
  }
  return n;
}

function fieldRun(field: (typeof PageNumber)[keyof typeof PageNumber]): TextRun {
  return new TextRun({ children: [field], font: FONTS, language: LANGUAGE });
}

/** Header with the short title; footer with "page / pages" (slides: title left, number right). */
function headerFooter(doc: Doc, width: number): Pick<ISectionOptions, 'headers' | 'footers'> {
  const short = biRuns(doc.meta.shortTitle, {}, ' · ');
  const numbers = [fieldRun(PageNumber.CURRENT), textRun(' / ', 'en'), fieldRun(PageNumber.TOTAL_PAGES)];
  if (doc.page === 'slide') {
    return {
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              style: P.footer,
              alignment: AlignmentType.LEFT,
              tabStops: [{ type: TabStopType.RIGHT, position: width }],
              children: [...short, textRun('\t', 'en'), ...numbers],
            }),
          ],
        }),
      },
    };
  }
  return {
    headers: { default: new Header({ children: [new Paragraph({ style: P.header, children: short })] }) },
    footers: { default: new Footer({ children: [new Paragraph({ style: P.footer, children: numbers })] }) },
  };
}

/** The body: blocks through their handlers, with the table of contents after the title block. */
function body(doc: Doc, width: number): (Paragraph | TableOfContents | ReturnType<typeof render>[number])[] {
  const st: RenderState = { page: doc.page, width, lists: { ordered: 0 }, checked: countChecked(doc.blocks), unknown: [] };
  const titleEnd = doc.blocks.findIndex((b) => b.type !== 'title');
  const head = titleEnd < 0 ? doc.blocks : doc.blocks.slice(0, titleEnd);
  const rest = titleEnd < 0 ? [] : doc.blocks.slice(titleEnd);
  const toc = TOC_PRODUCTS.includes(doc.product)
    ? [
        new Paragraph({ style: P.tocHeading, children: biRuns({ zh: [{ text: TOC_TITLE.zh }], en: [{ text: TOC_TITLE.en }] }) }),
        new TableOfContents(`${TOC_TITLE.zh} ${TOC_TITLE.en}`, { hyperlink: true, headingStyleRange: '1-2' }),
      ]
    : [];
  return [...render(head, st), ...toc, ...render(rest, st)];
}

/** The docx `Document` for a Doc, with the embedded CJK subsets. */
export function buildDocument(doc: Doc, faces: { regular: Buffer; bold: Buffer }): Document {
  const g = pageGeometry(doc.page);
  const landscape = doc.page === 'slide';
  const title = `${plain(doc.meta.title.zh)} / ${plain(doc.meta.title.en)}`;
  return new Document({
    title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords.join('; '),
    description: `${plain(doc.meta.shortTitle.zh)} · ${plain(doc.meta.shortTitle.en)}`,
    revision: 1,
    styles: stylesOptions(),
    numbering: numberingOptions(),
    fonts: [{ name: CJK_FONT, data: faces.regular, bold: faces.bold, characterSet: CharacterSet.GB_2312 }],
    features: TOC_PRODUCTS.includes(doc.product) ? { updateFields: true } : {},
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape, so give the portrait numbers.
            size: landscape
              ? { width: g.height, height: g.width, orientation: PageOrientation.LANDSCAPE }
              : { width: g.width, height: g.height, orientation: PageOrientation.PORTRAIT },
            margin: g.margin,
          },
        },
        ...headerFooter(doc, g.contentWidth),
        children: body(doc, g.contentWidth),
      },
    ],
  });
}

/** Post-pack fixes: epoch dates and language in core.xml, dense bookmark ids, table styles. */
export function rewriteEntry(epoch: number): (name: string, data: Uint8Array) => Uint8Array {
  const dates = ooxmlCoreDates(epoch);
  return (name, data) => {
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(dates(name, data));
      return strToU8(xml.includes('<dc:language>') ? xml : xml.replace('</cp:coreProperties>', `<dc:language>${DOC_LANGUAGE}</dc:language></cp:coreProperties>`));
    }
    if (name === 'word/document.xml') return strToU8(renumberBookmarks(strFromU8(data)));
    if (name === 'word/styles.xml') return strToU8(withTableStyles(strFromU8(data)));
    return data;
  };
}

/** docx's own compiler (the step of `Packer.toBuffer` before zipping): package part name → content. */
type Compile = (file: Document) => Map<string, string | Uint8Array>;

function packageCompiler(): Compile | null {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document, prettify?: unknown, overrides?: unknown[]) => unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return null;
  return (file) => compiler.compile!(file, undefined, []) as Map<string, string | Uint8Array>;
}

/**
 * The package's parts as bytes. `Packer.toBuffer` would deflate every part
 * (the embedded fonts above all) only for `normalizeZip` to inflate and
 * deflate them again; taking the parts from docx's compiler skips both, and
 * zipping them gives the same bytes. Falls back to `Packer` if docx changes.
 */
async function packageParts(document: Document): Promise<Record<string, Uint8Array> | Uint8Array> {
  const compile = packageCompiler();
  if (!compile) return new Uint8Array(await Packer.toBuffer(document));
  const parts: Record<string, Uint8Array> = {};
  const utf8 = new TextEncoder();
  for (const [name, data] of compile(document)) {
    // As docx's own zipping reads each part.
    parts[name] = typeof data === 'string' ? utf8.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return parts;
}

export async function renderDocx(doc: Doc, ctx: RenderContext): Promise<Uint8Array> {
  const faces = await subsetFaces(glyphSet(doc));
  const seed = hashString(JSON.stringify(doc));
  // docx builds and compiles the package synchronously inside the call; only zipping is async.
  const packed = await withSeededRandom(seed, () => packageParts(buildDocument(doc, faces)));
  const opts = { epoch: ctx.epoch, rewrite: rewriteEntry(ctx.epoch) };
  return packed instanceof Uint8Array ? normalizeZip(packed, opts) : zipEntries(packed, opts);
}

export const backend: Backend = {
  format: 'docx',
  extension: 'docx',
  products: ['summary', 'checklist', 'slides'],
  render: renderDocx,
};
