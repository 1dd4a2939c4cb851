/**
 * Text measured once per document, not once per layout.
 *
 * pdfmake lays a document out again from scratch each time its public
 * `pageBreakBefore` hook moves a node to the next page, and every layout
 * starts by measuring every text node again (`DocMeasure.measureLeaf`:
 * inlines built, styles resolved, every word measured): 84 % of a layout of
 * the summary. The page-break rules of an A4 document (flow.ts) move a few
 * units each, so the summary was laid out five times and measured five
 * times. A text node's measurement depends only on the node and its styles,
 * which do not change between the layouts of one document; so the first
 * measurement of each node is kept (its inlines as pdfmake built them, before
 * layout takes them apart) and later layouts of the same document get fresh
 * copies of those inlines. The PDF bytes are the same (tested).
 *
 * pdfmake has no hook for this: this wraps `DocMeasure.prototype.measureLeaf`
 * of the pinned pdfmake (package.json); tests/render/pdf/measure-cache.test.ts
 * fails when the method changes, and bench/README.md gives what it saves.
 */
import { createRequire } from 'node:module';

interface LeafNode {
  text: unknown;
  _textRef?: unknown;
  _inlines?: object[];
  _minWidth?: number;
  _maxWidth?: number;
}

type MeasureLeaf = (this: unknown, node: LeafNode) => LeafNode;

interface Measured {
  text: unknown;
  inlines: object[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}

/** Measurements by node: each document definition is a fresh set of nodes, so nothing outlives its document. */
const measured = new WeakMap<LeafNode, Measured>();

let enabled = true;
/** Tests switch the cache off to compare the PDFs made without it. */
export function setMeasureCache(on: boolean): void {
  enabled = on;
}

let installed = false;
let original: MeasureLeaf | null = null;

function docMeasure(): { prototype: { measureLeaf: MeasureLeaf } } {
  const require = createRequire(import.meta.url);
  // The module pdfmake itself loads (same file, so the same instance).
  return (require(require.resolve('pdfmake/js/DocMeasure.js')) as { default: { prototype: { measureLeaf: MeasureLeaf } } }).default;
}

/** pdfmake's `measureLeaf` as shipped (the test compares it with the version this wrapper was written for). */
export function originalMeasureLeaf(): MeasureLeaf {
  return original ?? docMeasure().prototype.measureLeaf;
}

const copies = (inlines: object[]) => inlines.map((i) => ({ ...i }));

export function installMeasureCache(): void {
  if (installed) return;
  installed = true;
  const DocMeasure = docMeasure();
  const shipped = DocMeasure.prototype.measureLeaf;
  original = shipped;
  DocMeasure.prototype.measureLeaf = function measureLeaf(this: unknown, node: LeafNode): LeafNode {
    // Text that refers to another node (page references, tables of contents) is measured each time.
    if (!enabled || node._textRef) return shipped.call(this, node);
    const hit = measured.get(node);
    if (hit && hit.text === node.text) {
      node._inlines = copies(hit.inlines);
      node._minWidth = hit.minWidth;
      node._maxWidth = hit.maxWidth;
      return node;
    }
    shipped.call(this, node);
    measured.set(node, { text: node.text, inlines: copies(node._inlines ?? []), minWidth: node._minWidth, maxWidth: node._maxWidth });
    return node;
  };
}
