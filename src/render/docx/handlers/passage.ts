import { TableRow } from 'docx';
import type { PassageBlock } from '../../../ir/types.js';
import { P, T } from '../constants.js';
import { textRun } from '../runs.js';
import { cell, noBorders, para, runs, splitWidth, table, type BodyChild, type DocxState } from '../state.js';
import { marginNotes } from './notes.js';

/** Widths of the mark, text and notes columns of the reading edition (no notes column when no passage of the Doc has notes). */
export const PASSAGE_COLUMNS = [0.55, 4.6, 2.05] as const;
const WITHOUT_NOTES = [0.55, 6.65] as const;

/** Column widths of passage rows in this Doc. */
export const passageWidths = (st: DocxState): number[] => splitWidth(st.width, st.marginNotes ? [...PASSAGE_COLUMNS] : [...WITHOUT_NOTES]);

/**
 * One passage of the reading edition as a border-less row: its mark
 * ("3.2", where its bookmark is) in a narrow column, its text, and its
 * margin notes in a side column, each linking back to the item that cites
 * the passage. A side column rather than Word comments: the notes are part
 * of the edition, so they print and show in every viewer (comments print
 * only on request, and phone viewers hide them), and their links are
 * ordinary hyperlinks.
 */
export function passage(b: PassageBlock, st: DocxState): BodyChild[] {
  const widths = passageWidths(st);
  // The list number (when the passage is an item's content) goes to the text, the bookmark to the mark.
  const marker = st.marker.current;
  st.marker.current = null;
  const mark = para(st, P.passageMark, [textRun(b.mark, 'en')]);
  st.marker.current = marker;
  const text = para(st, st.quoted ? P.quote : P.passage, runs(st, b.text, 'zh'));
  const notes = st.marginNotes ? [cell(st, marginNotes({ ...st, width: widths[2] }, b.notes), widths[2])] : [];
  return [
    table(
      [new TableRow({ children: [cell(st, [mark], widths[0]), cell(st, [text], widths[1]), ...notes] })],
      widths,
      T.plain,
      { borders: noBorders },
    ),
  ];
}
