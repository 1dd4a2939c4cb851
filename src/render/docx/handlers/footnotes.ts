import { TableRow } from 'docx';
import type { FootnotesBlock } from '../../../ir/types.js';
import { C, P, T } from '../constants.js';
import { textRun } from '../runs.js';
import { anchor, cell, noBorders, para, runs, table, type BodyChild, type DocxState } from '../state.js';
import { marginNotes } from './notes.js';
import { passageWidths } from './passage.js';

/**
 * The article's footnotes where the Doc puts them, laid out like passages:
 * the mark, the label and text (its bookmark is the footnote's id, which the
 * superscript `noteref` links in the text lead to), and its margin notes.
 */
export function footnotes(b: FootnotesBlock, st: DocxState): BodyChild[] {
  const widths = passageWidths(st);
  const rows = b.items.map((item) => {
    anchor(st, item.id);
    const mark = para(st, P.passageMark, item.mark ? [textRun(item.mark, 'en')] : []);
    const text = para(st, P.footnote, [textRun(item.label, 'en', { style: C.roleNoteref }), textRun(' ', 'en'), ...runs(st, item.text, 'zh')]);
    const notes = st.marginNotes ? [cell(st, marginNotes({ ...st, width: widths[2] }, item.notes), widths[2])] : [];
    return new TableRow({ children: [cell(st, [mark], widths[0]), cell(st, [text], widths[1]), ...notes] });
  });
  return rows.length ? [table(rows, widths, T.plain, { borders: noBorders })] : [];
}
