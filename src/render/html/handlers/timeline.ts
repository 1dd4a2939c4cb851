/**
 * The timeline figure as an accessible CSS layout: an ordered list of events
 * drawn along an axis (on pages: horizontal on wide screens, in even rows
 * of at most six events, vertical on a phone; on a slide: a row per event, as
 * the template measured it and the PDF and PPTX draw it), each with a machine-readable <time>, bilingual labels, its
 * certainty note and its source line. Each event's id is its anchor.
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block, TimelineFigure } from '../../../ir/types.js';
import { timelineDateWidth } from '../../../theme/fit.js';
import type { Handler } from '../../state.js';
import { bi, hasText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine } from './text.js';
import { captionShown } from './table.js';

/** At most this many events side by side; more go on further rows of equal length. */
export const MAX_EVENTS_A_ROW = 6;

/** Columns of the axis: every event in one row, or as few rows as hold MAX_EVENTS_A_ROW each, as even as can be. */
export function eventColumns(n: number): number {
  return n <= MAX_EVENTS_A_ROW ? Math.max(1, n) : Math.ceil(n / Math.ceil(n / MAX_EVENTS_A_ROW));
}

/** On a slide: the class naming the width of the figure's date column, in slide points, as the template measured it. */
export function dateColumnClass(fig: TimelineFigure): string {
  return `dw-${timelineDateWidth(fig)}`;
}

/** The date-column widths (slide points) of every timeline of a deck's slides. */
export function dateColumnWidths(blocks: readonly Block[]): number[] {
  return blocks.flatMap((b) => (b.type === 'figure' ? [timelineDateWidth(b)] : 'children' in b && Array.isArray(b.children) ? dateColumnWidths(b.children) : []));
}

export const figure: Handler<HtmlContext, 'figure', ElementContent> = (fig: Extract<Block, { type: 'figure' }>, ctx) => [
  h('figure', { className: 'timeline', id: ctx.id(fig.id) }, [
    ...(hasText(fig.caption) ? [h('figcaption', { className: captionShown(fig.caption, ctx) ? ['shown'] : undefined }, bi(fig.caption, 'span', '', ctx.own))] : []),
    h(
      'ol',
      { className: ctx.doc.page === 'slide' ? ['events', dateColumnClass(fig)] : ['events', `cols-${eventColumns(fig.events.length)}`] },
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
