/**
 * An independent check that every text of a PPTX fits its box, read from the
 * file itself: each text box's frame, insets and paragraphs (runs with their
 * size, faces, bold and italic; the fixed line pitch and spacing of each
 * paragraph) come from the slide XML; widths from the faces the runs name,
 * read with fontkit (a character the named face lacks is set in Noto Sans
 * SC, as on a machine with only the project's fonts); lines broken where
 * Unicode's line-breaking algorithm (UAX #14, the `linebreak` package) allows
 * and filled greedily, as office suites fill them. Where Asian and Latin text
 * meet, LibreOffice adds a fifth of the text's height; that is added too.
 * LibreOffice sets each hyperlink as a field it never breaks (a field
 * wider than the line is cut between characters): no line breaks inside a
 * linked run. Nothing here comes from the backend's own measuring code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { fontPath, latinFontPath } from '../../../src/fonts/index.js';

const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
} as const;
const EMU_PER_PT = 12700;

interface Font {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

// fontkit and linebreak as pdfkit (under pdfmake) resolves them: the versions the lock file pins.
const pdfkitRequire = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
const fontkit = pdfkitRequire('fontkit') as { create(b: Uint8Array): Font };
const LineBreaker = pdfkitRequire('linebreak') as new (s: string) => { nextBreak(): { position: number; required: boolean } | null };

const fonts = new Map<string, Font>();
function font(file: string): Font {
  let f = fonts.get(file);
  if (!f) {
    f = fontkit.create(new Uint8Array(readFileSync(file)));
    fonts.set(file, f);
  }
  return f;
}

/** The font file an office suite uses for `typeface` in this style. */
function faceFile(typeface: string, bold: boolean, italic: boolean): string | null {
  if (typeface === 'Noto Sans SC') return fontPath(bold ? 'bold' : 'regular');
  if (typeface === 'Noto Sans') return latinFontPath(bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
  return null;
}

/** East Asian characters take the run's `ea` face in PowerPoint. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

export interface RunInfo {
  text: string;
  size: number;
  bold: boolean;
  italic: boolean;
  latin: string | null;
  ea: string | null;
  lang: string | null;
  /** The run is a hyperlink (`a:hlinkClick`). */
  link: boolean;
}

export interface ParaInfo {
  runs: RunInfo[];
  /** Fixed line pitch in points, or null when the paragraph has none. */
  pitch: number | null;
  before: number;
  after: number;
}

export interface BoxInfo {
  slide: number;
  name: string;
  kind: 'text' | 'cell';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Room for text: the box less its insets. */
  innerW: number;
  innerH: number;
  paras: ParaInfo[];
  /** Autofit elements found (the deck must not rely on an application shrinking text). */
  autofit: string[];
}

function el(parent: Element | Document, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name)) as Element[];
}
function child(parent: Element, ns: string, name: string): Element | null {
  return (Array.from(parent.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns) as Element) ?? null;
}
const num = (e: Element | null, attr: string, dflt: number) => (e?.hasAttribute(attr) ? Number(e.getAttribute(attr)) : dflt);

function readParas(txBody: Element): ParaInfo[] {
  // A run without a size takes the text body's list style (the slide-number field), else 18 pt.
  const lst = child(txBody, NS.a, 'lstStyle');
  const lvl1 = lst ? child(lst, NS.a, 'lvl1pPr') : null;
  const defSize = num(lvl1 ? child(lvl1, NS.a, 'defRPr') : null, 'sz', 1800);
  return el(txBody, NS.a, 'p').map((p) => {
    const pPr = child(p, NS.a, 'pPr');
    const lnSpc = pPr ? child(pPr, NS.a, 'lnSpc') : null;
    const pts = lnSpc ? child(lnSpc, NS.a, 'spcPts') : null;
    const spc = (name: string) => {
      const e = pPr ? child(pPr, NS.a, name) : null;
      const v = e ? child(e, NS.a, 'spcPts') : null;
      return v ? Number(v.getAttribute('val')) / 100 : 0;
    };
    const runs: RunInfo[] = Array.from(p.childNodes)
      .filter((n): n is Element => n.nodeType === 1 && ((n as Element).localName === 'r' || (n as Element).localName === 'fld'))
      .map((r) => {
        const rPr = child(r, NS.a, 'rPr');
        const face = (name: string) => (rPr && child(rPr, NS.a, name)?.getAttribute('typeface')) ?? null;
        return {
          text: el(r, NS.a, 't').map((t) => t.textContent ?? '').join(''),
          size: num(rPr, 'sz', defSize) / 100,
          bold: rPr?.getAttribute('b') === '1',
          italic: rPr?.getAttribute('i') === '1',
          latin: face('latin'),
          ea: face('ea'),
          lang: rPr?.getAttribute('lang') ?? null,
          link: rPr !== null && child(rPr, NS.a, 'hlinkClick') !== null,
        };
      });
    return { runs, pitch: pts ? Number(pts.getAttribute('val')) / 100 : null, before: spc('spcBef'), after: spc('spcAft') };
  });
}

/** Every text box and table cell of every slide of a PPTX, read from its XML. */
export function textBoxes(bytes: Uint8Array): BoxInfo[] {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const out: BoxInfo[] = [];
  names.forEach((name, i) => {
    const doc = new DOMParser().parseFromString(strFromU8(entries[name]), 'text/xml') as unknown as Document;
    for (const sp of el(doc, NS.p, 'sp')) {
      const tx = child(sp, NS.p, 'txBody');
      if (!tx) continue;
      const off = el(sp, NS.a, 'off')[0];
      const ext = el(sp, NS.a, 'ext')[0];
      const body = child(tx, NS.a, 'bodyPr');
      const [x, y, w, h] = [num(off, 'x', 0), num(off, 'y', 0), num(ext, 'cx', 0), num(ext, 'cy', 0)].map((v) => v / EMU_PER_PT);
      const ins = (a: string, d: number) => num(body, a, d) / EMU_PER_PT;
      out.push({
        slide: i + 1,
        name: el(sp, NS.p, 'cNvPr')[0]?.getAttribute('name') ?? '',
        kind: 'text',
        x,
        y,
        w,
        h,
        innerW: w - ins('lIns', 91440) - ins('rIns', 91440),
        innerH: h - ins('tIns', 45720) - ins('bIns', 45720),
        paras: readParas(tx),
        autofit: body ? ['normAutofit', 'spAutoFit'].filter((a) => child(body, NS.a, a)) : [],
      });
    }
    for (const frame of el(doc, NS.p, 'graphicFrame')) {
      const tbl = el(frame, NS.a, 'tbl')[0];
      if (!tbl) continue;
      const off = el(frame, NS.a, 'off')[0];
      const cols = el(tbl, NS.a, 'gridCol').map((g) => num(g, 'w', 0) / EMU_PER_PT);
      let y = num(off, 'y', 0) / EMU_PER_PT;
      for (const tr of el(tbl, NS.a, 'tr')) {
        const rowH = num(tr, 'h', 0) / EMU_PER_PT;
        let x = num(off, 'x', 0) / EMU_PER_PT;
        el(tr, NS.a, 'tc').forEach((tc, c) => {
          const tcPr = child(tc, NS.a, 'tcPr');
          const m = (a: string, d: number) => num(tcPr, a, d) / EMU_PER_PT;
          const txBody = child(tc, NS.a, 'txBody');
          out.push({
            slide: i + 1,
            name: 'cell',
            kind: 'cell',
            x,
            y,
            w: cols[c],
            h: rowH,
            innerW: cols[c] - m('marL', 91440) - m('marR', 91440),
            innerH: rowH - m('marT', 45720) - m('marB', 45720),
            paras: txBody ? readParas(txBody) : [],
            autofit: [],
          });
          x += cols[c];
        });
        y += rowH;
      }
    }
  });
  return out;
}

type Script = 'asian' | 'latin' | null;
const scriptOf = (ch: string): Script => (EAST_ASIAN.test(ch) ? 'asian' : /[\p{L}\p{N}]/u.test(ch) ? 'latin' : null);

interface Glyph {
  ch: string;
  w: number;
  /** Index of the linked run the glyph belongs to (a field), or -1. */
  field: number;
}

/** Each character's advance in points, with LibreOffice's space where Asian and Latin text meet. */
function glyphs(p: ParaInfo): Glyph[] {
  const out: Glyph[] = [];
  let script: Script = null;
  for (const [k, r] of p.runs.entries()) {
    for (const ch of r.text) {
      const cp = ch.codePointAt(0) as number;
      const typeface = (EAST_ASIAN.test(ch) ? r.ea : r.latin) ?? r.latin ?? 'Noto Sans SC';
      let file = faceFile(typeface, r.bold, r.italic);
      if (!file || !font(file).hasGlyphForCodePoint(cp)) file = fontPath(r.bold ? 'bold' : 'regular');
      const f = font(file);
      const s = scriptOf(ch);
      if (s !== null && script !== null && s !== script && out.length > 0) {
        out[out.length - 1].w += ((f.ascent - f.descent) / f.unitsPerEm / 5) * r.size;
      }
      if (s !== null) script = s;
      out.push({ ch, w: (f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm : 1) * r.size, field: r.link ? k : -1 });
    }
  }
  return out;
}

/** The lines a paragraph takes in `width` points: greedy, at UAX #14 break opportunities. */
export function lineCount(p: ParaInfo, width: number): number {
  const g = glyphs(p);
  const text = g.map((x) => x.ch).join('');
  if (text === '') return 1;
  // Break positions as code-unit offsets → glyph indices.
  const unitToGlyph: number[] = [];
  let u = 0;
  g.forEach((x, i) => {
    unitToGlyph[u] = i;
    u += x.ch.length;
  });
  unitToGlyph[u] = g.length;
  const breaks: number[] = [];
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    const at = unitToGlyph[b.position];
    // Never inside a hyperlink field.
    if (at > 0 && at < g.length && g[at - 1].field >= 0 && g[at - 1].field === g[at].field) continue;
    breaks.push(at);
  }
  let lines = 1;
  let x = 0;
  let start = 0;
  for (const end of breaks) {
    const seg = g.slice(start, end);
    start = end;
    let trail = seg.length;
    while (trail > 0 && /\s/.test(seg[trail - 1].ch)) trail--;
    const ink = seg.slice(0, trail).reduce((s, y) => s + y.w, 0);
    const all = seg.reduce((s, y) => s + y.w, 0);
    if (x > 0 && x + ink > width) {
      lines++;
      x = 0;
    }
    if (ink > width) {
      // A word longer than the line: broken between characters.
      for (const y of seg.slice(0, trail)) {
        if (x > 0 && x + y.w > width) {
          lines++;
          x = 0;
        }
        x += y.w;
      }
      x += all - ink;
    } else x += all;
  }
  return lines;
}

export interface Misfit {
  box: BoxInfo;
  need: number;
  text: string;
}

/** Single line spacing of the faces used, for a paragraph without a fixed pitch (the slide-number field): Noto Sans SC's 1.448 em. */
const SINGLE = 1.45;

/** Height the paragraphs of a box need. */
export function needed(box: BoxInfo): number {
  let h = 0;
  for (const p of box.paras) {
    if (p.runs.every((r) => r.text === '')) continue;
    const pitch = p.pitch ?? SINGLE * Math.max(...p.runs.map((r) => r.size));
    h += lineCount(p, box.innerW) * pitch + p.before + p.after;
  }
  return h;
}

/** Boxes whose text needs more height than they have (tolerance `tol` points). */
export function misfits(bytes: Uint8Array, tol = 0.5): Misfit[] {
  const out: Misfit[] = [];
  for (const box of textBoxes(bytes)) {
    const need = needed(box);
    const text = box.paras.map((p) => p.runs.map((r) => r.text).join('')).join(' / ');
    if (need > box.innerH + tol) out.push({ box, need, text });
  }
  return out;
}

/** Text boxes (and table frames) that leave the slide or overlap one another. */
export function placementProblems(bytes: Uint8Array, slide = { w: 720, h: 405 }, tol = 0.5): string[] {
  const boxes = textBoxes(bytes);
  const out: string[] = [];
  for (const b of boxes) {
    if (b.x < -tol || b.y < -tol || b.x + b.w > slide.w + tol || b.y + b.h > slide.h + tol) out.push(`slide ${b.slide}: ${b.name} leaves the slide`);
  }
  const bySlide = new Map<number, BoxInfo[]>();
  for (const b of boxes.filter((x) => x.kind === 'text')) bySlide.set(b.slide, [...(bySlide.get(b.slide) ?? []), b]);
  for (const [n, list] of bySlide) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (ox > tol && oy > tol) out.push(`slide ${n}: ${a.name} and ${b.name} overlap (${a.paras[0]?.runs[0]?.text ?? ''} / ${b.paras[0]?.runs[0]?.text ?? ''})`);
      }
    }
  }
  return out;
}

export interface PdfWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words of a PDF with their boxes in points from the top-left, as poppler's `pdftotext -bbox-layout` gives them. */
export function pdfWords(xhtml: string): PdfWord[] {
  const doc = new DOMParser().parseFromString(xhtml, 'text/xml') as unknown as Document;
  const out: PdfWord[] = [];
  Array.from(doc.getElementsByTagName('page')).forEach((page, i) => {
    for (const w of Array.from(page.getElementsByTagName('word'))) {
      const n = (a: string) => Number(w.getAttribute(a));
      out.push({ page: i + 1, text: w.textContent ?? '', x0: n('xMin'), y0: n('yMin'), x1: n('xMax'), y1: n('yMax') });
    }
  });
  return out;
}

/**
 * Words an office suite set outside the box their text belongs to: each word
 * must lie inside a text box (or table cell) of its slide whose text holds it.
 * A line that overflowed its box lands below it, in the gap or on the next box.
 * Vertical slack: a glyph's box (ascent + descent) is taller than a tight
 * line pitch, so a word may reach a fifth of its height past its box. A
 * CJK stop or closing bracket ending a line may hang past the right edge
 * (LibreOffice's hanging punctuation): by one em at most.
 */
export function strayWords(bytes: Uint8Array, words: readonly PdfWord[], tolX = 1): string[] {
  const boxes = textBoxes(bytes);
  const flat = (s: string) => s.replace(/\s+/g, '');
  const texts = boxes.map((b) => flat(b.paras.map((p) => p.runs.map((r) => r.text).join('')).join('')));
  const out: string[] = [];
  for (const w of words) {
    const tolY = (w.y1 - w.y0) * 0.2 + 0.5;
    const hang = /[\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300B\u300D\u300F\u3011\u201D\u2019]$/u.test(w.text) ? (w.y1 - w.y0) / 1.4 : 0;
    const home = boxes.some(
      (b, i) =>
        b.slide === w.page &&
        texts[i].includes(flat(w.text)) &&
        w.x0 >= b.x - tolX &&
        w.x1 <= b.x + b.w + tolX + hang &&
        w.y0 >= b.y - tolY &&
        w.y1 <= b.y + b.h + tolY,
    );
    if (!home) out.push(`page ${w.page}: "${w.text}" at (${w.x0.toFixed(1)}, ${w.y0.toFixed(1)})–(${w.x1.toFixed(1)}, ${w.y1.toFixed(1)})`);
  }
  return out;
}
