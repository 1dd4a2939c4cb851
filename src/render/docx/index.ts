/**
 * The DOCX backend (docx 9): IR blocks → Word body through one handler per
 * block type, on named styles derived from the theme, with the CJK face
 * embedded as subsets (regular: the document's characters; bold: those set in
 * bold), zipped so the bytes depend only on the Doc and the build epoch.
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
  Styles,
  TabStopType,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8 } from 'fflate';
import type { Block, Doc } from '../../ir/types.js';
import type { Backend, RenderContext } from '../types.js';
import { deflateCached, normalizeZip, ooxmlCoreDates, zipEntries, type ZipInput } from '../zip.js';
import { BODY_PART, boldText, readBoldStyles } from './bold.js';
import { CJK_FONT, DOC_LANGUAGE, LANGUAGE, P, TOC_PRODUCTS, TOC_TITLE, pageGeometry } from './constants.js';
import { hashString, renumberBookmarks, withSeededRandom } from './determinism.js';
import { info } from './info.js';
import { glyphSet, subsetFace, subsetFaces } from './fonts.js';
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

/**
 * The docx `Document` for a Doc, with the embedded CJK subsets. Without
 * `styles` it leaves out the named styles, for a caller that supplies the
 * styles part itself (see `sharedStyles`).
 */
export function buildDocument(doc: Doc, faces: { regular: Buffer; bold: Buffer }, styles = true): Document {
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
    ...(styles ? { styles: stylesOptions() } : {}),
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

/** Deflate level of every entry of the package. */
const LEVEL = 6;

/**
 * An embedded face as the package stores it (ECMA-376 font obfuscation, as
 * docx does it): the first 32 bytes XOR the font key's 16 bytes, read from the
 * key's last hex pair to its first.
 */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`docx: not a font key: ${fontKey}`);
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = Uint8Array.from(data);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] ^= key[i % 16];
  return out;
}

/**
 * `word/styles.xml` depends only on `stylesOptions()`, the same for every
 * document, yet docx builds and formats its styles anew for each one. The
 * first document a thread packs keeps the part; later ones are built without
 * the named styles, their styles part left empty, and given the kept one.
 */
let sharedStyles: string | null = null;
const STYLES_PART = 'word/styles.xml';

/** A styles part that formats to nothing worth the work: it is replaced by `sharedStyles`. */
function withoutStyles(document: Document): Document {
  Object.defineProperty(document, 'Styles', { value: new Styles({}) });
  return document;
}

/**
 * Stand-ins docx embeds while the subsets wait for the compiled body (the
 * bold one needs the text set in bold); found again by identity.
 */
const PENDING = { regular: Buffer.alloc(0), bold: Buffer.alloc(0) } as const;

/** A compiled part as text ('' when absent). */
function xmlPart(compiled: Map<string, string | Uint8Array>, name: string): string {
  const data = compiled.get(name);
  return typeof data === 'string' ? data : data ? strFromU8(data) : '';
}

/** The bold styles of the last styles part read (the same part for every document). */
let boldStyles: { xml: string; styles: ReturnType<typeof readBoldStyles> } | null = null;

/** Characters the package's body parts set in bold (see bold.ts), read from docx's compiled parts. */
function boldChars(compiled: Map<string, string | Uint8Array>): string {
  const stylesXml = xmlPart(compiled, STYLES_PART);
  if (boldStyles?.xml !== stylesXml) boldStyles = { xml: stylesXml, styles: readBoldStyles(withTableStyles(stylesXml)) };
  const styles = boldStyles.styles;
  return [...compiled.keys()].filter((n) => BODY_PART.test(n)).map((n) => boldText(xmlPart(compiled, n), styles)).join('');
}

export interface DocxPackage {
  /** Part name → content; the embedded faces compressed already. */
  parts: Record<string, ZipInput>;
  /** The subsets embedded: the regular face for the whole document, the bold face for its bold text. */
  faces: { regular: Buffer; bold: Buffer };
}

/**
 * The package's parts. docx builds and compiles them (synchronously, with
 * Math.random seeded by the Doc) around stand-in faces; then the regular face
 * is subset to the document's characters and the bold face to the text the
 * compiled body sets in bold, both at once (harfbuzz costs much less so than
 * one after the other), and stored, obfuscated, in the parts docx reserved.
 * Both faces are compressed through `deflateCached`, since the same font bytes
 * recur from build to build. Null when docx no longer exposes its compiler
 * (the caller falls back to `Packer`).
 */
export async function packageOf(doc: Doc): Promise<DocxPackage | null> {
  const compile = packageCompiler();
  if (!compile) return null;
  const shared = sharedStyles;
  const { document, compiled } = withSeededRandom(hashString(JSON.stringify(doc)), () => {
    const document = shared === null ? buildDocument(doc, PENDING) : withoutStyles(buildDocument(doc, PENDING, false));
    return { document, compiled: compile(document) };
  });
  if (shared === null) sharedStyles = xmlPart(compiled, STYLES_PART);
  else compiled.set(STYLES_PART, shared);
  const [regular, bold] = await Promise.all([subsetFace('regular', glyphSet(doc)), subsetFace('bold', glyphSet(boldChars(compiled)))]);
  const files = document.FontTable.files;
  for (const [weight, data] of [['regular', regular], ['bold', bold]] as const) {
    const at = files.findIndex((f) => f.data === PENDING[weight]);
    if (at < 0) throw new Error(`docx: the ${weight} face was not embedded`);
    compiled.set(`word/fonts/font${at + 1}.odttf`, obfuscateFont(data, files[at].fontKey));
  }

  const parts: Record<string, ZipInput> = {};
  const utf8 = new TextEncoder();
  const fonts: Promise<void>[] = [];
  for (const [name, data] of compiled) {
    // As docx's own zipping reads each part.
    const bytes = typeof data === 'string' ? utf8.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    if (name.startsWith('word/fonts/')) fonts.push(deflateCached(bytes, LEVEL).then((c) => void (parts[name] = c)));
    else parts[name] = bytes;
  }
  await Promise.all(fonts);
  return { parts, faces: { regular, bold } };
}

export async function renderDocx(doc: Doc, ctx: RenderContext): Promise<Uint8Array> {
  const opts = { epoch: ctx.epoch, level: LEVEL, rewrite: rewriteEntry(ctx.epoch) } as const;
  const pkg = await packageOf(doc);
  if (pkg) return zipEntries(pkg.parts, opts);
  // docx without a reachable compiler: its own packing, both faces for the whole text, re-packed.
  const faces = await subsetFaces(glyphSet(doc));
  const packed = await withSeededRandom(hashString(JSON.stringify(doc)), () => Packer.toBuffer(buildDocument(doc, faces)));
  return normalizeZip(new Uint8Array(packed), opts);
}

export const backend: Backend = {
  ...info,
  render: renderDocx,
};
