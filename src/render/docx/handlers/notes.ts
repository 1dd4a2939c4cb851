import type { Paragraph } from 'docx';
import type { MarginNote } from '../../../ir/types.js';
import { C, P } from '../constants.js';
import { hasText, refTarget, textRun, type Piece } from '../runs.js';
import { para, runs, type DocxState } from '../state.js';

/**
 * Margin notes of a passage, table or footnote, in its side column: each
 * note's label (Chinese, then English; a link back to the item when the note
 * has a `ref`), then its text in each language shown on paper, small.
 */
export function marginNotes(st: DocxState, notes: readonly MarginNote[] | undefined): Paragraph[] {
  const out: Paragraph[] = [];
  for (const n of notes ?? []) {
    const label: Piece[] = [
      ...runs(st, n.label.zh, 'zh', { style: C.label }),
      ...(hasText(n.label.zh) && hasText(n.label.en) ? [textRun(' ', 'en')] : []),
      ...runs(st, n.label.en, 'en', { style: C.label }),
    ];
    const linked: Piece[] = n.ref
      ? [{ kind: 'link', ...refTarget(n.ref, st.links), runs: label.flatMap((p) => (p.kind === 'text' ? [{ ...p, style: C.hyperlink, bold: true }] : p.kind === 'link' ? p.runs : [])) }]
      : label;
    out.push(para(st, P.marginNoteLabel, linked));
    for (const l of ['zh', 'en'] as const) if (hasText(n.text[l]) && !n.screenOnly?.includes(l)) out.push(para(st, P.marginNote, runs(st, n.text[l], l)));
  }
  return out;
}
