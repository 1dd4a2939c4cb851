/**
 * An independent PPTX reader for the tests: fflate unzips the package and
 * @xmldom/xmldom parses the parts, following the relationships the way an
 * office suite does (presentation → slides in order → notes slides).
 */
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

type El = Element;

export interface RunRead {
  text: string;
  lang: string | null;
  altLang: string | null;
  latin: string | null;
  ea: string | null;
  bold: boolean;
  italic: boolean;
  /** Background colour of the run's text (`a:highlight`), bare hex, or null. */
  highlight: string | null;
  /** Size in points (a:rPr/@sz), or null when the run inherits it. */
  size: number | null;
  /** Where the run links: an external target, or a slide of the deck (its part name) with the jump action. */
  link: { target: string; external: boolean; action: string | null } | null;
}

export interface ParaRead {
  text: string;
  runs: RunRead[];
  /** Fixed line pitch in points (`a:lnSpc/a:spcPts`), or null. */
  pitch: number | null;
  /** Name of the shape holding the paragraph (`Title`, `Text`, `Source`…; `cell` in a table). */
  shape: string;
  /** Children names in order (to check the paragraph-properties position). */
  childNames: string[];
}

export interface SlideRead {
  name: string;
  paras: ParaRead[];
  /** Every `sz` of the slide's run, end-of-paragraph and default run properties, in points. */
  sizes: number[];
  notes: ParaRead[];
  /** Preset geometries of the shapes (`rect`, `ellipse`, `line`, …). */
  shapes: string[];
  tables: number;
  pictures: number;
  hasSlideNumber: boolean;
  /** Texts of the shapes that are the slide's title placeholder (`p:ph type="title"`). */
  titles: string[];
  xml: string;
}

export interface PptxRead {
  entries: Record<string, Uint8Array>;
  size: { cx: number; cy: number };
  slides: SlideRead[];
  core: Record<string, string>;
  app: Record<string, string>;
}

function parse(data: Uint8Array): Document {
  return new DOMParser().parseFromString(strFromU8(data), 'text/xml') as unknown as Document;
}

function all(root: Document | El, ns: string, local: string): El[] {
  return Array.from(root.getElementsByTagNameNS(ns, local)) as El[];
}

function first(root: Document | El, ns: string, local: string): El | null {
  return all(root, ns, local)[0] ?? null;
}

function rels(entries: Record<string, Uint8Array>, part: string): Rels {
  const dir = part.slice(0, part.lastIndexOf('/'));
  const relsName = `${dir}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
  const out: Rels = new Map();
  if (!entries[relsName]) return out;
  for (const r of all(parse(entries[relsName]), NS.rel, 'Relationship')) {
    const target = r.getAttribute('Target') ?? '';
    const external = r.getAttribute('TargetMode') === 'External';
    out.set(r.getAttribute('Id') ?? '', { type: r.getAttribute('Type') ?? '', target: external ? target : resolvePath(dir, target), external });
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

type Rels = Map<string, { type: string; target: string; external: boolean }>;

/** Name of the shape (or `cell` for a table cell) a paragraph belongs to. */
function shapeName(p: El): string {
  for (let n: Node | null = p.parentNode; n; n = n.parentNode) {
    const e = n as El;
    if (e.localName === 'tc') return 'cell';
    if (e.localName === 'sp') return first(e, NS.p, 'cNvPr')?.getAttribute('name') ?? '';
  }
  return '';
}

function readParas(root: Document | El, rels: Rels = new Map()): ParaRead[] {
  return all(root, NS.a, 'p').map((p) => {
    const runs = Array.from(p.childNodes)
      .filter((n): n is El => n.nodeType === 1 && (n as El).localName === 'r')
      .map((r) => {
        const rPr = first(r, NS.a, 'rPr');
        const click = rPr ? first(rPr, NS.a, 'hlinkClick') : null;
        const rel = click ? rels.get(click.getAttributeNS(NS.r, 'id') ?? '') : undefined;
        return {
          text: all(r, NS.a, 't').map((t) => t.textContent ?? '').join(''),
          lang: rPr?.getAttribute('lang') ?? null,
          altLang: rPr?.getAttribute('altLang') ?? null,
          latin: (rPr && first(rPr, NS.a, 'latin')?.getAttribute('typeface')) ?? null,
          ea: (rPr && first(rPr, NS.a, 'ea')?.getAttribute('typeface')) ?? null,
          bold: rPr?.getAttribute('b') === '1',
          italic: rPr?.getAttribute('i') === '1',
          highlight: (rPr && first(rPr, NS.a, 'highlight') && first(first(rPr, NS.a, 'highlight') as El, NS.a, 'srgbClr')?.getAttribute('val')) || null,
          size: rPr?.hasAttribute('sz') ? Number(rPr.getAttribute('sz')) / 100 : null,
          link: click ? { target: rel?.target ?? '', external: rel?.external ?? false, action: click.getAttribute('action') || null } : null,
        };
      });
    const childNames = Array.from(p.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as El).localName);
    const pts = first(p, NS.a, 'lnSpc') ? first(first(p, NS.a, 'lnSpc') as El, NS.a, 'spcPts') : null;
    return { text: runs.map((r) => r.text).join(''), runs, pitch: pts ? Number(pts.getAttribute('val')) / 100 : null, shape: shapeName(p), childNames };
  });
}

function simpleProps(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  const root = doc.documentElement;
  for (const n of Array.from(root.childNodes)) {
    if (n.nodeType === 1) out[(n as El).nodeName] = (n as El).textContent ?? '';
  }
  return out;
}

export function readPptx(bytes: Uint8Array): PptxRead {
  const entries = unzipSync(bytes);
  const presName = 'ppt/presentation.xml';
  const pres = parse(entries[presName]);
  const sz = first(pres, NS.p, 'sldSz');
  const presRels = rels(entries, presName);
  const slides = all(pres, NS.p, 'sldId').map((s): SlideRead => {
    const name = presRels.get(s.getAttributeNS(NS.r, 'id') ?? '')?.target ?? '';
    const doc = parse(entries[name]);
    const slideRels = rels(entries, name);
    const notesRel = [...slideRels.values()].find((r) => r.type.endsWith('/notesSlide'));
    const notesDoc = notesRel ? parse(entries[notesRel.target]) : null;
    // Speaker notes live in the body placeholder of the notes slide.
    const notesBody = notesDoc
      ? all(notesDoc, NS.p, 'sp').find((sp) => first(sp, NS.p, 'ph')?.getAttribute('type') === 'body')
      : undefined;
    return {
      name,
      paras: readParas(doc, slideRels),
      sizes: ['rPr', 'endParaRPr', 'defRPr'].flatMap((t) => all(doc, NS.a, t).filter((e) => e.hasAttribute('sz')).map((e) => Number(e.getAttribute('sz')) / 100)),
      notes: notesBody ? readParas(notesBody) : [],
      shapes: all(doc, NS.a, 'prstGeom').map((g) => g.getAttribute('prst') ?? ''),
      tables: all(doc, NS.a, 'tbl').length,
      pictures: all(doc, NS.p, 'pic').length,
      hasSlideNumber: all(doc, NS.a, 'fld').some((f) => f.getAttribute('type') === 'slidenum'),
      titles: all(doc, NS.p, 'sp')
        .filter((sp) => first(sp, NS.p, 'ph')?.getAttribute('type') === 'title')
        .map((sp) => readParas(sp).map((p) => p.text).join('\n')),
      xml: strFromU8(entries[name]),
    };
  });
  return {
    entries,
    size: { cx: Number(sz?.getAttribute('cx')), cy: Number(sz?.getAttribute('cy')) },
    slides,
    core: simpleProps(parse(entries['docProps/core.xml'])),
    app: simpleProps(parse(entries['docProps/app.xml'])),
  };
}

/** True when the string holds a Han character. */
export const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
