/**
 * Lists of the summary, checklist and slides: bilingual items (Chinese, then
 * English, each led by the item's tags), each with its source line and nested
 * blocks. Ordered lists keep their `start`. (The reading edition's lists go through mdast, ../reading.ts.)
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block, ListItem } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText, inline } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine } from './text.js';

/**
 * The item's text, each language led by the item's tag in that language
 * (explicit / inferred: "原文建议" before the Chinese, "From the article"
 * before the English), as the other formats set it.
 */
function itemText(it: ListItem, ctx: HtmlContext): ElementContent[] {
  const parts = bi(it.text, 'span', 'item', ctx.own);
  const tags = it.tags;
  if (!tags || !hasText(tags)) return parts;
  for (const part of parts) {
    if (part.type !== 'element') continue;
    const cls = part.properties.className;
    const classes = Array.isArray(cls) ? cls.map(String) : String(cls ?? '').split(' ');
    const tag = classes.includes('en') ? tags.en : tags.zh;
    if (!tag?.length) continue;
    const lang = classes.includes('en') ? { lang: 'en' } : {};
    part.children.unshift(h('span', { className: 'tag', ...lang }, inline(tag, ctx.own)), { type: 'text', value: ' ' });
  }
  return parts;
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
