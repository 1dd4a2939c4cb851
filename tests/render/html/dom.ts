/**
 * A page read back with a WHATWG parser (parse5), independent of the code
 * that wrote it: elements with their attributes and ancestors, text nodes
 * with the language they are in, ids, and the strings of a Doc.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Doc } from '../../../src/ir/types.js';

type Node = DefaultTreeAdapterMap['node'];
type El = DefaultTreeAdapterMap['element'];

export interface PageEl {
  tag: string;
  attrs: Record<string, string>;
  classes: string[];
  /** Text content. */
  text: string;
  /** Ancestors, nearest first. */
  ancestors: PageEl[];
}

export interface PageText {
  value: string;
  /** The language it is in (nearest `lang`). */
  lang: string;
  ancestors: PageEl[];
}

export interface Page {
  elements: PageEl[];
  texts: PageText[];
  ids: Set<string>;
  /** Text of the body. */
  bodyText: string;
}

const isEl = (n: Node): n is El => 'tagName' in n;

export function readPage(html: string): Page {
  const doc = parse(html);
  const elements: PageEl[] = [];
  const texts: PageText[] = [];
  const ids = new Set<string>();
  const textOf = (n: Node): string =>
    n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n && !(isEl(n) && (n.tagName === 'script' || n.tagName === 'style')) ? n.childNodes.map(textOf).join('') : '';
  const walk = (n: Node, ancestors: PageEl[], lang: string) => {
    if (n.nodeName === '#text') {
      texts.push({ value: (n as DefaultTreeAdapterMap['textNode']).value, lang, ancestors });
      return;
    }
    if (!('childNodes' in n)) return;
    let here = ancestors;
    let l = lang;
    if (isEl(n)) {
      if (n.tagName === 'script' || n.tagName === 'style') return;
      const attrs = Object.fromEntries(n.attrs.map((a) => [a.name, a.value]));
      const el: PageEl = { tag: n.tagName, attrs, classes: (attrs.class ?? '').split(/\s+/).filter(Boolean), text: textOf(n), ancestors };
      elements.push(el);
      if (attrs.id) ids.add(attrs.id);
      if (attrs.lang) l = attrs.lang;
      here = [el, ...ancestors];
    }
    const children = isEl(n) && n.tagName === 'template' ? [] : n.childNodes;
    for (const c of children) walk(c, here, l);
  };
  walk(doc, [], '');
  const body = elements.find((e) => e.tag === 'body');
  return { elements, texts, ids, bodyText: body?.text ?? '' };
}

/** Every string a Doc holds (span texts, markers, marks, labels, numbers of slides), joined by NUL. */
export function docStrings(doc: Doc): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (['text', 'marker', 'mark', 'label'].includes(key)) out.push(v);
    } else if (typeof v === 'number') {
      if (key === 'number' || key === 'total') out.push(String(v));
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(doc.blocks, '');
  walk(doc.meta.title, '');
  walk(doc.meta.shortTitle, '');
  return `\u0000${out.join('\u0000')}\u0000`;
}
