import type { GroupBlock } from '../../../ir/types.js';
import { bookmarkName } from '../constants.js';
import type { BodyChild, DocxState } from '../state.js';

/**
 * A group draws nothing of its own: its children in the flow (a section
 * flows across pages). The Doc's table of contents (`contents`) gives way
 * to the one this backend writes with page numbers (document.ts), which
 * takes the group's bookmark.
 */
export function group(b: GroupBlock, st: DocxState): BodyChild[] {
  if (b.contents && st.toc && st.tocAnchors) {
    if (b.id) {
      const name = bookmarkName(b.id);
      const at = st.bookmarks.pending.indexOf(name);
      if (at >= 0) st.bookmarks.pending.splice(at, 1);
      st.tocAnchors.push(name);
    }
    return [];
  }
  return st.all(b.children);
}
