/**
 * Page-level checks without a browser: valid HTML, a CSP whose hashes match
 * the inline style and script, nothing fetched from outside the file,
 * language marks, reproducible bytes, and font subsets that hold exactly the
 * glyphs the page needs (read back with fontkit).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import * as fontkit from 'fontkit';
import { renderHtml } from '../../../src/render/html/index.js';
import { renderSite } from '../../../src/pipeline.js';
import { BASE_CHARS } from '../../../src/render/html/constants.js';
import { rawElement, renderedPages } from './fixtures.js';

const pages = await renderedPages();
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const unescape = (s: string) => s.replace(/&#x27;/g, "'").replace(/&#x26;/g, '&').replace(/&quot;/g, '"');

function fontFaces(css: string): { weight: number; font: fontkit.Font }[] {
  return [...css.matchAll(/font-weight:(\d+);[^}]*url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    weight: Number(m[1]),
    font: fontkit.create(Buffer.from(m[2], 'base64')) as fontkit.Font,
  }));
}

describe.each(pages.map((p) => [`${p.name} ${p.product}`, p] as const))('%s', (_label, p) => {
  it('passes html-validate with no error', async () => {
    const report = await validator.validateString(p.html);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('admits by CSP exactly its inline style and script, by sha256', () => {
    const csp = unescape(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(p.html)![1]);
    const style = rawElement(p.html, 'style')!;
    const script = rawElement(p.html, 'script');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(script === null ? "script-src 'none'" : `script-src ${hash(script)}`);
    expect(csp).toContain('font-src data:');
    expect(p.html.match(/<style>/g)).toHaveLength(1);
    expect((p.html.match(/<script>/g) ?? []).length).toBe(p.product === 'summary' || p.product === 'reading' ? 0 : 1);
    expect(p.html).not.toMatch(/\sstyle="/);
    expect(p.html).not.toMatch(/\son[a-z]+="/);
  });

  it('loads nothing from outside the file and links only to safe targets', () => {
    expect(p.html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/);
    expect(p.html).not.toMatch(/<script\s[^>]*src=/);
    const urls = [...rawElement(p.html, 'style')!.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith('data:font/woff2;base64,')).toBe(true);
    expect(rawElement(p.html, 'style')).not.toMatch(/@import/);
    for (const [, href] of p.html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(?:https?:\/\/|mailto:|#)/);
  });

  it('is Chinese as a whole with lang="en" on the English text', () => {
    expect(p.html).toMatch(/^<!DOCTYPE html><html lang="zh-Hans">/);
    const en = [...p.html.matchAll(/<[a-z0-9]+ class="[^"]*\ben\b[^"]*"([^>]*)>/g)];
    expect(en.length).toBeGreaterThan(0);
    for (const m of en) expect(m[1]).toContain('lang="en"');
  });

  it('renders the same bytes twice', async () => {
    expect(await renderHtml(p.doc)).toBe(p.html);
  });

  it('embeds regular and bold subsets holding every character of the page text and little else', () => {
    const css = rawElement(p.html, 'style')!;
    const faces = fontFaces(css);
    expect(faces.map((f) => f.weight).sort()).toEqual([400, 700]);
    const body = p.html.slice(p.html.indexOf('<body'));
    const text = body.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, '').replace(/&#x26;/g, '&').replace(/&#x3C;/g, '<');
    const needed = new Set([...text].filter((c) => !/\s/.test(c)));
    const regular = faces.find((f) => f.weight === 400)!.font;
    for (const ch of needed) expect(regular.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // A subset: far fewer glyphs than the full face, and not a CJK character the page does not use.
    // (Layout closure keeps alternates of the used glyphs, so allow some slack.)
    expect(regular.numGlyphs).toBeLessThan(3 * (needed.size + BASE_CHARS.length));
    const unused = [...'龘靐齉爩'].find((c) => !needed.has(c))!;
    expect(regular.hasGlyphForCodePoint(unused.codePointAt(0)!)).toBe(false);
  });
});

describe('landing page', async () => {
  const entries = pages
    .filter((p) => p.product === 'summary')
    .map((p) => ({
      slug: p.article.slug,
      title: p.article.title,
      artifacts: ['summary', 'checklist', 'slides'].flatMap((product, i) =>
        ['html', 'pdf', 'docx', ...(product === 'slides' ? ['pptx'] : [])].map((format, j) => ({
          path: `${p.article.slug}/${product}.${format}`,
          format,
          product,
          bytes: 1000 * (i + 1) * (j + 7) + 17,
        })),
      ),
    }));
  const renderLanding = async (e: typeof entries) => new TextDecoder().decode(await renderSite(e));
  const html = await renderLanding(entries);

  it('is valid, self-contained and under a hash CSP', async () => {
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => m.message))).toEqual([]);
    const csp = unescape(/content="(default-src[^"]+)"/.exec(html)![1]);
    expect(csp).toContain(`style-src ${hash(rawElement(html, 'style')!)}`);
    expect(html).not.toMatch(/<(?:link|img|script)\b/);
  });

  it('lists every artifact of every article with its size', () => {
    for (const e of entries) {
      expect(html).toContain(`id="${e.slug}"`);
      for (const a of e.artifacts) {
        // Each product's files in one cell: the format a link, then its size.
        const row = new RegExp(`<a href="${a.path.replace(/[.]/g, '\\.')}">([A-Z]+)</a>\u00A0([^<·]+?)(?: · |</span>)`).exec(html);
        expect(row, a.path).not.toBeNull();
        expect(row![1]).toBe(a.format.toUpperCase());
        expect(row![2]).toBe(`${(a.bytes / 1024).toFixed(1)} KB`);
      }
    }
  });

  it('is reproducible and independent of entry order', async () => {
    expect(await renderLanding([...entries].reverse())).toBe(html);
  });

  it('lists artifacts product by product (summary, checklist, slides), each html, pdf, docx, pptx', () => {
    for (const e of entries) {
      const shuffled = [...e.artifacts].sort((a, b) => b.bytes - a.bytes);
      const page = html.slice(html.indexOf(`id="${e.slug}"`));
      const order = [...page.matchAll(/<a href="[^"#]+\/([a-z]+)\.([a-z]+)">/g)].map((m) => `${m[1]}.${m[2]}`);
      const expected = ['summary', 'checklist', 'slides'].flatMap((p) =>
        ['html', 'pdf', 'docx', 'pptx'].map((f) => `${p}.${f}`).filter((name) => shuffled.some((a) => a.path.endsWith(`/${name}`))),
      );
      expect(order.slice(0, expected.length)).toEqual(expected);
    }
  });

  it('links the font licence the build ships beside it, with bilingual words kept apart', () => {
    expect(html).toMatch(/<p class="para note" lang="en">[^<]+<a href="fonts\/OFL\.txt">fonts\/OFL\.txt<\/a><\/p>/);
    expect(html).toMatch(/<p class="para note">所有文件均可离线阅读/);
  });
});
