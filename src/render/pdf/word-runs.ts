/**
 * Text measured and laid out a run of words at a time, not a word at a time.
 *
 * pdfmake turns a text node into one inline per line-break opportunity:
 * every word of English, every character of Chinese. Each inline is an object
 * of ~30 properties, its ~22 styles resolved and its width measured, copied
 * for every layout, walked by the line breaker and joined again before
 * drawing (merge-inlines.ts). That was most of a PDF render's time, and much
 * of the rest was collecting the garbage.
 *
 * Here a stretch of words that would be drawn as one anyway becomes one
 * inline (a *word run*) that keeps each word's width (`_w`), trailing cut
 * (`_t`, its trailing spaces) and end in the text (`_o`): its styles are
 * resolved once, and the line builder (line-builder.ts) takes as many of its
 * words as fit, word by word with pdfmake's own test, and cuts the run there.
 * A word joins a run where merge-inlines.ts would join it to the one before on
 * any line: words of text nodes with the same own properties, the joint after
 * a space or between two words laid out without shaping (UNSHAPED_TEXT), no
 * white space but trailing spaces, no line end, no `noWrap`, nothing drawn
 * per inline (sup, sub, font features, page links; justified lines, whose
 * spare space goes between inlines). Every break opportunity, width and x
 * position is the one pdfmake computes for the words one by one (widths
 * added in the same order), and every word is measured in text order (the
 * first string to reach a glyph is the text the PDF gives back for it), so
 * the PDFs are the same bytes (tests/render/pdf/word-runs.test.ts renders
 * them both ways). pdfmake's own lists (`ol`, `ul`) draw a marker's first
 * inline only: the backend does not use them (its markers are text nodes).
 *
 * pdfmake has no hook for this: this wraps `TextInlines.prototype.measure`
 * and `buildInlines` of the pinned pdfmake (package.json); the test fails
 * when either method changes, and bench/README.md gives what it saves.
 */
import { pdfmakeModule } from './pdfmake-module.js';
import { UNSHAPED_TEXT } from './fonts.js';

/** A measured pdfmake inline, as far as this module reads it. */
export interface RunInline {
  text: string;
  width: number;
  leadingCut?: number;
  trailingCut?: number;
  leadingIndent?: number;
  noNewLine?: boolean;
  lineEnd?: boolean;
  /** A word run: each word's width, in order. */
  _w?: readonly number[];
  /** A word run: where each word ends in `text` (UTF-16 offsets). */
  _o?: readonly number[];
  /** A word run: each word's trailing cut (the width of the spaces it ends with). */
  _t?: readonly number[];
  [key: string]: unknown;
}

interface StyleStack {
  auto<T>(item: unknown, callback: () => T): T;
  getProperty(property: string): unknown;
}

interface TextInlinesThis {
  widthOfText(text: string, inline: RunInline): number;
}

type Measure = (this: TextInlinesThis, array: RunInline[], stack: StyleStack) => RunInline[];
type BuildInlines = (
  this: TextInlinesThis,
  textArray: unknown,
  stack: StyleStack,
) => { items: RunInline[]; minWidth: number; maxWidth: number };

let enabled = true;
/** Off while pdfmake's own line builder is in use, which cannot cut a run (line-builder.ts sets it). */
let layable = true;
/** Tests switch runs off to compare the PDFs made one inline per word. */
export function setWordRuns(on: boolean): void {
  enabled = on;
}
/** Whether the line builder in use can lay out runs (only line-builder.ts's can). */
export function allowWordRuns(on: boolean): void {
  layable = on;
}
const active = () => enabled && layable;

/** Properties the words' own styles may not carry (drawn or linked per inline, or not one word). */
const NOT_IN_RUNS = ['noWrap', 'lineEnd', 'sup', 'sub', 'fontFeatures', 'linkToPage', '_pageRef', '_tocItemRef', '_textRef', 'leadingIndent'];
/** The same, once resolved by pdfmake's measure (from named styles too). */
const NOT_RESOLVED = ['noWrap', 'sup', 'sub', 'fontFeatures', 'linkToPage', '_pageNodeRef'];
/** Keys that differ between words of one text node and do not make them draw differently. */
const PER_WORD = new Set(['text', 'noNewLine']);

/** A word as TextBreaker makes them: no white space but ASCII spaces at its end. */
const WORD = /^[^\s]+ *$/;
const ENDS_IN_SPACE = / $/;

function runnable(word: RunInline): boolean {
  const t = word.text;
  if (typeof t !== 'string' || !WORD.test(t)) return false;
  for (const k of NOT_IN_RUNS) if (word[k] !== undefined && word[k] !== null && word[k] !== false) return false;
  return true;
}

/**
 * Whether `b` may follow `a` inside a run: merge-inlines.ts's joint, where
 * drawing them as one lays the text out as drawing them one by one (pdfkit
 * lays text out in pieces that end after a space): after a space, or between
 * two words laid out without shaping.
 */
function joins(a: RunInline, b: RunInline): boolean {
  return ENDS_IN_SPACE.test(a.text) || (UNSHAPED_TEXT.test(a.text) && UNSHAPED_TEXT.test(b.text));
}

/** Whether `a` and `b` carry the same own properties (but their text and glue). */
function sameStyle(a: RunInline, b: RunInline): boolean {
  let n = 0;
  for (const k in a) {
    if (PER_WORD.has(k)) continue;
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const k in b) if (!PER_WORD.has(k)) n--;
  return n === 0;
}

/**
 * Most words in one run. A line cut inside a run leaves the rest as a new run
 * (its words' widths copied), so runs as long as their text would make a line
 * cost as much as the rest of the text: a 150,000-character title would be
 * quadratic. 64 words are about two lines of Chinese body text.
 */
export const MAX_RUN_WORDS = 64;

/**
 * The words TextBreaker made, with every stretch of two or more words that
 * can be drawn as one replaced by a run (text joined, `_o` set; the widths
 * come after measuring), at most MAX_RUN_WORDS words each. A word glued to
 * the next (`noNewLine`) ends its run.
 */
export function groupWords(words: readonly RunInline[]): RunInline[] {
  const out: RunInline[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    let j = i + 1;
    if (runnable(first) && !first.noNewLine) {
      while (j < words.length && j - i < MAX_RUN_WORDS && runnable(words[j]) && sameStyle(first, words[j]) && joins(words[j - 1], words[j])) {
        j++;
        if (words[j - 1].noNewLine) break;
      }
    }
    if (j - i < 2) {
      out.push(first);
      i++;
      continue;
    }
    const ends: number[] = [];
    let text = '';
    for (let k = i; k < j; k++) {
      text += words[k].text;
      ends.push(text.length);
    }
    const run: RunInline = { ...first, text, _o: ends };
    delete run.noNewLine;
    if (words[j - 1].noNewLine) run.noNewLine = true;
    out.push(run);
    i = j;
  }
  return out;
}

/** The text of word `k` of a run. */
export function wordText(run: RunInline, k: number): string {
  const o = run._o!;
  return run.text.slice(k === 0 ? 0 : o[k - 1], o[k]);
}

/** The words of a measured run as pdfmake would have measured them, one inline each. */
export function spreadRun(run: RunInline): RunInline[] {
  const out: RunInline[] = [];
  const n = run._o!.length;
  for (let k = 0; k < n; k++) {
    const word: RunInline = { ...run, text: wordText(run, k), width: run._w![k], trailingCut: run._t![k] };
    delete word._w;
    delete word._o;
    delete word._t;
    delete word.noNewLine;
    if (k > 0) {
      word.leadingCut = 0;
      delete word.leadingIndent;
    }
    if (k === n - 1 && run.noNewLine) word.noNewLine = true;
    out.push(word);
  }
  return out;
}

/** `start` plus a run's word widths, added one after another as a line adds them. */
export function runWidth(widths: readonly number[], start = 0): number {
  let w = start;
  for (const x of widths) w += x;
  return w;
}

/**
 * Words `from` to `to` of a run as a run of their own (one word is still a
 * run: the line builder handles both alike). The first keeps the run's
 * leading cut and indent, the last its glue.
 */
export function sliceRun(run: RunInline, from: number, to: number): RunInline {
  const o = run._o!;
  const start = from === 0 ? 0 : o[from - 1];
  const part: RunInline = {
    ...run,
    text: run.text.slice(start, o[to - 1]),
    _w: run._w!.slice(from, to),
    _o: o.slice(from, to).map((e) => e - start),
    _t: run._t!.slice(from, to),
  };
  part.trailingCut = part._t![to - from - 1];
  part.width = runWidth(part._w!);
  if (from > 0) {
    part.leadingCut = 0;
    delete part.leadingIndent;
  }
  if (to < o.length) delete part.noNewLine;
  return part;
}

/**
 * The widths and trailing cuts of a run's words after the first (which
 * pdfmake's measure gave the run), with pdfmake's own functions, in order.
 */
function measureRest(self: TextInlinesThis, run: RunInline, stack: StyleStack): void {
  const widths = [run.width];
  const cuts = [run.trailingCut as number];
  const preserve = styleProperty(run, stack, 'preserveTrailingSpaces');
  for (let k = 1; k < run._o!.length; k++) {
    const word = wordText(run, k);
    widths.push(self.widthOfText(word, run));
    const spaces = preserve ? null : TRAILING.exec(word);
    cuts.push(spaces ? self.widthOfText(spaces[0], run) : 0);
  }
  run._w = widths;
  run._t = cuts;
  run.width = runWidth(widths);
  run.trailingCut = cuts[cuts.length - 1];
}

/** A measured run that must be drawn one inline per word: something drawn per inline, or justified lines (space goes between inlines). */
function drawnApart(item: RunInline): boolean {
  if (!item._w) return false;
  return item.alignment === 'justify' || NOT_RESOLVED.some((k) => item[k] !== undefined && item[k] !== null && item[k] !== false && item[k] !== 0);
}

/** pdfmake's trailing white space (TextInlines). */
const TRAILING = /(\s)+$/;

/** A style property as pdfmake's `StyleContextStack.getStyleProperty` finds it (no default). */
function styleProperty(item: RunInline, stack: StyleStack | undefined, property: string): unknown {
  const own = item[property];
  if (own !== undefined && own !== null) return own;
  return stack ? stack.auto(item, () => stack.getProperty(property)) : undefined;
}

let installed = false;
let originalMeasure: Measure | null = null;
let originalBuild: BuildInlines | null = null;

const textInlines = () => pdfmakeModule<{ prototype: { measure: Measure; buildInlines: BuildInlines } }>('TextInlines');

/** pdfmake's `measure` and `buildInlines` as shipped (the test compares them with the versions this was written for). */
export function originalTextInlines(): { measure: Measure; buildInlines: BuildInlines } {
  const proto = textInlines().prototype;
  return { measure: originalMeasure ?? proto.measure, buildInlines: originalBuild ?? proto.buildInlines };
}

/**
 * pdfmake's minimum and maximum width of measured inlines (its
 * `buildInlines`), reading a run as its words.
 */
export function inlineWidths(items: readonly RunInline[]): { minWidth: number; maxWidth: number } {
  let minWidth = 0;
  let maxWidth = 0;
  let current: { width: number; leadingCut: number; trailingCut: number } | null = null;
  const add = (width: number, leadingCut: number, trailingCut: number, lineEnd: boolean) => {
    minWidth = Math.max(minWidth, Math.max(0, width - leadingCut - trailingCut));
    if (!current) current = { width: 0, leadingCut, trailingCut: 0 };
    current.width += width;
    current.trailingCut = trailingCut;
    maxWidth = Math.max(maxWidth, Math.max(0, current.width - current.leadingCut - current.trailingCut));
    if (lineEnd) current = null;
  };
  for (const item of items) {
    // pdfmake keeps a leading cut of 0 as it is and reads `leadingCut` unset as undefined only for the line.
    if (item._w) {
      item._w.forEach((w, k) => add(w, k === 0 ? (item.leadingCut as number) : 0, item._t![k], false));
    } else {
      add(item.width, item.leadingCut as number, item.trailingCut as number, Boolean(item.lineEnd));
    }
  }
  return { minWidth, maxWidth };
}

/** Have pdfmake measure Chinese a run at a time (once per process). */
export function installWordRuns(): void {
  if (installed) return;
  installed = true;
  const TextInlines = textInlines();
  const shippedMeasure = TextInlines.prototype.measure;
  const shippedBuild = TextInlines.prototype.buildInlines;
  originalMeasure = shippedMeasure;
  originalBuild = shippedBuild;

  const measure = function measure(this: TextInlinesThis, array: RunInline[], stack: StyleStack): RunInline[] {
    if (!active()) return shippedMeasure.call(this, array, stack);
    const grouped = groupWords(array);
    if (grouped.length === array.length) return shippedMeasure.call(this, array, stack);
    // pdfmake indents the first item of each call: measured below in stretches, so with an indent word by word.
    if (array.some((w) => w.leadingIndent) || styleProperty(array[0], stack, 'leadingIndent')) return shippedMeasure.call(this, array, stack);
    // Every word is measured in text order, as pdfmake measures them one by one: the first string to
    // reach a glyph is the text the PDF gives back for it (fontkit's glyph cache, pdfkit's ToUnicode), and
    // two characters can share a glyph (a space and a no-break space, 日 and the Kangxi radical ⽇).
    // pdfmake measures the items up to a run and the run as its first word (its styles resolved once);
    // the run's other words follow with the same function before anything after the run.
    let from = 0;
    for (let i = 0; i < grouped.length; i++) {
      const run = grouped[i];
      if (!run._o) continue;
      const text = run.text;
      run.text = wordText(run, 0);
      shippedMeasure.call(this, grouped.slice(from, i + 1), stack);
      run.text = text;
      measureRest(this, run, stack);
      from = i + 1;
    }
    if (from < grouped.length) shippedMeasure.call(this, grouped.slice(from), stack);
    // Resolved to something drawn per inline (from a named style, or justified lines): one inline per word.
    if (!grouped.some(drawnApart)) return grouped;
    return grouped.flatMap((item) => (drawnApart(item) ? spreadRun(item) : [item]));
  };

  const buildInlines = function buildInlines(this: TextInlinesThis, textArray: unknown, stack: StyleStack) {
    const built = shippedBuild.call(this, textArray, stack);
    if (!built.items.some((item) => item._w)) return built;
    const noWrap = styleProperty({ text: '', width: 0 }, stack, 'noWrap');
    const { minWidth, maxWidth } = inlineWidths(built.items);
    return { items: built.items, minWidth: noWrap ? maxWidth : minWidth, maxWidth };
  };
  TextInlines.prototype.measure = measure;
  TextInlines.prototype.buildInlines = buildInlines;
}
