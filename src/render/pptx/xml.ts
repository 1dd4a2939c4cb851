/**
 * Rewrites of the package pptxgenjs writes, applied while the zip is
 * normalised (a pass over the finished file through the zip container; the
 * pptxgenjs version they were written against is pinned, and a shape it no
 * longer writes is an error): one paragraph-properties element per paragraph
 * (pptxgenjs writes one before every run, which the schema does not allow),
 * bilingual language-tagged speaker notes, core properties (dates from the
 * build epoch, keywords, language), the company escaped, and the theme's
 * East Asian fonts. Every run names its language's face in all three slots
 * (pptxgenjs writes them), so a character's script never picks another face.
 */
import { strFromU8, strToU8 } from 'fflate';
import { isoSeconds } from '../zip.js';
import { FONT, LANG_TAG } from './constants.js';
import type { Lang } from '../../ir/types.js';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * pptxgenjs writes an `a:pPr` before every run of a multi-run paragraph;
 * the schema allows one, first. Keep the first of each paragraph.
 */
export function dedupeParagraphProps(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_m, body: string) => {
    let seen = false;
    return `<a:p>${body.replace(PPR, (ppr) => (seen ? '' : ((seen = true), ppr)))}</a:p>`;
  });
}

function notesRun(text: string, lang: Lang): string {
  const altLang = lang === 'zh' ? ' altLang="en-US"' : '';
  const face = escapeXml(FONT[lang]);
  return (
    `<a:p><a:r><a:rPr lang="${LANG_TAG[lang]}"${altLang} dirty="0">` +
    `<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></a:rPr>` +
    `<a:t>${escapeXml(text)}</a:t></a:r></a:p>`
  );
}

/** The notes body pptxgenjs writes: one untagged run. */
const NOTES_BODY = /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>[^<]*<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/;

export interface Notes {
  zh: string;
  en: string;
  /** The citations of the notes ("¶1.2 ¶3.4"). */
  source: string;
}

/** Replace the untagged notes paragraph with a Chinese, an English and a citations paragraph. */
export function bilingualNotes(xml: string, notes: Notes): string {
  const paras = [notes.zh ? notesRun(notes.zh, 'zh') : '', notes.en ? notesRun(notes.en, 'en') : '', notes.source ? notesRun(notes.source, 'en') : ''].join('');
  if (!paras) return xml;
  if (!NOTES_BODY.test(xml)) throw new Error('pptx: speaker-notes body not found where pptxgenjs writes it');
  return xml.replace(NOTES_BODY, paras);
}

/** The headline's text box as pptxgenjs writes it (the emitter names it `Title`). */
const TITLE_SHAPE = /<p:nvSpPr><p:cNvPr id="(\d+)" name="Title"><\/p:cNvPr><p:cNvSpPr\/><p:nvPr><\/p:nvPr><\/p:nvSpPr>/;

/**
 * Make the slide's headline its title placeholder, so applications see the
 * slide's title: PowerPoint's outline and accessibility checker, the list of
 * slides a link can jump to, LibreOffice's navigator. Its own position, size
 * and text properties stay as written.
 */
export function titlePlaceholder(xml: string): string {
  if (xml.includes('name="Title"') && !TITLE_SHAPE.test(xml)) throw new Error('pptx: the headline shape is not written the way pptxgenjs wrote it');
  return xml.replace(TITLE_SHAPE, (_m, id: string) => `<p:nvSpPr><p:cNvPr id="${id}" name="Title"></p:cNvPr><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>`);
}

export interface CoreProps {
  title: string;
  subject: string;
  creator: string;
  keywords: readonly string[];
  language: string;
  epoch: number;
}

/** `docProps/core.xml`, written whole so no clock time or library default survives. */
export function coreXml(p: CoreProps): string {
  const iso = isoSeconds(p.epoch);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:keywords>${escapeXml(p.keywords.join('; '))}</cp:keywords>` +
    `<dc:language>${escapeXml(p.language)}</dc:language>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The company in `docProps/app.xml` (pptxgenjs writes it unescaped). */
export function appCompany(xml: string, company: string): string {
  return xml.replace(/<Company>[\s\S]*?<\/Company>/, `<Company>${escapeXml(company)}</Company>`);
}

/** Theme heading and body fonts: the East Asian slot and the Simplified Chinese script font. */
export function themeFonts(xml: string, face: string = FONT.zh): string {
  return xml.replace(/<a:(major|minor)Font>[\s\S]*?<\/a:\1Font>/g, (block) =>
    block
      .replace(/<a:ea typeface="[^"]*"/, `<a:ea typeface="${escapeXml(face)}"`)
      .replace(/<a:font script="Hans" typeface="[^"]*"/, `<a:font script="Hans" typeface="${escapeXml(face)}"`),
  );
}

export interface PackageInfo {
  core: CoreProps;
  company: string;
  /** Notes per slide, index 0 = slide 1. */
  notes: readonly Notes[];
}

/** The per-entry rewrite handed to `normalizeZip`. */
export function rewritePackage(info: PackageInfo): (name: string, data: Uint8Array) => Uint8Array {
  return (name, data) => {
    if (name === 'docProps/core.xml') return strToU8(coreXml(info.core));
    if (name === 'docProps/app.xml') return strToU8(appCompany(strFromU8(data), info.company));
    if (name === 'ppt/theme/theme1.xml') return strToU8(themeFonts(strFromU8(data)));
    const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name);
    if (slide) return strToU8(titlePlaceholder(dedupeParagraphProps(strFromU8(data))));
    const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
    if (notes) {
      const n = info.notes[Number(notes[1]) - 1];
      return n ? strToU8(bilingualNotes(strFromU8(data), n)) : data;
    }
    return data;
  };
}
