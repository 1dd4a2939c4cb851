/**
 * What every citable block of the reading edition has beside it: its
 * readable mark ("3.2", a link to its own anchor) and its margin notes (the
 * takeaways, recommendations, events and terms that cite it, each linking
 * back to where it is).
 */
import { h } from '../../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { MarginNote } from '../../../ir/types.js';
import { CONTROLS } from '../constants.js';
import { bi, hasText, refHref } from '../inline.js';
import type { HtmlContext } from './index.js';

/** The visible mark of a citable block, linking to the block's own anchor. */
export function passageMark(id: string | undefined, mark: string): Element {
  return id ? h('a', { className: 'passage-mark', href: `#${encodeURIComponent(id)}` }, mark) : h('span', { className: 'passage-mark' }, mark);
}

/**
 * The reading edition's button that shows or hides a paragraph's notes on a
 * narrow screen, giving their number: hidden until the page's script folds
 * the notes (scripts.ts), so without the script every note shows.
 */
function notesToggle(count: number, list: string): Element {
  return h('button', { type: 'button', className: 'notes-toggle', hidden: true, ariaExpanded: 'false', ariaControls: list }, [
    h('span', { className: 'zh' }, `${CONTROLS.marginNotes.zh}（${count}）`),
    ' ',
    h('span', { className: 'en', lang: 'en' }, `${CONTROLS.marginNotes.en} (${count})`),
  ]);
}

/** A note's text in both languages; a language the note shows on screen only is not printed. */
function noteText(n: MarginNote, ctx: HtmlContext): ElementContent[] {
  return bi(n.text, 'span', '', ctx.own).map((e) => {
    if (e.type !== 'element' || !n.screenOnly?.length) return e;
    const classes = (e.properties.className as string[] | undefined) ?? [];
    return n.screenOnly.some((l) => classes.includes(l)) ? { ...e, properties: { ...e.properties, className: [...classes, 'media-screen'] } } : e;
  });
}

/** Margin notes as a list: the label links back to the item (its `ref`), the text follows. */
export function marginNotes(notes: readonly MarginNote[] | undefined, ctx: HtmlContext, owner?: string): ElementContent[] {
  if (!notes?.length) return [];
  // Only the reading edition folds notes. "_" is in no block id (items.ts: ID), so a list's id never takes a block's.
  const list = ctx.doc.product === 'reading' ? ctx.id(`${owner ?? 'passage'}_notes`) : undefined;
  return [
    ...(list ? [notesToggle(notes.length, list)] : []),
    h(
      'ul',
      { className: 'margin-notes', id: list },
      notes.map((n) => {
        const label = bi(n.label, 'span', '', ctx.own);
        return h('li', { className: 'margin-note' }, [
          h(n.ref ? 'a' : 'span', { className: 'note-label', href: n.ref ? refHref(n.ref, ctx.own) : undefined }, label),
          ...(hasText(n.text) ? [{ type: 'text' as const, value: ' ' }, h('span', { className: 'note-text' }, noteText(n, ctx))] : []),
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
    ...marginNotes(notes, ctx, id ?? anchor),
  ]);
}
