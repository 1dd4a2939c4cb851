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
 *   event, a footnote) moves whole rather than split, when the page is already filled to
 *   MIN_FILL (a taller unit splits instead, so no page is left mostly empty);
 * - a paragraph never leaves one line alone: not its first line at the foot
 *   of a page (it moves), nor its last at the head of the next (it moves when
 *   that keeps the page filled to MIN_FILL);
 * - a margin note (NOTE) does not leave its label, or its label and one line
 *   of its text, at the foot of a page: it starts the next page's notes
 *   column (with the "¶2.3" name above it, if it has one); the unit is laid
 *   out again and decided again (`noteBreaks`; cleared when the unit moves);
 * - another paragraph's note (NOTE_NAME) that opens a page's notes column
 *   while its row goes on from the page before gets that paragraph's name
 *   above it, as a table's header row is repeated (a note break too);
 * - "filled to MIN_FILL" counts from the headings just before a unit on its
 *   page, which move with it: a heading and a pair that would leave one line
 *   on the next page do not leave their page half empty;
 * - a unit whose text starts on the next page moves there whole: its mark
 *   and margin notes are not left at the foot of the page before;
 * - the last unit of a document is not alone on its page: the unit before it
 *   goes with it;
 * - a unit that repeats something when it opens a page (a table row: its
 *   table's header row, as Word repeats a header row) gets a fresh copy of
 *   it above itself when it starts a page: when it moves there (laid out
 *   with it in the window of its move), or when it stands at a page top
 *   (then laid out again with it, and decided again).
 *
 * The rules are applied in document order, each unit once, after every unit
 * before it is settled: the greedy order pdfmake's hook follows, where the
 * document is laid out again after each unit it moves. A unit's layout
 * depends only on what precedes it on its page, and a moved unit starts a
 * page, so from a moved unit on the document lays out exactly as a document
 * that begins with that unit. `Flow.hook` uses that: instead of laying out
 * the whole document again after each move (a reading edition moved nine
 * units, so it was laid out ten times), it lays out a window of units from
 * the last moved one, just long enough to decide the next units, and lays
 * out the whole document once at the end; the page breaks, and so every
 * byte, are the same (tests/render/pdf/pagination.test.ts compares both).
 * The window is the document definition's `content` array, which pdfmake
 * reads again for each layout; the hook's first call of each layout is the
 * document's root, and by then every node of the layout has its positions.
 *
 * The lines a paragraph has on each page are read from the `positions`
 * pdfmake records on each node it lays out (one per line of a text node; a
 * stack has those of its children); that field is not part of pdfmake's
 * documented API (pdfmake is pinned, and tests/render/pdf/flow.test.ts checks
 * the field's shape and the hook's order).
 */
import { MIN_FILL } from './constants.js';
import { measureAgain, measureOnce } from './measure-cache.js';

type Node = Record<string, unknown>;

/** A named note's stack without its name (to take the name away again). */
const unnamed = new WeakMap<Node, Node[]>();

/** Line height (points) of a text node whose lines count for orphans and widows. */
export const BODY_LINE = Symbol('bodyLine');

/** Marks a margin note (a stack: its label, its text; the "¶2.3" name above it, if any) and the note's text nodes. */
export const NOTE = Symbol('note');
export const NOTE_TEXT = Symbol('noteText');
/**
 * On a note of another paragraph than its row's (notes run on down the margin): a function making that
 * paragraph's name ("¶2.3"), set above the note when it starts a page's notes column while its row goes on
 * from the page before (as a table's header row is repeated).
 */
export const NOTE_NAME = Symbol('noteName');

export type UnitKind = 'heading' | 'keep' | 'text';

interface Unit {
  id: string;
  kind: UnitKind;
  /** The unit's node, an element of the document's `content`: pdfmake records its positions on it. */
  node: Node;
  /** Text nodes of the unit whose lines count (paragraph text), with their line height. */
  leaves: Node[];
  /** The unit's content, under `node` (after what it repeats, if it does). */
  content: Node;
  /** Its margin notes, in order (see `NOTE`). */
  notes: Node[];
  /** A fresh copy of what the unit repeats above itself when it opens a page (a table row: its table's header row; see above). */
  repeat?: () => Node;
}

/** Where pdfmake placed a line or element: its page and how far down the page body it starts. */
interface Position {
  pageNumber: number;
  top: number;
  verticalRatio: number;
  pageInnerHeight: number;
}

/** The position pdfmake reports for a node (its first line) and the pages it is on. */
export interface NodeInfo {
  id?: string;
  pageNumbers: number[];
  startPosition?: Position;
}

/** A rule's verdict on a unit: why it moves to the next page, and whether it keeps a one-line widow. */
interface Verdict {
  move: string | null;
  widow: boolean;
}

const PREFIX = 'bw:u';

/**
 * Units of a window laid out for each unit a window has to decide beyond
 * the last moved one, in pages of the window laid out before (two pages
 * decide most moves; a window too short for a unit's rule is laid out again
 * longer).
 */
export const WINDOW_PAGES = 1.5;

/** Units of the first window (the document's first pages). */
export const FIRST_WINDOW = 20;

/** Lines of a text node on each page, as pdfmake placed them. */
export function linesByPage(leaf: Node): Map<number, number> {
  const out = new Map<number, number>();
  const positions = leaf.positions as { pageNumber: number }[] | undefined;
  for (const p of positions ?? []) out.set(p.pageNumber, (out.get(p.pageNumber) ?? 0) + 1);
  return out;
}

/** Visit `node` and the nodes under it (stacks, columns, table cells), in order; `visit` returns false to skip what is under a node. */
function eachNode(node: unknown, visit: (n: Node) => boolean): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) eachNode(n, visit);
    return;
  }
  const n = node as Node;
  if (!visit(n)) return;
  for (const key of ['stack', 'columns', 'table', 'body']) if (n[key]) eachNode(n[key], visit);
}

/**
 * The nodes under `node` that carry `mark` (the outermost, in order): the
 * text nodes whose lines count (BODY_LINE), margin notes (NOTE), a note's
 * text (NOTE_TEXT).
 */
function marked(node: unknown, mark: symbol): Node[] {
  const out: Node[] = [];
  eachNode(node, (n) => {
    if ((n as Record<symbol, unknown>)[mark] === undefined) return true;
    out.push(n);
    return false;
  });
  return out;
}

/** Lines of a note's text (its `NOTE_TEXT` nodes) on `page`. */
function noteTextLines(note: Node, page: number): number {
  return marked(note, NOTE_TEXT).reduce((lines, n) => lines + (linesByPage(n).get(page) ?? 0), 0);
}

/** Where a unit went in the last layout that placed it (as pdfmake's hook reports a node), or null when it placed nothing. */
function infoOf(unit: Unit): NodeInfo | null {
  const positions = unit.node.positions as Position[] | undefined;
  if (!positions || positions.length === 0) return null;
  return { id: unit.id, pageNumbers: Array.from(new Set(positions.map((p) => p.pageNumber))), startPosition: positions[0] };
}

/** How the flow lays a document out: in windows (the default), or whole after each move (tests compare the two). */
let windowed = true;
export function setWindowedPagination(on: boolean): void {
  windowed = on;
}

/** The flow units of one A4 document and the page-break rules above. */
export class Flow {
  private readonly order: Unit[] = [];
  /** Units moved to the next page, by rule (for tests and for the bench). */
  moved: { id: string; rule: string }[] = [];
  /** Units that opened a page and repeat something above themselves (a table's header row). */
  repeated: string[] = [];
  /** Margin notes moved to the top of the next page's notes column (`<unit id>:<note index>`). */
  noteBreaks: string[] = [];
  /** Times a note was moved so (each a layout more; a note moved with its unit afterwards is counted but not kept). */
  noteBreakTries = 0;
  /** Paragraphs left with one line on a page where moving them would leave the page too empty. */
  unresolved: { id: string; rule: string }[] = [];
  /** Layouts pdfmake made of the document (windows and the whole). */
  layouts = 0;
  /** Units laid out in all those layouts (a unit in three layouts counts three times). */
  unitsLaidOut = 0;
  /** Whether a unit did not lie where its window put it, and the document was decided again whole. */
  redecided = false;

  constructor(readonly page: 'a4' | 'slide') {}

  /**
   * Make `node` a flow unit of its kind (A4 only; on slides the node is
   * returned as it is); `repeat` makes a fresh copy of what the unit repeats
   * above itself when it opens a page.
   */
  add(node: Node, kind: UnitKind, repeat?: () => Node): Node {
    if (this.page !== 'a4') return node;
    const leaves = marked(node, BODY_LINE);
    const notes = marked(node, NOTE);
    const unitNode: Node = { stack: [node], id: `${PREFIX}${this.order.length}` };
    measureOnce(unitNode);
    this.order.push({ id: unitNode.id as string, kind, node: unitNode, leaves, content: node, notes, ...(repeat ? { repeat } : {}) });
    return unitNode;
  }

  /** Whether a unit starts its page in the last layout that placed it. */
  private opensPage(i: number): boolean {
    const start = infoOf(this.order[i])?.startPosition;
    return this.order[i].node.pageBreak === 'before' || (start !== undefined && start.verticalRatio < 0.02);
  }

  /** Repeat what these units (ids as `repeated` gives them) repeat above themselves, without the rules (tests). */
  presetRepeats(ids: ReadonlySet<string>): void {
    this.order.forEach((u, i) => ids.has(u.id) && this.setRepeat(i, true));
  }

  /** Start these notes (ids as `noteBreaks` gives them) at the top of the next page's column, without the rules (tests). */
  presetNoteBreaks(ids: ReadonlySet<string>): void {
    this.order.forEach((u, i) => u.notes.forEach((_, k) => ids.has(`${u.id}:${k}`) && this.setNoteBreak(i, k, true)));
  }

  /**
   * Start note `k` of unit `i` at the top of the next page's notes column, or take that away; a note of another
   * paragraph than the row's gets that paragraph's name above it there (`NOTE_NAME`). The unit is measured again.
   */
  private setNoteBreak(i: number, k: number, on: boolean): void {
    const note = this.order[i].notes[k];
    const name = (note as Record<symbol, unknown>)[NOTE_NAME] as (() => Node) | undefined;
    if (on) {
      note.pageBreak = 'before';
      if (name && !unnamed.has(note)) {
        unnamed.set(note, note.stack as Node[]);
        note.stack = [name(), ...(note.stack as Node[])];
      }
    } else {
      delete note.pageBreak;
      const stack = unnamed.get(note);
      if (stack) note.stack = stack;
      unnamed.delete(note);
    }
    measureAgain(this.order[i].node);
  }

  /**
   * The first note of unit `i` that opens a later page's notes column than the unit's first, while its row goes
   * on from the page before, and is another paragraph's (`NOTE_NAME`), or -1: it is named there (`setNoteBreak`).
   */
  private unnamedOpener(i: number): number {
    const first = infoOf(this.order[i])?.pageNumbers[0];
    const notes = this.order[i].notes;
    const seen = new Set<number>();
    for (let k = 0; k < notes.length; k++) {
      const pages = [...linesByPage(notes[k]).keys()].sort((a, b) => a - b);
      const opens = pages.length > 0 && first !== undefined && pages[0] > first && !seen.has(pages[0]);
      for (const p of pages) seen.add(p);
      if (opens && notes[k].pageBreak !== 'before' && (notes[k] as Record<symbol, unknown>)[NOTE_NAME]) return k;
    }
    return -1;
  }

  /**
   * The first margin note of unit `i` that leaves at the foot of a page no
   * more than its label and one line of its text (and goes on on the next),
   * or -1. Such a note starts the next page's notes column instead.
   */
  private splitNote(i: number): number {
    const notes = this.order[i].notes;
    for (let k = 0; k < notes.length; k++) {
      if (notes[k].pageBreak === 'before') continue;
      const pages = [...linesByPage(notes[k]).keys()].sort((a, b) => a - b);
      if (pages.length > 1 && noteTextLines(notes[k], pages[0]) < 2) return k;
    }
    return -1;
  }

  /**
   * Set what unit `i` repeats above itself (a fresh copy), or take it away;
   * the unit is measured again in the next layout. Returns the copy.
   */
  private setRepeat(i: number, on: boolean): Node | null {
    const unit = this.order[i];
    const copy = on && unit.repeat ? unit.repeat() : null;
    unit.node.stack = copy ? [copy, unit.content] : [unit.content];
    measureAgain(unit.node);
    return copy;
  }

  get size(): number {
    return this.order.length;
  }

  private nextIndex(i: number, skipHeadings: boolean): number | undefined {
    for (let j = i + 1; j < this.order.length; j++) {
      if (!skipHeadings || this.order[j].kind !== 'heading') return j;
    }
    return undefined;
  }

  /** The last unit whose layout the rules read to decide unit `i` (the next unit; after a heading, the next that is not one). */
  private reads(i: number): number {
    const next = this.nextIndex(i, this.order[i].kind === 'heading');
    return next ?? this.order.length - 1;
  }

  /**
   * The rules' verdict on unit `i`, from the last layout, which placed every
   * unit up to `reads(i)`: `end` is the end of that layout's units.
   */
  private verdict(i: number, end: number): Verdict {
    const unit = this.order[i];
    const info = infoOf(unit);
    const start = info?.startPosition;
    if (!info || !start || this.opensPage(i)) return { move: null, widow: false };
    const page = start.pageNumber;
    const onPage = (j: number | undefined) => j !== undefined && j < end && (infoOf(this.order[j])?.pageNumbers.includes(page) ?? false);
    if (unit.kind === 'heading') {
      const n = this.nextIndex(i, true);
      if (n === undefined) return { move: null, widow: false };
      const next = this.order[n];
      const nextInfo = infoOf(next);
      if (!onPage(n) || !nextInfo) return { move: 'heading-alone', widow: false };
      if (this.own(next, nextInfo, n).move !== null) return { move: 'heading-with-next', widow: false };
      // At least two lines of the next unit's text on this page (or all of it).
      for (const leaf of next.leaves) {
        const lines = linesByPage(leaf);
        const here = lines.get(page) ?? 0;
        const total = [...lines.values()].reduce((a, b) => a + b, 0);
        if (here < Math.min(2, total)) return { move: 'heading-two-lines', widow: false };
      }
      return { move: null, widow: false };
    }
    const own = this.own(unit, info, i);
    if (own.move) return own;
    // The last unit of the document not alone on its page.
    const n = this.nextIndex(i, false);
    if (n !== undefined && this.nextIndex(n, false) === undefined && info.pageNumbers.length === 1 && start.verticalRatio >= MIN_FILL && !onPage(n)) {
      return { move: 'last-not-alone', widow: own.widow };
    }
    return own;
  }

  /**
   * How full unit `i`'s page is where the unit starts, or where the headings
   * just before it on that page start: they move with it (heading-with-next),
   * so a move leaves the page filled only to there.
   */
  private fillBefore(i: number, info: NodeInfo): number {
    const start = info.startPosition;
    let fill = start?.verticalRatio ?? 0;
    for (let j = i - 1; j >= 0 && this.order[j].kind === 'heading'; j--) {
      const s = infoOf(this.order[j])?.startPosition;
      // A heading that opens the page stays there.
      if (!s || s.pageNumber !== start?.pageNumber || this.opensPage(j)) break;
      fill = s.verticalRatio;
    }
    return fill;
  }

  /** Why unit `i` (not a heading) must move to the next page, if it must, and whether it leaves a widow. */
  private own(unit: Unit, info: NodeInfo, i: number): Verdict {
    const pages = info.pageNumbers;
    if (pages.length < 2) return { move: null, widow: false };
    const fill = this.fillBefore(i, info);
    // Its text starts on a later page than the unit does (only its mark or a margin note's first line fitted): it moves.
    if (unit.leaves.length > 0 && unit.leaves.every((l) => !linesByPage(l).has(pages[0]))) return { move: 'text-on-next-page', widow: false };
    if (unit.kind === 'keep') return { move: fill >= MIN_FILL ? 'keep' : null, widow: false };
    // Text that ends on its first page while something beside it (margin notes) runs on: the unit moves.
    if (unit.leaves.length > 0 && fill >= MIN_FILL && unit.leaves.every((l) => linesByPage(l).size === 1 && linesByPage(l).has(pages[0]))) {
      return { move: 'spill', widow: false };
    }
    let widow = false;
    for (const leaf of unit.leaves) {
      const lines = linesByPage(leaf);
      const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
      const total = counts.reduce((a, b) => a + b, 0);
      if (counts.length < 2) continue;
      if (counts[0] === 1) return { move: 'orphan', widow };
      if (counts[counts.length - 1] === 1 && total >= 2) {
        if (fill >= MIN_FILL && counts.length === 2) return { move: 'widow', widow };
        widow = true;
      }
    }
    return { move: null, widow };
  }

  /**
   * The document definition's `pageBreakBefore`, for the definition whose
   * `content` holds this flow's units (the hook changes `content` between
   * layouts). Each layout, it decides the units it can, in order: a unit
   * that must move gets `pageBreak: 'before'`, and the next layout is a
   * window that starts with it; a window too short to decide its next unit
   * is laid out longer. When every unit is decided, the whole document is
   * laid out once more and written, after a check that every unit lies
   * where its window put it (else the document is decided again, laid out
   * whole after each move). The hook acts on the first node pdfmake asks
   * about in each layout (the document's root, when every node of the layout
   * has its positions) and answers false for the others.
   */
  hook(content: Node[]): (node: NodeInfo) => boolean {
    const n = this.order.length;
    const units = this.order;
    // Windows need `content` to be the units themselves (else every layout is the whole document).
    let windows = windowed && content.length === n && content.every((c, i) => c === units[i].node);
    const all = content.slice();
    const forced = units.map((u) => u.node.pageBreak);
    const tables = tablesOf(units.map((u) => u.node));
    let first = true;
    let start = 0; // the window's first unit: the document's, or a moved one
    let end = windows ? Math.min(n, FIRST_WINDOW) : n;
    let decided = 0; // units before this one are settled
    let checking = false; // the whole document, after the last window
    const moves = new Map<number, string>();
    const widows = new Set<number>();
    /** Units that repeat something above themselves (a table's header row, a notes name), having opened a page. */
    const repeated = new Set<number>();
    /** Notes of each unit that start the next page's notes column (indices in the unit's `notes`). */
    const noteBreaks = new Map<number, number[]>();
    /** Each decided unit's place relative to its window's first page (checked against the whole document). */
    const places = new Map<number, { from: number; at: string }>();
    const place = (i: number, from: number): string => {
      const base = infoOf(units[from])?.pageNumbers[0] ?? 0;
      return ((units[i].node.positions as Position[] | undefined) ?? []).map((p) => `${p.pageNumber - base}:${p.top}`).join(' ');
    };
    const lay = (from: number, to: number) => {
      start = from;
      end = to;
      if (windows) content.splice(0, content.length, ...all.slice(from, to));
    };
    // The first layout is the first window.
    lay(0, end);
    /** The window's end for deciding units from `i` on: what the rules of `i` read, and WINDOW_PAGES more pages. */
    const windowEnd = (i: number): number => {
      if (!windows) return n;
      const pages = new Set<number>();
      for (let k = start; k < end; k++) for (const p of infoOf(units[k])?.pageNumbers ?? []) pages.add(p);
      const perPage = (end - start) / Math.max(1, pages.size);
      return Math.min(n, Math.max(i + 1, this.reads(i) + 1) + Math.ceil(WINDOW_PAGES * perPage));
    };
    /** Give unit `i` what it repeats; the copy's tables start each layout from no state, as the others do. */
    const repeat = (i: number) => {
      repeated.add(i);
      const copy = this.setRepeat(i, true);
      if (copy) tables.push(...tablesOf([copy]));
    };
    const move = (i: number, rule: string) => {
      moves.set(i, rule);
      units[i].node.pageBreak = 'before';
      if (units[i].repeat && !repeated.has(i)) repeat(i);
      decided = i + 1;
      const to = windowEnd(i);
      lay(windows ? i : 0, to);
    };
    const restart = () => {
      // The whole document after each move, as pdfmake's hook is meant to be used.
      this.redecided = true;
      windows = false;
      units.forEach((u, i) => (forced[i] === undefined ? delete u.node.pageBreak : (u.node.pageBreak = forced[i])));
      for (const i of repeated) this.setRepeat(i, false);
      repeated.clear();
      for (const [i, ks] of noteBreaks) for (const k of ks) this.setNoteBreak(i, k, false);
      noteBreaks.clear();
      moves.clear();
      widows.clear();
      places.clear();
      decided = 0;
      checking = false;
      lay(0, n);
    };
    const finish = () => {
      first = false;
      this.moved = [...moves].sort((a, b) => a[0] - b[0]).map(([i, rule]) => ({ id: units[i].id, rule }));
      this.unresolved = [...widows].sort((a, b) => a - b).map((i) => ({ id: units[i].id, rule: 'widow' }));
      this.repeated = [...repeated].sort((a, b) => a - b).map((i) => units[i].id);
      this.noteBreaks = [...noteBreaks]
        .sort((a, b) => a[0] - b[0])
        .flatMap(([i, ks]) => [...ks].sort((a, b) => a - b).map((k) => `${units[i].id}:${k}`));
    };
    const decide = (): boolean => {
      if (!first) return false;
      this.layouts += 1;
      this.unitsLaidOut += end - start;
      if (checking) {
        for (const [i, { from, at }] of places) {
          if (place(i, from) !== at) {
            restart();
            return true;
          }
        }
        finish();
        return false;
      }
      // A moved unit's place is where the window it starts puts it (so is a unit's that opened a page and repeats).
      if (windows && (moves.has(start) || repeated.has(start))) places.set(start, { from: start, at: place(start, start) });
      for (let i = decided; i < end; i++) {
        if (end < n && this.reads(i) >= end) {
          // The window ends before what this unit's rules read: lay it out twice as long.
          lay(start, Math.max(windowEnd(i), Math.min(n, start + 2 * (end - start))));
          return true;
        }
        const v = this.verdict(i, end);
        if (v.widow) widows.add(i);
        if (v.move) {
          // Its notes start where they fall on its new page.
          for (const k of noteBreaks.get(i) ?? []) this.setNoteBreak(i, k, false);
          noteBreaks.delete(i);
          move(i, v.move);
          return true;
        }
        if (units[i].repeat && !repeated.has(i) && this.opensPage(i)) {
          // It opens a page: the header above it, then it and what follows laid out again (from it, when in windows).
          repeat(i);
          decided = i;
          lay(windows ? i : 0, windowEnd(i));
          return true;
        }
        const split = this.splitNote(i);
        const opener = split < 0 ? this.unnamedOpener(i) : -1;
        if (opener >= 0) {
          // Another paragraph's note opens the page's notes column of a row that goes on: its name above it there.
          noteBreaks.set(i, [...(noteBreaks.get(i) ?? []), opener]);
          this.noteBreakTries += 1;
          this.setNoteBreak(i, opener, true);
          decided = i;
          lay(start, windows ? windowEnd(i) : n);
          return true;
        }
        if (split >= 0) {
          // The note starts the next page's notes column: the unit laid out again (from the window's start) and decided again.
          noteBreaks.set(i, [...(noteBreaks.get(i) ?? []), split]);
          this.noteBreakTries += 1;
          this.setNoteBreak(i, split, true);
          decided = i;
          lay(start, windows ? windowEnd(i) : n);
          return true;
        }
        if (windows) places.set(i, { from: start, at: place(i, start) });
        decided = i + 1;
      }
      if (start === 0 && end === n) {
        // This layout is the whole document with every break: write it.
        finish();
        return false;
      }
      checking = true;
      lay(0, n);
      return true;
    };
    return () => {
      const again = decide();
      // pdfmake leaves a table's page bottoms and page-break records on the table node, keyed by page number,
      // and the next layout starts the table from them: each layout starts from none, as a document's first does.
      // (Cells keep more state, read only for vertically aligned cells, which A4 documents do not have.)
      if (again) for (const t of tables) for (const key of TABLE_LAYOUT_STATE) delete t[key];
      return again;
    };
  }
}

/** What pdfmake keeps on a table node from one layout to the next (pinned pdfmake; tests/render/pdf/flow.test.ts). */
export const TABLE_LAYOUT_STATE = ['_bottomByPage', '_breaksBySpan'] as const;

/** Every table node under `nodes`. */
function tablesOf(nodes: unknown[]): Node[] {
  const out: Node[] = [];
  eachNode(nodes, (n) => {
    if (n.table) out.push(n);
    return true;
  });
  return out;
}
