/**
 * The timeline figure as an accessible CSS layout: an ordered list of events
 * drawn along an axis (horizontal on wide screens and slides, vertical on a
 * phone), each with a machine-readable <time> and bilingual labels.
 */
import { h } from '../../vendor/html.js';
import type { Element } from 'hast';
import type { TimelineFigure } from '../../ir/types.js';
import { bi, cites } from './inline.js';

export function timeline(fig: TimelineFigure, id: string | undefined): Element {
  return h('figure', { className: 'timeline', id }, [
    h('figcaption', bi(fig.caption, 'span')),
    h(
      'ol',
      { className: 'events' },
      fig.events.map((e) =>
        h('li', { className: 'event' }, [
          h('time', { className: 'date', dateTime: e.date }, bi(e.dateLabel, 'span')),
          h('span', { className: 'dot', ariaHidden: 'true' }),
          h('div', { className: 'event-text' }, [...bi(e.text, 'p'), ...cites(e.cites)]),
        ]),
      ),
    ),
  ]);
}
