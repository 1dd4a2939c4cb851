/**
 * Fewer text operations for the same page.
 *
 * pdfmake breaks text into one inline per line-break opportunity, which in
 * Chinese is every character, and writes each inline with its own pdfkit
 * `text()` call (colour, opacity, font, a text object): ~3,200 calls for the
 * summary PDF, most of them one character long. pdfmake's renderer has a TODO
 * for exactly this. Before a line is drawn, neighbouring inlines that would
 * draw the same way are joined into one, so the line is written with one call
 * per run of equal style instead of one per character, and a linked run (a
 * margin note's label, a citation) gets one link annotation per line instead
 * of one per character.
 *
 * Two inlines are joined only when the result cannot differ from drawing them
 * one after the other: the second starts exactly where the first ends (so no
 * justification space or other gap lies between them), every property that
 * decides how they are drawn or where they link is equal, neither carries a
 * page reference, justification or sub/superscript, and the joint does not change
 * how the text is laid out: pdfkit lays out text word by word, split after
 * spaces, so the joint must fall after a space, or inside a word whose two
 * sides are both text laid out without shaping (UNSHAPED_TEXT: each
 * character's glyph at its advance, whatever its neighbours).
 *
 * pdfmake has no public hook between line breaking and drawing, so this
 * wraps its Renderer.prototype.renderLine: pdfmake is pinned to the version
 * checked (package.json), tests/dependencies.test.ts checks the function's
 * shape, and bench/README.md gives what it saves.
 */
import { pdfmakeModule } from './pdfmake-module.js';
import { UNSHAPED_TEXT } from './fonts.js';
import { runWidth } from './word-runs.js';

/** The fields of a pdfmake inline that this module reads or writes. */
export interface Inline {
  text: string;
  x: number;
  width: number;
  font?: unknown;
  fontSize?: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  color?: unknown;
  opacity?: number;
  decoration?: unknown;
  decorationColor?: unknown;
  decorationStyle?: unknown;
  decorationThickness?: unknown;
  background?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  sup?: boolean;
  sub?: boolean;
  justifyShift?: number;
  trailingCut?: number;
  _pageNodeRef?: unknown;
  [key: string]: unknown;
}

/** Properties that must be equal for two inlines to be drawn as one. */
const SAME = [
  'font',
  'fontSize',
  'characterSpacing',
  'color',
  'opacity',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'sup',
  'sub',
  'link',
  'linkToDestination',
] as const;

/** Properties that keep an inline on its own (each is drawn or linked per inline). */
const ALONE = ['fontFeatures', 'linkToPage', 'justifyShift', '_pageNodeRef'] as const;

/** How far apart two x positions may be and still count as the same point (pt). */
const TOUCHING = 1e-6;

function alone(i: Inline): boolean {
  return ALONE.some((k) => i[k] !== undefined && i[k] !== null && i[k] !== 0) || i.sup === true || i.sub === true;
}

/** Whether `b` can be drawn as the continuation of `a`. */
export function joinable(a: Inline, b: Inline): boolean {
  if (alone(a) || alone(b)) return false;
  if (Math.abs(a.x + a.width - b.x) > TOUCHING) return false;
  if (SAME.some((k) => a[k] !== b[k])) return false;
  // The word the joint falls in: the end of a after its last space, and the start of b before its first.
  const tail = a.text.slice(a.text.lastIndexOf(' ') + 1);
  if (tail === '') return true;
  const head = b.text.split(' ', 1)[0];
  return head !== '' && UNSHAPED_TEXT.test(tail) && UNSHAPED_TEXT.test(head);
}

/**
 * `width` plus the width of `inline`: a word run's (word-runs.ts) word by
 * word, so a joined run is as wide as its words joined one by one.
 */
function widthAfter(width: number, inline: Inline): number {
  const words = inline._w as readonly number[] | undefined;
  return words ? runWidth(words, width) : width + inline.width;
}

/** The inlines of a line with every joinable neighbour joined (the input is not changed). */
export function mergeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last && joinable(last, inline)) {
      const joined: Inline = { ...last, text: last.text + inline.text, width: widthAfter(last.width, inline), trailingCut: inline.trailingCut };
      // A word run's word widths and ends describe the first part only: not carried over.
      delete joined._w;
      delete joined._o;
      delete joined._t;
      out[out.length - 1] = joined;
    } else {
      out.push(inline);
    }
  }
  return out;
}

let enabled = true;

/** Turn joining on or off (for tests that compare the pages drawn both ways). */
export function setInlineMerging(on: boolean): void {
  enabled = on;
}

interface PdfmakeLine {
  inlines: Inline[];
}

let installed = false;

/** Have pdfmake's renderer join each line's inlines before drawing it (once per process). */
export function installInlineMerging(): void {
  if (installed) return;
  installed = true;
  const Renderer = pdfmakeModule<{ prototype: { renderLine(this: unknown, line: PdfmakeLine, x: number, y: number): void } }>('Renderer');
  const renderLine = Renderer.prototype.renderLine;
  const merging = function (this: unknown, line: PdfmakeLine, x: number, y: number): void {
    if (enabled && line.inlines.length > 1) line.inlines = mergeInlines(line.inlines);
    renderLine.call(this, line, x, y);
  };
  // pdfmake's own function stays reachable, for the test that checks its shape against the pin.
  Renderer.prototype.renderLine = Object.assign(merging, { original: renderLine });
}
