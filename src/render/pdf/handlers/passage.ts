/**
 * A passage of the reading edition: its readable mark in the left column,
 * its text (anchor: its id) in the middle, its margin notes in the right
 * column, each note's label linking back to the item that cites it. In the
 * reading edition the notes column is always there, so every passage has the
 * same measure; elsewhere (the "Sources cited" appendix) a passage without
 * notes takes the whole width beside its mark.
 */
import type { MarginNote } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { LINE, READING, STYLES } from '../constants.js';
import { measuringRow, plannedColumn } from '../notes-drift.js';
import { NOTE, NOTE_TEXT } from '../flow.js';
import { freshId, isSlide, langText, wide, markerCell, runs, smallSize, textColumn, textNode, unit, type Node, type PdfState } from '../state.js';

/** One margin note: its label (linked back to the citing item), then its Chinese and English text (those shown on paper). */
export function noteNodes(note: MarginNote, st: PdfState): Node[] {
  const size = smallSize(st);
  const linked = (spans: MarginNote['label']['zh']) => (spans ?? []).map((s) => (note.ref && !s.ref ? { ...s, ref: note.ref } : s));
  const label: Node[] = [
    ...runs(linked(note.label.zh), 'zh', st, size, LINE.small),
    ...(note.label.zh?.length && note.label.en?.length ? runs([{ text: ' ' }], 'en', st, size, LINE.small) : []),
    ...runs(linked(note.label.en), 'en', st, size, LINE.small),
  ];
  const out: Node[] = [{ text: label, fontSize: size, bold: true, color: theme.colors.accent }];
  const text = (n: Node): Node => Object.assign(n, { [NOTE_TEXT]: true });
  if (note.text.zh?.length && !note.screenOnly?.includes('zh')) out.push(text(textNode(note.text.zh, 'zh', st, { fontSize: size, css: LINE.note, color: theme.colors.ink, tail: true })));
  if (note.text.en?.length && !note.screenOnly?.includes('en')) out.push(text(textNode(note.text.en, 'en', st, { fontSize: size, css: LINE.note, color: theme.colors.en })));
  // A note (flow.ts, NOTE) does not leave its label alone at the foot of a page.
  return [{ stack: out, margin: [0, 0, 0, 5], [NOTE]: true }];
}

/** The mark | text | notes row of the reading edition around a text-column node (`column`: the notes column as planned, else `notes`). */
export function besideNotes(st: PdfState, mark: string | undefined, body: Node, notes: readonly MarginNote[], bottom: number, column?: Node[]): Node {
  const markCell: Node = anchor0(st, {
    width: READING.mark,
    text: mark ? runs([{ text: mark }], 'en', st, STYLES.mark.fontSize, LINE.small) : '',
    fontSize: STYLES.mark.fontSize,
    color: STYLES.mark.color,
    alignment: 'right',
    margin: [0, 2, 0, 0],
  });
  const withNotes = st.doc.product === 'reading' || notes.length > 0;
  const columns: Node[] = [markCell, { width: '*', stack: [body] }];
  if (withNotes) columns.push({ width: READING.notes, stack: column ?? notes.flatMap((n) => noteNodes(n, st)) });
  return wide({ columns, columnGap: READING.gap, margin: [0, 0, 0, bottom] });
}

/** A mark cell takes a pending anchor only if it prints something (an empty cell makes no line). */
function anchor0(st: PdfState, cell: Node): Node {
  if (cell.text !== '' && st.pending.length > 0) {
    const id = freshId(st, st.pending.shift());
    if (id) cell.id = id;
  }
  return cell;
}

export const passage: Handler<PdfState, 'passage', Node> = (b, st) => {
  let text = langText(b.text, 'zh', st, { id: b.id });
  if (isSlide(st)) return text;
  const marker = st.marker;
  if (marker) {
    st.marker = undefined;
    text = textColumn({ ...st, indent: marker.indent }, {
      columns: [markerCell(marker.text, st, marker.width, STYLES.zh.fontSize, marker.id), { width: '*', stack: [text] }],
      columnGap: st.indent - marker.indent - marker.width,
    });
  } else {
    text = textColumn(st, text);
  }
  const gap = theme.spacing.paragraph;
  const drift = st.notesDrift;
  if (drift && !st.nested) {
    const notes = (n: MarginNote) => noteNodes(n, st);
    // The measuring pass (notes-drift.ts): the row without notes, then each note alone.
    if (drift.mode === 'measure') return unit(st, measuringRow(st, drift, b, besideNotes(st, b.mark, text, [], 0), gap, notes), 'text');
    const planned = plannedColumn(st, drift, b, notes);
    if (planned) {
      return unit(st, besideNotes(st, b.mark, text, b.notes, gap, planned.column), 'text');
    }
  }
  return unit(st, besideNotes(st, b.mark, text, b.notes, gap), 'text');
};
