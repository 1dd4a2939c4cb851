/**
 * An independent DOCX reader for tests: unzips with fflate and parses the
 * WordprocessingML with xmldom (nothing from the docx library), then answers
 * what a user would check: paragraph text, the effective East Asian font and
 * language of every run (resolved through styles), check boxes, page sizes,
 * core properties and embedded fonts.
 */
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type El = Element;

export function children(el: El, local: string, ns = W): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as El).localName === local && (n as El).namespaceURI === ns) out.push(n as El);
  }
  return out;
}
export const child = (el: El | undefined, local: string, ns = W): El | undefined => (el ? children(el, local, ns)[0] : undefined);
export function all(el: El | Document, local: string, ns = W): El[] {
  return Array.from(el.getElementsByTagNameNS(ns, local) as unknown as ArrayLike<El>);
}
export const attr = (el: El | undefined, local: string, ns = W): string | null => (el ? el.getAttributeNS(ns, local) || null : null);

/** Text of a run or paragraph: w:t joined (tabs as \t). */
export function textOf(el: El): string {
  let s = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as El;
      if (e.namespaceURI === W && e.localName === 't') s += e.textContent ?? '';
      else if (e.namespaceURI === W && e.localName === 'tab' && n.nodeType === 1 && (n as El).localName === 'r') s += '\t';
      else walk(e);
    }
  };
  walk(el);
  return s;
}

export const HAN = /\p{Script=Han}/u;

interface StyleInfo {
  basedOn: string | null;
  rPr: El | undefined;
}

export interface RunProps {
  eastAsiaFont: string | null;
  eastAsiaLang: string | null;
  latinLang: string | null;
}

export class DocxReader {
  readonly entries: Record<string, Uint8Array>;
  private readonly cache = new Map<string, Document>();
  private readonly styles = new Map<string, StyleInfo>();
  private readonly defaultRPr: El | undefined;
  private readonly defaultParaStyle: string | null;

  constructor(bytes: Uint8Array) {
    this.entries = unzipSync(bytes);
    const styles = this.xml('word/styles.xml').documentElement;
    this.defaultRPr = child(child(child(styles, 'docDefaults'), 'rPrDefault'), 'rPr');
    let defaultPara: string | null = null;
    for (const s of children(styles, 'style')) {
      const id = attr(s, 'styleId')!;
      this.styles.set(id, { basedOn: attr(child(s, 'basedOn'), 'val'), rPr: child(s, 'rPr') });
      if (attr(s, 'type') === 'paragraph' && attr(s, 'default') && ['1', 'true'].includes(attr(s, 'default')!)) defaultPara = id;
    }
    this.defaultParaStyle = defaultPara;
  }

  text(name: string): string {
    const e = this.entries[name];
    if (!e) throw new Error(`no entry ${name} in the package`);
    return strFromU8(e);
  }

  xml(name: string): Document {
    let d = this.cache.get(name);
    if (!d) {
      d = new DOMParser({ errorHandler: { error: (m: string) => { throw new Error(`${name}: ${m}`); }, fatalError: (m: string) => { throw new Error(`${name}: ${m}`); } } }).parseFromString(this.text(name), 'application/xml') as unknown as Document;
      this.cache.set(name, d);
    }
    return d;
  }

  get document(): Document {
    return this.xml('word/document.xml');
  }

  /** document.xml, headers and footers. */
  parts(): string[] {
    return Object.keys(this.entries).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  }

  styleIds(): string[] {
    return [...this.styles.keys()];
  }

  styleXml(id: string): El | undefined {
    return children(this.xml('word/styles.xml').documentElement, 'style').find((s) => attr(s, 'styleId') === id);
  }

  /** Body paragraphs (tables and content controls included) with their style and joined run text. */
  paragraphs(part = 'word/document.xml'): { style: string | null; text: string; el: El }[] {
    return all(this.xml(part), 'p').map((p) => ({ style: attr(child(child(p, 'pPr'), 'pStyle'), 'val'), text: textOf(p), el: p }));
  }

  /** One attribute of rFonts/lang, looked up: run → character style chain → paragraph style chain → defaults. */
  private resolve(run: El, element: 'rFonts' | 'lang', key: string): string | null {
    const own = attr(child(child(run, 'rPr'), element), key);
    if (own) return own;
    const viaStyle = (id: string | null): string | null => {
      const seen = new Set<string>();
      while (id && !seen.has(id)) {
        seen.add(id);
        const s = this.styles.get(id);
        const v = attr(child(s?.rPr, element), key);
        if (v) return v;
        id = s?.basedOn ?? null;
      }
      return null;
    };
    const rStyle = attr(child(child(run, 'rPr'), 'rStyle'), 'val');
    const fromChar = viaStyle(rStyle);
    if (fromChar) return fromChar;
    let p: Node | null = run.parentNode;
    while (p && !(p.nodeType === 1 && (p as El).localName === 'p')) p = p.parentNode;
    const pStyle = p ? attr(child(child(p as El, 'pPr'), 'pStyle'), 'val') : null;
    const fromPara = viaStyle(pStyle ?? this.defaultParaStyle);
    if (fromPara) return fromPara;
    return attr(child(this.defaultRPr, element), key);
  }

  /** Every run with text in a part, with its effective East Asian font and languages. */
  runs(part = 'word/document.xml'): ({ text: string; el: El; explicit: boolean } & RunProps)[] {
    return all(this.xml(part), 'r')
      .map((r) => ({ r, text: children(r, 't').map((t) => t.textContent ?? '').join('') }))
      .filter(({ text }) => text !== '')
      .map(({ r, text }) => ({
        text,
        el: r,
        explicit: !!attr(child(child(r, 'rPr'), 'rFonts'), 'eastAsia') && !!attr(child(child(r, 'rPr'), 'lang'), 'eastAsia'),
        eastAsiaFont: this.resolve(r, 'rFonts', 'eastAsia'),
        eastAsiaLang: this.resolve(r, 'lang', 'eastAsia'),
        latinLang: this.resolve(r, 'lang', 'val'),
      }));
  }

  /** w14:checkbox content controls: alias, checked state. */
  checkboxes(): { alias: string | null; tag: string | null; checked: boolean; symbol: string | null }[] {
    return all(this.document, 'checkbox', W14).map((cb) => {
      const sdtPr = cb.parentNode as El;
      const sdt = sdtPr.parentNode as El;
      const content = child(sdt, 'sdtContent');
      const sym = content ? all(content, 'sym')[0] : undefined;
      return {
        alias: attr(child(sdtPr, 'alias'), 'val'),
        tag: attr(child(sdtPr, 'tag'), 'val'),
        checked: ['1', 'true'].includes(attr(child(cb, 'checked', W14), 'val', W14) ?? '0'),
        symbol: sym ? attr(sym, 'char') : textOf(content ?? cb) || null,
      };
    });
  }

  /** Page size and orientation of each section. */
  sections(): { w: number; h: number; orient: string | null }[] {
    return all(this.document, 'sectPr').map((s) => {
      const sz = child(s, 'pgSz');
      return { w: Number(attr(sz, 'w')), h: Number(attr(sz, 'h')), orient: attr(sz, 'orient') };
    });
  }

  /** Core properties (dc:, dcterms:, cp:) by local name. */
  core(): Record<string, string> {
    const out: Record<string, string> = {};
    const root = this.xml('docProps/core.xml').documentElement;
    for (let n = root.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out[(n as El).localName] = n.textContent ?? '';
    return out;
  }

  /** Embedded faces of each font in fontTable.xml, de-obfuscated (ECMA-376 Part 1, 17.8.1). */
  embeddedFonts(): { name: string; face: string; data: Uint8Array }[] {
    const rels = this.xml('word/_rels/fontTable.xml.rels');
    const target = new Map(all(rels, 'Relationship', 'http://schemas.openxmlformats.org/package/2006/relationships').map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
    const out: { name: string; face: string; data: Uint8Array }[] = [];
    for (const font of children(this.xml('word/fontTable.xml').documentElement, 'font')) {
      for (let n = font.firstChild; n; n = n.nextSibling) {
        const e = n as El;
        if (n.nodeType !== 1 || !e.localName.startsWith('embed')) continue;
        const file = `word/${target.get(e.getAttributeNS(R, 'id'))}`;
        const key = attr(e, 'fontKey')!.replace(/[{}-]/g, '');
        const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(key.slice(30 - 2 * i, 32 - 2 * i), 16));
        const data = Uint8Array.from(this.entries[file]);
        for (let i = 0; i < 32; i++) data[i] ^= keyBytes[i % 16];
        out.push({ name: attr(font, 'name')!, face: e.localName, data });
      }
    }
    return out;
  }
}
