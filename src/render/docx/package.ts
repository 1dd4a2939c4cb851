/**
 * The DOCX package: docx's public `Packer` makes it, then one pass through
 * the zip container makes its bytes depend only on the Doc and the epoch:
 *
 * - the embedded faces: docx embeds stand-ins under random obfuscation keys
 *   (`w:fontKey`, from Math.random); the pass puts in the subsets (the
 *   regular face with every character of the document, the bold face with
 *   the text set in bold), obfuscated (ECMA-376) under keys derived from
 *   their bytes, their compressed forms reused from build to build;
 * - relationship ids docx draws at random (hyperlinks) are numbered after
 *   the ones it numbers itself, in document order;
 * - bookmark ids, which docx takes from process-wide counters, are numbered
 *   from 1 in document order;
 * - the creation and modification dates come from the epoch, and the
 *   package names its language.
 *
 * The styles part is the same for every document (`stylesOptions()`), so it
 * is made once per thread and handed to Packer as an override.
 */
import { createHash } from 'node:crypto';
import { Document, Packer } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { Doc } from '../../ir/types.js';
import { deflateCached, ooxmlCoreDates, zipEntries, type ZipInput } from '../zip.js';
import { DOC_LANGUAGE } from './constants.js';
import { buildBody, buildDocument } from './document.js';
import { embeddedFamilies, type EmbeddedFamily } from './fonts.js';
import { withoutAutospace } from './slide-styles.js';
import { stylesOptions, withTableStyles } from './styles.js';

/** Deflate level of every entry of the package. */
export const LEVEL = 6;

let stylesPart: Promise<string> | null = null;

/** `word/styles.xml` as docx writes it for `stylesOptions()`, with the table styles docx has no option for. */
export function sharedStyles(): Promise<string> {
  stylesPart ??= (async () => {
    const packed = await Packer.toBuffer(new Document({ styles: stylesOptions(), sections: [{ children: [] }] }));
    return withoutAutospace(withTableStyles(strFromU8(unzipSync(new Uint8Array(packed))['word/styles.xml'])));
  })();
  return stylesPart;
}

/**
 * An embedded face as the package stores it (ECMA-376 font obfuscation): the
 * first 32 bytes XOR the font key's 16 bytes, read from the key's last hex
 * pair to its first.
 */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`docx: not a font key: ${fontKey}`);
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = Uint8Array.from(data);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] ^= key[i % 16];
  return out;
}

/** A font key (a GUID) derived from the face's bytes: the same subset always gets the same key. */
export function fontKeyOf(data: Uint8Array): string {
  const h = createHash('sha256').update('briefwright-font-key').update(data).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** An attribute of an element's attribute text. */
const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** The font-table element that embeds each face of a family. */
const EMBED = { regular: 'embedRegular', bold: 'embedBold', italic: 'embedItalic', boldItalic: 'embedBoldItalic' } as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Put each family's renamed faces where docx embedded them: find each face's
 * relationship and key in the font table, give it a key derived from the
 * face's bytes, and store the face obfuscated under it; the font table names
 * the family by its own name, with the theme's name as its alternative (what
 * an application without the embedded font substitutes).
 */
export async function embedFaces(entries: Record<string, ZipInput>, families: readonly Pick<EmbeddedFamily, 'base' | 'name' | 'regular' | 'bold' | 'italic' | 'boldItalic'>[]): Promise<void> {
  const tableName = 'word/fontTable.xml';
  const relsName = 'word/_rels/fontTable.xml.rels';
  let table = strFromU8(entries[tableName] as Uint8Array);
  const rels = strFromU8(entries[relsName] as Uint8Array);
  const targets = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')]));
  const parts: Promise<void>[] = [];
  for (const family of families) {
    const open = `<w:font w:name="${escapeXml(family.base)}">`;
    const at = table.indexOf(open);
    const end = at < 0 ? -1 : table.indexOf('</w:font>', at);
    if (at < 0 || end < 0) throw new Error(`docx: the ${family.base} face is not embedded in ${tableName}`);
    let font = table.slice(at, end);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const data = family[face];
      if (!data) continue;
      const element = new RegExp(`<w:${EMBED[face]}\\b([^>]*)/>`).exec(font);
      const target = element && targets.get(attr(element[1], 'r:id'));
      const oldKey = element && attr(element[1], 'w:fontKey');
      if (!element || !target || !oldKey) throw new Error(`docx: the ${face} face of ${family.base} is not embedded in ${tableName}`);
      const key = fontKeyOf(data);
      font = font.replace(element[0], element[0].replace(`w:fontKey="${oldKey}"`, `w:fontKey="${key}"`));
      const name = `word/${target}`;
      if (!(name in entries)) throw new Error(`docx: ${name} is missing`);
      parts.push(deflateCached(obfuscateFont(data, key), LEVEL).then((c) => void (entries[name] = c)));
    }
    font = font.replace(open, `<w:font w:name="${escapeXml(family.name)}"><w:altName w:val="${escapeXml(family.base)}"/>`);
    table = table.slice(0, at) + font + table.slice(end);
  }
  entries[tableName] = strToU8(table);
  await Promise.all(parts);
}

/**
 * Name each family by its own name in the runs, styles and numbering of
 * every part: the `w:rFonts` slots that name the theme's family.
 */
export function renameFamilies(entries: Record<string, ZipInput>, families: readonly Pick<EmbeddedFamily, 'base' | 'name'>[]): void {
  const byBase = new Map(families.map((f) => [escapeXml(f.base), escapeXml(f.name)]));
  const pattern = new RegExp(`(w:(?:ascii|hAnsi|eastAsia|cs)=")(${[...byBase.keys()].map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
  for (const name of Object.keys(entries)) {
    const data = entries[name];
    if (!/^word\/[^/]+\.xml$/.test(name) || name === 'word/fontTable.xml' || !(data instanceof Uint8Array)) continue;
    const xml = strFromU8(data);
    const renamed = xml.replace(pattern, (_m, head: string, base: string) => `${head}${byBase.get(base)}"`);
    if (renamed !== xml) entries[name] = strToU8(renamed);
  }
}

/**
 * Number the relationships docx gives random ids (`Id` not `rId<n>`) after
 * the numbered ones of their part, in the order they are listed, and rename
 * them in the part they belong to.
 */
export function renameRandomIds(entries: Record<string, ZipInput>): void {
  for (const relsName of Object.keys(entries)) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsName);
    const rels = entries[relsName];
    if (!m || !(rels instanceof Uint8Array)) continue;
    let relsXml = strFromU8(rels);
    const ids = [...relsXml.matchAll(/<Relationship\b[^>]*\sId="([^"]*)"/g)].map((x) => x[1]);
    const random = ids.filter((id) => !/^rId\d+$/.test(id));
    if (random.length === 0) continue;
    let next = Math.max(0, ...ids.filter((id) => /^rId\d+$/.test(id)).map((id) => Number(id.slice(3))));
    const renamed = new Map(random.map((id) => [id, `rId${++next}`]));
    const sourceName = `${m[1]}${m[2]}`;
    const source = entries[sourceName];
    // One pass over each part (a reading edition links hundreds of times: a pass per id was quadratic).
    relsXml = relsXml.replace(/(\sId=")([^"]*)"/g, (whole, head: string, id: string) => (renamed.has(id) ? `${head}${renamed.get(id)}"` : whole));
    const sourceXml = source instanceof Uint8Array ? strFromU8(source).replace(/(\sr:id=")([^"]*)"/g, (whole, head: string, id: string) => (renamed.has(id) ? `${head}${renamed.get(id)}"` : whole)) : '';
    entries[relsName] = strToU8(relsXml);
    if (source instanceof Uint8Array) entries[sourceName] = strToU8(sourceXml);
  }
}

/** Map each distinct number (ascending) to 1, 2, 3… */
function denseMap(numbers: Iterable<number>): Map<number, number> {
  return new Map([...new Set(numbers)].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
}

/**
 * Renumber bookmark ids (`w:bookmarkStart/End w:id`) and the `_TocN` bookmark
 * names from 1 in document order, whatever the process-wide counters were at.
 */
export function renumberBookmarks(xml: string): string {
  const ids = denseMap([...xml.matchAll(/<w:bookmark(?:Start|End)\b[^>]*?\sw:id="(\d+)"/g)].map((m) => Number(m[1])));
  const toc = denseMap([...xml.matchAll(/_Toc(\d+)/g)].map((m) => Number(m[1])));
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g, (_m, head: string, n: string) => `${head}${ids.get(Number(n))}"`)
    .replace(/_Toc(\d+)/g, (_m, n: string) => `_Toc${toc.get(Number(n))}`);
}

/** Epoch dates and language in core.xml, dense bookmark ids in the document. */
export function rewriteEntry(epoch: number): (name: string, data: Uint8Array) => Uint8Array {
  const dates = ooxmlCoreDates(epoch);
  return (name, data) => {
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(dates(name, data));
      return strToU8(xml.includes('<dc:language>') ? xml : xml.replace('</cp:coreProperties>', `<dc:language>${DOC_LANGUAGE}</dc:language></cp:coreProperties>`));
    }
    if (name === 'word/document.xml') return strToU8(renumberBookmarks(strFromU8(data)));
    return data;
  };
}

const STAND_IN = new Uint8Array([0]);

/** A family with one-byte stand-ins for its faces (same faces present). */
const standIns = (f: EmbeddedFamily): EmbeddedFamily => ({
  ...f,
  regular: STAND_IN,
  ...(f.bold ? { bold: STAND_IN } : {}),
  ...(f.italic ? { italic: STAND_IN } : {}),
  ...(f.boldItalic ? { boldItalic: STAND_IN } : {}),
});

/** The DOCX bytes of a Doc. */
export async function packDocx(doc: Doc, epoch: number): Promise<Uint8Array> {
  const parts = buildBody(doc);
  const [families, styles] = await Promise.all([embeddedFamilies(parts.text), sharedStyles()]);
  // Packer would compress every face it embeds, only for the package pass to put the renamed faces
  // in their place (embedFaces): it gets one-byte stand-ins.
  const document = buildDocument(parts, families.map(standIns), { epoch });
  const packed = await Packer.toBuffer(document, false, [{ path: 'word/styles.xml', data: styles }]);
  const entries: Record<string, ZipInput> = unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  await embedFaces(entries, families);
  renameFamilies(entries, families);
  renameRandomIds(entries);
  return zipEntries(entries, { epoch, level: LEVEL, rewrite: rewriteEntry(epoch) });
}
