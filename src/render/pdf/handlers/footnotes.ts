/**
 * Footnote definitions after a short rule: each note's label beside its
 * text (anchor: the note's id, which the `noteref` runs link to), its mark
 * and margin notes in the reading edition's columns.
 */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { LINE, READING } from '../constants.js';
import { isSlide, markerCell, smallSize, textColumn, textNode, unit, wide, type Node, type PdfState } from '../state.js';
import { besideNotes } from './passage.js';

export const footnotes: Handler<PdfState, 'footnotes', Node> = (b, st) => {
  if (b.items.length === 0) return [];
  if (b.id) st.pending.push(b.id);
  const size = isSlide(st) ? smallSize(st) : theme.size.meta;
  const out: Node[] = [];
  const rule: Node = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: theme.colors.rule }], margin: [0, 4, 0, 6] };
  const labelWidth = Math.max(...b.items.map((it) => it.label.length), 1) * size * 0.6 + 4;
  b.items.forEach((it, i) => {
    const text = textNode(it.text, 'zh', st, { fontSize: size, css: LINE.note, id: it.id, paragraph: true });
    const body: Node = { columns: [{ ...markerCell(it.label, st, labelWidth, size), alignment: 'left' }, { width: '*', stack: [text] }], columnGap: 4 };
    let node: Node;
    if (isSlide(st)) node = { stack: [...(i === 0 ? [rule] : []), body], margin: [0, 0, 0, 3] };
    else {
      // The rule over the text column; the note's mark and margin notes level with its text, not with the rule.
      const beside = besideNotes(st, it.mark, textColumn(st, body), it.notes ?? [], 3);
      node = i === 0 ? wide({ stack: [textColumn(st, { ...rule, margin: [READING.mark + READING.gap, 4, 0, 6] }), beside] }) : beside;
    }
    // A note moves whole rather than leave its rule (or its label) at the foot of a page and its text on the next.
    out.push(unit(st, node, 'keep'));
  });
  return out;
};
