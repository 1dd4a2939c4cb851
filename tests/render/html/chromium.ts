/** What the HTML tests ask of a page in Chromium: axe, a clean load, the faces that drew each node. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import type { OpenedPage } from '../../helpers/browser.js';
import type { Rendered } from './fixtures.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SHOTS = '/tmp/shots';
export const norm = (s: string) => s.replace(/\s+/g, ' ');

/** The page written where its links to the article's other products resolve: `<tmp>/<set>/<product>.html`. */
export function fileOf(p: Pick<Rendered, 'name' | 'product' | 'html'>): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'briefwright-html-'));
  const file = path.join(dir, p.product === 'index' ? `index-${p.name}.html` : path.join(p.name, `${p.product}.html`));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, p.html);
  return file;
}
let dir: string | null = null;

export async function clean(o: OpenedPage) {
  expect(o.requests).toEqual([]);
  expect(o.errors).toEqual([]);
  expect(await o.violations()).toEqual([]);
}

/** axe's serious and critical violations. */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The page's CSP refuses injected scripts; evaluate the source instead (DevTools evaluation bypasses CSP).
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

export interface Fonts {
  /** Faces not embedded in the page that drew glyphs (must be none). */
  system: string[];
  /** English elements (own text without Han) any of whose glyphs the CJK face drew. */
  englishInCjk: string[];
  /** English elements whose glyphs the Latin face drew. */
  englishInLatin: number;
  /** Chinese elements (own text with Han) any of whose glyphs the Latin face drew. */
  chineseInLatin: string[];
}

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/u;

/** The faces that drew each element's own text (DevTools' platform fonts), by the element's language. */
export async function fontsOf(page: Page): Promise<Fonts> {
  // Mark every element with its language and own text for the DevTools queries below.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      // DevTools reports the faces of an element's whole subtree: leave out elements holding text of the other language.
      const lang = el.closest('[lang]')?.getAttribute('lang') === 'en' ? 'en' : 'zh';
      if (!own || (lang === 'zh' && el.querySelector('[lang="en"]'))) continue;
      el.setAttribute('data-own-lang', lang);
      el.setAttribute('data-own-text', own.slice(0, 60));
    }
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out: Fonts = { system: [], englishInCjk: [], englishInLatin: 0, chineseInLatin: [] };
  for (const lang of ['en', 'zh']) {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[data-own-lang="${lang}"]` });
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const text = attributes[attributes.indexOf('data-own-text') + 1] ?? '';
      for (const f of fonts) if (!f.isCustomFont && f.glyphCount > 0) out.system.push(`${f.familyName} (${text})`);
      const used = (family: string) => fonts.some((f) => f.isCustomFont && f.familyName === family && f.glyphCount > 0);
      if (lang === 'en') {
        if (used('Noto Sans')) out.englishInLatin++;
        if (!HAN.test(text) && used('Noto Sans SC')) out.englishInCjk.push(text);
      } else if (HAN.test(text) && used('Noto Sans')) out.chineseInLatin.push(text);
    }
  }
  await cdp.detach();
  out.system = [...new Set(out.system)];
  return out;
}

/**
 * Open a page like `openHtml`, letting it navigate to the other pages of its
 * folder (the article's other products): every other request is blocked and
 * recorded.
 */
export async function openSite(browser: Browser, file: string, viewport = { width: 1280, height: 720 }): Promise<OpenedPage> {
  const ctx = await browser.newContext({ viewport, offline: true });
  const page = await ctx.newPage();
  const folder = pathToFileURL(path.dirname(file)).href + '/';
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const u = route.request().url().split('#')[0];
    // A page of the article, perhaps with the query of a range citation (`reading.html?range=a,b`).
    const at = u.replace(/\?range=[^?]*$/, '');
    if (at.startsWith(folder) && at.endsWith('.html') && !at.slice(folder.length).includes('/')) return route.continue();
    requests.push(u);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, context: ctx, url, requests, errors, violations: async () => [] };
}

/** An element's text as the browser drew it: one string per line, read from where each character was drawn. */
export interface DrawnText {
  text: string;
  /** The element's `href`, when it has one. */
  href: string | null;
  lines: string[];
}

/**
 * The drawn lines of every element `selector` matches (elements not drawn
 * are left out). Runs in the page: pass it to `page.evaluate`.
 */
export function drawnLines(selector: string): DrawnText[] {
  const out: DrawnText[] = [];
  for (const e of document.querySelectorAll(selector)) {
    if (e.getClientRects().length === 0) continue;
    const lines: string[] = [];
    let top: number | null = null;
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      for (let i = 0; i < n.data.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = r.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        if (top === null || Math.abs(rect.top - top) > 2) lines.push('');
        top = rect.top;
        lines[lines.length - 1] += n.data[i];
      }
    }
    out.push({ text: e.textContent ?? '', href: e.getAttribute('href'), lines });
  }
  return out;
}
