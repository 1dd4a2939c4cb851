/** Text blocks: the title block, headings, paragraphs, bilingual pairs, callouts and groups. */
import { h } from '../../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { BiInline, Block, Inline } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText, inline, plainText, safeHref } from '../inline.js';
import type { HtmlContext } from './index.js';

type H<K extends Block['type']> = Handler<HtmlContext, K, ElementContent>;

/** Han, kana, hangul and full-width forms: text holding none is Latin-script. */
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/** Whether a language-neutral value (shown once) is Latin-script text, set in the Latin face. */
export function latinOnly(runs: Inline | undefined): boolean {
  const t = plainText(runs);
  return t !== '' && !CJK.test(t);
}

/**
 * A bilingual value. A language-neutral one (the same on both sides) is shown
 * once, in the Latin face when it is Latin-script (a name, an address, a
 * file name).
 */
export function biValue(b: BiInline, ctx: HtmlContext, tag = 'span', className = ''): ElementContent[] {
  const out = bi(b, tag, className, ctx.own);
  if (out.length === 1 && out[0].type === 'element' && !out[0].properties.lang && latinOnly(b.zh ?? b.en)) out[0].properties.lang = 'en';
  return out;
}

/** The source line of a block (cite runs placed by the template), printed small. */
export function sourceLine(source: Inline | undefined, ctx: HtmlContext, tag = 'p'): ElementContent[] {
  return source?.length ? [h(tag, { className: 'source' }, inline(source, ctx.own))] : [];
}

/** Small labels (explicit / inferred), each language as text. */
export function tagList(tags: readonly BiInline[] | undefined, ctx: HtmlContext): ElementContent[] {
  const list = (tags ?? []).filter(hasText);
  return list.length ? [h('span', { className: 'tags' }, list.map((t) => h('span', { className: 'tag' }, bi(t, 'span', '', ctx.own))))] : [];
}

/** The value of a title-block line; the original's title as a <cite>, linked to the original when the Doc gives its address. */
function metaValue(value: BiInline, ctx: HtmlContext): ElementContent[] {
  const source = ctx.doc.meta.source;
  const text = plainText(value.zh) || plainText(value.en);
  if (source?.title && text === source.title) {
    const href = safeHref(source.url);
    const runs = inline(value.zh ?? value.en, ctx.own);
    const linked = href && !(value.zh ?? value.en ?? []).some((s) => s.href || s.ref) ? [h('a', { href }, runs)] : runs;
    return [h('cite', { lang: latinOnly(value.zh ?? value.en) ? 'en' : undefined }, linked)];
  }
  return biValue(value, ctx);
}

/** A value that is one web address, the same in both languages (the original's URL). */
function urlOf(value: BiInline): string | null {
  const runs = value.zh ?? value.en ?? [];
  const same = plainText(value.zh) === plainText(value.en) || !value.zh || !value.en;
  return same && runs.length === 1 && runs[0].href && runs[0].text === runs[0].href && /^https?:\/\//.test(runs[0].text) ? runs[0].text : null;
}

/**
 * A web address as the text of its link, with a break opportunity (<wbr>)
 * after each "/" and before each "?", "&" and "#" of its path: on a narrow
 * screen it wraps between path segments, not inside a word.
 */
function urlText(url: string): ElementContent[] {
  const scheme = /^[a-z]+:\/\/[^/]*/i.exec(url)?.[0] ?? '';
  const out: ElementContent[] = [];
  let text = scheme;
  for (const ch of url.slice(scheme.length)) {
    if (ch === '?' || ch === '&' || ch === '#') {
      out.push({ type: 'text', value: text }, h('wbr'));
      text = '';
    }
    text += ch;
    if (ch === '/') {
      out.push({ type: 'text', value: text }, h('wbr'));
      text = '';
    }
  }
  if (text) out.push({ type: 'text', value: text });
  return out;
}

/** One line of the title block: a web address takes the block's whole width. */
function metaItem(m: { label: BiInline; value: BiInline }, ctx: HtmlContext): ElementContent {
  const url = urlOf(m.value);
  const href = url ? safeHref(url) : undefined;
  const dd = href ? [h('span', { className: 'same', lang: 'en' }, [h('a', { href }, urlText(url!))])] : metaValue(m.value, ctx);
  return h('div', url ? { className: 'meta-wide' } : {}, [h('dt', bi(m.label, 'span', '', ctx.own)), h('dd', dd)]);
}

export const title: H<'title'> = (b, ctx) => {
  const deck = ctx.doc.page === 'slide';
  if (!deck) ctx.outline.splice(0, Infinity, { ir: 0, html: 1 });
  return [
    h('div', { className: 'title-block', id: ctx.id(b.id) }, [
      // A deck's one h1 names the deck; on its title slide the title block is a styled paragraph.
      h(deck ? 'p' : 'h1', { className: 'doc-title' }, bi(b.title, 'span', '', ctx.own)),
      ...(hasText(b.subtitle) ? [h('p', { className: 'subtitle' }, bi(b.subtitle, 'span', '', ctx.own))] : []),
      ...(b.meta.length > 0
        ? [h('dl', { className: 'meta' }, b.meta.map((m) => metaItem(m, ctx)))]
        : []),
    ]),
  ];
};

/** The HTML level of a heading: one under the nearest open heading of a smaller IR level (the page title, a slide's title), never skipping a level. */
export function headingLevel(level: number, ctx: HtmlContext): number {
  while (ctx.outline.length > 1 && ctx.outline[ctx.outline.length - 1].ir >= level) ctx.outline.pop();
  const html = Math.min(6, ctx.outline[ctx.outline.length - 1].html + 1);
  ctx.outline.push({ ir: level, html });
  return html;
}

/** Draw children whose headings close with them: a group's headings do not open a level for what follows the group. */
export function scoped<T>(ctx: HtmlContext, draw: () => T): T {
  const depth = ctx.outline.length;
  const out = draw();
  ctx.outline.splice(depth);
  return out;
}

export const heading: H<'heading'> = (b, ctx) => {
  ctx.lastHeading = plainText(b.text.zh);
  return headingElement(b, ctx);
};

const headingElement: H<'heading'> = (b, ctx) => [h(`h${headingLevel(b.level, ctx)}`, { id: ctx.id(b.id), className: `level-${b.level}` }, bi(b.text, 'span', '', ctx.own))];

export const paragraph: H<'paragraph'> = (b, ctx) => [
  h('p', { className: ['para', b.role ?? 'body'], lang: b.lang === 'en' ? 'en' : undefined, id: ctx.id(b.id) }, inline(b.text, ctx.own)),
];

export const pair: H<'pair'> = (b, ctx) => {
  const foot = [...tagList(b.tags ? [b.tags] : [], ctx), ...sourceLine(b.source, ctx, 'span')];
  return [
    h('div', { className: ['pair', ...(b.marker ? ['has-marker'] : [])], id: ctx.id(b.id) }, [
      ...(b.marker ? [h('span', { className: 'marker' }, b.marker)] : []),
      h('p', { className: 'zh' }, inline(b.zh, ctx.own)),
      h('p', { className: 'en', lang: 'en' }, inline(b.en, ctx.own)),
      ...(foot.length ? [h('p', { className: 'pair-foot' }, foot)] : []),
    ]),
  ];
};

export const callout: H<'callout'> = (b, ctx) => [
  h('div', { className: ['callout', `callout-${b.tone}`], id: ctx.id(b.id) }, [
    ...(hasText(b.title) ? [h('p', { className: 'callout-title' }, bi(b.title, 'span', '', ctx.own))] : []),
    ...ctx.all(b.children),
  ]),
];

export const group: H<'group'> = (b, ctx) => {
  const children = scoped(ctx, () => ctx.all(b.children));
  const titled = b.children.some((c) => c.type === 'heading');
  return [h(titled ? 'section' : 'div', { className: 'group', id: ctx.id(b.id) }, children)];
};
