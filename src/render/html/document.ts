/**
 * A whole self-contained page: the body from the block handlers (the reading
 * edition's body through mdast and remark-rehype), font subsets of exactly the
 * glyphs the body uses in each face, the stylesheet and script inline, and a
 * CSP admitting only those by hash. The page prints only what the Doc says.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h, rehypeStringify, unified } from '../../vendor/html.js';
import type { Block, Doc } from '../../ir/types.js';
import type { LatinStyle } from '../../fonts/index.js';
import { BOLD_CLASSES, BOLD_TAGS, CONTROLS, ITALIC_TAGS, MAX_TITLE, SITE_INDEX_HREF } from './constants.js';
import { contentSecurityPolicy } from './csp.js';
import { stylesheet } from './css/index.js';
import { dateColumnRules } from './css/timeline.js';
import { fontFaceCss, type FaceText } from './fonts.js';
import { createContext } from './handlers/index.js';
import { dateColumnWidths } from './handlers/timeline.js';
import { bi, plainText } from './inline.js';
import { bodyToHast } from './reading.js';
import { script } from './scripts.js';

const classesOf = (n: Element): string[] => {
  const cls = n.properties?.className;
  return Array.isArray(cls) ? cls.map(String) : typeof cls === 'string' ? String(cls).split(' ') : [];
};

/**
 * Text of a hast tree for each face: all of it for the CJK regular face, text
 * in bold contexts for the CJK bold face, and the English text (under
 * `lang="en"`) for the Latin styles: all of it regular, its bold, italic and
 * bold italic contexts for the other three.
 */
export function collectText(
  nodes: readonly (RootContent | ElementContent)[],
  ctx = { bold: false, italic: false, en: false },
  acc: FaceText = { regular: '', bold: '', latin: { regular: '', bold: '', italic: '', boldItalic: '' } },
): FaceText {
  for (const n of nodes) {
    if (n.type === 'text') {
      acc.regular += n.value;
      if (ctx.bold) acc.bold += n.value;
      if (ctx.en) {
        const style: LatinStyle = ctx.bold ? (ctx.italic ? 'boldItalic' : 'bold') : ctx.italic ? 'italic' : 'regular';
        acc.latin.regular += n.value;
        if (style !== 'regular') acc.latin[style] += n.value;
      }
    } else if (n.type === 'element') {
      if (n.tagName === 'style' || n.tagName === 'script') continue;
      const classes = classesOf(n);
      const lang = n.properties?.lang;
      collectText(
        n.children,
        {
          bold: ctx.bold || BOLD_TAGS.has(n.tagName) || classes.some((c) => BOLD_CLASSES.has(c)),
          italic: ctx.italic || ITALIC_TAGS.has(n.tagName),
          en: typeof lang === 'string' ? lang === 'en' : ctx.en,
        },
        acc,
      );
    }
  }
  return acc;
}

/** The window title: the Chinese title, or the short title when the full one is long. */
export function pageTitle(doc: Doc): string {
  const full = plainText(doc.meta.title.zh) || plainText(doc.meta.title.en);
  return [...full].length <= MAX_TITLE ? full : plainText(doc.meta.shortTitle.zh) || plainText(doc.meta.shortTitle.en);
}

/** Every h2 with an id, in document order, for the contents list. */
function tocEntries(nodes: readonly ElementContent[], out: { id: string; label: ElementContent[] }[] = []) {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    if (n.tagName === 'h2' && typeof n.properties?.id === 'string' && !classesOf(n).some((c) => c.startsWith('media-'))) {
      out.push({ id: n.properties.id, label: structuredClone(n.children) });
    } else if (!classesOf(n).includes('media-print')) tocEntries(n.children, out);
  }
  return out;
}

/**
 * The reading edition's parts: each h2 with what follows it, up to the next
 * h2, as a <section> labelled by its heading (its heading stays in view
 * while the section is read, css.ts).
 */
function sectionise(main: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let current: Element | null = null;
  for (const n of main) {
    if (n.type === 'element' && n.tagName === 'h2') {
      current = h('section', { className: 'part', ariaLabelledby: typeof n.properties.id === 'string' ? n.properties.id : undefined }, [n]);
      out.push(current);
    } else if (current) current.children.push(n);
    else out.push(n);
  }
  return out;
}

function a4Body(doc: Doc): Element {
  const ctx = createContext(doc);
  const [first, ...rest] = doc.blocks;
  const headBlocks = first?.type === 'title' ? [first] : [];
  // The page writes its own contents (nav.toc, below) when it has two headings or more: a contents group of the Doc
  // listing two sections or more is drawn as that, under its id (with one, the group stays and no nav is written).
  const listed = (b: Extract<Block, { type: 'group' }>) => b.children.reduce((n, c) => n + (c.type === 'list' ? c.items.length : 0), 0);
  const contents = doc.blocks.find((b): b is Extract<Block, { type: 'group' }> => b.type === 'group' && !!b.contents && listed(b) >= 2);
  const mainBlocks = (first?.type === 'title' ? rest : doc.blocks).filter((b) => b !== contents);
  const header = ctx.all(headBlocks);
  const main = doc.product === 'reading' ? sectionise(bodyToHast(mainBlocks, ctx)) : ctx.all(mainBlocks);
  const toc = tocEntries(main);
  // An article's page leads back to the site's index, which lists every article and file.
  const site =
    doc.product === 'index'
      ? []
      : [h('nav', { className: 'site', ariaLabel: `${CONTROLS.site.zh} ${CONTROLS.site.en}` }, [h('a', { href: SITE_INDEX_HREF }, [h('span', { className: 'zh' }, `\u2190 ${CONTROLS.site.zh}`), ' ', h('span', { className: 'en', lang: 'en' }, CONTROLS.site.en)])])];
  return h('body', { className: `product-${doc.product}` }, [
    h('div', { className: 'page', dataArticle: doc.meta.articleId || undefined }, [
      ...site,
      h('header', header),
      ...(toc.length > 1
        ? [
            h('nav', { className: 'toc', id: contents ? ctx.id(contents.id) : undefined, ariaLabel: `${CONTROLS.contents.zh} ${CONTROLS.contents.en}` }, [
              h('ol', toc.map((t) => h('li', h('a', { href: `#${t.id}` }, t.label)))),
            ]),
          ]
        : []),
      h('main', main),
    ]),
  ]);
}

function slidesBody(doc: Doc): Element {
  const ctx = createContext(doc);
  const slides = ctx.all(doc.blocks);
  const label = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;
  return h('body', { className: 'deck-page', dataArticle: doc.meta.articleId }, [
    h('header', { className: 'sr-only' }, h('h1', bi(doc.meta.title, 'span', '', doc.product))),
    h('main', { className: 'deck' }, slides),
    h('footer', { className: 'toolbar' }, [
      h('nav', { ariaLabel: label(CONTROLS.navigation) }, [
        h('button', { type: 'button', className: 'prev', ariaLabel: label(CONTROLS.previous) }, [h('span', { ariaHidden: 'true' }, '‹')]),
        h('span', { className: 'counter', ariaLive: 'polite' }, `1 / ${ctx.slideCount}`),
        h('button', { type: 'button', className: 'next', ariaLabel: label(CONTROLS.next) }, [h('span', { ariaHidden: 'true' }, '›')]),
        h('button', { type: 'button', className: 'toggle-notes', ariaPressed: 'false', title: 'N' }, [
          h('span', CONTROLS.notes.zh),
          ' ',
          h('span', { lang: 'en' }, CONTROLS.notes.en),
        ]),
      ]),
    ]),
  ]);
}

/** `<meta>` lines of the head: description, author, keywords, and the original as `dcterms.source`. */
function headMeta(doc: Doc): Record<string, string> {
  const s = doc.meta.source;
  const original = s ? s.url || [s.author, s.title, s.outlet, s.date].filter(Boolean).join(', ') : '';
  return {
    description: doc.meta.subject,
    author: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
    'dcterms.source': original,
  };
}

/** Render a Doc to a complete, self-contained HTML page. */
export async function renderHtml(doc: Doc): Promise<string> {
  const body = doc.page === 'slide' ? slidesBody(doc) : a4Body(doc);
  const css = stylesheet(doc.product, await fontFaceCss(collectText([body])), doc.page === 'slide' ? dateColumnRules(dateColumnWidths(doc.blocks)) : '');
  const js = script(doc.product);
  if (js) body.children.push(h('script', [{ type: 'text', value: js }]));
  return serialise(doc.meta.lang, pageTitle(doc), css, js, body, headMeta(doc));
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
