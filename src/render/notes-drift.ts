/**
 * Where the margin notes of a run of paragraphs go on paper, when each
 * paragraph is a row (mark | text | notes) and a row is as tall as the taller
 * of its text and its notes.
 *
 * Set beside their own paragraph only, a paragraph of three lines with
 * notes of seventeen leaves fourteen lines of white under its text. Instead
 * the notes run on down the margin, as in the HTML reading edition
 * (html/scripts.ts, `reading`): each row's notes column is filled, in order,
 * with the notes still waiting (those of earlier paragraphs that did not fit
 * beside them, then the row's own) up to the height of the row's text; what
 * does not fit waits for the next row. A paragraph's notes set anywhere but
 * at the top of its own row are headed by the paragraph's mark, also where
 * they go on beside the next paragraph right under the last of their own: a
 * reader takes an unnamed note for a note of the paragraph beside it.
 *
 * Limits (the HTML's, in points):
 * - a paragraph's notes start at most `drift` below the top of its text: a
 *   row takes whatever must start by then, growing taller than its text if
 *   it has to (the next paragraph then starts lower, as the HTML pushes it);
 * - an empty column always takes the first note waiting (a note taller than
 *   the text beside it starts there rather than one row later);
 * - the last row of a run takes every note still waiting: notes never run
 *   past the run's end (a heading, a table, a part summary).
 *
 * Heights come from the backend that measured them; this function only
 * adds them up, so it is the same for any unit.
 */

/** A paragraph row of a run: its text's height, the space under the row, and its notes' heights (in order). */
export interface NotesRow {
  text: number;
  gap: number;
  notes: readonly number[];
}

/** Notes `from` up to (not including) `to` of row `owner`'s paragraph, set in some row's notes column; `named`: headed by the owner's mark. */
export interface NoteSegment {
  owner: number;
  from: number;
  to: number;
  named: boolean;
}

export interface DriftLimits {
  /** Height of the line that names a paragraph above a part of its notes. */
  header: number;
  /** The most a paragraph's notes may start below the top of its text. */
  drift: number;
  /** How far a column may run past its text and still count as fitting (rounding, a descender). */
  slack: number;
}

/** A paragraph's notes still waiting: the first not set yet, and the height of those left. */
interface Waiting {
  owner: number;
  heights: readonly number[];
  next: number;
  rest: number;
}

/** Each row's notes column, for one run of paragraph rows (no other block between them). */
export function planNotes(rows: readonly NotesRow[], limits: DriftLimits): NoteSegment[][] {
  const out: NoteSegment[][] = rows.map(() => []);
  /** Paragraphs with notes waiting, in order, from `head` on (each paragraph's notes wait together, in order). */
  const queue: Waiting[] = [];
  let head = 0;
  /** Top of each row's text, from the run's first row. */
  const tops: number[] = [];
  let y = 0;
  rows.forEach((row, k) => {
    tops[k] = y;
    if (row.notes.length > 0) queue.push({ owner: k, heights: row.notes, next: 0, rest: row.notes.reduce((a, b) => a + b, 0) });
    const last = k === rows.length - 1;
    const segments = out[k];
    let used = 0;
    /**
     * Whether a list would start more than `drift` below its paragraph if this row took no more notes: one still
     * waiting, or the next row's own, which starts under every note still waiting. (One step per paragraph waiting.)
     */
    const late = (): boolean => {
      const next = y + Math.max(row.text, used) + row.gap;
      let at = next;
      // The next row names every paragraph's notes it sets (none of them is its own yet).
      let previous: number | undefined;
      for (let q = head; q < queue.length; q++) {
        const w = queue[q];
        const named = w.owner !== previous;
        if (w.next === 0 && at + (named ? limits.header : 0) - tops[w.owner] > limits.drift) return true;
        at += w.rest + (named ? limits.header : 0);
        previous = w.owner;
      }
      const following = rows[k + 1];
      return following !== undefined && following.notes.length > 0 && at > next && at + limits.header - next > limits.drift;
    };
    while (head < queue.length) {
      const w = queue[head];
      const index = w.next;
      const current = segments[segments.length - 1];
      const continues = current !== undefined && current.owner === w.owner;
      const named = !continues && (w.owner !== k || used > 0);
      const height = w.heights[index] + (named ? limits.header : 0);
      const fits = used + height <= row.text + limits.slack;
      if (!(fits || last || used === 0 || late())) break;
      w.next += 1;
      w.rest -= w.heights[index];
      if (w.next === w.heights.length) head += 1;
      used += height;
      if (continues) current.to = index + 1;
      else segments.push({ owner: w.owner, from: index, to: index + 1, named });
    }
    y += Math.max(row.text, used) + row.gap;
  });
  return out;
}
