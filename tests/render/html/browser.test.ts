/**
 * The pages in a real, offline Chromium: nothing is fetched, the CSP admits
 * the page's own style and script, axe finds no serious violation, the
 * embedded font draws the Chinese, the model's content is on the page in
 * both languages, the checklist keeps its state, and the deck navigates and
 * never overflows its 16:9 frame.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { actorOf, allParagraphs } from '../../../src/model/types.js';
import { openHtml, sharedChromium, writeTemp, type OpenedPage } from '../../helpers/browser.js';
import { renderedPages, type Rendered } from './fixtures.js';
import { renderSite } from '../../../src/pipeline.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = '/tmp/shots';
vi.setConfig({ testTimeout: 120_000 });
const chromium = sharedChromium();
const hasChromium = chromium.available;
const pages = hasChromium ? await renderedPages() : [];

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const file = (p: Rendered) => writeTemp(`${p.name}-${p.product}.html`, p.html);
const norm = (s: string) => s.replace(/\s+/g, ' ');

async function clean(o: OpenedPage) {
  expect(o.requests).toEqual([]);
  expect(o.errors).toEqual([]);
  expect(await o.violations()).toEqual([]);
}

async function axe(page: Page): Promise<string[]> {
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

/** Elements with Chinese text drawn by a font that is not the page's embedded one. */
async function nonEmbeddedCjk(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' });
  const bad: string[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) if (!f.isCustomFont && f.glyphCount > 0) bad.push(`${f.familyName} (${f.glyphCount} glyphs)`);
  }
  await cdp.detach();
  return [...new Set(bad)];
}

describe.skipIf(!hasChromium).each(pages.map((p) => [`${p.name} ${p.product}`, p] as const))('%s in Chromium', (_l, p) => {
  it('loads with no outside request, no error and no CSP violation; axe finds nothing serious', async () => {
    const o = await openHtml(chromium.browser, file(p));
    await clean(o);
    expect(await axe(o.page)).toEqual([]);
    await o.context.close();
  });

  it('draws every glyph with the embedded font', async () => {
    const o = await openHtml(chromium.browser, file(p));
    const status = await o.page.evaluate(() => ({
      faces: [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`),
      zh: document.fonts.check('16px "Noto Sans SC"', '中文'),
    }));
    expect(status.faces.map((f) => f.replace(/"/g, ''))).toEqual(['Noto Sans SC 400 loaded', 'Noto Sans SC 700 loaded']);
    expect(status.zh).toBe(true);
    expect(await nonEmbeddedCjk(o.page)).toEqual([]);
    await o.context.close();
  });

  it('shows the model content in both languages', async () => {
    const o = await openHtml(chromium.browser, file(p));
    const text = norm(await o.page.evaluate(() => document.body.textContent ?? ''));
    const a = p.article;
    const expected =
      p.product === 'summary'
        ? [
            ...a.takeaways.flatMap((t) => [t.text.zh, t.text.en]),
            ...a.sections.flatMap((s) => [s.title.zh, s.title.en, s.summary.zh, s.summary.en]),
            ...a.glossary.flatMap((g) => [g.term, g.name.zh, g.name.en, g.definition.zh, g.definition.en]),
            ...a.timeline.flatMap((e) => [e.text.zh, e.text.en]),
          ]
        : p.product === 'checklist'
          ? a.recommendations.flatMap((r) => [r.text.zh, r.text.en, actorOf(a, r.actor).zh, actorOf(a, r.actor).en])
          : p.product === 'reading'
            ? [...a.sections.flatMap((s) => [s.title.zh, s.title.en]), ...allParagraphs(a).filter((c) => c.kind !== 'table').map((c) => c.text)]
            : [
              ...a.takeaways.flatMap((t) => [t.text.zh, t.text.en]),
              ...a.slides.flatMap((s) => [s.title.zh, s.title.en, s.notes.zh, s.notes.en, ...s.points.flatMap((x) => [x.text.zh, x.text.en])]),
              ...a.glossary.flatMap((g) => [g.term, g.name.zh, g.name.en]),
            ];
    for (const s of expected) expect(text, s).toContain(norm(s));
    expect(text).toContain(a.title.zh);
    expect(text).toContain(a.title.en);
    await o.context.close();
  });

  it('takes screenshots at 1280×800 and 390×844', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const o = await openHtml(chromium.browser, file(p), viewport);
      const name = `${SHOTS}/${p.name}-${p.product}-${viewport.width}`;
      if (p.product === 'slides') {
        const n = await o.page.locator('.slide').count();
        for (let i = 1; i <= n; i++) {
          await o.page.screenshot({ path: `${name}-${String(i).padStart(2, '0')}.png` });
          await o.page.keyboard.press('ArrowRight');
        }
      } else {
        await o.page.screenshot({ path: `${name}.png`, fullPage: true });
        if (viewport.width < 500) {
          const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
        }
      }
      await o.context.close();
    }
  });
});

describe.skipIf(!hasChromium).each(pages.filter((p) => p.product === 'checklist').map((p) => [p.name, p] as const))('checklist %s', (_l, p) => {
  it('keeps ticked items across a reload and counts them', async () => {
    const context = await chromium.browser.newContext({ offline: true });
    const o = await openHtml(chromium.browser, file(p), { width: 1280, height: 800 }, context);
    const total = p.article.recommendations.length;
    const count = () => o.page.locator('.progress .done').textContent();
    expect(await count()).toBe('0');
    expect(await o.page.locator('.progress .total').textContent()).toBe(String(total));
    const first = p.article.recommendations[0];
    const last = p.article.recommendations[total - 1];
    await o.page.getByLabel(first.text.zh.slice(0, 8), { exact: false }).first().check();
    await o.page.locator(`input[data-rec="${last.id}"]`).check();
    const expectedDone = first.id === last.id ? 1 : 2;
    expect(await count()).toBe(String(expectedDone));
    expect(await o.page.locator('progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(expectedDone);

    await o.page.reload();
    expect(await o.page.locator(`input[data-rec="${first.id}"]`).isChecked()).toBe(true);
    expect(await o.page.locator(`input[data-rec="${last.id}"]`).isChecked()).toBe(true);
    expect(await count()).toBe(String(expectedDone));
    const keys = await o.page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toContain(`briefwright:${p.article.slug}:${first.id}`);

    await o.page.locator(`input[data-rec="${first.id}"]`).uncheck();
    await o.page.reload();
    expect(await o.page.locator(`input[data-rec="${first.id}"]`).isChecked()).toBe(first.id === last.id);
    await clean(o);
    await context.close();
  });

  it('prints without the progress bar and with every item', async () => {
    const o = await openHtml(chromium.browser, file(p));
    await o.page.emulateMedia({ media: 'print' });
    expect(await o.page.locator('progress').isVisible()).toBe(false);
    expect(await o.page.locator('.check-item').count()).toBe(p.article.recommendations.length);
    for (const box of await o.page.locator('.check-item').all()) expect(await box.isVisible()).toBe(true);
    await o.context.close();
  });
});

describe.skipIf(!hasChromium).each(pages.filter((p) => p.product === 'slides').map((p) => [p.name, p] as const))('deck %s', (_l, p) => {
  const n = p.doc.blocks.length;
  const state = (page: Page) =>
    page.evaluate(() => ({
      current: [...document.querySelectorAll('.slide')].findIndex((s) => s.classList.contains('current')) + 1,
      visible: [...document.querySelectorAll('.slide')].filter((s) => getComputedStyle(s).display !== 'none').length,
      counter: document.querySelector('.counter')?.textContent,
      hash: location.hash,
    }));

  it('navigates with every key, shows a counter and keeps the slide in the URL', async () => {
    const o = await openHtml(chromium.browser, file(p));
    const expectAt = async (k: number) => {
      expect(await state(o.page)).toEqual({ current: k, visible: 1, counter: `${k} / ${n}`, hash: `#${k}` });
    };
    await expectAt(1);
    const steps: [string, number][] = [
      ['ArrowRight', 2], ['ArrowDown', 3], ['PageDown', 4], ['Space', 5], ['Shift+Space', 4],
      ['ArrowLeft', 3], ['ArrowUp', 2], ['PageUp', 1], ['ArrowLeft', 1], ['End', n], ['ArrowRight', n], ['Home', 1],
    ];
    for (const [key, to] of steps) {
      await o.page.keyboard.press(key);
      await expectAt(Math.min(to, n));
    }
    await o.page.keyboard.press('End');
    await o.page.reload();
    await expectAt(n);
    const second = p.doc.blocks[1];
    await o.page.goto(`${o.url}#${second.id}`);
    await o.page.reload();
    expect((await state(o.page)).current).toBe(2);
    await o.page.locator('.next').click();
    expect((await state(o.page)).current).toBe(3);
    await clean(o);
    await o.context.close();
  });

  it('keeps speaker notes in the DOM, hidden until n is pressed', async () => {
    const o = await openHtml(chromium.browser, file(p));
    expect(await o.page.locator('.notes').count()).toBe(n);
    const notes = o.page.locator('.slide.current .notes');
    expect(await notes.isVisible()).toBe(false);
    await o.page.keyboard.press('n');
    expect(await notes.isVisible()).toBe(true);
    expect(norm((await notes.textContent()) ?? '')).toContain(p.article.slides[0].notes.en);
    await o.page.keyboard.press('n');
    expect(await notes.isVisible()).toBe(false);
    await o.context.close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    it(`fits every slide in its 16:9 frame at ${viewport.width}×${viewport.height}`, async () => {
      const o = await openHtml(chromium.browser, file(p), viewport);
      const overflows: string[] = [];
      for (let k = 1; k <= n; k++) {
        const m = await o.page.evaluate(() => {
          const s = document.querySelector('.slide.current')!;
          const body = s.querySelector('.slide-body')!;
          const frame = s.querySelector('.slide-frame')!;
          const r = s.getBoundingClientRect();
          return {
            id: s.id,
            body: [body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth],
            frame: [frame.scrollHeight - frame.clientHeight, frame.scrollWidth - frame.clientWidth],
            ratio: r.width / r.height,
            inside: r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5,
          };
        });
        overflows.push(...(m.body.some((x) => x > 0) || m.frame.some((x) => x > 0) ? [`${m.id}: body ${m.body} frame ${m.frame}`] : []));
        expect(m.ratio).toBeCloseTo(16 / 9, 2);
        expect(m.inside, `${m.id} inside the viewport`).toBe(true);
        await o.page.keyboard.press('ArrowRight');
      }
      expect(overflows).toEqual([]);
      await o.context.close();
    });
  }

  it('prints one slide per page', async () => {
    const o = await openHtml(chromium.browser, file(p));
    const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(d.numPages).toBe(n);
    const vp = (await d.getPage(1)).getViewport({ scale: 1 });
    expect(vp.width / vp.height).toBeCloseTo(16 / 9, 2);
    await o.context.close();
  });
});

describe.skipIf(!hasChromium)('the site index in Chromium', () => {
  const index = async () => {
    const entries = pages
      .filter((p) => p.product === 'summary')
      .map((p) => ({
        slug: p.article.slug,
        title: p.article.title,
        artifacts: ['summary.html', 'summary.pdf', 'checklist.docx', 'slides.pptx'].map((f, i) => ({ path: `${p.article.slug}/${f}`, product: f.split('.')[0], format: f.split('.')[1], bytes: 150_000 + i })),
      }));
    return writeTemp('index.html', new TextDecoder().decode(await renderSite(entries)));
  };

  it('loads clean, draws with the embedded font, links every file, and fits a phone', async () => {
    const path = await index();
    const o = await openHtml(chromium.browser, path);
    await clean(o);
    expect(await axe(o.page)).toEqual([]);
    expect(await nonEmbeddedCjk(o.page)).toEqual([]);
    const links = await o.page.evaluate(() => [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href')));
    for (const p of pages.filter((x) => x.product === 'summary')) expect(links).toContain(`${p.article.slug}/slides.pptx`);
    await o.context.close();
    const phone = await openHtml(chromium.browser, path, { width: 390, height: 844 });
    await phone.page.screenshot({ path: `${SHOTS}/index-390.png`, fullPage: true });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
    await phone.context.close();
  });
});
