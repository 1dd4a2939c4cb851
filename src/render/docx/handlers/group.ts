import type { GroupBlock } from '../../../ir/types.js';
import type { BodyChild, DocxState } from '../state.js';

/** A group draws nothing of its own: its children in the flow (a section flows across pages). */
export function group(b: GroupBlock, st: DocxState): BodyChild[] {
  return st.all(b.children);
}
