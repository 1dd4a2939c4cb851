/**
 * Reading PDFs back the way a reader does, with an independent reader
 * (pdfjs-dist), plus the Debian tools (`need(tool)` from office.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hasCjk } from '../../src/text/unicode.js';
import { theme } from '../../src/theme/theme.js';

export { need } from './office.js';

/** Horizontal gap (points) between two runs on one baseline that separates columns. */
const COLUMN_GAP = 4;

export interface PdfLine {
  page: number;
  y: number;
  text: string;
  /** Horizontal extent of the line's glyphs, in points. */
  x0: number;
  x1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/**
 * Pages of a PDF with their text lines in content order: consecutive text
 * items on the same baseline form one line (as a reader selects it).
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const lines: PdfLine[] = [];
    let current: PdfLine | null = null;
    // Type size of the current line's first item (a smaller raised or lowered item beside it is on that line).
    let lineSize = 0;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // pdfjs fills a wide gap on one baseline with a space item: a column boundary.
      if (item.str.trim() === '' && item.width > COLUMN_GAP) {
        current = null;
        continue;
      }
      const x = item.transform[4];
      const y = Math.round(item.transform[5] * 10) / 10;
      const size = Math.hypot(item.transform[2], item.transform[3]);
      // Same baseline and touching the previous item: one line. A gap wider than
      // COLUMN_GAP on the same baseline is the next column of a table row.
      const touching = current && x >= current.x1 - 0.5 && x - current.x1 < COLUMN_GAP;
      // A superscript or subscript (a note reference): smaller, its baseline within half the line's size.
      const raised = touching && size < lineSize * 0.8 && Math.abs(current!.y - y) < lineSize * 0.5;
      const sameLine = touching && (Math.abs(current!.y - y) < 0.5 || raised);
      if (!sameLine) {
        current = { page: n, y, text: '', x0: x, x1: x + item.width };
        lineSize = size;
        lines.push(current);
      }
      current!.text += item.str;
      current!.x1 = Math.max(current!.x1, x + item.width);
      current!.x0 = Math.min(current!.x0, x);
    }
    pages.push({ width: x1 - x0, height: y1 - y0, lines: lines.filter((l) => l.text.trim() !== '') });
  }
  await pdf.destroy();
  return pages;
}

/**
 * Join wrapped lines as a reader would: no space where a line break falls
 * next to Chinese text, one space between Latin words; whitespace collapsed.
 * Curly quotes are both Chinese and English punctuation: an opening quote
 * after Latin text, or a closing one before it, is English (a space).
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (out === '') out = line;
    else {
      const last = [...out].pop()!;
      const first = [...line][0];
      const english = (/[\u201C\u2018]/u.test(first) && !hasCjk(last)) || (/[\u201D\u2019]/u.test(last) && !hasCjk(first));
      // No space next to Chinese, nor after a hyphen, dash or slash an English line was broken at.
      const glue = (!english && (hasCjk(last) || hasCjk(first))) || (/[-\u2013\u2014/]/u.test(last) && /\p{L}/u.test(first));
      out += glue ? line : ` ${line}`;
    }
  }
  return out.normalize('NFC');
}

/**
 * Lines of the page body, without the running header and footer (the page
 * furniture in the top and bottom margins), in reading order across pages.
 */
export function bodyLines(pages: PdfPage[], kind: 'a4' | 'slide'): PdfLine[] {
  const [, top, , bottom] = theme.pages[kind].margin;
  return pages.flatMap((p) => p.lines.filter((l) => l.y > bottom && l.y < p.height - top + 2));
}

/** All the text of a PDF, lines joined. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pages = await readPdf(bytes);
  return joinLines(pages.flatMap((p) => p.lines.map((l) => l.text)));
}

/** Whitespace collapsed, NFC: the form strings are compared in. */
export function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** The XMP packet of a PDF (pdfkit stores it uncompressed). */
export function xmpPacket(bytes: Uint8Array): string | null {
  const s = Buffer.from(bytes).toString('utf8');
  const start = s.indexOf('<x:xmpmeta');
  const end = s.indexOf('</x:xmpmeta>');
  if (start < 0 || end < 0) return null;
  return s.slice(start, end + '</x:xmpmeta>'.length);
}

/** Write bytes to a fresh temporary file and return its path (for the Debian tools). */
export function tempFile(bytes: Uint8Array, name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bw-pdf-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** `pdftotext -layout` lines of a PDF file. */
export function pdftotextLines(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split(/\r?\n|\f/);
}
