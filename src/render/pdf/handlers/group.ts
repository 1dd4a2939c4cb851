/** A group draws nothing of its own: on A4 its children join the flow; its id goes to its first text. */
import type { Handler } from '../../state.js';
import { isSlide, type Node, type PdfState } from '../state.js';

export const group: Handler<PdfState, 'group', Node> = (b, st) => {
  if (b.id) st.pending.push(b.id);
  const out = st.all(b.children);
  return isSlide(st) ? [{ stack: out }] : out;
};
