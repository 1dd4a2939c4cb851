/**
 * Lists of the summary, checklist and slides: bilingual items (Chinese, then
 * English), each with its source line and nested blocks. Ordered lists keep
 * their `start`. (The reading edition's lists go through mdast, ../reading.ts.)
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block, ListItem } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine } from './text.js';

function item(it: ListItem, ctx: HtmlContext): ElementContent {
  return h('li', { id: ctx.id(it.id) }, [
    ...(hasText(it.text) ? bi(it.text, 'span', 'item', ctx.own) : []),
    ...sourceLine(it.source, ctx, 'span'),
    ...ctx.all(it.children ?? []),
  ]);
}

export const list: Handler<HtmlContext, 'list', ElementContent> = (b: Extract<Block, { type: 'list' }>, ctx) => [
  h(
    b.ordered ? 'ol' : 'ul',
    { className: 'bi-list', id: ctx.id(b.id), start: b.ordered && b.start !== undefined && b.start !== 1 ? b.start : undefined },
    b.items.map((it) => item(it, ctx)),
  ),
];
