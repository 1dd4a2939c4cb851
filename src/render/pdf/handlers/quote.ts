/** A block quote: its passages (or lists of them) indented in the text column, with a rule beside them. */
import type { Handler } from '../../state.js';
import { READING } from '../constants.js';
import { isSlide, type Node, type PdfState } from '../state.js';

export const quote: Handler<PdfState, 'quote', Node> = (b, st) => {
  if (b.id) st.pending.push(b.id);
  const inner: PdfState = { ...st, quote: st.quote + 1, indent: isSlide(st) ? st.indent : st.indent + (st.quote > 0 ? READING.indent : 0) };
  const out = inner.all(b.children);
  return isSlide(st) ? [{ stack: out }] : out;
};
