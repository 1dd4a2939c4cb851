/** Where margin notes go on paper when they run on down the margin (src/render/notes-drift.ts), on hand-made rows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planNotes, type NoteSegment } from '../../src/render/notes-drift.js';

const limits = { header: 10, drift: 100, slack: 2 };
const seg = (owner: number, from: number, to: number, named: boolean): NoteSegment => ({ owner, from, to, named });

describe('planNotes', () => {
  it('keeps notes that fit beside their own paragraph there, unnamed', () => {
    const plan = planNotes(
      [
        { text: 60, gap: 6, notes: [20, 30] },
        { text: 40, gap: 6, notes: [40] },
      ],
      limits,
    );
    expect(plan).toEqual([[seg(0, 0, 2, false)], [seg(1, 0, 1, false)]]);
  });

  it('carries what does not fit to the next row, where it goes on named (beside another paragraph), before that row\'s own notes', () => {
    // Row 0: 30 + 30 fit in 60; the third (30) waits. Row 1 (80): ¶0's note goes on at its top, headed by ¶0's mark
    // (10 + 30: unnamed, a reader would take it for ¶1's), then ¶1's own (30) named, since it starts below the top of
    // its row (10 + 30 more: 80 in all).
    const plan = planNotes(
      [
        { text: 60, gap: 6, notes: [30, 30, 30] },
        { text: 80, gap: 6, notes: [30] },
        { text: 50, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(plan).toEqual([[seg(0, 0, 2, false)], [seg(0, 2, 3, true), seg(1, 0, 1, true)], []]);
  });

  it('lets a column run 2 points past its text (the slack), and no further', () => {
    const fits = planNotes([{ text: 50, gap: 6, notes: [26, 26] }, { text: 50, gap: 6, notes: [] }], limits);
    expect(fits[0]).toEqual([seg(0, 0, 2, false)]);
    const over = planNotes([{ text: 50, gap: 6, notes: [26, 27] }, { text: 50, gap: 6, notes: [] }], limits);
    // The first row's column left 24 points of white under its note: the note carried to the next row is named again.
    expect(over).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 2, true)]]);
  });

  it('starts a note taller than its paragraph beside it (an empty column takes the first note waiting)', () => {
    const plan = planNotes(
      [
        { text: 20, gap: 6, notes: [80, 10] },
        { text: 40, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(plan).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 2, true)]]);
  });

  it('never starts a paragraph\'s notes more than `drift` below its text: the row before takes them and grows', () => {
    // Row 0 (text 90): its first note fits, its second waits, with 30 points of white under the first. Row 1 (text 85):
    // ¶0's second note, named again after that white (70); ¶1's own note (30 with its header) does not fit under it, but
    // carried to row 2 it would start 85 + 6 + 10 = 101 below ¶1's text, so row 1 takes it and grows. Row 2's note,
    // taller than its text, starts beside it (an empty column).
    const plan = planNotes(
      [
        { text: 90, gap: 6, notes: [60, 60] },
        { text: 85, gap: 6, notes: [20] },
        { text: 20, gap: 6, notes: [30] },
        { text: 200, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(plan).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 2, true), seg(1, 0, 1, true)], [seg(2, 0, 1, false)], []]);

    // Row 1 (text 70) holds ¶0's second note going on (60 and ¶0's header, 70); ¶1's note does not fit under it, and
    // carried to row 2 it starts 70 + 6 + 10 (its header) = 86 below ¶1's text, within the limit: it waits.
    const carried = planNotes(
      [
        { text: 20, gap: 6, notes: [20, 60] },
        { text: 70, gap: 6, notes: [10] },
        { text: 30, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(carried).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 2, true)], [seg(1, 0, 1, true)]]);

    // Looking ahead: carried to row 1, ¶0's 100 would put ¶1's note 100 + 10 (its header) below ¶1's text,
    // so row 0 takes it and grows; ¶1's note then stands level with ¶1.
    const ahead = planNotes(
      [
        { text: 20, gap: 6, notes: [20, 100] },
        { text: 60, gap: 6, notes: [10] },
        { text: 30, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(ahead).toEqual([[seg(0, 0, 2, false)], [seg(1, 0, 1, false)], []]);

    // Waiting notes ahead of a list: row 1 (text 55) takes ¶0's second note (30 and ¶0's header: 40); its third does
    // not fit under it, but left for row 2 (named again there) it would start ¶1's note 55 + 6 + 10 + 30 + 10 = 111
    // below ¶1's text: row 1 takes it too (70 in all), and ¶1's note, now 70 + 6 + 10 = 86 below, waits for row 2.
    const queued = planNotes(
      [
        { text: 20, gap: 6, notes: [20, 30, 30] },
        { text: 55, gap: 6, notes: [10] },
        { text: 30, gap: 6, notes: [] },
      ],
      limits,
    );
    expect(queued).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 3, true)], [seg(1, 0, 1, true)]]);
  });

  it('sets every note still waiting beside the run\'s last row, in order', () => {
    const plan = planNotes(
      [
        { text: 20, gap: 6, notes: [20, 20, 20] },
        { text: 20, gap: 6, notes: [20] },
      ],
      limits,
    );
    expect(plan).toEqual([[seg(0, 0, 1, false)], [seg(0, 1, 3, true), seg(1, 0, 1, true)]]);
    // Every note set exactly once.
    const set = plan.flat().flatMap((s) => Array.from({ length: s.to - s.from }, (_, i) => `${s.owner}:${s.from + i}`));
    expect(set.sort()).toEqual(['0:0', '0:1', '0:2', '1:0']);
  });

  it('plans nothing for a run without notes', () => {
    expect(planNotes([{ text: 20, gap: 6, notes: [] }], limits)).toEqual([[]]);
    expect(planNotes([], limits)).toEqual([]);
  });

  it('sets every note once, in order; starts each list within the drift, or in its own row; names it when not level and wherever it stands beside another paragraph', () => {
    const row = fc.record({
      text: fc.integer({ min: 0, max: 300 }),
      gap: fc.integer({ min: 0, max: 12 }),
      notes: fc.array(fc.integer({ min: 1, max: 250 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const plan = planNotes(rows, limits);
        // Every note once, owners and notes in document order.
        const order = plan.flat().flatMap((s) => Array.from({ length: s.to - s.from }, (_, i) => [s.owner, s.from + i]));
        const expected = rows.flatMap((r, k) => r.notes.map((_, i) => [k, i]));
        expect(order).toEqual(expected);
        // Where each list starts: its row, and how far down the run (rows as tall as their text or column).
        let y = 0;
        const tops: number[] = [];
        const starts = new Map<number, { row: number; at: number; named: boolean }>();
        plan.forEach((segments, k) => {
          tops[k] = y;
          let used = 0;
          for (const s of segments) {
            // Notes beside another paragraph's text are always headed by their own paragraph's mark.
            if (s.owner !== k) expect(s.named, `¶${s.owner}'s notes beside row ${k}`).toBe(true);
            const header = s.named ? limits.header : 0;
            if (s.from === 0) starts.set(s.owner, { row: k, at: y + used + header, named: s.named });
            used += header + rows[s.owner].notes.slice(s.from, s.to).reduce((a, b) => a + b, 0);
          }
          y += Math.max(rows[k].text, used) + rows[k].gap;
        });
        for (const [owner, start] of starts) {
          // Within the drift of its paragraph, unless it is the first thing in its own row's column.
          if (!(start.row === owner && start.at === tops[owner])) expect(start.at - tops[owner]).toBeLessThanOrEqual(limits.drift);
          expect(start.named).toBe(!(start.row === owner && start.at === tops[owner]));
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
