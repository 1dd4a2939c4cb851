/**
 * Page breaks of an A4 document.
 *
 * Each block of a page product is one or more flow units (a heading, a
 * paragraph or passage, a row of a table or callout, a list item, a check
 * item, a timeline event…), laid out one after the other; none is
 * `unbreakable` (pdfmake reports wrong positions for what it lays out in an
 * unbreakable block, and an unbreakable block taller than the rest of the
 * page leaves that space empty). Where a unit goes is decided with pdfmake's
 * public `pageBreakBefore` hook, which sees every unit after layout, one at
 * a time in document order, and may move it to the next page:
 *
 * - a heading stays with what follows it: it moves when the next unit (after
 *   any further headings) would not show at least two of its lines on the
 *   heading's page, or would move itself;
 * - a unit marked `keep` (a check item, a short pair, a table row, a timeline
 *   event) moves whole rather than split, when the page is already filled to
 *   MIN_FILL (a taller unit splits instead, so no page is left mostly empty);
 * - a paragraph never leaves one line alone: not its first line at the foot
 *   of a page (it moves), nor its last at the head of the next (it moves when
 *   that keeps the page filled to MIN_FILL);
 * - the last unit of a document is not alone on its page: the unit before it
 *   goes with it.
 *
 * pdfmake lays the document out again after each unit it moves.
 *
 * The lines a paragraph has on each page are read from the `positions`
 * pdfmake records on each text node it lays out (one per line); that field
 * is not part of pdfmake's documented API (pdfmake is pinned, and
 * tests/render/pdf/flow.test.ts checks the field's shape).
 */
import { MIN_FILL } from './constants.js';

type Node = Record<string, unknown>;

/** Line height (points) of a text node whose lines count for orphans and widows. */
export const BODY_LINE = Symbol('bodyLine');

export type UnitKind = 'heading' | 'keep' | 'text';

interface Unit {
  id: string;
  kind: UnitKind;
  /** Text nodes of the unit whose lines count (paragraph text), with their line height. */
  leaves: Node[];
}

/** The position pdfmake reports for a node (its first line) and the pages it is on. */
export interface NodeInfo {
  id?: string;
  pageNumbers: number[];
  startPosition?: { pageNumber: number; top: number; verticalRatio: number; pageInnerHeight: number };
}

export interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

const PREFIX = 'bw:u';

/** Lines of a text node on each page, as pdfmake placed them. */
export function linesByPage(leaf: Node): Map<number, number> {
  const out = new Map<number, number>();
  const positions = leaf.positions as { pageNumber: number }[] | undefined;
  for (const p of positions ?? []) out.set(p.pageNumber, (out.get(p.pageNumber) ?? 0) + 1);
  return out;
}

function findLeaves(node: unknown, out: Node[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) findLeaves(n, out);
    return;
  }
  const n = node as Node;
  if ((n as Record<symbol, unknown>)[BODY_LINE] !== undefined) {
    out.push(n);
    return;
  }
  for (const key of ['stack', 'columns', 'table', 'body']) if (n[key]) findLeaves(n[key], out);
}

/** The flow units of one A4 document and the page-break rules above. */
export class Flow {
  private readonly units = new Map<string, Unit>();
  private readonly order: Unit[] = [];
  private readonly index = new Map<string, number>();
  /** Units moved to the next page, by rule (for tests and for the bench). */
  readonly moved: { id: string; rule: string }[] = [];
  /** Paragraphs left with one line on a page where moving them would leave the page too empty. */
  readonly unresolved: { id: string; rule: string }[] = [];

  constructor(readonly page: 'a4' | 'slide') {}

  /** Make `node` a flow unit of its kind (A4 only; on slides the node is returned as it is). */
  add(node: Node, kind: UnitKind): Node {
    if (this.page !== 'a4') return node;
    const id = `${PREFIX}${this.order.length}`;
    const leaves: Node[] = [];
    findLeaves(node, leaves);
    const unit: Unit = { id, kind, leaves };
    this.index.set(id, this.order.length);
    this.order.push(unit);
    this.units.set(id, unit);
    return { stack: [node], id };
  }

  get size(): number {
    return this.order.length;
  }

  private next(unit: Unit, skipHeadings: boolean): Unit | undefined {
    for (let i = this.index.get(unit.id)! + 1; i < this.order.length; i++) {
      if (!skipHeadings || this.order[i].kind !== 'heading') return this.order[i];
    }
    return undefined;
  }

  /** The `pageBreakBefore` of the document definition. */
  pageBreakBefore(info: NodeInfo, queries: NodeQueries): boolean {
    const unit = info.id ? this.units.get(info.id) : undefined;
    const start = info.startPosition;
    if (!unit || !start || start.verticalRatio < 0.02) return false;
    const page = start.pageNumber;
    const rule = this.rule(unit, info, queries, page);
    if (rule) this.moved.push({ id: unit.id, rule });
    return rule !== null;
  }

  private rule(unit: Unit, info: NodeInfo, queries: NodeQueries, page: number): string | null {
    if (unit.kind === 'heading') {
      const next = this.next(unit, true);
      if (!next) return null;
      const nextInfo = queries.getFollowingNodesOnPage().find((n) => n.id === next.id);
      if (!nextInfo) return 'heading-alone';
      if (this.own(next, nextInfo, false) !== null) return 'heading-with-next';
      // At least two lines of the next unit's text on this page (or all of it).
      for (const leaf of next.leaves) {
        const lines = linesByPage(leaf);
        const here = lines.get(page) ?? 0;
        const total = [...lines.values()].reduce((a, b) => a + b, 0);
        if (here < Math.min(2, total)) return 'heading-two-lines';
      }
      return null;
    }
    const rule = this.own(unit, info, true);
    if (rule) return rule;
    // The last unit of the document not alone on its page.
    const next = this.next(unit, false);
    if (next && !this.next(next, false) && info.pageNumbers.length === 1 && (info.startPosition?.verticalRatio ?? 0) >= MIN_FILL) {
      const onPage = queries.getFollowingNodesOnPage().some((n) => n.id === next.id);
      if (!onPage) return 'last-not-alone';
    }
    return null;
  }

  /** Why a (non-heading) unit must move to the next page, or null. */
  private own(unit: Unit, info: NodeInfo, record: boolean): string | null {
    const pages = info.pageNumbers;
    if (pages.length < 2) return null;
    const fill = info.startPosition?.verticalRatio ?? 0;
    if (unit.kind === 'keep') return fill >= MIN_FILL ? 'keep' : null;
    // Text that ends on its first page while something beside it (margin notes) runs on: the unit moves.
    if (unit.leaves.length > 0 && fill >= MIN_FILL && unit.leaves.every((l) => linesByPage(l).size === 1 && linesByPage(l).has(pages[0]))) return 'spill';
    for (const leaf of unit.leaves) {
      const lines = linesByPage(leaf);
      const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
      const total = counts.reduce((a, b) => a + b, 0);
      if (counts.length < 2) continue;
      if (counts[0] === 1) return 'orphan';
      if (counts[counts.length - 1] === 1 && total >= 2) {
        if (fill >= MIN_FILL && counts.length === 2) return 'widow';
        if (record) this.unresolved.push({ id: unit.id, rule: 'widow' });
      }
    }
    return null;
  }
}
