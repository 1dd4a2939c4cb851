import type { QuoteBlock } from '../../../ir/types.js';
import type { BodyChild, DocxState } from '../state.js';

/** A block quote: its children in the Quote style (indented, a rule on the left). */
export function quote(b: QuoteBlock, st: DocxState): BodyChild[] {
  return ({ ...st, quoted: true } as DocxState).all(b.children);
}
