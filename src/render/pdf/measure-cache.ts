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
 * A flow unit (flow.ts: a paragraph, a table row, a heading…) is measured
 * once as a whole too: its measurement depends only on its nodes and the
 * document's default style, so a later layout of the same document restores
 * its text nodes' inlines and skips measuring it again (laying out windows
 * of a reading edition measured its units fourteen times).
 *
 * pdfmake has no hook for this: this wraps `DocMeasure.prototype.measureLeaf`
 * and `measureNode` of the pinned pdfmake (package.json);
 * tests/render/pdf/measure-cache.test.ts fails when either method changes,
 * and bench/README.md gives what it saves.
 */
import { pdfmakeModule } from './pdfmake-module.js';

interface LeafNode {
  text: unknown;
  _textRef?: unknown;
  _inlines?: object[];
  _minWidth?: number;
  _maxWidth?: number;
}

type MeasureLeaf = (this: unknown, node: LeafNode) => LeafNode;
type MeasureNode = (this: unknown, node: object) => object;

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

/** Nodes measured once as a whole (flow units), and the text nodes under each once it is measured. */
const wholes = new WeakSet<object>();
const wholeLeaves = new WeakMap<object, LeafNode[] | null>();
/** Text nodes measured under the whole being measured (null: none is, or one cannot be restored). */
let collecting: LeafNode[] | null = null;

/** Measure `node` once per document as a whole (its text nodes' inlines restored for each later layout). */
export function measureOnce(node: object): void {
  wholes.add(node);
}

/** Measure a whole again in the next layout (its nodes changed). */
export function measureAgain(node: object): void {
  wholeLeaves.delete(node);
}

let installed = false;
let original: MeasureLeaf | null = null;
let originalNode: MeasureNode | null = null;

interface DocMeasureProto {
  measureLeaf: MeasureLeaf;
  measureNode: MeasureNode;
}

const docMeasure = () => pdfmakeModule<{ prototype: DocMeasureProto }>('DocMeasure');

/** pdfmake's `measureLeaf` as shipped (the test compares it with the version this wrapper was written for). */
export function originalMeasureLeaf(): MeasureLeaf {
  return original ?? docMeasure().prototype.measureLeaf;
}

/** pdfmake's `measureNode` as shipped. */
export function originalMeasureNode(): MeasureNode {
  return originalNode ?? docMeasure().prototype.measureNode;
}

const copies = (inlines: object[]) => inlines.map((i) => ({ ...i }));

/**
 * Put a measured text node's inlines back as its first measurement left them,
 * and its widths too unless `inlinesOnly` (a whole skipped keeps the widths its
 * measurement left, which `measureNode` widened by the node's side margins);
 * false when it has none kept.
 */
function restore(node: LeafNode, inlinesOnly = false): boolean {
  const hit = measured.get(node);
  if (!hit || hit.text !== node.text) return false;
  node._inlines = copies(hit.inlines);
  if (inlinesOnly) return true;
  node._minWidth = hit.minWidth;
  node._maxWidth = hit.maxWidth;
  return true;
}

export function installMeasureCache(): void {
  if (installed) return;
  installed = true;
  const DocMeasure = docMeasure();
  const shipped = DocMeasure.prototype.measureLeaf;
  original = shipped;
  DocMeasure.prototype.measureLeaf = function measureLeaf(this: unknown, node: LeafNode): LeafNode {
    // Text that refers to another node (page references, tables of contents) is measured each time.
    if (!enabled || node._textRef) {
      collecting = null;
      return shipped.call(this, node);
    }
    collecting?.push(node);
    if (restore(node)) return node;
    shipped.call(this, node);
    measured.set(node, { text: node.text, inlines: copies(node._inlines ?? []), minWidth: node._minWidth, maxWidth: node._maxWidth });
    return node;
  };
  const shippedNode = DocMeasure.prototype.measureNode;
  originalNode = shippedNode;
  DocMeasure.prototype.measureNode = function measureNode(this: unknown, node: object): object {
    // A whole inside another is measured as part of it.
    if (!enabled || !wholes.has(node) || collecting !== null) return shippedNode.call(this, node);
    const leaves = wholeLeaves.get(node);
    if (leaves && leaves.every((leaf) => restore(leaf, true))) return node;
    const outer = collecting;
    collecting = [];
    try {
      shippedNode.call(this, node);
      wholeLeaves.set(node, collecting);
    } finally {
      collecting = outer;
    }
    return node;
  };
}
