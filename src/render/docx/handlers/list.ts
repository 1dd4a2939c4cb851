import type { ListBlock } from '../../../ir/types.js';
import { LIST_INDENT, LIST_LEVELS, NUM, P, twip } from '../constants.js';
import { hasText } from '../runs.js';
import { anchor, enStyle, para, runs, slide, sourceLine, zhStyle, type BodyChild, type DocxState } from '../state.js';
import { orderedReference } from '../styles.js';

/**
 * A Word list: bullets, or numbers from the list's `start` (each list
 * restarts its numbering), nested lists one level further in. An item's
 * Chinese line is numbered, its English on an indented line under it; an
 * item whose content is its children (a passage, a nested list) numbers the
 * first paragraph they make. The source line follows the item, small.
 */
export function list(b: ListBlock, st: DocxState): BodyChild[] {
  const level = Math.min(st.listLevel, LIST_LEVELS - 1);
  const reference = b.ordered ? orderedReference(b.start ?? 1) : NUM.bullet;
  const instance = b.ordered ? ++st.lists.instance : 0;
  const inner: DocxState = { ...st, listLevel: st.listLevel + 1 };
  const indent = { left: twip(LIST_INDENT.left * (level + 1)) };
  return b.items.flatMap((item) => {
    const out: BodyChild[] = [];
    anchor(st, item.id);
    st.marker.current = { reference, level, instance };
    if (hasText(item.text.zh)) out.push(para(st, slide(st) ? zhStyle(st) : st.quoted ? P.quote : P.listZh, runs(st, item.text.zh, 'zh')));
    if (hasText(item.text.en)) out.push(para(st, slide(st) ? enStyle(st) : P.listEn, runs(st, item.text.en, 'en'), st.marker.current ? {} : { indent }));
    if (item.children?.length) out.push(...inner.all(item.children));
    out.push(...sourceLine(st, item.source, slide(st) ? P.slideSource : P.source, { indent }));
    st.marker.current = null;
    return out;
  });
}
