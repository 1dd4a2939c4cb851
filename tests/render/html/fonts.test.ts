/**
 * Faces per language, read back from Chromium: English text is drawn by the
 * embedded Latin face (Noto Sans) and never by the CJK face unless it holds
 * Han; Chinese text never by the Latin face; an apostrophe or a curly quote in
 * English is a proportional Latin glyph (narrower than half an em), while a
 * Han character is a full em.
 */
import { describe, expect, it, vi } from 'vitest';
import { openHtml, sharedChromium } from '../../helpers/browser.js';
import { fileOf, fontsOf } from './chromium.js';
import { renderedPages } from './fixtures.js';

vi.setConfig({ testTimeout: 180_000 });
const chromium = sharedChromium();
const hasChromium = chromium.available;
const pages = hasChromium ? await renderedPages() : [];

describe.skipIf(!hasChromium)('faces per language in Chromium', () => {
  describe.each(pages.map((p) => [`${p.name} ${p.product}`, p] as const))('%s', (_l, p) => {
    it('sets English in the Latin face and Chinese in the CJK face', async () => {
      const o = await openHtml(chromium.browser, fileOf(p), { width: 1280, height: 720 });
      // The deck shows one slide at a time: in reading mode every slide is laid out.
      if (p.product === 'slides') await o.page.setViewportSize({ width: 390, height: 844 });
      const faces = await o.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.style}`));
      expect(faces).toContain('Noto Sans 400 normal');
      expect(faces).toContain('Noto Sans SC 400 normal');
      const f = await fontsOf(o.page);
      expect(f.system).toEqual([]);
      expect(f.englishInLatin).toBeGreaterThan(0);
      expect(f.englishInCjk, 'English drawn with the CJK face').toEqual([]);
      expect(f.chineseInLatin, 'Chinese drawn with the Latin face').toEqual([]);
      await o.context.close();
    });

    it('draws an apostrophe or a curly quote in English narrower than half an em, a Han character a full em', async () => {
      const o = await openHtml(chromium.browser, fileOf(p), { width: 1280, height: 720 });
      if (p.product === 'slides') await o.page.setViewportSize({ width: 390, height: 844 });
      const widths = await o.page.evaluate(() => {
        const measure = (lang: 'en' | 'zh', test: RegExp) => {
          const out: { ch: string; em: number }[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n && out.length < 40; n = walker.nextNode()) {
            const el = n.parentElement!;
            if (el.closest('.sr-only') || !el.getClientRects().length) continue;
            const inEn = el.closest('[lang]')?.getAttribute('lang') === 'en';
            if (inEn !== (lang === 'en')) continue;
            const text = n.textContent!;
            for (let i = 0; i < text.length; i++) {
              if (!test.test(text[i])) continue;
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              const w = r.getBoundingClientRect().width;
              if (w > 0) out.push({ ch: text[i], em: w / parseFloat(getComputedStyle(el).fontSize) });
            }
          }
          return out;
        };
        return { quotes: measure('en', /[’‘“”]/), han: measure('zh', /[\u4E00-\u9FFF]/) };
      });
      expect(widths.han.length).toBeGreaterThan(0);
      for (const h of widths.han.slice(0, 10)) expect(h.em, h.ch).toBeGreaterThan(0.9);
      if (p.name !== 'sample' && p.product !== 'index' && p.product !== 'reading') expect(widths.quotes.length, 'English with an apostrophe or a curly quote').toBeGreaterThan(0);
      for (const q of widths.quotes) expect(q.em, `${q.ch} in English`).toBeLessThan(0.5);
      await o.context.close();
    });
  });
});
