/**
 * Text measurement with the faces' own advance widths (metrics.ts): lines
 * wrapped greedily the way an office suite wraps them, on the cautious side
 * (a break this module allows, LibreOffice and PowerPoint allow too), and
 * heights from the fixed line pitch every paragraph carries. Slides are laid
 * out with it before anything is written, so every box is as tall as its text.
 */
import { AUTOSPACE, WIDTH_SAFETY } from './constants.js';
import type { Para, Run } from './draw.js';
import { charWidth, emWidth, faceOf, type Face } from './metrics.js';

/** Han, kana, hangul, CJK symbols and punctuation, full-width forms: a line may break before and after them. */
const WIDE = /[\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFF}]/u;
/** No line starts with these (closing brackets, quotes of either kind, CJK and Latin stops). */
const NO_START = /[)\]}»›“”‘’"'!,.:;?%\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300B\u300D\u300F\u3011\u3015\u3009\u3017\u30FB\u00B7\u2026\u2014\u2013\u301C\uFF5E\u3005\u309D\u309E\u30FC\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7]/u;
/** No line ends with these (opening brackets, quotes of either kind: Unicode keeps a quotation mark with both neighbours). */
const NO_END = /[([{«‹“”‘’"'\uFF08\u300A\u300C\u300E\u3010\u3014\u3008\u3016\u2014]/u;
const SPACE = /[ \t]/;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Whether a Latin run sets `ch` in the Latin face (else the CJK face draws it). */
export function latinHas(ch: string): boolean {
  return emWidth(ch.codePointAt(0) ?? 0, 'latin') >= 0;
}

function faceFor(r: Run): Face {
  return faceOf(r.lang === 'en', r.bold === true, r.italic === true);
}

/** Width of a string in points set in run `r`'s face at its size. */
export function textWidth(text: string, r: Pick<Run, 'lang' | 'size' | 'bold' | 'italic'>): number {
  const face = faceFor(r as Run);
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) ?? 0, face);
  return w * r.size * WIDTH_SAFETY;
}

/** Character classes, cached per character. */
const C_WIDE = 1;
const C_NO_START = 2;
const C_NO_END = 4;
const C_SPACE = 8;
const C_LETTER = 16;
const C_LATIN = 32;
const classes = new Map<string, number>();

function classOf(ch: string): number {
  let c = classes.get(ch);
  if (c === undefined) {
    c =
      (WIDE.test(ch) ? C_WIDE : 0) |
      (NO_START.test(ch) ? C_NO_START : 0) |
      (NO_END.test(ch) ? C_NO_END : 0) |
      (SPACE.test(ch) ? C_SPACE : 0) |
      (/\p{L}/u.test(ch) ? C_LETTER : 0) |
      (!WIDE.test(ch) && /[\p{L}\p{N}]/u.test(ch) ? C_LATIN : 0);
    classes.set(ch, c);
  }
  return c;
}

interface Glyph {
  ch: string;
  cls: number;
  w: number;
  /** Index of the run, for keep-together runs. */
  run: number;
  /** The run is kept on one line: a `nowrap` run, or a linked one (LibreOffice never breaks a hyperlink field). */
  keep: boolean;
}

/** Whether a line may break between `a` and `b` (cautious: when unsure, no). */
function breakBetween(a: Glyph, b: Glyph, before: Glyph | undefined): boolean {
  if (a.keep && b.keep && a.run === b.run) return false;
  // A no-break space glues to both neighbours.
  if (a.ch === '\u00A0' || b.ch === '\u00A0') return false;
  if (b.cls & C_SPACE) return false;
  if (a.cls & C_SPACE) return true;
  if (b.cls & C_NO_START || a.cls & C_NO_END) return false;
  if ((a.cls | b.cls) & C_WIDE) return true;
  // A Latin word breaks after a hyphen between letters (co-development).
  return a.ch === '-' && before !== undefined && (before.cls & C_LETTER) !== 0 && (b.cls & C_LETTER) !== 0;
}

interface Segment {
  /** Width without trailing spaces. */
  w: number;
  /** Width of the trailing spaces (they hang at a line end). */
  tail: number;
  /** Widths of its characters (a segment longer than a line breaks between them). */
  glyphs: number[];
  spaces: boolean[];
  text: string;
}

function glyphsOf(runs: readonly Run[]): Glyph[] {
  const out: Glyph[] = [];
  let script = 0;
  runs.forEach((r, i) => {
    const face = faceFor(r);
    for (const ch of r.text) {
      const cls = classOf(ch);
      // LibreOffice puts a fifth of the line height between Asian and Latin text (letters, digits): counted on the glyph before.
      const s = cls & C_WIDE ? C_WIDE : cls & C_LATIN ? C_LATIN : 0;
      if (s !== 0 && script !== 0 && s !== script && out.length > 0) {
        const prev = out[out.length - 1];
        prev.w += AUTOSPACE * Math.max(runs[prev.run].size, r.size);
      }
      if (s !== 0) script = s;
      out.push({ ch, cls, w: charWidth(ch.codePointAt(0) ?? 0, face) * r.size * WIDTH_SAFETY, run: i, keep: r.nowrap === true || r.link !== undefined });
    }
  });
  return out;
}

function buildSegments(glyphs: readonly Glyph[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  glyphs.forEach((g, i) => {
    if (cur === null || breakBetween(glyphs[i - 1], g, glyphs[i - 2])) {
      cur = { w: 0, tail: 0, glyphs: [], spaces: [], text: '' };
      out.push(cur);
    }
    const space = (g.cls & C_SPACE) !== 0;
    if (space) cur.tail += g.w;
    else {
      cur.w += cur.tail + g.w;
      cur.tail = 0;
    }
    cur.glyphs.push(g.w);
    cur.spaces.push(space);
    cur.text += g.ch;
  });
  return out;
}

/** Segments of runs, kept per content (a slide is laid out at several scales and widths; the same runs recur). */
const segmentCache = new Map<string, Segment[]>();

function keyOf(runs: readonly Run[]): string {
  let k = '';
  for (const r of runs) k += `${r.lang}${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}${r.nowrap || r.link ? 'n' : ''}${r.size}\u0001${r.text}\u0002`;
  return k;
}

function segments(runs: readonly Run[]): Segment[] {
  const key = keyOf(runs);
  let s = segmentCache.get(key);
  if (!s) {
    if (segmentCache.size > 20_000) segmentCache.clear();
    s = buildSegments(glyphsOf(runs));
    segmentCache.set(key, s);
  }
  return s;
}

/** Lines of runs in `width` points: greedy, a line ending where the next unit would pass the edge. */
function fill(runs: readonly Run[], width: number, text: boolean): { count: number; lines: string[] } {
  const lines: string[] = [];
  let count = 1;
  let line = '';
  let x = 0;
  let tail = 0;
  const push = () => {
    if (text) lines.push(line);
    count += 1;
    line = '';
    x = 0;
    tail = 0;
  };
  for (const s of segments(runs)) {
    if (x > 0 && x + tail + s.w > width) push();
    if (s.w > width) {
      // Longer than a line: broken anywhere, as office suites do.
      s.glyphs.forEach((w, i) => {
        if (s.spaces[i]) {
          tail += w;
        } else {
          if (x > 0 && x + tail + w > width) push();
          x += tail + w;
          tail = 0;
        }
        if (text) line += [...s.text][i];
      });
      continue;
    }
    x += tail + s.w;
    tail = s.tail;
    if (text) line += s.text;
  }
  if (text) lines.push(line);
  return { count, lines };
}

/** The lines runs wrap to in `width` points, as the text of each line (at least one line). */
export function wrap(runs: readonly Run[], width: number): string[] {
  return fill(runs, width, true).lines;
}

/** Number of lines the runs wrap to in `width` points (at least 1). */
export function lineCount(runs: readonly Run[], width: number): number {
  return fill(runs, width, false).count;
}

/** Width of runs set on one line, trailing spaces left out. */
export function naturalWidth(runs: readonly Run[]): number {
  const segs = segments(runs);
  return segs.reduce((sum, s) => sum + s.w + s.tail, 0) - (segs.at(-1)?.tail ?? 0);
}

/** Height of a paragraph wrapped in `width` points: its lines at its fixed pitch, and its spacing. */
export function paraHeight(p: Para, width: number): number {
  return lineCount(p.runs, width) * p.lineHeight + (p.spaceBefore ?? 0) + (p.spaceAfter ?? 0);
}

/** Height of a text box's paragraphs. */
export function textHeight(paras: readonly Para[], width: number): number {
  return paras.reduce((s, p) => s + paraHeight(p, width), 0);
}

/**
 * The narrowest width, down to `min`, at which paragraphs take no more lines
 * than at `width`: lines of even length instead of a last line of one or two
 * characters (used where text is centred or set large).
 */
export function balancedWidth(paras: readonly Para[], width: number, min = width * 0.5): number {
  const lines = (w: number) => paras.reduce((s, p) => s + lineCount(p.runs, w), 0);
  const target = lines(width);
  if (target <= paras.length) return width;
  let lo = min;
  let hi = width;
  if (lines(lo) <= target) return lo;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    if (lines(mid) <= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
