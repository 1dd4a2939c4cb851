import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Block, Doc } from '../../../src/ir/types.js';
import { bi, cites, safeHref, span } from '../../../src/render/html/inline.js';
import { createContext, handlers, slideElementId } from '../../../src/render/html/handlers.js';
import { contentSecurityPolicy, sha256 } from '../../../src/render/html/csp.js';
import { glyphSet } from '../../../src/render/html/fonts.js';
import { collectText } from '../../../src/render/html/document.js';
import { artifactHref } from '../../../templates/landing.js';
import { createHash } from 'node:crypto';
import { summary } from '../../../templates/summary.js';
import { sampleArticle } from '../../helpers/sample-article.js';

const doc: Doc = summary(sampleArticle);
const html = (b: Block) => toHtml({ type: 'root', children: createContext(doc).one(b) });

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
  it('prints citations as ¶ id', () => {
    expect(toHtml({ type: 'root', children: cites(['a-1', 'b-2']) })).toMatch(/¶ a-1.*¶ b-2/);
    expect(cites([])).toEqual([]);
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
  it('renders a check item as a labelled checkbox keyed on the recommendation', () => {
    const out = html({ type: 'checkItem', id: 'rec-9', zh: [{ text: '做' }], en: [{ text: 'Do' }], actor: {}, horizon: {}, checked: false, cites: ['p-1'] });
    expect(out).toMatch(/<input type="checkbox" id="check-rec-9" data-rec="rec-9">/);
    expect(out).toMatch(/<label for="check-rec-9">/);
  });
  it('shifts heading levels below the page h1', () => {
    expect(html({ type: 'heading', level: 1, text: { zh: [{ text: '一' }] }, cites: [] })).toMatch(/^<h2>/);
    expect(html({ type: 'heading', level: 3, text: { zh: [{ text: '三' }] }, cites: [] })).toMatch(/^<h4>/);
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
  it('collects all text for the regular face and bold contexts for the bold face', () => {
    const t = collectText([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '常' }, { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: '粗' }] }] }]);
    expect(t.regular).toBe('常粗');
    expect(t.bold).toBe('粗');
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

describe('slide density and ids', () => {
  const doc = (density?: 'compact'): Doc => ({
    product: 'slides',
    page: 'slide',
    meta: { articleId: 'a', title: {}, shortTitle: {}, author: '', subject: '', keywords: [], date: '2025-01-01', lang: 'zh-Hans' },
    blocks: [{ type: 'slide', id: 'slide-evolution', number: 1, layout: 'content', title: { zh: [{ text: '标题' }] }, children: [], cites: [], ...(density ? { density } : {}) }],
  });
  const html = (d: Doc) => toHtml(createContext(d).one(d.blocks[0]));
  it('marks a compact slide with the compact class and a normal one without it', () => {
    expect(html(doc('compact'))).toMatch(/class="slide layout-content compact"/);
    expect(html(doc())).toMatch(/class="slide layout-content"/);
  });
  it('does not double the slide- prefix of an outline id', () => {
    expect(html(doc())).toContain('id="slide-evolution"');
    expect(slideElementId('bluf')).toBe('slide-bluf');
  });
});
