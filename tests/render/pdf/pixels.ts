/**
 * A page as poppler paints it (pdftoppm, PPM), to check what is drawn over
 * what: pixels addressed in PDF points from the page's top-left corner.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tempFile } from '../../helpers/pdf.js';

export interface Painted {
  /** Size in pixels. */
  width: number;
  height: number;
  dpi: number;
  /** RGB at a point (x, y in points from the top-left corner). */
  at(x: number, y: number): [number, number, number];
}

/** Page `page` (1-based) of a PDF painted by poppler at `dpi`. */
export function paint(bytes: Uint8Array, page: number, dpi = 144): Painted {
  const file = tempFile(bytes, 'paint.pdf');
  const prefix = path.join(path.dirname(file), 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file, prefix]);
  const name = readdirSync(path.dirname(file)).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!;
  const data = readFileSync(path.join(path.dirname(file), name));
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  const header = data.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  const [, w, h] = header.map(Number);
  const offset = header[0].length;
  const scale = dpi / 72;
  return {
    width: w,
    height: h,
    dpi,
    at(x: number, y: number) {
      const px = Math.min(w - 1, Math.max(0, Math.round(x * scale)));
      const py = Math.min(h - 1, Math.max(0, Math.round(y * scale)));
      const i = offset + (py * w + px) * 3;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

/** A colour as #rrggbb → RGB. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Whether two colours are within `tolerance` on every channel. */
export function near(a: readonly number[], b: readonly number[], tolerance = 40): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}
