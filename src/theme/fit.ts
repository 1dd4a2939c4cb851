/**
 * How much room text takes when set: the one estimate the slide template
 * splits content by and `check` warns by (`text-too-long`).
 *
 * The estimate is conservative by construction, so that content the template
 * puts on a slide fits when a backend sets it:
 * - every character is at least as wide as in any weight and style of the face
 *   its run is set in (src/theme/metrics.ts, measured from the fonts; Chinese
 *   runs in Noto Sans SC, English runs in Noto Sans, each falling back to the
 *   other for characters it lacks);
 * - lines break greedily at fewer places than any renderer allows: between
 *   words, around Han characters, never before closing or after opening
 *   punctuation, never on either side of a quotation mark, never inside a word
 *   (a word longer than the line breaks anywhere);
 * - a greedy fill with wider glyphs and fewer break points never needs fewer
 *   lines than the renderer's own fill.
 * Pure and deterministic; no font file is read. It sits with the theme, below
 * the templates (which split content by it) and the backends (which size a
 * column the way the template measured it).
 */
import type { BiInline, Inline, TimelineFigure } from '../ir/types.js';
import { BLOCK_RANGES, CJK_WIDTH, OTHER_WIDTH, WIDTHS } from './metrics.js';
import { slideContent, slideSpec } from './theme.js';
import { NUMBER_UNITS } from '../text/kinsoku.js';

export type FitLang = 'zh' | 'en';

/** A run of text set at one size in the face of one language. */
export interface Run {
  text: string;
  size: number;
  lang: FitLang;
  /** Set bold (strong): the bold face's widths. */
  bold?: boolean;
}

const isCjkRange = (cp: number) => (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0x20000 && cp <= 0x3ffff);

/** Advance of a code point in em (upper bound over the face's upright and italic styles at that weight). */
export function charWidth(cp: number, lang: FitLang, bold = false): number {
  const t = WIDTHS[lang][bold ? 'bold' : 'regular'];
  if (cp >= 0x20 && cp < 0x7f) return t.ascii[cp - 0x20] / 1000;
  let offset = 0;
  for (const [lo, hi] of BLOCK_RANGES) {
    if (cp >= lo && cp < hi) return t.blocks[offset + ((cp - lo) >> 4)] / 1000;
    offset += (hi - lo) >> 4;
  }
  return (isCjkRange(cp) ? CJK_WIDTH : OTHER_WIDTH) / 1000;
}

/** Width in points of text set at `size` in the face of `lang` (no line breaking). */
export function textWidth(text: string, size: number, lang: FitLang, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch.codePointAt(0)!, lang, bold);
  return em * size;
}

/**
 * East Asian autospace, in em: the room a renderer may set between Han (or
 * other ideographic text) and a Latin letter or digit beside it. LibreOffice
 * sets about a fifth of an em there in every document (it does not read the
 * w:autoSpaceDE / w:autoSpaceDN a DOCX turns Word's off with), CSS
 * `text-autospace` an eighth; measured as a quarter. Text that wraps absorbs
 * it in the measure's margins; a line that must not break (a timeline's date)
 * is measured with it (`autospaceWidth`).
 */
export const AUTOSPACE = 0.25;

const isAlnum = (ch: string) => /^[A-Za-z0-9]$/.test(ch);

/** Autospace in points that `text` set at `size` may take: `AUTOSPACE` at each meeting of ideographic text and a Latin letter or digit. */
export function autospaceWidth(text: string, size: number): number {
  let n = 0;
  let prev = '';
  for (const ch of text) {
    if (prev !== '' && ((isWide(prev.codePointAt(0)!) && isAlnum(ch)) || (isAlnum(prev) && isWide(ch.codePointAt(0)!)))) n++;
    prev = ch;
  }
  return n * AUTOSPACE * size;
}

/** Characters that break like ideographs (Han, kana, CJK and full-width punctuation). */
const isWide = (cp: number) => (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
/** No line may start with these (closing punctuation, iteration marks, small kana, dashes, ellipses). */
const NO_BREAK_BEFORE = new Set([...'，。、；：？！）」』》〉】〕］｝｠〙〗”’…‥—–～·・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%‰°℃)]},.:;!?\'"']);
/** No line may end with these (opening punctuation, currency signs). */
const NO_BREAK_AFTER = new Set([...'（「『《〈【〔［｛｟〘〖“‘([{$£¥€\'"']);
/** Quotation marks keep to both neighbours (UAX #14 class QU) — also in English text. */
const QUOTES = new Set([...'“”‘’"\'«»‹›']);
const SPACE = /\s/u;
const spaces = new Map<string, boolean>();
/** `\s` for one character, remembered (the test runs for every character measured). */
const isSpace = (ch: string): boolean => {
  let r = spaces.get(ch);
  if (r === undefined) spaces.set(ch, (r = SPACE.test(ch)));
  return r;
};

/** Whether a renderer may break the line between `a` and `b` (no space between them), on the cautious side. */
function mayBreak(a: string, b: string): boolean {
  if (isSpace(a)) return true;
  if (isSpace(b)) return false;
  if (NO_BREAK_AFTER.has(a) || NO_BREAK_BEFORE.has(b) || QUOTES.has(a) || QUOTES.has(b)) return false;
  // A number keeps its unit (the PDF's line breaking, src/text/kinsoku.ts).
  if (a >= '0' && a <= '9' && NUMBER_UNITS.has(b)) return false;
  return isWide(a.codePointAt(0)!) || isWide(b.codePointAt(0)!);
}

interface Unit {
  /** Width without trailing spaces. */
  w: number;
  /** Width of its trailing spaces (dropped at a line end). */
  space: number;
}

/** The unbreakable units of runs, each with its width and trailing space. */
function units(runs: readonly Run[]): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | null = null;
  let prev = '';
  for (const r of runs) {
    for (const ch of r.text) {
      const w = charWidth(ch.codePointAt(0)!, r.lang, r.bold) * r.size;
      if (ch === '\n') {
        // A hard line break: a unit that fills the rest of the line.
        if (cur) out.push(cur);
        out.push({ w: Infinity, space: 0 });
        cur = null;
        prev = '';
        continue;
      }
      if (cur && prev !== '' && !mayBreak(prev, ch)) {
        if (isSpace(ch)) cur.space += w;
        else {
          cur.w += cur.space + w;
          cur.space = 0;
        }
      } else {
        if (cur) out.push(cur);
        cur = isSpace(ch) ? { w: 0, space: w } : { w, space: 0 };
      }
      prev = ch;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Line counts already measured (the slide template measures the same items for several splits); bounded. */
const measured = new Map<string, number>();
const MEASURED_MAX = 20_000;

/**
 * Lines that runs take in `width` points, filled greedily (0 for no text).
 * A `\n` in a run is a hard line break.
 */
export function lineCount(runs: readonly Run[], width: number): number {
  if (runs.every((r) => r.text === '')) return 0;
  const key = `${width}\u0000${runs.map((r) => `${r.size}${r.lang}${r.bold ? 'b' : ''}\u0001${r.text}`).join('\u0000')}`;
  const hit = measured.get(key);
  if (hit !== undefined) return hit;
  const n = fill(runs, width);
  if (measured.size >= MEASURED_MAX) measured.clear();
  measured.set(key, n);
  return n;
}

function fill(runs: readonly Run[], width: number): number {
  let lines = 1;
  let x = 0;
  for (const u of units(runs)) {
    if (u.w === Infinity) {
      lines++;
      x = 0;
      continue;
    }
    if (x > 0 && x + u.w > width) {
      lines++;
      x = 0;
    }
    if (u.w > width) {
      // A word longer than the line breaks anywhere: full lines, then the rest.
      lines += Math.ceil(u.w / width) - 1;
      x = u.w - (Math.ceil(u.w / width) - 1) * width;
    } else x += u.w;
    x += u.space;
  }
  return lines;
}

/** Lines of one text at one size. */
export function lines(text: string, size: number, lang: FitLang, width: number): number {
  return lineCount([{ text, size, lang }], width);
}

/** Whether text stays on one line at `size` in `width` (a date label, a tag). */
export function fitsOneLine(text: string, size: number, lang: FitLang, width: number): boolean {
  return textWidth(text, size, lang) <= width;
}

// ── Slide measures a backend needs too (the template decides with them) ──

const plainText = (inl: Inline | undefined) => (inl ?? []).map((r) => r.text).join('');

/** Share of the body box the estimate may fill: room for the renderers' rounding. */
export const SAFETY = 0.97;

/** Height of the small source line at the foot of a slide (0 without one). */
export function sourceHeight(source: Inline | undefined): number {
  if (!source || source.length === 0) return 0;
  const s = slideSpec.source;
  return s.before + (lineCount((source ?? []).map((r) => ({ text: r.text, size: s.size, lang: 'en' as const, ...(r.strong ? { bold: true } : {}) })), slideContent.width) * s.size * s.line);
}

/**
 * Width of the date column of a timeline figure: its widest date label (each
 * on one line; with the labels it aligns with, on a slide), the Chinese with
 * the autospace a renderer may set between its Han and its digits
 * ("2024年4月10日" meets five times).
 */
export function timelineDateWidth(f: TimelineFigure): number {
  const d = slideSpec.timeline.date;
  // Dates are set bold.
  const zh = (label: BiInline) => textWidth(plainText(label.zh), d.zh, 'zh', true) + autospaceWidth(plainText(label.zh), d.zh);
  return Math.ceil(Math.max(0, ...columnDates(f).map((l) => Math.max(zh(l), textWidth(plainText(l.en), d.en, 'en', true)))));
}

/** The date labels a timeline's date column is as wide as: its own, and on a slide those it aligns with (`alignDates`). */
export function columnDates(f: TimelineFigure): BiInline[] {
  return [...f.events.map((e) => e.dateLabel), ...(f.alignDates ?? [])];
}
