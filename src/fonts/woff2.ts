/**
 * A WOFF2 encoder for TrueType (glyf-outline) fonts, after the W3C WOFF 2.0
 * recommendation: the 48-byte header, a table directory using the known-tag
 * index, the glyf/loca transform (transform version 0), every other table
 * untransformed, and all table data in one Brotli stream compressed with
 * Node's own zlib (font mode).
 *
 * The glyf transform splits the outlines into separate streams (contour
 * counts, point counts, flags, coordinate triplets, composite records,
 * bounding boxes, instructions); it is where most of WOFF2's gain over plain
 * compression comes from. Brotli quality is fixed below at the point where
 * more quality costs much more time for little size (see ENCODER_REVISION's
 * note). Same input, same bytes.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';

/**
 * Names this encoder's output: bump it whenever a change here can change a
 * byte of the output (it is part of the font-cache key).
 */
export const ENCODER_REVISION = 'briefwright-woff2-2';

/**
 * Brotli quality. Measured on the six HTML subsets of the real article
 * (69–165 KB of stream each, glyf transformed), warm: q7/q8 383,498 bytes in
 * ~20 ms for all six, q9 379,908 bytes in ~125 ms, q10 367,191 in ~620 ms,
 * q11 363,574 in ~1,700 ms. q8 gives up 0.9 % of size for a sixth of q9's
 * time: on a first build (no font cache) these subsets are made on the
 * critical path, and 3.6 KB on a 200 KB page is not worth 100 ms there.
 */
export const BROTLI_QUALITY = 8;

/**
 * The Brotli window: the smallest that holds the whole stream (the default
 * 4 MiB window only costs allocation time for a few hundred KB of font).
 */
export const brotliWindow = (size: number): number => Math.max(10, Math.min(24, Math.ceil(Math.log2(size + 16))));

const SIGNATURE = 0x774f4632; // 'wOF2'
const HEADER_SIZE = 48;

/** The table tags a directory entry can name by index (WOFF2 section 4.2). */
export const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ',
  'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS',
  'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc',
  'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop',
  'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
] as const;
const ARBITRARY_TAG = 0x3f;

/** TrueType simple-glyph flag bits. */
const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME = 0x10;
const Y_SAME = 0x20;
const OVERLAP_SIMPLE = 0x40;

/** TrueType composite-glyph flag bits. */
const ARGS_ARE_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;
const HAVE_INSTRUCTIONS = 0x0100;

/** The head.flags bit saying the font went through a lossless transform (WOFF2 section 5). */
const HEAD_FLAG_LOSSLESS = 0x0800;

export interface SfntTable {
  tag: string;
  data: Uint8Array;
}

/** The flavour and tables of a TrueType/OpenType font file. */
export function readSfnt(sfnt: Uint8Array): { flavor: number; tables: SfntTable[] } {
  const v = view(sfnt);
  if (sfnt.byteLength < 12) throw new Error('woff2: not an sfnt (too short)');
  const flavor = v.getUint32(0);
  if (flavor === 0x74746366) throw new Error('woff2: font collections are not supported');
  const numTables = v.getUint16(4);
  const tables: SfntTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(sfnt[at], sfnt[at + 1], sfnt[at + 2], sfnt[at + 3]);
    const offset = v.getUint32(at + 8);
    const length = v.getUint32(at + 12);
    if (offset + length > sfnt.byteLength) throw new Error(`woff2: table ${tag} runs past the end of the font`);
    tables.push({ tag, data: sfnt.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const pad4 = (n: number) => (n + 3) & ~3;

/** A growable byte buffer with the writers the format needs. */
export class Bytes {
  private buf = new Uint8Array(256);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(x: number): void {
    this.room(1);
    this.buf[this.length++] = x & 0xff;
  }
  u16(x: number): void {
    this.room(2);
    this.buf[this.length++] = (x >> 8) & 0xff;
    this.buf[this.length++] = x & 0xff;
  }
  u32(x: number): void {
    this.room(4);
    this.u16(x >>> 16);
    this.u16(x & 0xffff);
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** 255UInt16 (WOFF2 section 6.1.1): one byte below 253, else a code byte and one or two more. */
export function write255UInt16(out: Bytes, value: number): void {
  if (value < 253) out.u8(value);
  else if (value < 506) {
    out.u8(255);
    out.u8(value - 253);
  } else if (value < 762) {
    out.u8(254);
    out.u8(value - 506);
  } else {
    out.u8(253);
    out.u16(value);
  }
}

/** UIntBase128 (WOFF2 section 6.1.1): big-endian groups of 7 bits, high bit = more follow. */
export function writeBase128(out: Bytes, value: number): void {
  if (value < 0 || value > 0xffffffff || !Number.isInteger(value)) throw new Error(`woff2: ${value} is not a UInt32`);
  const groups: number[] = [];
  do {
    groups.unshift(value % 128);
    value = Math.floor(value / 128);
  } while (value > 0);
  groups.forEach((g, i) => out.u8(i < groups.length - 1 ? g | 0x80 : g));
}

/**
 * One point's delta as a flag byte and 1–4 coordinate bytes (the triplet
 * encoding of WOFF2 section 5.2); bit 7 of the flag marks an off-curve point.
 */
export function writeTriplet(flags: Bytes, glyphs: Bytes, onCurve: boolean, dx: number, dy: number): void {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  const curve = onCurve ? 0 : 128;
  const xSign = dx < 0 ? 0 : 1;
  const ySign = dy < 0 ? 0 : 2;
  const signs = xSign + ySign;
  if (dx === 0 && ay < 1280) {
    flags.u8(curve + ((ay & 0xf00) >> 7) + (ySign >> 1));
    glyphs.u8(ay & 0xff);
  } else if (dy === 0 && ax < 1280) {
    flags.u8(curve + 10 + ((ax & 0xf00) >> 7) + xSign);
    glyphs.u8(ax & 0xff);
  } else if (ax < 65 && ay < 65) {
    flags.u8(curve + 20 + ((ax - 1) & 0x30) + (((ay - 1) & 0x30) >> 2) + signs);
    glyphs.u8((((ax - 1) & 0xf) << 4) | ((ay - 1) & 0xf));
  } else if (ax < 769 && ay < 769) {
    flags.u8(curve + 84 + 12 * (((ax - 1) & 0x300) >> 8) + (((ay - 1) & 0x300) >> 6) + signs);
    glyphs.u8((ax - 1) & 0xff);
    glyphs.u8((ay - 1) & 0xff);
  } else if (ax < 4096 && ay < 4096) {
    flags.u8(curve + 120 + signs);
    glyphs.u8(ax >> 4);
    glyphs.u8(((ax & 0xf) << 4) | (ay >> 8));
    glyphs.u8(ay & 0xff);
  } else {
    flags.u8(curve + 124 + signs);
    glyphs.u16(ax);
    glyphs.u16(ay);
  }
}

/** A simple glyph's outline as read from glyf. */
interface SimpleGlyph {
  kind: 'simple';
  bbox: [number, number, number, number];
  endPts: number[];
  instructions: Uint8Array;
  /** Each point's TrueType flags (ON_CURVE is the bit that matters here). */
  flags: Uint8Array;
  xs: Int32Array;
  ys: Int32Array;
  overlap: boolean;
}

interface CompositeGlyph {
  kind: 'composite';
  bbox: [number, number, number, number];
  /** The component records, exactly as stored (without the instructions). */
  components: Uint8Array;
  instructions: Uint8Array | null;
}

type Glyph = { kind: 'empty' } | SimpleGlyph | CompositeGlyph;

/** Parse one glyph's bytes from glyf. */
export function parseGlyph(data: Uint8Array): Glyph {
  if (data.length === 0) return { kind: 'empty' };
  const v = view(data);
  const nContours = v.getInt16(0);
  const bbox: [number, number, number, number] = [v.getInt16(2), v.getInt16(4), v.getInt16(6), v.getInt16(8)];
  if (nContours === 0) return { kind: 'empty' };
  if (nContours < 0) {
    let at = 10;
    let instr = false;
    for (;;) {
      const flags = v.getUint16(at);
      at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
      if (flags & HAVE_SCALE) at += 2;
      else if (flags & HAVE_XY_SCALE) at += 4;
      else if (flags & HAVE_2X2) at += 8;
      if (flags & HAVE_INSTRUCTIONS) instr = true;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    const components = data.subarray(10, at);
    let instructions: Uint8Array | null = null;
    if (instr) {
      const n = v.getUint16(at);
      instructions = data.subarray(at + 2, at + 2 + n);
    }
    return { kind: 'composite', bbox, components, instructions };
  }
  const endPts: number[] = [];
  let at = 10;
  for (let i = 0; i < nContours; i++, at += 2) endPts.push(v.getUint16(at));
  const nPoints = endPts[nContours - 1] + 1;
  const nInstr = v.getUint16(at);
  at += 2;
  const instructions = data.subarray(at, at + nInstr);
  at += nInstr;
  const flags = new Uint8Array(nPoints);
  for (let i = 0; i < nPoints; ) {
    const f = data[at++];
    flags[i++] = f;
    if (f & REPEAT) for (let r = data[at++]; r > 0 && i < nPoints; r--) flags[i++] = f;
  }
  /** One coordinate of every point (all x, then all y, as glyf stores them), from deltas. */
  const coordinates = (short: number, same: number): Int32Array => {
    const out = new Int32Array(nPoints);
    let c = 0;
    for (let i = 0; i < nPoints; i++) {
      const f = flags[i];
      if (f & short) c += f & same ? data[at++] : -data[at++];
      else if (!(f & same)) (c += v.getInt16(at)), (at += 2);
      out[i] = c;
    }
    return out;
  };
  const xs = coordinates(X_SHORT, X_SAME);
  const ys = coordinates(Y_SHORT, Y_SAME);
  return { kind: 'simple', bbox, endPts, instructions, flags, xs, ys, overlap: (flags[0] & OVERLAP_SIMPLE) !== 0 };
}

/**
 * The size a WOFF2 decoder gives a simple glyph when it writes it back as
 * TrueType (the reference decoder's encoding: repeat runs, short and
 * same-as-previous coordinates), before padding.
 */
function simpleGlyphSize(g: SimpleGlyph): number {
  let flagBytes = 0;
  let coordBytes = 0;
  let lastFlag = -1;
  let repeat = 0;
  let lx = 0;
  let ly = 0;
  for (let i = 0; i < g.xs.length; i++) {
    const dx = g.xs[i] - lx;
    const dy = g.ys[i] - ly;
    let flag = g.flags[i] & ON_CURVE;
    if (i === 0 && g.overlap) flag |= OVERLAP_SIMPLE;
    if (dx === 0) flag |= X_SAME;
    else if (dx > -256 && dx < 256) (flag |= X_SHORT | (dx > 0 ? X_SAME : 0)), coordBytes++;
    else coordBytes += 2;
    if (dy === 0) flag |= Y_SAME;
    else if (dy > -256 && dy < 256) (flag |= Y_SHORT | (dy > 0 ? Y_SAME : 0)), coordBytes++;
    else coordBytes += 2;
    if (flag === lastFlag && repeat !== 255) repeat++;
    else {
      if (repeat !== 0) flagBytes++;
      flagBytes++;
      repeat = 0;
    }
    lastFlag = flag;
    lx = g.xs[i];
    ly = g.ys[i];
  }
  if (repeat !== 0) flagBytes++;
  return 10 + 2 * g.endPts.length + 2 + g.instructions.length + flagBytes + coordBytes;
}

/** The size of a glyph as a decoder writes it back into glyf (each glyph padded to 4 bytes). */
function reconstructedSize(g: Glyph): number {
  if (g.kind === 'empty') return 0;
  if (g.kind === 'simple') return pad4(simpleGlyphSize(g));
  return pad4(10 + g.components.length + (g.instructions ? 2 + g.instructions.length : 0));
}

/** Does `g`'s stored bounding box differ from the one its points give (so it must be stored)? */
function needsBbox(g: SimpleGlyph): boolean {
  if (g.xs.length === 0) return g.bbox.some((c) => c !== 0);
  let [x0, y0, x1, y1] = [g.xs[0], g.ys[0], g.xs[0], g.ys[0]];
  for (let i = 1; i < g.xs.length; i++) {
    x0 = Math.min(x0, g.xs[i]);
    x1 = Math.max(x1, g.xs[i]);
    y0 = Math.min(y0, g.ys[i]);
    y1 = Math.max(y1, g.ys[i]);
  }
  return g.bbox[0] !== x0 || g.bbox[1] !== y0 || g.bbox[2] !== x1 || g.bbox[3] !== y1;
}

export interface TransformedGlyf {
  /** The transformed glyf table (WOFF2 section 5.1). */
  glyf: Uint8Array;
  /** The glyf table's size once a decoder has rebuilt it. */
  glyfLength: number;
  /** The loca format the rebuilt font uses (0 short, 1 long). */
  indexFormat: number;
}

/**
 * The glyf/loca transform (version 0). The loca format is kept unless the
 * rebuilt glyf would overflow short offsets, in which case it becomes long
 * (and the caller must say so in head).
 */
export function transformGlyf(glyf: Uint8Array, loca: Uint8Array, numGlyphs: number, indexFormat: number): TransformedGlyf {
  const lv = view(loca);
  const offset = (i: number) => (indexFormat ? lv.getUint32(4 * i) : 2 * lv.getUint16(2 * i));
  if (loca.length < (numGlyphs + 1) * (indexFormat ? 4 : 2)) throw new Error('woff2: loca is shorter than numGlyphs says');
  const nContour = new Bytes();
  const nPoints = new Bytes();
  const flags = new Bytes();
  const glyphs = new Bytes();
  const composites = new Bytes();
  const bboxes = new Bytes();
  const instructions = new Bytes();
  const bitmap = new Uint8Array(4 * Math.floor((numGlyphs + 31) / 32));
  const overlapBitmap = new Uint8Array((numGlyphs + 7) >> 3);
  let anyOverlap = false;
  let glyfLength = 0;
  const writeBbox = (id: number, bbox: readonly number[]) => {
    bitmap[id >> 3] |= 0x80 >> (id & 7);
    for (const c of bbox) bboxes.u16(c);
  };
  for (let id = 0; id < numGlyphs; id++) {
    const start = offset(id);
    const end = offset(id + 1);
    if (end < start || end > glyf.length) throw new Error(`woff2: glyph ${id} lies outside glyf`);
    const g = parseGlyph(glyf.subarray(start, end));
    glyfLength += reconstructedSize(g);
    if (g.kind === 'empty') {
      nContour.u16(0);
    } else if (g.kind === 'composite') {
      nContour.u16(0xffff);
      composites.bytes(g.components);
      writeBbox(id, g.bbox);
      if (g.instructions) {
        write255UInt16(glyphs, g.instructions.length);
        instructions.bytes(g.instructions);
      }
    } else {
      nContour.u16(g.endPts.length);
      let prev = -1;
      for (const e of g.endPts) {
        write255UInt16(nPoints, e - prev);
        prev = e;
      }
      let lx = 0;
      let ly = 0;
      for (let i = 0; i < g.xs.length; i++) {
        writeTriplet(flags, glyphs, (g.flags[i] & ON_CURVE) !== 0, g.xs[i] - lx, g.ys[i] - ly);
        lx = g.xs[i];
        ly = g.ys[i];
      }
      write255UInt16(glyphs, g.instructions.length);
      instructions.bytes(g.instructions);
      if (needsBbox(g)) writeBbox(id, g.bbox);
      if (g.overlap) {
        overlapBitmap[id >> 3] |= 0x80 >> (id & 7);
        anyOverlap = true;
      }
    }
  }
  // Short offsets count 2-byte units in 16 bits.
  const format = indexFormat === 0 && glyfLength > 0x1fffe ? 1 : indexFormat;
  const out = new Bytes();
  out.u16(0); // reserved
  out.u16(anyOverlap ? 1 : 0); // optionFlags: bit 0 = overlapSimpleBitmap present
  out.u16(numGlyphs);
  out.u16(format);
  const streams = [nContour.done(), nPoints.done(), flags.done(), glyphs.done(), composites.done(), concat(bitmap, bboxes.done()), instructions.done()];
  for (const s of streams) out.u32(s.length);
  for (const s of streams) out.bytes(s);
  if (anyOverlap) out.bytes(overlapBitmap);
  return { glyf: out.done(), glyfLength, indexFormat: format };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** Tables in the order they are written: by tag, with loca right after glyf (WOFF2 section 5). */
function orderTables(tables: SfntTable[]): SfntTable[] {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const loca = sorted.findIndex((t) => t.tag === 'loca');
  const glyf = sorted.findIndex((t) => t.tag === 'glyf');
  if (loca < 0 || glyf < 0) return sorted;
  const [l] = sorted.splice(loca, 1);
  sorted.splice(sorted.findIndex((t) => t.tag === 'glyf') + 1, 0, l);
  return sorted;
}

interface Entry {
  tag: string;
  /** Length of the table in the rebuilt font. */
  origLength: number;
  /** Bytes in the compressed stream (transformed for glyf/loca). */
  data: Uint8Array;
  transformed: boolean;
}

/** Encode a TrueType font (as harfbuzz writes subsets) as WOFF2. */
export function encodeWoff2(sfnt: Uint8Array): Uint8Array {
  const { flavor, tables } = readSfnt(sfnt);
  const byTag = new Map(tables.map((t) => [t.tag, t.data]));
  const glyf = byTag.get('glyf');
  const loca = byTag.get('loca');
  const head = byTag.get('head');
  const maxp = byTag.get('maxp');
  let transformed: TransformedGlyf | null = null;
  let newHead: Uint8Array | undefined;
  if (glyf && loca && head && maxp) {
    const indexFormat = view(head).getInt16(50);
    transformed = transformGlyf(glyf, loca, view(maxp).getUint16(4), indexFormat);
    newHead = head.slice();
    const hv = view(newHead);
    hv.setUint16(16, hv.getUint16(16) | HEAD_FLAG_LOSSLESS);
    hv.setInt16(50, transformed.indexFormat);
  } else if (glyf || loca) {
    throw new Error('woff2: glyf and loca need each other and head and maxp');
  }
  const numGlyphs = maxp ? view(maxp).getUint16(4) : 0;
  const entries: Entry[] = orderTables(tables.filter((t) => t.tag !== 'DSIG')).map((t): Entry => {
    if (transformed && t.tag === 'glyf') return { tag: t.tag, origLength: transformed.glyfLength, data: transformed.glyf, transformed: true };
    if (transformed && t.tag === 'loca')
      return { tag: t.tag, origLength: (numGlyphs + 1) * (transformed.indexFormat ? 4 : 2), data: new Uint8Array(0), transformed: true };
    if (t.tag === 'head' && newHead) return { tag: t.tag, origLength: newHead.length, data: newHead, transformed: false };
    return { tag: t.tag, origLength: t.data.length, data: t.data, transformed: false };
  });

  const stream = concat(...entries.map((e) => e.data));
  const compressed = brotliCompressSync(stream, {
    params: {
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_FONT,
      [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: stream.length,
      [zlib.BROTLI_PARAM_LGWIN]: brotliWindow(stream.length),
    },
  });

  const directory = new Bytes();
  for (const e of entries) {
    const known = (KNOWN_TAGS as readonly string[]).indexOf(e.tag);
    // glyf/loca: version 0 is the transform, 3 the null transform; other tables: 0 is the null transform.
    const version = (e.tag === 'glyf' || e.tag === 'loca') && !e.transformed ? 3 : 0;
    directory.u8((version << 6) | (known >= 0 ? known : ARBITRARY_TAG));
    if (known < 0) for (let i = 0; i < 4; i++) directory.u8(e.tag.charCodeAt(i));
    writeBase128(directory, e.origLength);
    if (e.transformed) writeBase128(directory, e.data.length);
  }
  const dir = directory.done();

  const totalSfntSize = 12 + 16 * entries.length + entries.reduce((n, e) => n + pad4(e.origLength), 0);
  const length = pad4(HEADER_SIZE + dir.length + compressed.length);
  const out = new Uint8Array(length);
  const hv = view(out);
  hv.setUint32(0, SIGNATURE);
  hv.setUint32(4, flavor);
  hv.setUint32(8, length);
  hv.setUint16(12, entries.length);
  hv.setUint16(14, 0);
  hv.setUint32(16, totalSfntSize);
  hv.setUint32(20, compressed.length);
  hv.setUint16(24, 1); // majorVersion
  hv.setUint16(26, 0); // minorVersion
  // metaOffset, metaLength, metaOrigLength, privOffset, privLength stay 0.
  out.set(dir, HEADER_SIZE);
  out.set(compressed, HEADER_SIZE + dir.length);
  return out;
}
