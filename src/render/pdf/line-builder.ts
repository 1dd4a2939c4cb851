/**
 * Linear line building.
 *
 * pdfmake's `LayoutBuilder.buildNextLine` asks, before it places each inline,
 * `line.hasEnoughSpaceForInline(inlines[0], inlines.slice(1))`: a copy of
 * every inline still waiting. pdfmake makes one inline per line-break
 * opportunity, which in Chinese is every character, so a text of n characters
 * cost O(n²) copies: a 40,000-character title took 16 of a build's 21 s, and
 * a running header repeated that on every page.
 *
 * `Line.hasEnoughSpaceForInline` reads the following inlines only while the
 * inline before is glued to them (`noNewLine`), and stops at the first one
 * that is not. The method below is pdfmake's own (0.3.11), except that it
 * passes exactly those inlines instead of the copy, and takes inlines off
 * the front of the array in batches instead of one `shift()` each (which
 * moves the whole array once it is large), so every decision (and every byte
 * of the PDF) is the same and the cost is linear. A test fails
 * when pdfmake's method changes, so the copy is reviewed with it.
 *
 * It also lays out word runs (word-runs.ts: several words as one inline),
 * word by word with the same decisions (`takeRun`); pdfmake's own method
 * cannot, so switching this off switches word runs off too.
 */
import { pdfmakeModule } from './pdfmake-module.js';
import { allowWordRuns, sliceRun, spreadRun, wordText, type RunInline } from './word-runs.js';

/** A measured pdfmake inline (a word run's fields included). */
type PdfInline = RunInline;

interface PdfLine {
  maxWidth: number;
  inlines: PdfInline[];
  leadingCut: number;
  trailingCut: number;
  inlineWidths: number;
  newLineForced?: boolean;
  lastLineInParagraph: boolean;
  hasEnoughSpaceForInline(inline: PdfInline, next: PdfInline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: PdfInline): void;
}

interface LayoutBuilderThis {
  writer: { context(): { availableWidth: number } };
}

type BuildNextLine = (this: LayoutBuilderThis, textNode: { _inlines?: PdfInline[] }) => PdfLine | null;

/** A word run (word-runs.ts) as the inline of its first word, which is what pdfmake would see next. */
function firstWord(inline: PdfInline): PdfInline {
  return inline._w && inline._w.length > 1 ? { text: '', width: inline._w[0], trailingCut: inline._t![0] } : inline;
}

/**
 * The inlines `Line.hasEnoughSpaceForInline` reads after `inlines[at]`: the
 * run glued to it (`noNewLine`) and the inline that ends the run (of a word
 * run, its first word).
 */
export function gluedFollowers(inlines: readonly PdfInline[], at = 0): PdfInline[] {
  const next: PdfInline[] = [];
  if (!inlines[at]?.noNewLine) return next;
  for (let i = at + 1; i < inlines.length; i++) {
    const follower = firstWord(inlines[i]);
    next.push(follower);
    if (!follower.noNewLine) break;
  }
  return next;
}

/**
 * What `takeRun` did with a word run: took all of it, took the words that fit
 * and left the rest in its place (the line is full), took none (the line is
 * full), or put a word that pdfmake cuts by characters in front as an inline
 * of its own (`again`: the loop goes on with it; `againUnforced`: after words
 * were taken, so it is not glued to what came before).
 */
type Taken = 'all' | 'part' | 'none' | 'again' | 'againUnforced';

/**
 * Lay out the word run at `inlines[at]` as pdfmake would lay out its words one
 * by one (`Line.hasEnoughSpaceForInline`, `addInline`, the forced first word,
 * the cut of a word wider than the space left), adding the words taken as one
 * inline with the line's width the sum pdfmake would reach word by word.
 */
function takeRun(line: PdfLine, inlines: PdfInline[], at: number, forced: boolean): Taken {
  const run = inlines[at];
  const w = run._w!;
  const cut = run._t!;
  const n = w.length;
  const count = line.inlines.length;
  let sum = line.inlineWidths;
  let lead = line.leadingCut;
  let trail = line.trailingCut;
  let k = 0;
  for (; k < n; k++) {
    let width = w[k];
    let trailing = cut[k];
    if (k === n - 1 && run.noNewLine) {
      for (const f of gluedFollowers(inlines, at)) {
        width += f.width;
        trailing += f.trailingCut || 0;
      }
    }
    const fits = count + k === 0 || (!line.newLineForced && sum + width - lead - trailing <= line.maxWidth);
    if (!fits && !(k === 0 && forced)) break;
    if (wordText(run, k).length > 1 && w[k] > line.maxWidth - (sum - lead - trail)) {
      // pdfmake cuts this word by characters (its hard wrap): it goes on as an inline of its own.
      if (k > 0) addPart(line, sliceRun(run, 0, k), sum);
      const rest = k + 1 < n ? [sliceRun(run, k + 1, n)] : [];
      inlines.splice(at, 1, spreadRun(sliceRun(run, k, k + 1))[0], ...rest);
      return k > 0 ? 'againUnforced' : 'again';
    }
    if (count + k === 0) lead = run.leadingCut || 0;
    trail = cut[k];
    sum += w[k];
  }
  if (k === 0) return 'none';
  if (k === n) {
    addPart(line, run, sum);
    return 'all';
  }
  addPart(line, sliceRun(run, 0, k), sum);
  inlines[at] = sliceRun(run, k, n);
  return 'part';
}

/** Add words of a run to a line, whose width is then `sum` (the words' widths added one by one). */
function addPart(line: PdfLine, part: PdfInline, sum: number): void {
  line.addInline(part);
  line.inlineWidths = sum;
}

/** How many inlines at the front of a text node's array earlier lines took (not yet removed). */
const taken = new WeakMap<PdfInline[], number>();

let installed = false;
/** pdfmake's method as shipped (tests compare it with the version this copy was made from). */
let original: BuildNextLine | null = null;
/** Tests switch the replacement off to compare its PDFs with pdfmake's own. */
let enabled = true;
export function setLinearLineBuilder(on: boolean): void {
  enabled = on;
  allowWordRuns(on);
}

function modules() {
  return {
    LayoutBuilder: pdfmakeModule<{ prototype: { buildNextLine: BuildNextLine } }>('LayoutBuilder'),
    Line: pdfmakeModule<new (maxWidth: number) => PdfLine>('Line'),
    TextInlines: pdfmakeModule<new (styles: null) => { widthOfText(text: string, inline: PdfInline): number }>('TextInlines'),
  };
}

/** pdfmake's `buildNextLine` before this module replaced it. */
export function originalBuildNextLine(): BuildNextLine {
  return original ?? modules().LayoutBuilder.prototype.buildNextLine;
}

export function installLinearLineBuilder(): void {
  if (installed) return;
  installed = true;
  const { LayoutBuilder, Line, TextInlines } = modules();
  original = LayoutBuilder.prototype.buildNextLine;

  function cloneInline(inline: PdfInline): PdfInline {
    const copy = (inline.constructor as () => PdfInline)();
    for (const key in inline) copy[key] = inline[key];
    return copy;
  }
  function findMaxFitLength(text: string, maxWidth: number, measure: (t: string) => number): number {
    let low = 1;
    let high = text.length;
    let bestFit = 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      if (measure(text.substring(0, mid)) <= maxWidth) {
        bestFit = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return bestFit;
  }

  const shipped = original;
  LayoutBuilder.prototype.buildNextLine = function buildNextLine(this: LayoutBuilderThis, textNode) {
    if (!enabled) return shipped.call(this, textNode);
    const inlines = textNode._inlines;
    // Inlines before `next` were taken by earlier lines of this node (see `taken`).
    let next = inlines ? (taken.get(inlines) ?? 0) : 0;
    if (!inlines || inlines.length - next === 0) return null;
    const line = new Line(this.writer.context().availableWidth);
    const textInlines = new TextInlines(null);
    let isForceContinue = false;
    while (next < inlines.length) {
      if (inlines[next]._w) {
        const taken = takeRun(line, inlines, next, isForceContinue);
        if (taken === 'again' || taken === 'againUnforced') {
          if (taken === 'againUnforced') isForceContinue = false;
          continue;
        }
        if (taken !== 'all') break;
        isForceContinue = Boolean(inlines[next++].noNewLine);
        continue;
      }
      if (!(line.hasEnoughSpaceForInline(inlines[next], gluedFollowers(inlines, next)) || isForceContinue)) break;
      let isHardWrap = false;
      const inline = inlines[next++];
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (t) => textInlines.widthOfText(t, inline));
        if (maxChars < inline.text.length) {
          const rest = cloneInline(inline);
          rest.text = inline.text.substr(maxChars);
          inline.text = inline.text.substr(0, maxChars);
          rest.width = textInlines.widthOfText(rest.text, rest);
          inline.width = textInlines.widthOfText(inline.text, inline);
          // pdfmake puts the rest back in front of the waiting inlines.
          inlines[--next] = rest;
          isHardWrap = true;
        }
      }
      line.addInline(inline);
      isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
    }
    // Taken inlines leave the array once they are half of it (each then moved a bounded number of
    // times), at once when none is left, and at once in snaking columns, where pdfmake puts a
    // line's inlines back in front of the array after this returns.
    const snaking = (this.writer.context() as { inSnakingColumns?: () => boolean }).inSnakingColumns?.() ?? false;
    if (snaking || next === inlines.length || next * 2 > inlines.length) {
      inlines.splice(0, next);
      taken.delete(inlines);
    } else {
      taken.set(inlines, next);
    }
    line.lastLineInParagraph = inlines.length - (taken.get(inlines) ?? 0) === 0;
    return line;
  };
}
