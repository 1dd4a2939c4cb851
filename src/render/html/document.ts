/**
 * A whole self-contained page: the body from the block handlers, a font
 * subset of exactly the glyphs the body uses, the stylesheet and script
 * inline, and a CSP admitting only those by hash.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h, rehypeStringify, unified } from '../../vendor/html.js';
import type { BiInline, Doc } from '../../ir/types.js';
import { formatDate } from '../../theme/format.js';
import { BOLD_CLASSES, BOLD_TAGS, MAX_TITLE } from './constants.js';
import { contentSecurityPolicy } from './csp.js';
import { stylesheet } from './css.js';
import { fontFaceCss } from './fonts.js';
import { createContext } from './handlers.js';
import { bi, plainText } from './inline.js';
import { script } from './scripts.js';

/** Text of a hast tree for each face: all of it for the regular face, text in bold contexts for the bold face. */
export function collectText(nodes: readonly (RootContent | ElementContent)[], bold = false, acc = { regular: '', bold: '' }) {
  for (const n of nodes) {
    if (n.type === 'text') {
      acc.regular += n.value;
      if (bold) acc.bold += n.value;
    } else if (n.type === 'element') {
      if (n.tagName === 'style' || n.tagName === 'script') continue;
      const cls = n.properties?.className;
      const classes = Array.isArray(cls) ? cls.map(String) : [];
      const b = bold || BOLD_TAGS.has(n.tagName) || classes.some((c) => BOLD_CLASSES.has(c));
      collectText(n.children, b, acc);
    }
  }
  return acc;
}

/** The window title: the Chinese title, or the short title when the full one is long. */
export function pageTitle(doc: Doc): string {
  const full = plainText(doc.meta.title.zh) || plainText(doc.meta.title.en);
  return [...full].length <= MAX_TITLE ? full : plainText(doc.meta.shortTitle.zh) || plainText(doc.meta.shortTitle.en);
}
const text = (zh: string, en: string): BiInline => ({ zh: [{ text: zh }], en: [{ text: en }] });

/** Top-level section headings with ids, for the table of contents. */
function tocEntries(main: ElementContent[]): { id: string; label: ElementContent[] }[] {
  const out: { id: string; label: ElementContent[] }[] = [];
  for (const n of main) {
    if (n.type === 'element' && n.tagName === 'h2' && typeof n.properties?.id === 'string') {
      out.push({ id: n.properties.id, label: structuredClone(n.children) });
    }
  }
  return out;
}

function a4Body(doc: Doc): Element {
  const ctx = createContext(doc);
  const [first, ...rest] = doc.blocks;
  const headBlocks = first?.type === 'title' ? [first] : [];
  const mainBlocks = first?.type === 'title' ? rest : doc.blocks;
  const header = ctx.all(headBlocks);
  const main = ctx.all(mainBlocks);
  const toc = tocEntries(main);
  const footer = footerLines(doc);
  return h('body', [
    h('div', { className: 'page', dataArticle: doc.meta.articleId }, [
      h('header', header),
      ...(toc.length > 1
        ? [
            h('nav', { className: 'toc', ariaLabel: '目录 Contents' }, [
              h('ol', toc.map((t) => h('li', h('a', { href: `#${t.id}` }, t.label)))),
            ]),
          ]
        : []),
      h('main', main),
      ...(footer.length > 0 ? [h('footer', footer)] : []),
    ]),
  ]);
}

/** The page footer of an article's Doc (one with a date): its author and date, and what the ¶ marks mean. */
function footerLines(doc: Doc): Element[] {
  if (!doc.meta.date) return [];
  const date = formatDate(doc.meta.date);
  return [
    h('p', bi(text(`${doc.meta.author} · ${date.zh}`, `${date.en}`), 'span')),
    h('p', bi(text('¶ 后为所引原文段落的编号。', '¶ gives the id of the cited paragraph of the source.'), 'span')),
  ];
}

function slidesBody(doc: Doc): Element {
  const ctx = createContext(doc);
  const slides = ctx.all(doc.blocks);
  return h('body', { className: 'deck-page', dataArticle: doc.meta.articleId }, [
    h('header', { className: 'sr-only' }, h('h1', bi(doc.meta.title, 'span'))),
    h('main', { className: 'deck' }, slides),
    h('footer', { className: 'toolbar' }, [
      h('nav', { ariaLabel: '幻灯片导航 Slide navigation' }, [
        h('button', { type: 'button', className: 'prev' }, [h('span', { ariaHidden: 'true' }, '‹'), h('span', { className: 'sr-only' }, '上一张 Previous')]),
        h('span', { className: 'counter', ariaLive: 'polite' }, `1 / ${ctx.slideCount}`),
        h('button', { type: 'button', className: 'next' }, [h('span', { ariaHidden: 'true' }, '›'), h('span', { className: 'sr-only' }, '下一张 Next')]),
        h('button', { type: 'button', className: 'toggle-notes', title: 'N' }, [h('span', '备注 '), h('span', { lang: 'en' }, 'Notes')]),
      ]),
    ]),
  ]);
}

/** Render a Doc to a complete, self-contained HTML page. */
export async function renderHtml(doc: Doc): Promise<string> {
  const body = doc.page === 'slide' ? slidesBody(doc) : a4Body(doc);
  const glyphs = collectText([body]);
  const css = stylesheet(doc.product, await fontFaceCss(glyphs.regular, glyphs.bold));
  const js = script(doc.product);
  if (js) body.children.push(h('script', [{ type: 'text', value: js }]));
  return serialise(doc.meta.lang, pageTitle(doc), css, js, body, {
    description: doc.meta.subject,
    author: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
  });
}

/** Wrap a body into a page with head, CSP, inline style, and serialise it. */
export function serialise(
  lang: string,
  title: string,
  css: string,
  js: string | null,
  body: Element,
  meta: Record<string, string> = {},
): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy(css, js) }),
          h('title', title),
          ...Object.entries(meta)
            .filter(([, v]) => v)
            .map(([name, content]) => h('meta', { name, content })),
          h('style', [{ type: 'text', value: css }]),
        ]),
        body,
      ]),
    ],
  };
  return unified().use(rehypeStringify, { upperDoctype: true }).stringify(tree) + '\n';
}
