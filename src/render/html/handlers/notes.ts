/**
 * What every citable block of the reading edition has beside it: its
 * readable mark ("3.2", a link to its own anchor) and its margin notes (the
 * takeaways, recommendations, events and terms that cite it, each linking
 * back to where it is).
 */
import { h } from '../../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { MarginNote } from '../../../ir/types.js';
import { bi, hasText, refHref } from '../inline.js';
import type { HtmlContext } from './index.js';

/** The visible mark of a citable block, linking to the block's own anchor. */
export function passageMark(id: string | undefined, mark: string): Element {
  return id ? h('a', { className: 'passage-mark', href: `#${encodeURIComponent(id)}` }, mark) : h('span', { className: 'passage-mark' }, mark);
}

/** Margin notes as a list: the label links back to the item (its `ref`), the text follows. */
export function marginNotes(notes: readonly MarginNote[] | undefined, ctx: HtmlContext): ElementContent[] {
  if (!notes?.length) return [];
  return [
    h(
      'ul',
      { className: 'margin-notes' },
      notes.map((n) => {
        const label = bi(n.label, 'span', '', ctx.own);
        return h('li', { className: 'margin-note' }, [
          h(n.ref ? 'a' : 'span', { className: 'note-label', href: n.ref ? refHref(n.ref, ctx.own) : undefined }, label),
          ...(hasText(n.text) ? [{ type: 'text' as const, value: ' ' }, h('span', { className: 'note-text' }, bi(n.text, 'span', '', ctx.own))] : []),
        ]);
      }),
    ),
  ];
}

/** A citable block with its mark and notes: `mark | body | notes` on wide screens, notes under the body on narrow ones. */
export function citable(
  id: string | undefined,
  mark: string | undefined,
  body: ElementContent[],
  notes: readonly MarginNote[] | undefined,
  ctx: HtmlContext,
  className: string[] = [],
  /** The anchor of a block whose id is on its container (a footnote's list item): the mark links there. */
  anchor?: string,
): Element {
  return h('div', { className: ['passage', ...className], id, dataIrId: anchor }, [
    ...(mark ? [passageMark(id ?? anchor, mark)] : []),
    h('div', { className: 'passage-body' }, body),
    ...marginNotes(notes, ctx),
  ]);
}
