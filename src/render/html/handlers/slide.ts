/**
 * One 16:9 slide: its title (kept for assistive technology only on a title
 * slide, whose title block says it), its body laid out by the slide's
 * `layout` (css.ts), a foot with the small source line, the deck's short
 * title and the slide number; after the slide, its speaker notes with their
 * sources (shown under the deck by the toolbar's toggle, in reading mode
 * under the slide, in print never). A slide's element id is `slide-<id>`; the script also finds a
 * slide by its bare id, by its number and by the id of its first part.
 */
import { h } from '../../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { Block } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { SLIDE_ID_PREFIX, titleSizeClass } from '../constants.js';
import { bi, hasText, inline, plainText } from '../inline.js';
import type { HtmlContext } from './index.js';

/** Element id of a slide: `slide-<id>`, without doubling a prefix the outline id already has. */
export function slideElementId(id: string): string {
  return id.startsWith(SLIDE_ID_PREFIX) ? id : `${SLIDE_ID_PREFIX}${id}`;
}

/** Layouts whose title is the slide's main content (set large, centred). */
const TITLE_LAYOUTS: ReadonlySet<string> = new Set(['section', 'closing']);

export const slide: Handler<HtmlContext, 'slide', ElementContent> = (b: Extract<Block, { type: 'slide' }>, ctx) => {
  const id = ctx.id(slideElementId(b.id))!;
  const label = `${b.number} / ${ctx.slideCount}: ${plainText(b.title.zh) || plainText(b.title.en)}`;
  ctx.outline.splice(0, Infinity, { ir: 0, html: 2 });
  const head: Element =
    b.layout === 'title'
      ? h('h2', { className: 'sr-only' }, bi(b.title, 'span', '', ctx.own))
      : h('header', { className: 'slide-head' }, h('h2', bi(b.title, 'span', '', ctx.own)));
  const body = ctx.all(b.children);
  // A continuation slide has its outline entry's notes again (the presenter sees them on each part); where the notes
  // print under every slide (reading mode), they are given once, under the first part (`again`).
  const notes: ElementContent[] = [
    ...(b.notes ? bi(b.notes, 'p', b.part && b.part.index > 1 ? 'again' : '', ctx.own) : []),
    ...(b.notesSource?.length ? [h('p', { className: 'source' }, inline(b.notesSource, ctx.own))] : []),
  ];
  const frame = h('div', { className: 'slide-frame' }, [
    head,
    h('div', { className: 'slide-body' }, body),
    h('div', { className: 'slide-foot' }, [
      ...(b.source?.length ? [h('p', { className: 'slide-source source' }, inline(b.source, ctx.own))] : []),
      h('p', { className: 'slide-deck' }, [
        ...(hasText(ctx.doc.meta.shortTitle) ? bi(ctx.doc.meta.shortTitle, 'span', '', ctx.own) : []),
        h('span', { className: 'slide-number' }, `${b.number} / ${ctx.slideCount}`),
      ]),
    ]),
  ]);
  return [
    h(
      'section',
      {
        className: [
          'slide',
          `layout-${b.layout}`,
          ...(TITLE_LAYOUTS.has(b.layout) ? ['title-layout'] : []),
          ...(b.density === 'compact' ? ['compact'] : []),
          ...(b.titleSize ? [titleSizeClass(b.titleSize)] : []),
        ],
        id,
        dataNumber: String(b.number),
        dataSlide: b.id,
        dataPart: b.part ? `${b.part.index}/${b.part.count}` : undefined,
        ariaRoledescription: 'slide',
        ariaLabel: label,
      },
      [frame],
    ),
    // The notes follow their slide, outside its scaled frame: the presenter's panel under the deck, a note under the slide in reading mode.
    ...(notes.length ? [h('div', { className: 'notes', dataFor: id }, notes)] : []),
  ];
};
