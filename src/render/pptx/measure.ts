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

interface Glyph {
  ch: string;
  w: number;
  size: number;
  /** Index of the run, for keep-together runs. */
  run: number;
  nowrap: boolean;
}

/** Whether a line may break between `a` and `b` (cautious: when unsure, no). */
function breakBetween(a: Glyph, b: Glyph, before: Glyph | undefined): boolean {
  if (a.nowrap && b.nowrap && a.run === b.run) return false;
  if (SPACE.test(b.ch)) return false;
  if (SPACE.test(a.ch)) return true;
  if (NO_START.test(b.ch) || NO_END.test(a.ch)) return false;
  if (isWide(a.ch) || isWide(b.ch)) return true;
  // A Latin word breaks after a hyphen between letters (co-development).
  return a.ch === '-' && before !== undefined && /\p{L}/u.test(before.ch) && /\p{L}/u.test(b.ch);
}

interface Segment {
  /** Width without trailing spaces. */
  w: number;
  /** Width of the trailing spaces (they hang at a line end). */
  tail: number;
  glyphs: number[];
}

type Script = 'asian' | 'latin' | null;

function scriptOf(ch: string): Script {
  if (isWide(ch)) return 'asian';
  return /[\p{L}\p{N}]/u.test(ch) ? 'latin' : null;
}

function glyphsOf(runs: readonly Run[]): Glyph[] {
  const out: Glyph[] = [];
  let script: Script = null;
  runs.forEach((r, i) => {
    const face = faceFor(r);
    for (const ch of r.text) {
      // LibreOffice puts a fifth of the line height between Asian and Latin text (letters, digits): counted on the glyph before.
      const s = scriptOf(ch);
      if (s !== null && script !== null && s !== script && out.length > 0) out[out.length - 1].w += AUTOSPACE * Math.max(out[out.length - 1].size, r.size);
      if (s !== null) script = s;
      out.push({ ch, w: charWidth(ch.codePointAt(0) ?? 0, face) * r.size * WIDTH_SAFETY, size: r.size, run: i, nowrap: r.nowrap === true });
    }
  });
  return out;
}

function segments(glyphs: readonly Glyph[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  glyphs.forEach((g, i) => {
    if (cur === null || breakBetween(glyphs[i - 1], g, glyphs[i - 2])) {
      cur = { w: 0, tail: 0, glyphs: [] };
      out.push(cur);
    }
    if (SPACE.test(g.ch)) cur.tail += g.w;
    else {
      cur.w += cur.tail + g.w;
      cur.tail = 0;
    }
    cur.glyphs.push(i);
  });
  return out;
}

/** The lines runs wrap to in `width` points, as the text of each line (at least one line). */
export function wrap(runs: readonly Run[], width: number): string[] {
  const glyphs = glyphsOf(runs);
  const lines: string[] = [];
  let line = '';
  let x = 0;
  let tail = 0;
  const push = () => {
    lines.push(line);
    line = '';
    x = 0;
    tail = 0;
  };
  for (const s of segments(glyphs)) {
    const text = s.glyphs.map((i) => glyphs[i].ch).join('');
    if (x > 0 && x + tail + s.w > width) push();
    if (s.w > width) {
      // Longer than a line: broken anywhere, as office suites do.
      for (const i of s.glyphs) {
        const g = glyphs[i];
        if (SPACE.test(g.ch)) {
          tail += g.w;
          line += g.ch;
          continue;
        }
        if (x > 0 && x + tail + g.w > width) push();
        x += tail + g.w;
        tail = 0;
        line += g.ch;
      }
      continue;
    }
    x += tail + s.w;
    tail = s.tail;
    line += text;
  }
  lines.push(line);
  return lines;
}

/** Number of lines the runs wrap to in `width` points (at least 1). */
export function lineCount(runs: readonly Run[], width: number): number {
  return wrap(runs, width).length;
}

/** Width of runs set on one line, trailing spaces left out. */
export function naturalWidth(runs: readonly Run[]): number {
  const glyphs = glyphsOf(runs);
  let end = glyphs.length;
  while (end > 0 && SPACE.test(glyphs[end - 1].ch)) end--;
  return glyphs.slice(0, end).reduce((s, g) => s + g.w, 0);
}

/** Height of a paragraph wrapped in `width` points: its lines at its fixed pitch, and its spacing. */
export function paraHeight(p: Para, width: number): number {
  return lineCount(p.runs, width) * p.lineHeight + (p.spaceBefore ?? 0) + (p.spaceAfter ?? 0);
}

/** Height of a text box's paragraphs. */
export function textHeight(paras: readonly Para[], width: number): number {
  return paras.reduce((s, p) => s + paraHeight(p, width), 0);
}
