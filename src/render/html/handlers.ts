/**
 * IR blocks → hast: one handler per block type, with a fallback for types
 * this backend does not know (their text is kept, marked with the type).
 */
import { h } from '../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { BiInline, Block, Doc } from '../../ir/types.js';
import { walk, type Handlers, type Unknown, type Walk } from '../state.js';
import { SLIDE_ID_PREFIX } from './constants.js';
import { bi, cites, inline, plainText } from './inline.js';
import { timeline } from './timeline.js';

export interface HtmlContext extends Walk<ElementContent> {
  doc: Doc;
  /** Unique element id from a wanted id (suffixes repeats); undefined when none is wanted. */
  id(wanted: string | undefined): string | undefined;
  /** Number of slides in the deck. */
  slideCount: number;
}

/** The render state of one page (the shared one/all/unknown shape, src/render/state.ts). */
export function createContext(doc: Doc): HtmlContext {
  const used = new Set<string>();
  return {
    ...walk<HtmlContext, ElementContent>(handlers, unknownBlock),
    doc,
    slideCount: doc.blocks.filter((b) => b.type === 'slide').length,
    id(wanted) {
      if (!wanted) return undefined;
      let id = wanted;
      for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
      used.add(id);
      return id;
    },
  };
}

/** Fallback: keep any text the block holds, visibly marked with its type. */
export const unknownBlock: Unknown<HtmlContext, ElementContent> = (block, ctx) => {
  const b = block as { type?: unknown; children?: unknown; text?: unknown; id?: string };
  const inner: ElementContent[] = [];
  if (Array.isArray(b.text)) inner.push(h('p', inline(b.text)));
  else if (b.text && typeof b.text === 'object') inner.push(...bi(b.text, 'p'));
  if (Array.isArray(b.children)) inner.push(...ctx.all(b.children as Block[]));
  return [h('div', { className: 'unknown-block', dataBlockType: String(b.type), id: ctx.id(b.id) }, inner)];
};

/** Element id of a slide: `slide-<id>`, without doubling a prefix the outline id already has. */
export function slideElementId(id: string): string {
  return id.startsWith(SLIDE_ID_PREFIX) ? id : `${SLIDE_ID_PREFIX}${id}`;
}

/** A list item on a slide: Chinese with its ¶ citations on one line, English under it. */
function slideListItem(item: { text: BiInline; cites: string[] }): ElementContent[] {
  const out: ElementContent[] = [];
  if (item.text.zh?.length) out.push(h('span', { className: 'item zh' }, [...inline(item.text.zh), ...(item.cites.length ? [{ type: 'text' as const, value: ' ' }, ...cites(item.cites)] : [])]));
  if (item.text.en?.length) {
    if (out.length) out.push({ type: 'text', value: ' ' });
    out.push(h('span', { className: 'item en', lang: 'en' }, inline(item.text.en)));
  }
  if (!item.text.zh?.length) out.push(...cites(item.cites));
  return out;
}

const headingTag = (level: 1 | 2 | 3 | 4, inSlide: boolean) => `h${Math.min(6, level + (inSlide ? 2 : 1))}`;

export const handlers: Handlers<HtmlContext, ElementContent> = {
  // Until this backend draws passages of its own: the text as a body paragraph.
  passage: (b, ctx) => handlers.paragraph({ type: 'paragraph', lang: 'zh', text: b.text, cites: b.cites, id: b.id }, ctx) as ElementContent[],
  quote: (b, ctx) => unknownBlock(b as never, ctx) as ElementContent[],
  footnotes: (b, ctx) => unknownBlock(b as never, ctx) as ElementContent[],
  title: (b, ctx) => [
    h('div', { className: 'title-block', id: ctx.id(b.id) }, [
      // A deck's one h1 names the deck; on its title slide the title block is a styled paragraph.
      h(ctx.doc.page === 'slide' ? 'p' : 'h1', { className: 'doc-title' }, bi(b.title, 'span')),
      ...(b.subtitle ? [h('p', { className: 'subtitle' }, bi(b.subtitle, 'span'))] : []),
      ...(b.meta.length > 0
        ? [h('dl', { className: 'meta' }, b.meta.map((m) => h('div', [h('dt', bi(m.label, 'span')), h('dd', bi(m.value, 'span'))])))]
        : []),
    ]),
  ],

  heading: (b, ctx) => [h(headingTag(b.level, ctx.doc.page === 'slide'), { id: ctx.id(b.id) }, bi(b.text, 'span'))],

  paragraph: (b, ctx) => [
    h('p', { className: ['para', b.role ?? 'body'], lang: b.lang === 'en' ? 'en' : undefined, id: ctx.id(b.id) }, [
      ...inline(b.text),
      ...cites(b.cites),
    ]),
  ],

  pair: (b, ctx) => [
    h('div', { className: 'pair', id: ctx.id(b.id) }, [
      ...(b.marker ? [h('span', { className: 'marker', ariaHidden: 'true' }, b.marker)] : []),
      h('p', { className: 'zh' }, inline(b.zh)),
      h('p', { className: 'en', lang: 'en' }, inline(b.en)),
      ...(b.cites.length ? [h('p', { className: 'pair-cites' }, cites(b.cites))] : []),
    ]),
  ],

  list: (b, ctx) => [
    h(
      b.ordered ? 'ol' : 'ul',
      { className: 'bi-list', id: ctx.id(b.id) },
      b.items.map((item) => h('li', ctx.doc.page === 'slide' ? slideListItem(item) : [...bi(item.text, 'span', 'item'), ...cites(item.cites)])),
    ),
  ],

  checkItem: (b, ctx) => {
    const id = ctx.id(`check-${b.id}`)!;
    return [
      h('div', { className: 'check-item' }, [
        h('input', { type: 'checkbox', id, dataRec: b.id, checked: b.checked }),
        h('label', { htmlFor: id }, [
          h('span', { className: 'zh' }, inline(b.zh)),
          h('span', { className: 'en', lang: 'en' }, inline(b.en)),
        ]),
        h('p', { className: 'check-meta' }, [
          ...(b.actor ? [h('span', { className: 'tag actor' }, bi(b.actor, 'span'))] : []),
          ...(b.horizon ? [h('span', { className: 'tag horizon' }, bi(b.horizon, 'span'))] : []),
          ...cites(b.cites),
        ]),
      ]),
    ];
  },

  progress: (b, ctx) => {
    const id = ctx.id(b.id ?? 'progress')!;
    return [
      h('div', { className: 'progress', id }, [
        h('p', { id: `${id}-label`, className: 'progress-label' }, [
          ...bi(b.label, 'span'),
          h('span', { className: 'count', role: 'status', ariaLive: 'polite' }, [
            h('span', { className: 'done' }, '0'),
            ' / ',
            h('span', { className: 'total' }, String(b.total)),
          ]),
        ]),
        h('progress', { value: 0, max: b.total, ariaLabelledby: `${id}-label` }),
      ]),
    ];
  },

  table: (b, ctx) => [
    h('div', { className: 'table-wrap', id: ctx.id(b.id) }, [
      h('table', [
        ...(b.caption ? [h('caption', bi(b.caption, 'span'))] : []),
        h('thead', h('tr', b.columns.map((c) => h('th', { scope: 'col' }, bi(c.text, 'span'))))),
        h(
          'tbody',
          b.rows.map((row) =>
            h(
              'tr',
              row.map((cell, i) =>
                h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, [...bi(cell.text, 'span'), ...cites(cell.cites)]),
              ),
            ),
          ),
        ),
      ]),
    ]),
  ],

  callout: (b, ctx) => [
    h('div', { className: ['callout', `callout-${b.tone}`], id: ctx.id(b.id) }, [
      ...(b.title ? [h('p', { className: 'callout-title' }, bi(b.title, 'span'))] : []),
      ...ctx.all(b.children),
    ]),
  ],

  group: (b, ctx) => [h('section', { className: 'group', id: ctx.id(b.id) }, ctx.all(b.children))],

  figure: (b, ctx) => [timeline(b, ctx.id(b.id))],

  slide: (b, ctx) => {
    const id = ctx.id(slideElementId(b.id))!;
    const label = `${b.number} / ${ctx.slideCount}: ${plainText(b.title.zh)}`;
    const frame: Element = h('div', { className: 'slide-frame' }, [
      ...(b.layout === 'title'
        ? [h('h2', { className: 'sr-only' }, bi(b.title, 'span'))]
        : [h('header', { className: 'slide-head' }, h('h2', bi(b.title, 'span')))]),
      h('div', { className: 'slide-body' }, ctx.all(b.children)),
      h('p', { className: 'slide-foot' }, [
        ...bi(ctx.doc.meta.shortTitle, 'span'),
        h('span', { className: 'slide-number' }, `${b.number} / ${ctx.slideCount}`),
      ]),
    ]);
    return [
      h(
        'section',
        {
          className: ['slide', `layout-${b.layout}`, ...(b.density === 'compact' ? ['compact'] : [])],
          id,
          dataNumber: String(b.number),
          dataSlide: b.id,
          ariaRoledescription: 'slide',
          ariaLabel: label,
        },
        [frame, ...(b.notes ? [h('div', { className: 'notes', hidden: true }, [h('p', { className: 'notes-label' }, bi({ zh: [{ text: '备注' }], en: [{ text: 'Notes' }] })), ...bi(b.notes, 'p')])] : [])],
      ),
    ];
  },
};
