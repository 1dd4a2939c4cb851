/**
 * Inherited text styles looked up once per text node, not once per inline.
 *
 * pdfmake turns a text node into one inline per line-break opportunity (in
 * Chinese, every character) and gives each its ~22 style properties (font,
 * size, colour, link …) with `StyleContextStack.getStyleProperty`: the
 * inline's own value when it has one, else a walk down the style stack with
 * the inline pushed on top of it. While one text node is measured
 * (`TextInlines.buildInlines`) the stack below the inline does not change,
 * so for an inline without named styles (`style`) the walk always finds the
 * same value: this keeps it per property for the rest of the node. An inline
 * with named styles is looked up as pdfmake does. A reading edition's first
 * measurement made ~600 such walks per character.
 *
 * pdfmake has no hook for this: this wraps `TextInlines.prototype.buildInlines`
 * of the pinned pdfmake (package.json), handing it a stack that answers
 * `auto` and `getProperty` (the only calls `buildInlines`, `measure` and
 * `TextBreaker.getBreaks` make on it, through `getStyleProperty`);
 * tests/render/pdf/style-memo.test.ts fails when those methods change and
 * compares the PDFs with and without it, and bench/README.md gives what it
 * saves.
 */
import { pdfmakeModule } from './pdfmake-module.js';

/** The calls pdfmake's text measuring makes on a style stack. */
export interface StyleStack {
  auto<T>(item: unknown, callback: () => T): T;
  getProperty(property: string): unknown;
}

type BuildInlines = (this: unknown, textArray: unknown, styleContextStack: StyleStack) => unknown;

let installed = false;
let original: BuildInlines | null = null;
let enabled = true;

/** Tests switch the memo off to compare the PDFs made without it. */
export function setStyleMemo(on: boolean): void {
  enabled = on;
}

const textInlines = () => pdfmakeModule<{ prototype: { buildInlines: BuildInlines } }>('TextInlines');

/**
 * pdfmake's `buildInlines` as shipped (the test compares it with the version
 * this wrapper was written for), under this wrapper and word-runs.ts's (each
 * keeps the function it wraps as `original`).
 */
export function originalBuildInlines(): BuildInlines {
  let f = (original ?? textInlines().prototype.buildInlines) as BuildInlines & { original?: BuildInlines };
  while (f.original) f = f.original as BuildInlines & { original?: BuildInlines };
  return f;
}

/**
 * A stack that answers as `stack` does for the inline `auto` pushes, keeping
 * the value found below the inline for each property (`stack` must not change
 * while it is used).
 */
export function memoStack(stack: StyleStack): StyleStack {
  const below = new Map<string, unknown>();
  let item: unknown = null;
  return {
    auto<T>(it: unknown, callback: () => T): T {
      const outer = item;
      item = it;
      try {
        return callback();
      } finally {
        item = outer;
      }
    },
    getProperty(property: string): unknown {
      const it = item as Record<string, unknown> | null;
      if (it && typeof it === 'object') {
        // Named styles (and anything pdfmake would not push as it is) are looked up as pdfmake does.
        if (it.style !== undefined || it.section !== undefined) return stack.auto(it, () => stack.getProperty(property));
        const own = it[property];
        if (own !== undefined && own !== null) return own;
      }
      if (!below.has(property)) below.set(property, stack.getProperty(property));
      return below.get(property);
    },
  };
}

export function installStyleMemo(): void {
  if (installed) return;
  installed = true;
  const TextInlines = textInlines();
  const shipped = TextInlines.prototype.buildInlines;
  original = shipped;
  const memoized = function buildInlines(this: unknown, textArray: unknown, styleContextStack: StyleStack): unknown {
    if (!enabled || !styleContextStack) return shipped.call(this, textArray, styleContextStack);
    return shipped.call(this, textArray, memoStack(styleContextStack));
  };
  TextInlines.prototype.buildInlines = Object.assign(memoized, { original: shipped });
}
