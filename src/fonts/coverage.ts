/**
 * Which characters the project's CJK font can draw.
 *
 * A small reader of the TrueType `cmap` table (formats 4 and 12) of the
 * Noto Sans SC Regular face. It reads only the table directory and the
 * `cmap` table from disk (a few hundred kilobytes of a ~10 MB file) and keeps
 * the result as sorted code-point ranges, cached for the life of the process.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { fontPath } from './index.js';

/** Sorted, non-overlapping inclusive ranges: [start0, end0, start1, end1, …]. */
export type Coverage = Uint32Array;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error(`Unexpected end of font file at byte ${position + done}`);
    done += n;
  }
  return buf;
}

/** Locate the `cmap` table in an sfnt table directory. */
function findCmap(directory: Buffer, numTables: number): { offset: number; length: number } {
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (directory.toString('latin1', rec, rec + 4) === 'cmap') {
      return { offset: directory.readUInt32BE(rec + 8), length: directory.readUInt32BE(rec + 12) };
    }
  }
  throw new Error('Font has no cmap table');
}

/** Ranges mapped to a real glyph by a format 12 subtable. */
function rangesFormat12(cmap: Buffer, at: number): number[] {
  const nGroups = cmap.readUInt32BE(at + 12);
  const out: number[] = [];
  for (let g = 0; g < nGroups; g++) {
    const p = at + 16 + g * 12;
    const start = cmap.readUInt32BE(p);
    const end = cmap.readUInt32BE(p + 4);
    const glyph = cmap.readUInt32BE(p + 8);
    // A group starting at glyph 0 maps its first code point to .notdef.
    if (glyph === 0) {
      if (end > start) out.push(start + 1, end);
    } else out.push(start, end);
  }
  return out;
}

/** Ranges mapped to a real glyph by a format 4 subtable. */
function rangesFormat4(cmap: Buffer, at: number): number[] {
  const segX2 = cmap.readUInt16BE(at + 6);
  const endAt = at + 14;
  const startAt = endAt + segX2 + 2;
  const deltaAt = startAt + segX2;
  const rangeAt = deltaAt + segX2;
  const out: number[] = [];
  for (let s = 0; s < segX2; s += 2) {
    const end = cmap.readUInt16BE(endAt + s);
    const start = cmap.readUInt16BE(startAt + s);
    const delta = cmap.readUInt16BE(deltaAt + s);
    const rangeOffset = cmap.readUInt16BE(rangeAt + s);
    if (start === 0xffff) continue;
    for (let c = start; c <= end; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const p = rangeAt + s + rangeOffset + (c - start) * 2;
        glyph = p + 2 <= cmap.length ? cmap.readUInt16BE(p) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph === 0) continue;
      const n = out.length;
      if (n > 0 && out[n - 1] === c - 1) out[n - 1] = c;
      else out.push(c, c);
    }
  }
  return out;
}

/** Merge a flat list of inclusive ranges into sorted, non-overlapping ranges. */
export function mergeRanges(flat: number[]): Coverage {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const n = out.length;
    if (n > 0 && s <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], e);
    else out.push(s, e);
  }
  return Uint32Array.from(out);
}

/** Parse the coverage of a `cmap` table given as bytes. */
export function coverageFromCmap(cmap: Buffer): Coverage {
  const numTables = cmap.readUInt16BE(2);
  let best12 = -1;
  let best4 = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 4 + i * 8;
    const platform = cmap.readUInt16BE(rec);
    const encoding = cmap.readUInt16BE(rec + 2);
    const offset = cmap.readUInt32BE(rec + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.readUInt16BE(offset);
    if (format === 12 && best12 < 0) best12 = offset;
    if (format === 4 && best4 < 0) best4 = offset;
  }
  if (best12 >= 0) return mergeRanges(rangesFormat12(cmap, best12));
  if (best4 >= 0) return mergeRanges(rangesFormat4(cmap, best4));
  throw new Error('Font has no Unicode cmap subtable of format 4 or 12');
}

/** Read the coverage of a TrueType/OpenType font file. */
export function readCoverage(file: string): Coverage {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 12);
    const numTables = head.readUInt16BE(4);
    const directory = Buffer.concat([head, readAt(fd, 12, numTables * 16)]);
    const { offset, length } = findCmap(directory, numTables);
    return coverageFromCmap(readAt(fd, offset, length));
  } finally {
    closeSync(fd);
  }
}

let cached: Coverage | undefined;

/** Coverage of the project's body font (Noto Sans SC Regular), read once per process. */
export function fontCoverage(): Coverage {
  cached ??= readCoverage(fontPath('regular'));
  return cached;
}

/** True when the code point is drawn by a glyph of the given coverage. */
export function covers(coverage: Coverage, codePoint: number): boolean {
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < coverage[mid * 2]) hi = mid - 1;
    else if (codePoint > coverage[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when the project's font can draw the code point. */
export function canDraw(codePoint: number): boolean {
  return covers(fontCoverage(), codePoint);
}
