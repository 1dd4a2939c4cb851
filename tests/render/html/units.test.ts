import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import type { Block, Doc } from '../../../src/ir/types.js';
import { bi, refHref, safeHref, span } from '../../../src/render/html/inline.js';
import { createContext, handlers } from '../../../src/render/html/handlers/index.js';
import { slideElementId } from '../../../src/render/html/handlers/slide.js';
import { contentSecurityPolicy, sha256 } from '../../../src/render/html/csp.js';
import { glyphSet } from '../../../src/render/html/fonts.js';
import { collectText } from '../../../src/render/html/document.js';
import { alignToClass, bodyToHast, irToMdast } from '../../../src/render/html/reading.js';
import { artifactHref } from '../../../templates/landing.js';
import { createHash } from 'node:crypto';
import { summary } from '../../../templates/summary.js';
import { sampleArticle } from '../../helpers/sample-article.js';
import { readingDoc, slidesDoc } from './kitchen-sink.js';

const doc: Doc = summary(sampleArticle);
const html = (b: Block, d: Doc = doc) => toHtml({ type: 'root', children: createContext(d).one(b) });

describe('inline', () => {
  it('keeps only http(s), mailto and fragment links', () => {
    for (const ok of ['https://csis.org/x', 'http://a.b', 'mailto:x@y.z', '#tk-1']) expect(safeHref(ok)).toBe(ok);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', '//evil', 'file:///etc/passwd', undefined])
      expect(safeHref(bad)).toBeNull();
    expect(toHtml(span({ text: 'x', href: 'javascript:alert(1)' }))).toBe('x');
  });
  it('escapes text so markup in content stays text', () => {
    const out = toHtml(span({ text: '<script>alert("&")</script>', strong: true }));
    expect(out).not.toContain('<script');
    expect(out.startsWith('<strong>')).toBe(true);
  });
  it('marks English with lang="en" and shows a language-neutral string once', () => {
    const two = toHtml({ type: 'root', children: bi({ zh: [{ text: '中' }], en: [{ text: 'En' }] }) });
    expect(two).toMatch(/<span class="zh">中<\/span> <span class="en" lang="en">En<\/span>/);
    const one = toHtml({ type: 'root', children: bi({ zh: [{ text: 'CSIS' }], en: [{ text: 'CSIS' }] }) });
    expect(one.match(/CSIS/g)).toHaveLength(1);
  });
  it('resolves a ref to #anchor in the same product and to <product>.html#anchor across products', () => {
    expect(refHref({ product: 'reading', anchor: 'intro-1' }, 'reading')).toBe('#intro-1');
    expect(refHref({ product: 'reading', anchor: 'intro-1', local: 'src-intro-1' }, 'summary')).toBe('reading.html#intro-1');
    expect(refHref({ product: 'checklist', anchor: 'a b' }, 'reading')).toBe('checklist.html#a%20b');
    // A range across products says its ends in the query; within the page (or a range of one) it is the anchor alone.
    expect(refHref({ product: 'reading', anchor: 'p-2', last: 'p 5' }, 'summary')).toBe('reading.html?range=p-2,p%205#p-2');
    expect(refHref({ product: 'reading', anchor: 'p-2', last: 'p-5' }, 'reading')).toBe('#p-2');
    expect(refHref({ product: 'reading', anchor: 'p-2', last: 'p-2' }, 'summary')).toBe('reading.html#p-2');
  });
  it('draws a citation as a small link, a footnote reference raised, a term and a tag by class', () => {
    expect(toHtml(span({ text: '¶3.2', role: 'cite', ref: { product: 'reading', anchor: 'p-3' } }, 'summary'))).toBe('<a href="reading.html#p-3" class="cite">¶3.2</a>');
    expect(toHtml(span({ text: '1', role: 'noteref', ref: { product: 'summary', anchor: 'fn-1' } }, 'summary'))).toBe('<sup class="noteref-sup"><a href="#fn-1" class="noteref">1</a></sup>');
    expect(toHtml(span({ text: 'DICAS', role: 'term' }))).toBe('<span class="term">DICAS</span>');
    expect(toHtml(span({ text: '推断', role: 'mark' }))).toBe('<span class="run-mark">推断</span>');
    expect(toHtml(span({ text: 'a\nb' }))).toBe('<span>a<br>b</span>');
  });
});

describe('handlers', () => {
  it('has a handler for every block type of the IR', () => {
    const types: Block['type'][] = ['title', 'heading', 'paragraph', 'pair', 'list', 'checkItem', 'progress', 'table', 'callout', 'group', 'figure', 'slide', 'passage', 'quote', 'footnotes'];
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
  });
  it('keeps the text of an unknown block type and marks it', () => {
    const out = html({ type: 'mystery', cites: [], text: [{ text: '未知 & <b>' }] } as unknown as Block);
    expect(out).toContain('data-block-type="mystery"');
    expect(out).toContain('未知 &#x26; &#x3C;b>');
  });
  it('gives repeated ids a suffix so ids stay unique', () => {
    const ctx = createContext(doc);
    expect([ctx.id('a'), ctx.id('a'), ctx.id('a'), ctx.id(undefined)]).toEqual(['a', 'a-2', 'a-3', undefined]);
  });
  it('renders a check item as a labelled checkbox keyed on the recommendation, anchored at its id, its labels as text', () => {
    const out = html({ type: 'checkItem', id: 'rec-9', zh: [{ text: '做' }], en: [{ text: 'Do' }], tags: [{ zh: [{ text: '原文建议' }], en: [{ text: 'Article’s own' }] }], checked: false, cites: ['p-1'] });
    expect(out).toMatch(/<div class="check-item" id="rec-9"><input type="checkbox" id="check-rec-9" data-rec="rec-9">/);
    expect(out).toMatch(/<label for="check-rec-9">/);
    expect(out).toContain('<span class="tag"><span class="zh">原文建议</span> <span class="en" lang="en">Article’s own</span></span>');
    expect(out).not.toContain('p-1');
  });
  it('never prints a block’s cites by itself', () => {
    const out = html({ type: 'pair', zh: [{ text: '中' }], en: [{ text: 'En' }], cites: ['secret-id'] });
    expect(out).not.toContain('secret-id');
    expect(out).not.toContain('¶');
  });
  it('shifts heading levels below the page h1 and never skips a level', () => {
    const ctx = createContext(doc);
    const levels = ([1, 3, 3, 2, 4, 1] as const).map((level) => toHtml({ type: 'root', children: ctx.one({ type: 'heading', level, text: { zh: [{ text: 'x' }] }, cites: [] }) }).slice(0, 3));
    expect(levels).toEqual(['<h2', '<h3', '<h3', '<h3', '<h4', '<h2']);
  });
  it('does not let a group’s inner headings deepen the next group’s heading', () => {
    const ctx = createContext(doc);
    const group = (zh: string): Block => ({
      type: 'group',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: { zh: [{ text: zh }] }, cites: [] },
        { type: 'group', cites: [], children: [{ type: 'heading', level: 3, text: { zh: [{ text: '立即' }] }, cites: [] }] },
      ],
    });
    const out = toHtml({ type: 'root', children: [...ctx.one(group('甲')), ...ctx.one(group('乙'))] });
    expect([...out.matchAll(/<(h\d)[ >]/g)].map((m) => m[1])).toEqual(['h2', 'h3', 'h2', 'h3']);
  });
  it('marks print-only and screen-only blocks by class', () => {
    expect(html({ type: 'paragraph', lang: 'zh', media: 'print', text: [{ text: '印' }], cites: [] })).toMatch(/^<p class="para body media-print">/);
    expect(html({ type: 'progress', media: 'screen', total: 2, label: {}, cites: [] })).toMatch(/^<div class="progress media-screen"/);
  });
  it('keeps the table alignment as classes, not the obsolete attribute', () => {
    const out = html({ type: 'table', columns: [{ text: { zh: [{ text: 'a' }] } }, { text: { zh: [{ text: 'b' }] }, align: 'right' }], rows: [[{ text: { zh: [{ text: '1' }] } }, { text: { zh: [{ text: '2' }] } }]], cites: [] });
    expect(out).toContain('<td class="align-right">');
    expect(out).not.toMatch(/\salign=/);
  });
  it('draws a slide with its source line, its notes and their sources, its part', () => {
    const d = slidesDoc();
    const split = d.blocks.find((b) => b.type === 'slide' && b.part?.index === 1)!;
    const out = toHtml({ type: 'root', children: createContext(d).one(split) });
    expect(out).toMatch(/^<section class="slide layout-checklist" id="slide-recommendations" data-number="7" data-slide="slide-recommendations" data-part="1\/2"/);
    expect(out).toMatch(/<\/section><div class="notes" data-for="slide-recommendations"><p class="zh">第7张的演讲备注。<\/p><p class="en" lang="en">[^<]+<\/p><p class="source"><a href="reading.html#intro-1" class="cite">¶1.1<\/a><\/p><\/div>/);
    expect(out).toContain('<div class="check-item static" id="srec-1"><span class="box"></span>');
  });
  it('does not double the slide- prefix of an outline id', () => {
    expect(slideElementId('slide-evolution')).toBe('slide-evolution');
    expect(slideElementId('bluf')).toBe('slide-bluf');
  });
});

describe('the reading body through mdast and remark-rehype', () => {
  const d = readingDoc();
  const body = d.blocks.slice(1);
  const ctx = () => createContext(d);

  it('maps passages to custom nodes holding paragraphs, quotes to blockquotes, lists to lists with start, tables to GFM tables', () => {
    const tree = irToMdast(body, { ctx: ctx(), footnoteIds: new Set(['fn-1', 'fn-2']) });
    const types = (nodes: { type: string; children?: unknown[] }[]): string[] => nodes.flatMap((n) => [n.type, ...(Array.isArray(n.children) ? types(n.children as never) : [])]);
    const all = types(tree as never);
    for (const t of ['irPassage', 'paragraph', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'footnoteReference', 'footnoteDefinition', 'strong', 'emphasis', 'link']) expect(all, t).toContain(t);
    const list = tree.find((n) => n.type === 'list') as { start?: number; ordered: boolean };
    expect(list).toMatchObject({ ordered: true, start: 3 });
  });

  it('renders footnotes with the library, anchored at the IR ids where the Doc puts them, numbered as the Doc says', () => {
    const out = toHtml({ type: 'root', children: bodyToHast(body, ctx()) });
    expect(out).toMatch(/<sup class="noteref-sup"><a href="#fn-1" id="fnref-fn-1" data-footnote-ref(?:="")? class="noteref">1<\/a><\/sup>/);
    // Each note numbered by the Doc's label (li value), whatever order the library lists them in.
    expect(out).toMatch(/<section data-footnotes(?:="")? class="footnotes" id="footnotes">\s*<ol>\s*<li id="fn-1" value="1">/);
    expect(out).toContain('<li id="fn-2" value="2">');
    expect(out).not.toContain('footnote-label');
    expect(out).not.toMatch(/>Footnotes</);
    // The footnotes come before the print-only paragraph that follows them in the Doc.
    expect(out.indexOf('data-footnotes')).toBeLessThan(out.indexOf('media-print'));
  });

  it('draws a passage with its mark linking to its anchor and its margin notes linking back', () => {
    const out = toHtml({ type: 'root', children: bodyToHast(body, ctx()) });
    expect(out).toMatch(/<div class="passage" id="intro-1"><a class="passage-mark" href="#intro-1">1\.1<\/a><div class="passage-body"><p><strong>美日同盟<\/strong>/);
    expect(out).toContain('<a class="note-label" href="summary.html#tk-1">');
    expect(out).toContain('<a class="note-label" href="checklist.html#rec-1">');
    expect(out).toMatch(/<ol start="3" id="[^"]*"|<ol[^>]* start="3"/);
  });

  it('turns the align attribute of GFM cells into a class', () => {
    const tree: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'td', properties: { align: 'center' }, children: [] }] };
    alignToClass(tree);
    expect(toHtml(tree)).toBe('<td class="align-center"></td>');
  });
});

describe('fonts and CSP', () => {
  it('glyphSet is the sorted distinct characters plus the base set', () => {
    const g = glyphSet('乙甲甲\n');
    expect([...g].filter((c) => c === '甲')).toHaveLength(1);
    expect(g).toContain('0');
    expect(g).not.toContain('\n');
    const cps = [...g].map((c) => c.codePointAt(0)!);
    expect(cps).toEqual([...cps].sort((a, b) => a - b));
  });
  it('collects all text for the CJK regular face, bold contexts for the bold face, English by style for the Latin faces', () => {
    const t = collectText([
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          { type: 'text', value: '常' },
          { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: '粗' }] },
          {
            type: 'element',
            tagName: 'span',
            properties: { lang: 'en' },
            children: [
              { type: 'text', value: 'a' },
              { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: 'b' }] },
              { type: 'element', tagName: 'em', properties: {}, children: [{ type: 'text', value: 'i' }] },
            ],
          },
        ],
      },
    ]);
    expect(t.regular).toBe('常粗abi');
    expect(t.bold).toBe('粗b');
    expect(t.latin).toEqual({ regular: 'abi', bold: 'b', italic: 'i', boldItalic: '' });
  });
  it('hashes exactly the given text in the CSP', () => {
    const expected = createHash('sha256').update('a{b:c}').digest('base64');
    expect(sha256('a{b:c}')).toBe(`'sha256-${expected}'`);
    const csp = contentSecurityPolicy('a{b:c}', null);
    expect(csp).toContain(`style-src 'sha256-${expected}'`);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toMatch(/^default-src 'none'/);
  });
});

describe('links', () => {
  it('keeps a relative link made of plain path segments and drops one that names a scheme', () => {
    expect(safeHref('us-japan/summary.pdf')).toBe('us-japan/summary.pdf');
    expect(safeHref('a%20b/javascript%3Ax.html')).toBe('a%20b/javascript%3Ax.html');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'a/b:c', '//evil.example/x', '/etc/passwd', 'a b']) expect(safeHref(bad), bad).toBeNull();
  });
  it('encodes artifact paths so they cannot become a scheme', () => {
    expect(artifactHref('a b/javascript:x.html')).toBe('a%20b/javascript%3Ax.html');
  });
});

describe('slide density', () => {
  const doc = (density?: 'compact'): Doc => ({
    product: 'slides',
    page: 'slide',
    meta: { articleId: 'a', title: {}, shortTitle: {}, author: '', subject: '', keywords: [], date: '2025-01-01', lang: 'zh-Hans' },
    blocks: [{ type: 'slide', id: 'slide-evolution', number: 1, layout: 'content', title: { zh: [{ text: '标题' }] }, children: [], cites: [], ...(density ? { density } : {}) }],
  });
  const draw = (d: Doc) => toHtml(createContext(d).one(d.blocks[0]));
  it('marks a compact slide with the compact class and a normal one without it', () => {
    expect(draw(doc('compact'))).toMatch(/class="slide layout-content compact"/);
    expect(draw(doc())).toMatch(/class="slide layout-content"/);
  });
});
