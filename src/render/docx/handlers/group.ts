import type { GroupBlock } from '../../../ir/types.js';
import type { BodyChild, DocxState } from '../state.js';

/**
 * A group draws nothing of its own: its children in the flow (a section flows
 * across pages). A table of contents is left to the document's own (PAGEREF
 * fields with page numbers, after the title block) when it has one.
 */
export function group(b: GroupBlock, st: DocxState): BodyChild[] {
  if (b.contents && st.toc) return [];
  return st.all(b.children);
}
