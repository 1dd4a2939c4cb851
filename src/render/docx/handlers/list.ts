import type { ListBlock } from '../../../ir/types.js';
import { LIST_INDENT, LIST_LEVELS, NUM, P, twip } from '../constants.js';
import { hasText } from '../runs.js';
import { SP, slideBody } from '../slide-styles.js';
import { after, anchor, enStyle, itemGap, para, runs, slide, sourceLine, zhStyle, type BodyChild, type DocxState } from '../state.js';
import { orderedReference } from '../styles.js';
import { leadingTag } from './pair.js';

/**
 * A Word list: bullets, or numbers from the list's `start` (each list
 * restarts its numbering), nested lists one level further in. An item's
 * Chinese line is numbered, its English on an indented line under it, each
 * led by the item's tag in its language; an item whose content is its
 * children (a passage, a nested list) numbers the first paragraph they make.
 * The source line follows the item, small.
 *
 * On a slide (a `checklist`, or `points` as a list) as the slide geometry
 * says: the number in the marker column (the slides' numbering), the
 * Chinese, the space between the languages, the English, and the slide's
 * gap before the next item.
 */
export function list(b: ListBlock, st: DocxState): BodyChild[] {
  const level = Math.min(st.listLevel, LIST_LEVELS - 1);
  const reference = b.ordered ? orderedReference(b.start ?? 1) : NUM.bullet;
  const instance = b.ordered ? ++st.lists.instance : 0;
  const inner: DocxState = { ...st, listLevel: st.listLevel + 1 };
  const onSlide = slide(st);
  const step = onSlide ? slideBody(st.density).marker : LIST_INDENT.left;
  const indent = { left: twip(step * (level + 1)) };
  return b.items.flatMap((item) => {
    const out: BodyChild[] = [];
    anchor(st, item.id);
    st.marker.current = { reference, level, instance };
    const langs = (['zh', 'en'] as const).filter((l) => hasText(item.text[l]));
    const gap = onSlide ? itemGap(st) : 0;
    langs.forEach((l, i) => {
      const pieces = [...leadingTag(st, item.tags?.[l], l), ...runs(st, item.text[l], l)];
      const numbered = st.marker.current !== null;
      if (onSlide) {
        const space = i < langs.length - 1 ? slideBody(st.density).between : item.children?.length || hasText(item.source) ? 0 : gap;
        out.push(para(st, l === 'zh' ? zhStyle(st) : enStyle(st), pieces, { ...(numbered ? {} : { indent }), ...after(space) }));
      } else if (l === 'zh') out.push(para(st, st.quoted ? P.quote : P.listZh, pieces));
      else out.push(para(st, P.listEn, pieces, numbered ? {} : { indent }));
    });
    if (item.children?.length) out.push(...inner.all(item.children));
    out.push(...sourceLine(st, item.source, onSlide ? SP.source : P.source, { indent }));
    st.marker.current = null;
    return out;
  });
}
