/**
 * What the PDF tests read back with pdf.js and poppler beyond tests/helpers/pdf.ts:
 * text items with their size and face, link annotations, named destinations,
 * the text of a column of the page (pdf.js and pdftotext -x/-y/-W/-H), and how
 * far down each page the body text reaches.
 */
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { theme } from '../../../src/theme/theme.js';
import { tempFile } from '../../helpers/pdf.js';

export interface TextItem {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  /** The embedded font's name (`ABCDEF+NotoSans-Regular`), from the page's font resources. */
  font: string;
}

export interface LinkAnnotation {
  page: number;
  rect: [number, number, number, number];
  /** Named destination of an internal link. */
  dest?: string;
  /** `file#destination` of a GoToR link, or the address of a URI link. */
  url?: string;
}

export interface ReadBack {
  pages: { width: number; height: number }[];
  items: TextItem[];
  links: LinkAnnotation[];
  /** Named destinations: name → page number (1-based). */
  dests: Map<string, number>;
}

/** Text items, link annotations and named destinations of a PDF, read with pdf.js. */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0, fontExtraProperties: true }).promise;
  const out: ReadBack = { pages: [], items: [], links: [], dests: new Map() };
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    out.pages.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    // Font names as embedded (the subset tag and PostScript name), through the page's operator list.
    await page.getOperatorList();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [, , c, d, e, f] = item.transform as number[];
      let font = item.fontName;
      try {
        const obj = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
        font = obj?.name ?? item.fontName;
      } catch {
        // not resolved: keep pdf.js's id
      }
      out.items.push({ page: n, text: item.str, x: e, y: f, width: item.width, size: Math.round(Math.hypot(c, d) * 100) / 100, font });
    }
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      out.links.push({
        page: n,
        rect: a.rect as [number, number, number, number],
        ...(typeof a.dest === 'string' ? { dest: a.dest } : {}),
        ...(a.unsafeUrl ? { url: a.unsafeUrl as string } : {}),
      });
    }
  }
  const dests = (await pdf.getDestinations()) as Record<string, [{ num: number; gen: number }, ...unknown[]]>;
  for (const [name, dest] of Object.entries(dests)) out.dests.set(name, (await pdf.getPageIndex(dest[0])) + 1);
  await pdf.destroy();
  return out;
}

/** The text pdftotext gives for a rectangle of every page (points from the top-left corner), pages joined. */
export function pdftotextRegion(bytes: Uint8Array, region: { x: number; y: number; w: number; h: number }, pages: number): string {
  const file = tempFile(bytes, 'region.pdf');
  const out: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const args = ['-f', String(n), '-l', String(n), '-r', '72', '-x', String(Math.floor(region.x)), '-y', String(Math.floor(region.y)), '-W', String(Math.ceil(region.w)), '-H', String(Math.ceil(region.h)), '-enc', 'UTF-8', file, '-'];
    out.push(execFileSync('pdftotext', args, { encoding: 'utf8' }));
  }
  return out.join('\n');
}

/** Comparable form of text: NFKC, no whitespace (as scripts/seed-paragraphs.ts compares the seed). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Whether `parts` occur in `text` in this order, without overlapping; the first missing one otherwise. */
export function inOrder(text: string, parts: readonly string[]): { ok: true } | { ok: false; missing: string; index: number } {
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const found = text.indexOf(parts[i], at);
    if (found < 0) return { ok: false, missing: parts[i], index: i };
    at = found + parts[i].length;
  }
  return { ok: true };
}

/** The page body box of a page kind (inside the margins), in pdf.js coordinates (y up). */
export function bodyBox(kind: 'a4' | 'slide', page: { width: number; height: number }) {
  const [left, top, right, bottom] = theme.pages[kind].margin;
  return { left, right: page.width - right, top: page.height - top, bottom };
}

/**
 * How far down its body box each page's text reaches (0–1): the lowest
 * baseline of the body (running header and footer left out), plus the
 * descent of its text.
 */
export function pageFill(rb: ReadBack, kind: 'a4' | 'slide'): number[] {
  return rb.pages.map((p, i) => {
    const box = bodyBox(kind, p);
    const body = rb.items.filter((it) => it.page === i + 1 && it.y > box.bottom - 2 && it.y < box.top + 2 && it.text.trim() !== '');
    if (body.length === 0) return 0;
    const lowest = Math.min(...body.map((it) => it.y - it.size * 0.3));
    return (box.top - lowest) / (box.top - box.bottom);
  });
}
