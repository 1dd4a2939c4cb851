/**
 * Page-level checks without a browser, read back with independent readers
 * (html-validate, parse5, fontkit): valid HTML, a CSP whose hashes match the
 * inline style and script, nothing fetched from outside the file, links only
 * to safe targets, language marks, reproducible bytes, no text that is not
 * in the Doc, and font subsets (the CJK face for all text, the Latin face for
 * English text) that hold exactly the glyphs the page needs.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import * as fontkit from 'fontkit';
import { renderHtml } from '../../../src/render/html/index.js';
import { renderSite } from '../../../src/pipeline.js';
import { BASE_CHARS } from '../../../src/render/html/constants.js';
import { fromArticles, rawElement, renderedPages } from './fixtures.js';
import { docStrings, readPage } from './dom.js';

const pages = await renderedPages();
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const unescape = (s: string) => s.replace(/&#x27;/g, "'").replace(/&#x26;/g, '&').replace(/&quot;/g, '"');
/** Links a page may hold: the web, mail, its own anchors, another product of the article, a file of the site. */
const SAFE = /^(?:https?:\/\/|mailto:|#|(?:summary|checklist|slides|reading)\.html(?:\?range=[\w.~%-]+,[\w.~%-]+)?#[^#\s]+$|[\w.~%-]+(?:\/[\w.~%-]+)*$)/;
const HAN = /[\u3400-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/u;

interface Face {
  family: string;
  weight: number;
  style: string;
  font: fontkit.Font;
}

function fontFaces(css: string): Face[] {
  return [...css.matchAll(/@font-face\{font-family:"([^"]+)";font-style:(\w+);font-weight:(\d+);[^}]*url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    family: m[1],
    style: m[2],
    weight: Number(m[3]),
    font: fontkit.create(Buffer.from(m[4], 'base64')) as fontkit.Font,
  }));
}

describe.each(pages.map((p) => [`${p.name} ${p.product}`, p] as const))('%s', (_label, p) => {
  const page = readPage(p.html);

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
    expect((p.html.match(/<script>/g) ?? []).length).toBe(p.product === 'checklist' || p.product === 'slides' || p.product === 'reading' ? 1 : 0);
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
    for (const e of page.elements.filter((x) => 'href' in x.attrs)) expect(e.attrs.href, e.text).toMatch(SAFE);
  });

  it('links within the page only to ids it has', () => {
    for (const e of page.elements.filter((x) => x.attrs.href?.startsWith('#'))) expect(page.ids, e.attrs.href).toContain(decodeURIComponent(e.attrs.href.slice(1)));
  });

  it('is Chinese as a whole with lang="en" on the English text', () => {
    expect(p.html).toMatch(/^<!DOCTYPE html><html lang="zh-Hans">/);
    const en = page.elements.filter((e) => e.classes.includes('en'));
    expect(en.length).toBeGreaterThan(0);
    for (const e of en) expect(e.attrs.lang, e.text).toBe('en');
  });

  it('renders the same bytes twice', async () => {
    expect(await renderHtml(p.doc)).toBe(p.html);
  });

  it('prints no text that is not in the Doc (besides slide numbers, counters, the deck controls, the reading edition’s notes buttons and the link back to the index)', () => {
    const strings = docStrings(p.doc);
    const control = (a: { tag: string; classes: string[] }) => a.classes.includes('toolbar') || a.classes.includes('count') || (a.tag === 'nav' && a.classes.includes('site')) || (a.tag === 'button' && a.classes.includes('notes-toggle'));
    const invented = page.texts
      .filter((t) => !t.ancestors.some(control))
      .map((t) => t.value.trim())
      .filter((v) => v !== '' && !/^\d+ \/ \d+$/.test(v) && v !== '↑');
    // A text node is a Doc string, a part of one (a run split at a line break) or adjacent runs merged.
    const runs = strings.replace(/\u0000/g, '');
    expect(invented.filter((v) => !runs.includes(v))).toEqual([]);
    for (const word of ['¶ 后为', '备注', 'Notes', 'Progress 0']) if (!strings.includes(word)) expect(page.bodyText.replace(/演讲备注 Speaker notes/, '').replace(/旁注（\d+） Notes \(\d+\)/g, '')).not.toContain(word);
    // A notes button gives the number of notes its list holds.
    for (const b of page.elements.filter((e) => e.tag === 'button' && e.classes.includes('notes-toggle'))) {
      const id = b.attrs['aria-controls'];
      expect(page.elements.filter((e) => e.tag === 'ul' && e.attrs.id === id), `the list ${id}`).toHaveLength(1);
      const n = page.elements.filter((e) => e.classes.includes('margin-note') && e.ancestors[0]?.attrs.id === id).length;
      expect(n).toBeGreaterThan(0);
      expect(b.text).toBe(`旁注（${n}） Notes (${n})`);
    }
  });

  it('numbers each checklist item as the Doc does (the number the summary and the reading edition’s notes name)', () => {
    const markers: string[] = [];
    const walk = (blocks: readonly (typeof p.doc.blocks)[number][]) => {
      for (const b of blocks) {
        if (b.type === 'checkItem' && b.marker) markers.push(b.marker);
        if ('children' in b && Array.isArray(b.children)) walk(b.children as (typeof p.doc.blocks)[number][]);
      }
    };
    walk(p.doc.blocks);
    const shown = page.elements.filter((e) => e.classes.includes('marker') && e.ancestors.some((a) => a.classes.includes('check-item'))).map((e) => e.text.trim());
    expect(shown).toEqual(markers);
  });

  it('embeds CJK subsets holding every character of the page and Latin subsets holding its English text', () => {
    const faces = fontFaces(rawElement(p.html, 'style')!);
    const cjk = faces.filter((f) => f.family === 'Noto Sans SC');
    const latin = faces.filter((f) => f.family === 'Noto Sans');
    expect(cjk.map((f) => f.weight).sort()).toEqual([400, 700]);
    const needed = new Set([...page.bodyText].filter((ch) => !/\s/.test(ch)));
    const regular = cjk.find((f) => f.weight === 400)!.font;
    for (const ch of needed) expect(regular.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // A subset: far fewer glyphs than the full face, and not a CJK character the page does not use.
    // (Layout closure keeps alternates of the used glyphs, so allow some slack.)
    expect(regular.numGlyphs).toBeLessThan(3 * (needed.size + BASE_CHARS.length));
    const unused = [...'龘靐齉爩'].find((c) => !needed.has(c))!;
    expect(regular.hasGlyphForCodePoint(unused.codePointAt(0)!)).toBe(false);
    // English: the Latin face (regular at least) holds every non-Han character of the English text.
    const english = new Set(page.texts.filter((t) => t.lang === 'en').flatMap((t) => [...t.value]).filter((ch) => !/\s/.test(ch) && !HAN.test(ch)));
    expect(english.size).toBeGreaterThan(0);
    const latinRegular = latin.find((f) => f.weight === 400 && f.style === 'normal');
    expect(latinRegular, 'a regular Latin face').toBeDefined();
    for (const ch of english) expect(latinRegular!.font.hasGlyphForCodePoint(ch.codePointAt(0)!), `Latin ${ch}`).toBe(true);
    expect(latinRegular!.font.hasGlyphForCodePoint('中'.codePointAt(0)!)).toBe(false);
    for (const f of latin) expect(f.font.familyName).toBe('Noto Sans');
  });
});

describe('font faces by use', () => {
  it('adds a Latin bold face only for bold English and an italic one only for English emphasis', () => {
    const ks = pages.find((p) => p.name === 'kitchen-sink' && p.product === 'summary')!;
    const faces = fontFaces(rawElement(ks.html, 'style')!).filter((f) => f.family === 'Noto Sans');
    expect(faces.map((f) => `${f.weight} ${f.style}`).sort()).toEqual(['400 italic', '400 normal', '700 normal']);
    const bold = faces.find((f) => f.weight === 700)!.font;
    // The English title (a bold h1) is in the bold face.
    expect([...'From Client'].every((ch) => bold.hasGlyphForCodePoint(ch.codePointAt(0)!))).toBe(true);
  });
});

describe('landing page', async () => {
  const entries = fromArticles(pages)
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
    const page = readPage(html);
    for (const e of entries) {
      expect(page.ids).toContain(e.slug);
      for (const a of e.artifacts) {
        const link = page.elements.find((x) => x.tag === 'a' && x.attrs.href === a.path);
        expect(link, a.path).toBeDefined();
        const row = link!.ancestors.find((x) => x.tag === 'tr')!;
        expect(row.text).toContain(`${(a.bytes / 1024).toFixed(1)}\u00A0KB`);
      }
    }
  });

  it('is reproducible and independent of entry order', async () => {
    expect(await renderLanding([...entries].reverse())).toBe(html);
  });
});
