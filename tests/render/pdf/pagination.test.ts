/**
 * Page breaks decided in windows (src/render/pdf/flow.ts): the same units
 * move, for the same rules, as when the whole document is laid out again
 * after each move, with the same bytes; and the PDF is, byte for byte, a
 * fresh layout of the document with those breaks (no state of an earlier
 * layout left in it).
 * Real articles, the kitchen-sink Docs and generated summaries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { lastRenderReport, renderPdfWithBreaks, type RenderReport } from '../../../src/render/pdf/document.js';
import { FIRST_WINDOW, setWindowedPagination } from '../../../src/render/pdf/flow.js';
import { docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';
import { Shapes } from './shapes.js';

afterEach(() => setWindowedPagination(true));

async function docs(): Promise<[string, Doc][]> {
  const out: [string, Doc][] = [];
  for (const [slug, article] of await realArticles()) for (const p of ['summary', 'checklist', 'reading'] as const) out.push([`${slug}/${p}`, docFor(article, p)]);
  for (const p of ['summary', 'checklist', 'reading'] as const) out.push([`kitchen sink/${p}`, kitchenSink[p]()]);
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const s = new Shapes(seed);
    out.push([`shape ${seed}`, s.summary(s.int(1, 9))]);
  }
  return out;
}

async function rendered(doc: Doc, windowed: boolean): Promise<{ bytes: Buffer; report: RenderReport }> {
  setWindowedPagination(windowed);
  const bytes = Buffer.from(await backend.render(doc, { epoch: 0 }));
  const report = lastRenderReport();
  if (!report) throw new Error('no render report');
  return { bytes, report };
}

describe('page breaks decided in windows', () => {
  it('move the units the whole-document layouts move, by the same rules, leave the same widows and give the same bytes', async () => {
    let moves = 0;
    let repeats = 0;
    let withMoves = 0;
    const laidOut = { whole: 0, windows: 0 };
    for (const [name, doc] of await docs()) {
      const whole = await rendered(doc, false);
      const windows = await rendered(doc, true);
      expect(windows.report.redecided, `${name}: every unit lay where its window put it`).toBe(false);
      expect(windows.report.moved, name).toEqual(whole.report.moved);
      expect(windows.report.repeated, name).toEqual(whole.report.repeated);
      expect(windows.report.noteBreaks, name).toEqual(whole.report.noteBreaks);
      expect(windows.report.unresolved, name).toEqual(whole.report.unresolved);
      expect(windows.bytes.equals(whole.bytes), `${name}: the same bytes`).toBe(true);
      moves += whole.report.moved.length;
      // Each move cost the whole document one more layout, and so did each unit that opened a page where it
      // stood and took what it repeats (a moved unit takes it in the layout of its move), and each margin note
      // moved to the next page's notes column.
      const repeatedInPlace = whole.report.repeated.filter((id) => !whole.report.moved.some((m) => m.id === id)).length;
      expect(whole.report.layouts, name).toBe(1 + whole.report.moved.length + repeatedInPlace + whole.report.noteBreakTries);
      repeats += whole.report.repeated.length;
      // Windows lay out fewer units in all than whole layouts for a long document that moves several units (a
      // short one, or one with a single move, may take a few more: its first window and the final layout, as the
      // two-page kitchen-sink reading edition does); when none moves, the windows double up to the whole document
      // (at most twice its units and the first window).
      if (doc.product === 'reading' && whole.report.moved.length > 1) expect(windows.report.unitsLaidOut, name).toBeLessThan(whole.report.unitsLaidOut);
      if (whole.report.moved.length === 0) expect(windows.report.unitsLaidOut, name).toBeLessThanOrEqual(2 * whole.report.unitsLaidOut + FIRST_WINDOW);
      if (whole.report.moved.length > 0) withMoves++;
      laidOut.whole += whole.report.unitsLaidOut;
      laidOut.windows += windows.report.unitsLaidOut;
    }
    expect(laidOut.windows, 'units laid out in all').toBeLessThan(0.7 * laidOut.whole);
    expect(moves, 'the documents exercise the rules').toBeGreaterThan(20);
    expect(repeats, 'table rows that open a page repeat the header row').toBeGreaterThan(2);
    expect(withMoves, 'documents that move units').toBeGreaterThan(5);
  }, 600_000);

  it('give the bytes of one fresh layout with those breaks', async () => {
    for (const [name, doc] of await docs()) {
      const { bytes, report } = await rendered(doc, true);
      const fresh = Buffer.from(await renderPdfWithBreaks(doc, { epoch: 0 }, new Set(report.moved.map((m) => m.id)), new Set(report.repeated), new Set(report.noteBreaks)));
      expect(bytes.equals(fresh), name).toBe(true);
    }
  }, 600_000);
});
