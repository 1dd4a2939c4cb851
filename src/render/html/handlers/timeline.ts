/**
 * The timeline figure as an accessible CSS layout: an ordered list of events
 * drawn along an axis (horizontal on wide screens and slides, vertical on a
 * phone), each with a machine-readable <time>, bilingual labels, its
 * certainty note and its source line. Each event's id is its anchor.
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine } from './text.js';

export const figure: Handler<HtmlContext, 'figure', ElementContent> = (fig: Extract<Block, { type: 'figure' }>, ctx) => [
  h('figure', { className: 'timeline', id: ctx.id(fig.id) }, [
    ...(hasText(fig.caption) ? [h('figcaption', bi(fig.caption, 'span', '', ctx.own))] : []),
    h(
      'ol',
      { className: 'events' },
      fig.events.map((e) =>
        h('li', { className: 'event', id: ctx.id(e.id) }, [
          h('time', { className: 'date', dateTime: e.date }, bi(e.dateLabel, 'span', '', ctx.own)),
          h('span', { className: 'dot' }),
          h('div', { className: 'event-text' }, [
            ...bi(e.text, 'p', '', ctx.own),
            ...(hasText(e.note) ? [h('p', { className: 'event-note' }, bi(e.note, 'span', '', ctx.own))] : []),
            ...sourceLine(e.source, ctx),
          ]),
        ]),
      ),
    ),
  ]),
];
