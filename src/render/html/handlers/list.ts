/**
 * Lists of the summary, checklist and slides: bilingual items (Chinese, then
 * English, each led by the item's tags), each with its source line and nested
 * blocks. Ordered lists keep their `start`. (The reading edition's lists go through mdast, ../reading.ts.)
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block, Inline, ListItem } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine } from './text.js';

/**
 * The item's text, each language led by the item's tag in that language
 * (explicit / inferred: "原文建议" before the Chinese, "From the article"
 * before the English) as a tag run, as the other formats set it.
 */
function itemText(it: ListItem, ctx: HtmlContext): ElementContent[] {
  const tags = it.tags;
  if (!tags || !hasText(tags)) return bi(it.text, 'span', 'item', ctx.own);
  const led = (tag: Inline | undefined, text: Inline | undefined): Inline | undefined =>
    tag?.length && text?.length ? [...tag.map((s) => ({ ...s, role: 'tag' as const })), { text: ' ' }, ...text] : text;
  return bi({ zh: led(tags.zh, it.text.zh), en: led(tags.en, it.text.en) }, 'span', 'item', ctx.own);
}

function item(it: ListItem, ctx: HtmlContext): ElementContent {
  return h('li', { id: ctx.id(it.id) }, [
    ...(hasText(it.text) ? itemText(it, ctx) : []),
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
