/**
 * A group draws nothing of its own: on A4 its children join the flow; its id
 * goes to its first text. A table of contents (`contents`) on A4 prints each
 * entry's page number (list.ts).
 */
import type { Handler } from '../../state.js';
import { isSlide, type Node, type PdfState } from '../state.js';

export const group: Handler<PdfState, 'group', Node> = (b, st) => {
  if (b.id) st.pending.push(b.id);
  const out = (b.contents && !isSlide(st) ? { ...st, pageNumbers: true } : st).all(b.children);
  return isSlide(st) ? [{ stack: out }] : out;
};
