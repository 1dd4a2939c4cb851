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
 */
import { pdfmakeModule } from './pdfmake-module.js';

interface PdfInline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  [key: string]: unknown;
}

interface PdfLine {
  lastLineInParagraph: boolean;
  hasEnoughSpaceForInline(inline: PdfInline, next: PdfInline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: PdfInline): void;
}

interface LayoutBuilderThis {
  writer: { context(): { availableWidth: number } };
}

type BuildNextLine = (this: LayoutBuilderThis, textNode: { _inlines?: PdfInline[] }) => PdfLine | null;

/**
 * The inlines `Line.hasEnoughSpaceForInline` reads after `inlines[at]`: the
 * run glued to it (`noNewLine`) and the inline that ends the run.
 */
export function gluedFollowers(inlines: readonly PdfInline[], at = 0): PdfInline[] {
  const next: PdfInline[] = [];
  if (!inlines[at]?.noNewLine) return next;
  for (let i = at + 1; i < inlines.length; i++) {
    next.push(inlines[i]);
    if (!inlines[i].noNewLine) break;
  }
  return next;
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
    while (next < inlines.length && (line.hasEnoughSpaceForInline(inlines[next], gluedFollowers(inlines, next)) || isForceContinue)) {
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
