/**
 * Doc → docx `Document`: the page, header and footer, the table of contents
 * after the title block, and the body through the handler table. The faces
 * are embedded as stand-ins here; `package.ts` puts the subsets in.
 */
import { AlignmentType, CharacterSet, Document, Footer, Header, PageNumber, PageOrientation, TableOfContents, TabStopType, TextRun, type ISectionOptions, type Paragraph } from 'docx';
import type { Block, Doc } from '../../ir/types.js';
import { CJK_FONT, LANGUAGE, P, TOC_PRODUCTS, TOC_TITLE, pageGeometry } from './constants.js';
import { handlers, unknown } from './handlers/index.js';
import { biRuns, plain, raw, textRun } from './runs.js';
import { createState, para, type BodyChild } from './state.js';
import { FONTS, numberingOptions } from './styles.js';

/** Checked items anywhere in the block tree. */
function countChecked(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'checkItem' && b.checked) n++;
    if ('children' in b && Array.isArray(b.children)) n += countChecked(b.children);
  }
  return n;
}

function fieldRun(field: (typeof PageNumber)[keyof typeof PageNumber]) {
  return raw(new TextRun({ children: [field], font: FONTS, language: LANGUAGE }));
}

/** Header with the short title; footer with "page / pages" (slides: title left, number right). */
function headerFooter(doc: Doc, width: number, bold: string[]): Pick<ISectionOptions, 'headers' | 'footers'> {
  const st = { bold };
  const short = biRuns(doc.meta.shortTitle, {}, ' · ');
  const numbers = [fieldRun(PageNumber.CURRENT), textRun(' / ', 'en'), fieldRun(PageNumber.TOTAL_PAGES)];
  if (doc.page === 'slide') {
    const line = para(st, P.footer, [...short, textRun('\t', 'en'), ...numbers], {
      alignment: AlignmentType.LEFT,
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
    });
    return { footers: { default: new Footer({ children: [line] }) } };
  }
  return {
    headers: { default: new Header({ children: [para(st, P.header, short)] }) },
    footers: { default: new Footer({ children: [para(st, P.footer, numbers)] }) },
  };
}

/** The body: blocks through their handlers, with the table of contents after the title block. */
function body(doc: Doc, width: number, bold: string[]): (BodyChild | TableOfContents)[] {
  const st = createState({ page: doc.page === 'slide' ? 'slide' : 'a4', width, checked: countChecked(doc.blocks) }, handlers, unknown);
  st.bold = bold;
  const titleEnd = doc.blocks.findIndex((b) => b.type !== 'title');
  const head = titleEnd < 0 ? doc.blocks : doc.blocks.slice(0, titleEnd);
  const rest = titleEnd < 0 ? [] : doc.blocks.slice(titleEnd);
  const toc: (Paragraph | TableOfContents)[] = TOC_PRODUCTS.includes(doc.product)
    ? [
        para(st, P.tocHeading, biRuns({ zh: [{ text: TOC_TITLE.zh }], en: [{ text: TOC_TITLE.en }] })),
        new TableOfContents(`${TOC_TITLE.zh} ${TOC_TITLE.en}`, { hyperlink: true, headingStyleRange: '1-2' }),
      ]
    : [];
  return [...st.all(head), ...toc, ...st.all(rest)];
}

/** Stand-in bytes for the two faces: the package pass replaces them with the subsets (see package.ts). */
export const FACE_STAND_INS = { regular: new Uint8Array([0]), bold: new Uint8Array([1]) } as const;

/**
 * The docx `Document` of a Doc and the text it sets in bold. Without
 * `styles` it leaves out the named styles (the package pass supplies the
 * styles part: see package.ts).
 */
export function buildDocument(doc: Doc, options: { styles?: IStyles } = {}): { document: Document; bold: string } {
  const g = pageGeometry(doc.page === 'slide' ? 'slide' : 'a4');
  const landscape = doc.page === 'slide';
  const title = `${plain(doc.meta.title.zh)} / ${plain(doc.meta.title.en)}`;
  const bold: string[] = [];
  const document = new Document({
    title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords.join('; '),
    description: `${plain(doc.meta.shortTitle.zh)} · ${plain(doc.meta.shortTitle.en)}`,
    revision: 1,
    ...(options.styles ? { styles: options.styles } : {}),
    numbering: numberingOptions(),
    fonts: [{ name: CJK_FONT, data: Buffer.from(FACE_STAND_INS.regular), bold: Buffer.from(FACE_STAND_INS.bold), characterSet: CharacterSet.GB_2312 }],
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
        ...headerFooter(doc, g.contentWidth, bold),
        children: body(doc, g.contentWidth, bold),
      },
    ],
  });
  return { document, bold: bold.join('') };
}

type IStyles = NonNullable<ConstructorParameters<typeof Document>[0]['styles']>;
