/**
 * The reading edition's margin notes on paper run on down the margin
 * (../notes-drift.ts decides where; this file measures and sets them).
 *
 * Measuring: the Doc is laid out once as a measuring document, on one very
 * tall page, where each passage is its row without notes and then each of
 * its notes alone in a column of the notes' width, between tiny sentinel
 * lines. pdfmake records where it placed each line (`positions`, as
 * flow.ts reads them), so a measured node's height is the distance between
 * the sentinels around it, less a sentinel's own line. The page breaks do
 * not change these heights: the text column has the same width on every
 * page. The layout is stopped before anything is drawn.
 *
 * Setting: each passage row of the document takes its notes column from
 * the plan, in document order. Notes the plan names are headed by "¶" and
 * their paragraph's mark, a link to the paragraph; a row whose column opens
 * with notes going on from the row before repeats that name where the row
 * opens a page (flow.ts, `repeat`), and a note does not leave its label
 * alone at the foot of a page (flow.ts, NOTE).
 */
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { MarginNote, PassageBlock } from '../../ir/types.js';
import { planNotes, type NoteSegment, type NotesRow } from '../notes-drift.js';
import { LINE, READING, STYLES } from './constants.js';
import { NOTE, NOTE_NAME } from './flow.js';
import { runs, smallSize, wide, type Node, type PdfState } from './state.js';

/** A passage's notes start at most this far below its text's top (points; the HTML's 240 px). */
export const NOTES_DRIFT = 180;

/** A column may run this far past its text and still fit beside it (points). */
const SLACK = 2;

/** Space under the line naming a paragraph above a part of its notes (points). */
const HEADER_GAP = 1;

/** The layout of one reading edition's notes: measured in one pass, set in the next. */
export interface NotesDrift {
  mode: 'measure' | 'set';
  /** Passages in document order (both passes see them in the same order). */
  passages: PassageRecord[];
  /** The sentinel lines of the measuring pass, in order (between the measured nodes). */
  sentinels: Node[];
  /** Each passage's notes column, by its index in `passages` (set pass). */
  plan: NoteSegment[][];
  /** Passages met so far in this pass. */
  next: number;
}

interface PassageRecord {
  block: PassageBlock;
  /** The flow unit count when the passage's row joined the flow: a gap in the count is another block between two rows. */
  unit: number;
  gap: number;
  /** Index in `sentinels` of the sentinel before the text row; one before each note follows, and one after the last. */
  first: number;
}

const SENTINEL: Node = { text: 'x', fontSize: 1, lineHeight: 1 };

/** Marks a measuring row: the measuring document lays out these alone. */
const MEASURING = Symbol('measuring');

/** A fresh drift record for the measuring pass. */
export function measuringDrift(): NotesDrift {
  return { mode: 'measure', passages: [], sentinels: [], plan: [], next: 0 };
}

/** The line that names a paragraph above a part of its notes: "¶2.3", linking to it. */
export function notesHeader(block: PassageBlock, st: PdfState): Node {
  const size = smallSize(st);
  const spans = [{ text: `¶${block.mark}`, ref: { product: 'reading' as const, anchor: block.id, local: block.id } }];
  return { text: runs(spans, 'en', st, size, LINE.small), fontSize: size, color: STYLES.mark.color, margin: [0, 0, 0, HEADER_GAP] };
}

/**
 * The measuring pass's stand-in for a passage row: the row without notes,
 * the header line once (first passage), then each note alone in a column of
 * the notes' width, each after a sentinel.
 */
export function measuringRow(st: PdfState, drift: NotesDrift, block: PassageBlock, row: Node, gap: number, noteNodes: (n: MarginNote) => Node[]): Node {
  const stack: Node[] = [];
  const sentinel = () => {
    const s = { ...SENTINEL };
    drift.sentinels.push(s);
    stack.push(s);
  };
  if (drift.passages.length === 0) {
    // A sentinel's own height (two in a row), and the header's.
    sentinel();
    sentinel();
    stack.push({ columns: [{ width: READING.notes, stack: [notesHeader(block, st)] }] });
  }
  drift.passages.push({ block, unit: st.flow.size, gap, first: drift.sentinels.length });
  sentinel();
  stack.push(row);
  for (const note of block.notes) {
    sentinel();
    stack.push({ columns: [{ width: READING.notes, stack: noteNodes(note) }] });
  }
  sentinel();
  return wide({ stack, [MEASURING]: true });
}

/** Where a sentinel was placed: its page and top, or undefined (not laid out). */
function placeOf(s: Node): { page: number; top: number } | undefined {
  const p = (s.positions as { pageNumber: number; top: number }[] | undefined)?.[0];
  return p ? { page: p.pageNumber, top: p.top } : undefined;
}

/** The plan from a laid-out measuring pass (null when a measurement is missing: the notes stay beside their paragraphs). */
export function planFromMeasures(drift: NotesDrift): NoteSegment[][] | null {
  const at = drift.sentinels.map(placeOf);
  if (at.some((p) => p === undefined || p.page !== at[0]!.page)) return null;
  const top = (i: number) => at[i]!.top;
  const line = top(1) - top(0);
  const header = top(2) - top(1) - line;
  const height = (i: number) => top(i + 1) - top(i) - line;
  // Runs of rows with no other unit between them.
  const plan: NoteSegment[][] = [];
  let run: { rows: NotesRow[]; base: number } = { rows: [], base: 0 };
  const flush = () => {
    const local = planNotes(run.rows, { header, drift: NOTES_DRIFT, slack: SLACK });
    local.forEach((segments, k) => (plan[run.base + k] = segments.map((s) => ({ ...s, owner: s.owner + run.base }))));
  };
  drift.passages.forEach((p, i) => {
    if (i > 0 && p.unit !== drift.passages[i - 1].unit + 1) {
      flush();
      run = { rows: [], base: i };
    }
    const notes = p.block.notes.map((_, n) => height(p.first + 1 + n));
    run.rows.push({ text: height(p.first), gap: p.gap, notes });
  });
  flush();
  return plan;
}

/**
 * The notes column of the next passage row of the set pass: its segments,
 * each part named when the plan says so.
 */
export function plannedColumn(
  st: PdfState,
  drift: NotesDrift,
  block: PassageBlock,
  noteNodes: (n: MarginNote) => Node[],
): { column: Node[] } | undefined {
  const index = drift.next++;
  const segments = drift.plan[index];
  // Both passes meet the passages in the same order; were it ever otherwise, the notes stay beside their own paragraph.
  if (drift.passages[index]?.block !== block || !segments) return undefined;
  const column = segments.flatMap((s) => {
    const owner = drift.passages[s.owner].block;
    const notes = owner.notes.slice(s.from, s.to).flatMap(noteNodes);
    // Another paragraph's notes: named again where one opens a page's column while the row goes on (flow.ts, NOTE_NAME).
    if (s.owner !== index) for (const n of notes) Object.assign(n, { [NOTE_NAME]: () => notesHeader(owner, st) });
    // The name goes with the first note it heads (to the next page too: flow.ts, NOTE).
    return s.named ? [{ stack: [notesHeader(owner, st), notes[0]], [NOTE]: true }, ...notes.slice(1)] : notes;
  });
  return { column };
}

/**
 * Lay the measuring document out (no drawing: the layout's hook empties the
 * content once it has read the positions) and plan the notes from it.
 */
export async function measureNotes(def: TDocumentDefinitions, drift: NotesDrift): Promise<NoteSegment[][] | null> {
  const content = def.content as unknown as Node[];
  // Only the passages' measuring rows (other blocks count in the flow, but need no layout).
  const rows = content.filter((n) => ((n.stack as Node[] | undefined)?.[0] as Record<symbol, boolean> | undefined)?.[MEASURING]);
  content.splice(0, content.length, ...rows);
  let read = false;
  def.pageSize = { width: (def.pageSize as { width: number }).width, height: 1e6 };
  def.header = undefined;
  def.footer = undefined;
  def.pageBreakBefore = () => {
    if (read) return false;
    read = true;
    drift.plan = planFromMeasures(drift) ?? [];
    content.splice(0, content.length, { text: '' });
    return true;
  };
  await pdfmake.createPdf(def).getStream();
  return drift.plan.length > 0 ? drift.plan : null;
}
