/**
 * The checklist: an item is a labelled checkbox keyed on the recommendation
 * (the page's script saves its state), with its labels (explicit /
 * inferred) as text, its actor and horizon when the item shows them itself,
 * and its source line. On a slide the item has an empty box drawn instead of
 * a control. The done/total counter is a screen-only block (the print
 * stylesheet leaves it out even when the Doc does not say so).
 */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Block } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText, inline, plainText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { sourceLine, tagList } from './text.js';

type H<K extends Block['type']> = Handler<HtmlContext, K, ElementContent>;

export const checkItem: H<'checkItem'> = (b, ctx) => {
  // The item's number (the one the summary and the reading edition's notes name) leads its text.
  const number = b.marker ? [h('span', { className: 'marker' }, b.marker), ' '] : [];
  const text = [...number, h('span', { className: 'zh' }, inline(b.zh, ctx.own)), ' ', h('span', { className: 'en', lang: 'en' }, inline(b.en, ctx.own))];
  const meta: ElementContent[] = [
    ...tagList([...(b.tags ?? []), ...(hasText(b.actor) ? [b.actor] : []), ...(hasText(b.horizon) ? [b.horizon] : [])], ctx),
    ...sourceLine(b.source, ctx, 'span'),
  ];
  const metaLine = meta.length ? [h('p', { className: 'check-meta' }, meta)] : [];
  if (ctx.doc.page === 'slide') {
    return [h('div', { className: 'check-item static', id: ctx.id(b.id) }, [h('span', { className: 'box' }), h('p', { className: 'check-text' }, text), ...metaLine])];
  }
  const box = ctx.id(`check-${b.id}`)!;
  return [
    h('div', { className: 'check-item', id: ctx.id(b.id) }, [
      h('input', { type: 'checkbox', id: box, dataRec: b.id, checked: b.checked }),
      h('label', { htmlFor: box, className: b.marker ? 'has-marker' : undefined }, text),
      ...metaLine,
    ]),
  ];
};

/**
 * The done/total counter, and the control that clears every tick: hidden
 * until the page's script runs (without it the button would do nothing),
 * disabled while nothing is ticked, asking before it clears.
 */
export const progress: H<'progress'> = (b, ctx) => {
  const id = ctx.id(b.id ?? 'progress')!;
  const question = b.reset ? [plainText(b.reset.confirm.zh), plainText(b.reset.confirm.en)].filter(Boolean).join(' ') : '';
  const reset = b.reset
    ? [h('button', { type: 'button', className: 'reset', hidden: true, dataConfirm: question || undefined }, bi(b.reset.label, 'span', '', ctx.own))]
    : [];
  return [
    h('div', { className: 'progress', id }, [
      h('p', { id: `${id}-label`, className: 'progress-label' }, [
        ...bi(b.label, 'span', '', ctx.own),
        h('span', { className: 'count', role: 'status', ariaLive: 'polite' }, [
          h('span', { className: 'done' }, '0'),
          ' / ',
          h('span', { className: 'total' }, String(b.total)),
        ]),
      ]),
      ...reset,
      h('progress', { value: 0, max: b.total, ariaLabelledby: `${id}-label` }),
    ]),
  ];
};
