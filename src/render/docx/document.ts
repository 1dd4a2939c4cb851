/**
 * Doc → docx `Document`: the page, header and footer, the table of contents
 * after the title block, the body through the handler table, the comments
 * (speaker notes), the core and custom properties, and the embedded faces.
 *
 * The body is made first, so the faces' subsets can follow from the text it
 * sets bold and italic; the runs and styles name the theme's families, which
 * the package pass renames after the subsets (package.ts, fonts.ts).
 */
import { AlignmentType, CharacterSet, Document, Footer, Header, InternalHyperlink, LeaderType, PageNumber, PageOrientation, PageReference, TabStopType, TextRun, type ISectionOptions, type Paragraph } from 'docx';
import type { Block, Doc } from '../../ir/types.js';
import { CJK_FONT, LANGUAGE, P, TOC_PRODUCTS, pageGeometry, twip } from './constants.js';
import { theme } from '../../theme/theme.js';
import { collectText, type EmbeddedFamily, type StyledText } from './fonts.js';
import { handlers, unknown } from './handlers/index.js';
import { biRuns, plain, raw, textRun, toChildren } from './runs.js';
import { createState, para, type BodyChild, type DocxState, type TocEntry } from './state.js';
import { FONTS, numberingOptions } from './styles.js';

function fieldRun(field: (typeof PageNumber)[keyof typeof PageNumber]) {
  return raw(new TextRun({ children: [field], font: FONTS, language: LANGUAGE }));
}

/** Header with the short title; footer with the page number (slides: title left, number right). */
function headerFooter(st: DocxState, doc: Doc, width: number): Pick<ISectionOptions, 'headers' | 'footers'> {
  const short = biRuns(doc.meta.shortTitle, {}, ' · ');
  if (doc.page === 'slide') {
    const line = para(st, P.slideFooter, [...short, textRun('\t', 'en'), fieldRun(PageNumber.CURRENT)], {
      alignment: AlignmentType.LEFT,
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
    });
    return { footers: { default: new Footer({ children: [line] }) } };
  }
  return {
    headers: { default: new Header({ children: [para(st, P.header, short)] }) },
    footers: { default: new Footer({ children: [para(st, P.footer, [fieldRun(PageNumber.CURRENT)])] }) },
  };
}

/**
 * The table of contents: one paragraph per level-1/2 heading, a link to the
 * heading, a dot leader, and the page number as a PAGEREF field to the
 * heading's bookmark. LibreOffice computes PAGEREF fields from its own
 * layout when it opens the file, so its numbers are those of its pages (a
 * TOC field, by contrast, it shows as written, and nothing written ahead of
 * a layout is reliable); Word fills them in when it opens the file, as the
 * settings ask it to (`updateFields`: it asks the reader first). No number
 * is written ahead: docx's page estimate (docx/layout) follows Word's layout,
 * not LibreOffice's, and cost ≈ 0.3 s a summary plus ≈ 1 s to load.
 */
function tocParagraphs(st: DocxState, entries: readonly TocEntry[], width: number): Paragraph[] {
  return entries.map((e, i) => {
    const text = toChildren(biRuns(e.text, {}));
    // Set off from the title block above and the text below.
    const spacing = i === 0 || i === entries.length - 1 ? { spacing: { ...(i === 0 ? { before: twip(theme.spacing.block) } : {}), ...(i === entries.length - 1 ? { after: twip(theme.spacing.section) } : {}) } } : {};
    return para(st, e.level === 1 ? P.toc1 : P.toc2, [raw(new InternalHyperlink({ anchor: e.bookmark, children: text as TextRun[] })), textRun('\t', 'en'), raw(new PageReference(e.bookmark, { hyperlink: true }) as unknown as TextRun)], {
      tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
      ...spacing,
    });
  });
}

/** The body: blocks through their handlers, with the table of contents after the title block. */
function body(st: DocxState, doc: Doc, width: number): BodyChild[] {
  const titleEnd = doc.blocks.findIndex((b) => b.type !== 'title');
  const head = titleEnd < 0 ? doc.blocks : doc.blocks.slice(0, titleEnd);
  const rest = titleEnd < 0 ? [] : doc.blocks.slice(titleEnd);
  const top = st.all(head);
  const main = st.all(rest);
  // The first entry holds the bookmarks of the Doc's own contents group, which this table replaces.
  if (st.toc?.length) st.bookmarks.pending.push(...(st.tocAnchors ?? []));
  const toc = st.toc && st.toc.length ? tocParagraphs(st, st.toc, width) : [];
  return [...top, ...toc, ...main];
}

/** What the body of a Doc is made of, before the faces are known. */
export interface DocumentParts {
  doc: Doc;
  st: DocxState;
  children: BodyChild[];
  headersFooters: Pick<ISectionOptions, 'headers' | 'footers'>;
  /** The text set in each style (for the faces' subsets). */
  text: StyledText;
}

/** The body, header and footer of a Doc, and the text it sets in each style. */
export function buildBody(doc: Doc): DocumentParts {
  const g = pageGeometry(doc.page === 'slide' ? 'slide' : 'a4');
  const st = createState(doc, { page: doc.page === 'slide' ? 'slide' : 'a4', width: g.contentWidth, ...(TOC_PRODUCTS.includes(doc.product) ? { toc: [], tocAnchors: [] } : {}) }, handlers, unknown);
  const children = body(st, doc, g.contentWidth);
  const headersFooters = headerFooter(st, doc, g.contentWidth);
  const all = collectText(doc.blocks).join('') + collectText(doc.meta.shortTitle).join('');
  return { doc, st, children, headersFooters, text: { all, bold: st.tally.bold.join(''), italic: st.tally.italic.join(''), boldItalic: st.tally.boldItalic.join('') } };
}

/** First numbers of the Doc's ordered lists. */
function listStarts(blocks: readonly Block[], out: number[] = []): number[] {
  for (const b of blocks) {
    if (b.type === 'list') {
      if (b.ordered && b.start !== undefined) out.push(b.start);
      for (const item of b.items) if (item.children) listStarts(item.children, out);
    }
    if ('children' in b && Array.isArray(b.children)) listStarts(b.children, out);
  }
  return out;
}

/** The original as a line of the core properties' description: each of its facts the Doc gives, in order. */
export function originalLine(doc: Doc): string | undefined {
  const s = doc.meta.source;
  if (!s) return undefined;
  return [s.author, s.title, s.outlet, s.date, s.url].filter((x): x is string => !!x && x.trim() !== '').join(' · ');
}

/** Custom properties naming the original (the OPC core schema has no dc:source). */
export function originalProperties(doc: Doc): { name: string; value: string }[] {
  const s = doc.meta.source;
  if (!s) return [];
  const facts: [string, string | undefined][] = [
    ['Original outlet', s.outlet],
    ['Original author', s.author],
    ['Original title', s.title],
    ['Original URL', s.url],
    ['Original date', s.date],
  ];
  return facts.filter((f): f is [string, string] => !!f[1] && f[1].trim() !== '').map(([name, value]) => ({ name, value }));
}

/**
 * The docx `Document` of a Doc's parts with its faces. Without `styles` it
 * leaves out the named styles (the package pass supplies the styles part: see
 * package.ts). `epoch` dates the comments.
 */
export function buildDocument(parts: DocumentParts, families: readonly EmbeddedFamily[], options: { styles?: IStyles; epoch?: number } = {}): Document {
  const { doc, st, children, headersFooters } = parts;
  const g = pageGeometry(doc.page === 'slide' ? 'slide' : 'a4');
  const landscape = doc.page === 'slide';
  const title = `${plain(doc.meta.title.zh)} / ${plain(doc.meta.title.en)}`;
  const description = originalLine(doc);
  return new Document({
    title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords.join('; '),
    ...(description ? { description } : {}),
    customProperties: originalProperties(doc),
    revision: 1,
    ...(options.styles ? { styles: options.styles } : {}),
    numbering: numberingOptions(listStarts(doc.blocks), doc.page === 'slide' ? 'slide' : 'a4'),
    ...(st.comments.length ? { comments: { children: st.comments.map((c) => ({ id: c.id, author: st.author, date: new Date(Math.floor(options.epoch ?? 0) * 1000), children: c.children })) } } : {}),
    fonts: families.map((f) => ({
      name: f.base,
      data: Buffer.from(f.regular),
      ...(f.bold ? { bold: Buffer.from(f.bold) } : {}),
      ...(f.italic ? { italic: Buffer.from(f.italic) } : {}),
      ...(f.boldItalic ? { boldItalic: Buffer.from(f.boldItalic) } : {}),
      characterSet: f.base === CJK_FONT ? CharacterSet.GB_2312 : CharacterSet.ANSI,
    })),
    features: st.toc && st.toc.length ? { updateFields: true } : {},
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
        ...headersFooters,
        children,
      },
    ],
  });
}

type IStyles = NonNullable<ConstructorParameters<typeof Document>[0]['styles']>;
