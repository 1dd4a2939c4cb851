/**
 * Text measurement without loading a font: Noto Sans SC advance widths for
 * ASCII (from the face's hmtx table), one em for CJK and full-width forms.
 * Enough to wrap lines the way an office suite will, with a small safety
 * margin, so that slides are laid out to fit before they are written.
 */
import { ASCII_WIDTHS, LINE_EMS, WIDTH_SAFETY } from './constants.js';
import type { Para, Run } from './draw.js';

/** Han, kana, CJK punctuation, full-width forms: one em, a line may break before or after. */
const WIDE = /[\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFF}]/u;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Advance width of one character in ems. */
export function charEms(ch: string, bold = false): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 32 && c <= 126) return (bold ? ASCII_WIDTHS.bold : ASCII_WIDTHS.regular)[c - 32] / 1000;
  if (isWide(ch)) return 1;
  // Curly quotes, dots, ellipsis and symbols are full width in the CJK face; be generous.
  if (/[\u2018-\u201F\u2026\u00B7\u00B6\u2022\u2190-\u21FF]/u.test(ch)) return 1;
  if (ch === '\u2013') return 0.54;
  if (ch === '\u2014') return 0.9;
  return 0.62;
}

/** Width of a string in points at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += charEms(ch, bold);
  return w * size * WIDTH_SAFETY;
}

interface Token {
  w: number;
  /** Whitespace: may hang at a line end. */
  space: boolean;
}

/** Break runs into wrap units: one per CJK character, one per Latin word, one per space. */
function tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  let word = 0;
  const flush = () => {
    if (word > 0) out.push({ w: word, space: false });
    word = 0;
  };
  for (const r of runs) {
    for (const ch of r.text) {
      const w = charEms(ch, r.bold) * r.size * WIDTH_SAFETY;
      if (ch === ' ' || ch === '\t') {
        flush();
        out.push({ w, space: true });
      } else if (isWide(ch)) {
        flush();
        out.push({ w, space: false });
      } else {
        word += w;
        // A Latin word may break after a hyphen or slash.
        if (ch === '-' || ch === '/') flush();
      }
    }
  }
  flush();
  return out;
}

/** Number of lines the runs wrap to in `width` points (at least 1). */
export function lineCount(runs: readonly Run[], width: number): number {
  let lines = 1;
  let x = 0;
  for (const t of tokens(runs)) {
    if (t.space) {
      x += t.w;
      continue;
    }
    if (x > 0 && x + t.w > width) {
      lines += 1;
      x = 0;
    }
    if (t.w > width) {
      // A word longer than the line is broken by characters.
      lines += Math.floor(t.w / width);
      x = t.w % width;
    } else x += t.w;
  }
  return lines;
}

/** Largest run size of a paragraph (its line height follows it). */
export function paraSize(p: Para): number {
  return p.runs.reduce((m, r) => Math.max(m, r.size), 0);
}

/** Height of one line at `size` points. */
export function lineHeight(size: number): number {
  return size * LINE_EMS;
}

/** Height of a paragraph wrapped in `width` points, space after included. */
export function paraHeight(p: Para, width: number): number {
  return lineCount(p.runs, width) * lineHeight(paraSize(p)) + (p.spaceAfter ?? 0);
}

/** Height of a text box's paragraphs (the last paragraph's space after is not counted). */
export function textHeight(paras: readonly Para[], width: number): number {
  const h = paras.reduce((s, p) => s + paraHeight(p, width), 0);
  return h - (paras.length > 0 ? (paras[paras.length - 1].spaceAfter ?? 0) : 0);
}
