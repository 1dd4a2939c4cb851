/**
 * Every page in a real, offline Chromium: nothing is fetched, the CSP admits
 * the page's own style and script, axe finds no serious violation, the
 * embedded faces draw every glyph (Chinese in Noto Sans SC, English in Noto
 * Sans), the model's content is on the page in both languages, no page
 * scrolls sideways at 390 or 1280 px, and the checklist keeps its state.
 * Screenshots of every page at 1280×720 and 390×844 go to /tmp/shots.
 * (The reading edition and the deck have files of their own.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actorOf, allParagraphs } from '../../../src/model/types.js';
import { openHtml, sharedChromium } from '../../helpers/browser.js';
import { axe, clean, drawnLines, fileOf, fontsOf, norm, SHOTS } from './chromium.js';
import { fromArticles, renderedPages } from './fixtures.js';

vi.setConfig({ testTimeout: 180_000 });
const chromium = sharedChromium();
const hasChromium = chromium.available;
const pages = hasChromium ? await renderedPages() : [];

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe.skipIf(!hasChromium).each(pages.map((p) => [`${p.name} ${p.product}`, p] as const))('%s in Chromium', (_l, p) => {
  it('loads clean, passes axe, draws every glyph with an embedded face and never scrolls sideways', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      const o = await openHtml(chromium.browser, fileOf(p), viewport);
      await clean(o);
      expect(await axe(o.page), `axe at ${viewport.width}`).toEqual([]);
      const fonts = await fontsOf(o.page);
      expect(fonts.system, 'glyphs drawn by a face that is not embedded').toEqual([]);
      expect(await o.page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '中文'))).toBe(true);
      const overflow = await o.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no horizontal scrolling at ${viewport.width}`).toBeLessThanOrEqual(0);
      const scrollers = await o.page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map((e) => e.className));
      expect(scrollers, `nothing scrolls sideways inside the page at ${viewport.width}`).toEqual([]);
      const name = `${SHOTS}/${p.name}-${p.product}-${viewport.width}`;
      if (p.product !== 'slides') await o.page.screenshot({ path: `${name}.png`, fullPage: true });
      await o.context.close();
    }
  });

  it('has every character it draws in the embedded face of its weight (regular or bold)', async () => {
    // The page's own @font-face subsets, decoded here with fontkit (an independent WOFF2 reader).
    const html = readFileSync(fileOf(p), 'utf8');
    const faces = new Map<string, fontkit.Font>();
    for (const m of html.matchAll(/@font-face\{font-family:"([^"]+)";font-style:(\w+);font-weight:(\d+);[^}]*?base64,([A-Za-z0-9+/=]+)/g)) {
      faces.set(`${m[1]}/${m[2]}/${m[3]}`, fontkit.create(Buffer.from(m[4], 'base64')) as fontkit.Font);
    }
    const cjkRegular = faces.get('Noto Sans SC/normal/400');
    expect(cjkRegular, 'the regular CJK subset').toBeDefined();
    const o = await openHtml(chromium.browser, fileOf(p));
    // Every text node's characters with the weight the browser computes for it (pseudo-element text aside).
    const drawn = await o.page.evaluate(() => {
      const out: { text: string; bold: boolean }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || el.closest('script, style, .sr-only')) continue;
        out.push({ text: n.textContent!, bold: Number(getComputedStyle(el).fontWeight) >= 600 });
      }
      return out;
    });
    await o.context.close();
    const missing = new Set<string>();
    for (const { text, bold } of drawn) {
      const face = faces.get(`Noto Sans SC/normal/${bold ? 700 : 400}`);
      for (const ch of text) {
        // Han text is drawn by the CJK face (English runs have the Latin face first, and Noto Sans has no Han).
        if (!/\p{Script=Han}/u.test(ch)) continue;
        if (!face?.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(`${ch} (${bold ? 'bold' : 'regular'})`);
      }
    }
    expect([...missing], 'Han characters with no glyph in the subset of their weight').toEqual([]);
  });

  // Only pages made from an article have a model to compare with (not the hand-built pages or the index).
  if (p.article) it('shows the model content in both languages', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
    const text = norm(await o.page.evaluate(() => document.body.textContent ?? ''));
    const a = p.article!;
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
          : p.product === 'slides'
            ? [...a.takeaways.flatMap((t) => [t.text.zh, t.text.en]), ...a.slides.flatMap((s) => [s.notes.zh, s.notes.en, ...s.points.flatMap((x) => [x.text.zh, x.text.en])])]
            : p.product === 'reading'
              ? [...a.sections.flatMap((s) => [s.title.zh, s.title.en]), ...allParagraphs(a).filter((c) => c.kind !== 'table').map((c) => c.text)]
              : [...a.sections.flatMap((s) => [s.title.zh, s.title.en])];
    for (const s of expected) expect(text, s).toContain(norm(s));
    expect(text).toContain(a.title.zh);
    expect(text).toContain(a.title.en);
    await o.context.close();
  });
});

describe.skipIf(!hasChromium).each(pages.filter((p) => p.product === 'checklist' && p.article).map((p) => [p.name, p] as const))('checklist %s', (_l, p) => {
  const a = p.article!;
  it('keeps ticked items across a reload and counts them', async () => {
    const context = await chromium.browser.newContext({ offline: true });
    const o = await openHtml(chromium.browser, fileOf(p), { width: 1280, height: 800 }, context);
    const total = a.recommendations.length;
    const count = () => o.page.locator('.progress .done').textContent();
    expect(await count()).toBe('0');
    expect(await o.page.locator('.progress .total').textContent()).toBe(String(total));
    const first = a.recommendations[0];
    const last = a.recommendations[total - 1];
    await o.page.getByLabel(first.text.zh.slice(0, 8), { exact: false }).first().check();
    await o.page.locator(`input[data-rec="${last.id}"]`).check();
    const expectedDone = first.id === last.id ? 1 : 2;
    expect(await count()).toBe(String(expectedDone));
    // A ticked item is struck through in both languages.
    const struck = await o.page.locator(`input[data-rec="${last.id}"] + label`).evaluate((l) => [...l.querySelectorAll('.zh, .en')].map((e) => getComputedStyle(e).textDecorationLine));
    expect(struck.length).toBeGreaterThanOrEqual(2);
    expect(struck.every((d) => d.includes('line-through')), struck.join(', ')).toBe(true);
    expect(await o.page.locator('progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(expectedDone);

    await o.page.reload();
    expect(await o.page.locator(`input[data-rec="${first.id}"]`).isChecked()).toBe(true);
    expect(await o.page.locator(`input[data-rec="${last.id}"]`).isChecked()).toBe(true);
    expect(await count()).toBe(String(expectedDone));
    const keys = await o.page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toContain(`briefwright:${a.slug}:${first.id}`);

    await o.page.locator(`input[data-rec="${first.id}"]`).uncheck();
    await o.page.reload();
    expect(await o.page.locator(`input[data-rec="${first.id}"]`).isChecked()).toBe(first.id === last.id);
    await clean(o);
    await context.close();
  });

  it('clears every tick on request, after asking, and the clearing lasts a reload', async () => {
    const context = await chromium.browser.newContext({ offline: true });
    const o = await openHtml(chromium.browser, fileOf(p), { width: 390, height: 844 }, context);
    const reset = o.page.locator('.progress button.reset');
    expect(await reset.isVisible()).toBe(true);
    expect(await reset.textContent()).toMatch(/全部清除.*Clear all/u);
    expect(await reset.isDisabled(), 'nothing ticked yet').toBe(true);
    const ids = a.recommendations.slice(0, 3).map((r) => r.id);
    for (const id of ids) await o.page.locator(`input[data-rec="${id}"]`).check();
    expect(await reset.isDisabled()).toBe(false);
    // Declined: nothing changes.
    const questions: string[] = [];
    o.page.once('dialog', (d) => (questions.push(d.message()), void d.dismiss()));
    await reset.click();
    expect(questions[0]).toMatch(/清除全部勾选.*Clear every tick/u);
    expect(await o.page.locator('.progress .done').textContent()).toBe(String(ids.length));
    // Accepted: every box empty, the counter at 0, nothing saved for this article.
    o.page.once('dialog', (d) => void d.accept());
    await reset.click();
    for (const id of ids) expect(await o.page.locator(`input[data-rec="${id}"]`).isChecked(), id).toBe(false);
    expect(await o.page.locator('.progress .done').textContent()).toBe('0');
    expect(await o.page.locator('progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(0);
    expect(await reset.isDisabled()).toBe(true);
    expect(await o.page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), `briefwright:${a.slug}:`)).toEqual([]);
    await o.page.reload();
    for (const id of ids) expect(await o.page.locator(`input[data-rec="${id}"]`).isChecked(), `${id} after reload`).toBe(false);
    // The control sits in the counter's bar, inside the phone's width.
    const box = await reset.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await clean(o);
    await context.close();
  });

  it('lands a link to an item below the sticky counter, on a phone and a wide screen', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
      const o = await openHtml(chromium.browser, fileOf(p), viewport);
      for (const rec of [a.recommendations[Math.floor(a.recommendations.length / 2)], a.recommendations[a.recommendations.length - 1]]) {
        await o.page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), rec.id);
        const at = await o.page.evaluate((id) => ({ item: document.getElementById(id)!.getBoundingClientRect().top, bar: document.querySelector('.progress')!.getBoundingClientRect().bottom }), rec.id);
        // The last item may stop higher (the page ends), never under the bar.
        expect(at.item, `${viewport.width}px: ${rec.id} below the counter`).toBeGreaterThanOrEqual(at.bar);
      }
      await o.context.close();
    }
  });

  it('prints every item with an empty box and no progress counter', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
    await o.page.emulateMedia({ media: 'print' });
    expect(await o.page.locator('.progress').isVisible()).toBe(false);
    expect(await o.page.locator('progress').isVisible()).toBe(false);
    expect(await o.page.locator('.check-item').count()).toBe(a.recommendations.length);
    for (const box of await o.page.locator('.check-item').all()) expect(await box.isVisible()).toBe(true);
    await o.context.close();
  });
});

describe.skipIf(!hasChromium)('print-only and screen-only blocks', () => {
  const ks = pages.filter((p) => p.name === 'kitchen-sink');
  it('hides print-only blocks on screen and shows them in print; screen-only the other way round', async () => {
    const summary = ks.find((p) => p.product === 'summary')!;
    const o = await openHtml(chromium.browser, fileOf(summary));
    const visible = () => o.page.evaluate(() => [...document.querySelectorAll('.media-print')].map((e) => getComputedStyle(e).display !== 'none'));
    expect(await o.page.locator('.media-print').count()).toBeGreaterThan(1);
    expect(new Set(await visible())).toEqual(new Set([false]));
    await o.page.emulateMedia({ media: 'print' });
    expect(new Set(await visible())).toEqual(new Set([true]));
    await o.context.close();
    const checklist = ks.find((p) => p.product === 'checklist')!;
    const c = await openHtml(chromium.browser, fileOf(checklist));
    expect(await c.page.locator('.progress.media-screen').isVisible()).toBe(true);
    await c.page.emulateMedia({ media: 'print' });
    expect(await c.page.locator('.progress.media-screen').isVisible()).toBe(false);
    await c.context.close();
  });
});

describe.skipIf(!hasChromium)('the summary on a phone', () => {
  it.each(fromArticles(pages).filter((p) => p.product === 'summary' && p.article.glossary.length > 0).map((p) => [p.name, p] as const))('%s: the glossary is stacked cards under 600 px, a table above', async (_n, p) => {
    for (const [width, cards] of [[390, true], [1280, false]] as const) {
      const o = await openHtml(chromium.browser, fileOf(p), { width, height: 844 });
      const layout = await o.page.evaluate(() => {
        const t = document.querySelector('table.stack')!;
        const rows = [...t.querySelectorAll('tbody tr')].slice(0, 2).map((r) => r.getBoundingClientRect());
        const cells = [...t.querySelectorAll('tbody tr:first-child > *')].map((c) => c.getBoundingClientRect());
        return { rowWidth: rows[0].width, tableWidth: t.getBoundingClientRect().width, cellsStacked: cells.every((c, i) => i === 0 || c.top >= cells[i - 1].bottom - 1) };
      });
      expect(layout.cellsStacked, `cells stacked at ${width}`).toBe(cards);
      if (cards) expect(layout.rowWidth).toBeGreaterThan(layout.tableWidth * 0.9);
      await o.context.close();
    }
  });
});

describe.skipIf(!hasChromium)('Chinese last lines', () => {
  const real = fromArticles(pages).filter((p) => ['us-japan-acquisition', 'allied-cloud-interoperability'].includes(p.name) && (p.product === 'summary' || p.product === 'checklist'));

  it('no paragraph of a real summary or checklist ends with one Chinese character alone on its last line, at 1280 or 390', async () => {
    expect(real.length).toBeGreaterThanOrEqual(4);
    for (const p of real) {
      for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
        const o = await openHtml(chromium.browser, fileOf(p), viewport);
        // Each Chinese text block's last line, as the browser drew it: one ideograph, with or without the punctuation that closes it.
        const lone = (await o.page.evaluate(drawnLines, 'main :is(p, li, dd, td, .zh)'))
          .filter((d) => /[\u4e00-\u9fff]/.test(d.text) && d.lines.length >= 2 && /^[\u4e00-\u9fff][。，、；：！？”）]?$/.test(d.lines[d.lines.length - 1].trim()))
          .map((d) => `…${d.text.slice(-12)}`);
        expect(lone, `${p.name} ${p.product} at ${viewport.width}`).toEqual([]);
        await o.context.close();
      }
    }
  });
});

describe.skipIf(!hasChromium)('the title block on a phone', () => {
  const real = fromArticles(pages).filter((p) => ['us-japan-acquisition', 'allied-cloud-interoperability'].includes(p.name) && p.doc.page === 'a4');

  it('breaks the original’s address only between its parts (after "/" or "-"), on a line of its own, and keeps each English value whole on its line', async () => {
    expect(real.length).toBeGreaterThanOrEqual(6);
    for (const p of real) {
      const o = await openHtml(chromium.browser, fileOf(p), { width: 390, height: 844 });
      // The address's lines as the browser drew them.
      const address = (await o.page.evaluate(drawnLines, 'header dl.meta a[href^="http"]')).find((d) => d.text === d.href);
      const got = await o.page.evaluate(() => {
        const link = [...document.querySelectorAll('header dl.meta a[href^="http"]')].find((a) => a.textContent === a.getAttribute('href'));
        const item = link?.closest('dl.meta > div');
        const dl = item?.parentElement;
        // English values of a line or less: each drawn on one line.
        const split = [...document.querySelectorAll('header dl.meta dd > .en')].filter((e) => e.getClientRects().length > 1 && (e as HTMLElement).offsetWidth < (e.closest('dd') as HTMLElement).clientWidth).map((e) => e.textContent);
        return { whole: item && dl ? item.getBoundingClientRect().width / dl.getBoundingClientRect().width : 0, split };
      });
      const lines = address?.lines ?? [];
      expect(address?.href, `${p.name} ${p.product}: the original's address`).toMatch(/^https:\/\//);
      expect(lines.join(''), `${p.name} ${p.product}`).toBe(address!.href);
      for (const line of lines.slice(0, -1)) expect(line, `${p.name} ${p.product}: "${line}" ends inside a word of the address`).toMatch(/[/-]$/);
      expect(got.whole, `${p.name} ${p.product}: the address line spans the title block`).toBeGreaterThan(0.98);
      expect(got.split, `${p.name} ${p.product}: English values broken across lines`).toEqual([]);
      await o.context.close();
    }
  });

  it('starts an English value or label that goes on a line of its own at the left edge of its column, not indented', async () => {
    let wrapped = 0;
    for (const p of real) {
      const o = await openHtml(chromium.browser, fileOf(p), { width: 390, height: 844 });
      const got = await o.page.evaluate(() =>
        [...document.querySelectorAll('header dl.meta :is(dt, dd) > .en')].map((e) => {
          const box = e.getBoundingClientRect();
          const zh = e.parentElement!.querySelector(':scope > .zh')!.getBoundingClientRect();
          return { text: e.textContent, own: box.top >= zh.bottom - 1, indent: box.left - e.parentElement!.getBoundingClientRect().left };
        }),
      );
      for (const g of got.filter((g) => g.own)) {
        wrapped++;
        expect(g.indent, `${p.name} ${p.product}: "${g.text}" on its own line`).toBeLessThan(0.5);
      }
      await o.context.close();
    }
    // The phone's columns are narrow: some English goes on a line of its own (the date, the author's name).
    expect(wrapped).toBeGreaterThan(0);
  });
});
