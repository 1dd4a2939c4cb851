/**
 * The deck in Chromium: keyboard navigation, counter and URL; deep links by
 * slide id (a split slide's outline id and its old `-1` both open the first
 * part); speaker notes and their sources behind the toggle; the type sizes
 * every slide computes at 1280×720 (body >= 16 px, nothing under 12 px) and in
 * reading mode at 390 px; nothing outside its slide box, for both real
 * articles, the kitchen sink and generated article shapes; one slide a page
 * in print. Screenshots of every slide go to /tmp/shots.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { renderHtml } from '../../../src/render/html/index.js';
import { slideSpec } from '../../../src/theme/theme.js';
import { slides as slidesTemplate } from '../../../templates/slides.js';
import { timelineHeight } from '../../../templates/slide-fit.js';
import type { TimelineFigure } from '../../../src/ir/types.js';
import { openHtml, sharedChromium } from '../../helpers/browser.js';
import { clean, fileOf, norm, SHOTS } from './chromium.js';
import { renderedPages, type Rendered } from './fixtures.js';
import { reshape, shape } from './shapes.js';
import { loadRealArticle } from '../../templates/articles.js';

vi.setConfig({ testTimeout: 300_000 });
const chromium = sharedChromium();
const hasChromium = chromium.available;
const decks = hasChromium ? (await renderedPages()).filter((p) => p.product === 'slides') : [];

const state = (page: Page) =>
  page.evaluate(() => ({
    current: [...document.querySelectorAll('.slide')].findIndex((s) => s.classList.contains('current')) + 1,
    visible: [...document.querySelectorAll('.slide')].filter((s) => getComputedStyle(s).display !== 'none').length,
    counter: document.querySelector('.counter')?.textContent,
    hash: location.hash,
  }));

/**
 * Everything that sticks out of the current slide's box (elements and the
 * text inside them), everything of its body that runs into its foot, and its
 * text sizes: `body` for the text of the slide's body and title, `all` for
 * every text the slide shows.
 */
function measure(page: Page, selector = '.slide.current') {
  return page.evaluate((sel) => {
    const out: { id: string; outside: string[]; intoFoot: string[]; sizes: { px: number; text: string; body: boolean }[]; titleRows: number[]; fit: string | null; titlePx: number | null }[] = [];
    for (const s of document.querySelectorAll(sel)) {
      const box = s.getBoundingClientRect();
      const scale = box.width / (s as HTMLElement).offsetWidth || 1;
      const body = s.querySelector('.slide-body');
      const foot = s.querySelector('.slide-foot')?.getBoundingClientRect();
      const outside: string[] = [];
      const intoFoot: string[] = [];
      const sizes: { px: number; text: string; body: boolean }[] = [];
      const hidden = (e: Element) => !!e.closest('.sr-only, .notes');
      const rects: [Element, DOMRect, string][] = [];
      for (const e of s.querySelectorAll('.slide-frame *')) {
        if (hidden(e)) continue;
        rects.push([e, e.getBoundingClientRect(), e.tagName + '.' + e.className]);
      }
      const walker = document.createTreeWalker(s.querySelector('.slide-frame')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement!;
        if (!n.textContent!.trim() || hidden(parent)) continue;
        const r = document.createRange();
        r.selectNodeContents(n);
        rects.push([parent, r.getBoundingClientRect(), `"${n.textContent!.trim().slice(0, 30)}"`]);
        const cs = getComputedStyle(parent);
        // The title slide's label/value rows are body text (read out as the deck opens), as in the PDF and PPTX.
        const small = !!parent.closest('.source, .tag, .run-tag, .run-mark, .marker, .slide-foot, .meta, .subtitle, .para.note, .para.meta, .check-meta, .event-note') && !parent.closest('.layout-title dl.meta');
        sizes.push({ px: parseFloat(cs.fontSize), text: n.textContent!.trim().slice(0, 20), body: !small });
      }
      const tol = 0.5;
      for (const [e, r, label] of rects) {
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - tol || r.top < box.top - tol || r.right > box.right + tol || r.bottom > box.bottom + tol) outside.push(label);
        if (foot && body?.contains(e) && r.bottom > foot.top + tol * scale) intoFoot.push(label);
      }
      // (A slide that fits only at the minimum sizes, fit-2, sets them at the minimum.)
      const titleRows = s.classList.contains('fit-2') ? [] : [...s.querySelectorAll('.layout-title dl.meta :is(dt, dd)')].map((e) => parseFloat(getComputedStyle(e).fontSize));
      const fit = ['fit-1', 'fit-2'].find((f) => s.classList.contains(f)) ?? null;
      const heading = s.querySelector('.layout-title .doc-title, .slide-head h2');
      const titlePx = heading ? parseFloat(getComputedStyle(heading).fontSize) : null;
      out.push({ id: s.id, outside, intoFoot, sizes, titleRows, fit, titlePx });
    }
    return out;
  }, selector);
}

/** Every slide of a deck at 1280×720: nothing outside its box or into its foot, body >= 16 px, nothing under 12 px. */
async function checkDeck(p: Pick<Rendered, 'name' | 'product' | 'html'> & { doc?: Rendered['doc'] }, shots = false, fits: string[] = []): Promise<string[]> {
  const o = await openHtml(chromium.browser, fileOf(p), { width: 1280, height: 720 });
  const n = await o.page.locator('.slide').count();
  const problems: string[] = [];
  for (let k = 1; k <= n; k++) {
    const [m] = await measure(o.page);
    if (m.outside.length) problems.push(`${m.id}: outside its box: ${m.outside.slice(0, 4).join(', ')}`);
    if (m.intoFoot.length) problems.push(`${m.id}: body runs into the foot: ${m.intoFoot.slice(0, 4).join(', ')}`);
    const tiny = m.sizes.filter((x) => x.px < 12);
    if (tiny.length) problems.push(`${m.id}: text under 12 px: ${tiny.map((x) => `${x.text} ${x.px}`).slice(0, 3).join(', ')}`);
    const smallBody = m.sizes.filter((x) => x.body && x.px < 16);
    if (smallBody.length) problems.push(`${m.id}: body text under 16 px: ${smallBody.map((x) => `${x.text} ${x.px}`).slice(0, 3).join(', ')}`);
    if (m.sizes.length === 0) problems.push(`${m.id}: no text measured`);
    // The title slide's rows at the theme's size, as the PDF and PPTX set them (points on the 720-pt slide).
    const rowPx = (slideSpec.title.meta.size * 1280) / slideSpec.width;
    const smallRows = m.titleRows.filter((px) => px < rowPx - 0.5);
    if (smallRows.length) problems.push(`${m.id}: title rows under ${rowPx.toFixed(1)} px: ${smallRows.slice(0, 3).join(', ')}`);
    // Unless the browser had to step it down, the title is at the size the template chose (the PDF's and PPTX's).
    const chosen = (p.doc?.blocks[k - 1] as { titleSize?: { zh: number } } | undefined)?.titleSize;
    if (chosen && !m.fit && Math.abs(m.titlePx! - (chosen.zh * 1280) / slideSpec.width) > 0.5)
      problems.push(`${m.id}: title at ${m.titlePx} px, not the template's ${chosen.zh} pt`);
    if (m.fit) fits.push(`${m.id}: ${m.fit}`);
    if (shots) await o.page.screenshot({ path: `${SHOTS}/${p.name}-slides-1280-${String(k).padStart(2, '0')}.png` });
    await o.page.keyboard.press('ArrowRight');
  }
  await o.context.close();
  return problems;
}

describe.skipIf(!hasChromium).each(decks.map((p) => [p.name, p] as const))('deck %s', (_l, p) => {
  const n = p.doc.blocks.length;

  it('navigates with every key, shows a counter and keeps the slide in the URL', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
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
    await o.page.locator('.prev').click();
    expect((await state(o.page)).current).toBe(n - 1);
    await clean(o);
    await o.context.close();
  });

  it('opens a slide by its id, its element id and its number; a split slide’s outline id and its old “-1” open the first part', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
    const ids = p.doc.blocks.map((b) => (b as { id: string }).id);
    const at = async (hash: string) => {
      await o.page.goto(`${o.url}#${hash}`);
      await o.page.reload();
      return (await state(o.page)).current;
    };
    for (const [k, id] of ids.entries()) {
      expect(await at(id), id).toBe(k + 1);
      expect(await at(id.startsWith('slide-') ? id : `slide-${id}`), id).toBe(k + 1);
    }
    expect(await at(String(Math.min(3, n)))).toBe(Math.min(3, n));
    // Split slides: the first part keeps the outline id (…), the others are …-2, …-3; older links said …-1.
    const firsts = ids.filter((id, k) => ids.includes(`${id}-2`) || (/-1$/.test(id) && ids.includes(id.replace(/-1$/, '-2'))) || ((p.doc.blocks[k] as { part?: { index: number } }).part?.index === 1));
    if (p.name === 'kitchen-sink') expect(firsts).toContain('slide-recommendations');
    for (const id of firsts) {
      const outline = id.replace(/-1$/, '');
      const k = ids.indexOf(id) + 1;
      expect(await at(outline), outline).toBe(k);
      expect(await at(`${outline}-1`), `${outline}-1`).toBe(k);
    }
    await o.context.close();
  });

  it('keeps speaker notes and their sources behind the toggle (N or the button)', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
    const withNotes = p.doc.blocks.filter((b) => b.type === 'slide' && b.notes).length;
    expect(await o.page.locator('.notes').count()).toBe(withNotes);
    const notes = o.page.locator('.slide.current + .notes');
    expect(await notes.isVisible()).toBe(false);
    await o.page.keyboard.press('n');
    expect(await notes.isVisible()).toBe(true);
    // The presenter's panel sits under the slide, which shrinks to make room.
    const [slideBox, notesBox] = [await o.page.locator('.slide.current').boundingBox(), await notes.boundingBox()];
    expect(slideBox!.y + slideBox!.height).toBeLessThanOrEqual(notesBox!.y + 1);
    const first = p.doc.blocks[0];
    if (first.type === 'slide' && first.notes?.en) expect(norm((await notes.textContent()) ?? '')).toContain(norm(first.notes.en.map((s) => s.text).join('')));
    if (first.type === 'slide' && first.notesSource?.length) expect(await notes.locator('a.cite').count()).toBeGreaterThan(0);
    expect(await o.page.locator('.toggle-notes').getAttribute('aria-pressed')).toBe('true');
    await o.page.locator('.toggle-notes').click();
    expect(await notes.isVisible()).toBe(false);
    await o.context.close();
  });

  it('sets every slide at 1280×720 within its box: body >= 16 px, nothing under 12 px, titles at the template’s sizes', async () => {
    const fits: string[] = [];
    expect(await checkDeck(p, true, fits)).toEqual([]);
    // The template measured each slide of a real article to fit: the browser steps none down (the PDF and PPTX do not
    // either). The kitchen sink is IR written by hand, with slides that do not fit on purpose.
    if (p.name !== 'kitchen-sink') expect(fits).toEqual([]);
  });

  it('keeps a timeline\'s dates and a glossary\'s columns in place from one of its slides to the next (1280×720)', async () => {
    const o = await openHtml(chromium.browser, fileOf(p), { width: 1280, height: 720 });
    // Every slide laid out at once (they stack in one place), each measured from its own box.
    const at = await o.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slide')].map((s) => {
        s.style.display = 'block';
        const box = s.getBoundingClientRect();
        const date = s.querySelector('.event .date')?.getBoundingClientRect();
        const text = s.querySelector('.event .event-text')?.getBoundingClientRect();
        const name = s.querySelector('.slide-body table tr > :nth-child(2)')?.getBoundingClientRect();
        return { date: date ? Math.round(date.top - box.top) : null, text: text ? Math.round(text.left - box.left) : null, name: name ? Math.round(name.left - box.left) : null };
      }),
    );
    const slides = p.doc.blocks.filter((b) => b.type === 'slide');
    let compared = 0;
    slides.forEach((s, i) => {
      const continued = i > 0 && s.type === 'slide' && (s.title.zh ?? []).map((r) => r.text).join('').endsWith('续）') && slides[i - 1].type === 'slide' && (slides[i - 1] as typeof s).layout === s.layout;
      if (!continued || (s.layout !== 'timeline' && s.layout !== 'glossary')) return;
      for (const key of s.layout === 'timeline' ? (['date', 'text'] as const) : (['name'] as const))
        expect(at[i][key], `${p.name} slide ${i + 1} (${s.layout}) ${key} against slide ${i}`).toBe(at[i - 1][key]);
      compared++;
    });
    if (p.name.includes('us-japan')) expect(compared).toBeGreaterThanOrEqual(4);
    await o.context.close();
  });

  it('reads as a scrolling column at 390 px: every slide shown, text at reading size, notes under each slide, no sideways scrolling', async () => {
    const o = await openHtml(chromium.browser, fileOf(p), { width: 390, height: 844 });
    const st = await o.page.evaluate(() => ({
      shown: [...document.querySelectorAll('.slide')].filter((s) => getComputedStyle(s).display !== 'none').length,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      scrolls: document.documentElement.scrollHeight > innerHeight,
    }));
    expect(st).toEqual({ shown: n, overflow: 0, scrolls: true });
    const all = await measure(o.page, '.slide');
    for (const m of all) {
      const tiny = m.sizes.filter((x) => x.px < 12);
      expect(tiny, `${m.id}: text under 12 px`).toEqual([]);
      expect(m.sizes.filter((x) => x.body && x.px < 14), `${m.id}: body under 14 px`).toEqual([]);
    }
    if (p.doc.blocks.some((b) => b.type === 'slide' && b.notes)) expect(await o.page.locator('.notes').first().isVisible()).toBe(true);
    // A continuation slide's notes (its outline entry's, again) are not printed a second time under it.
    const shownNotes = await o.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.notes')].map((n) => [...n.querySelectorAll<HTMLElement>('p:not(.source)')].filter((e) => e.offsetParent !== null).map((e) => e.innerText).join('\n')),
    );
    shownNotes.forEach((text, i) => {
      if (i > 0 && text !== '') expect(text, `notes under slide ${i + 1} repeat those under slide ${i}`).not.toBe(shownNotes[i - 1]);
    });
    await o.page.screenshot({ path: `${SHOTS}/${p.name}-slides-390.png`, fullPage: true });
    // Arrow keys scroll the column instead of changing slides.
    await o.page.keyboard.press('PageDown');
    await o.page.waitForFunction(() => scrollY > 0, null, { timeout: 10_000 });
    expect(await state(o.page)).toMatchObject({ hash: '' });
    await o.context.close();
  });

  it('prints one slide a page', async () => {
    const o = await openHtml(chromium.browser, fileOf(p));
    const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(d.numPages).toBe(n);
    const vp = (await d.getPage(1)).getViewport({ scale: 1 });
    expect(vp.width / vp.height).toBeCloseTo(16 / 9, 2);
    await o.context.close();
  });
});

describe.skipIf(!hasChromium)('decks of generated article shapes', () => {
  it('set every slide of every shape within its box at the minimum sizes or above', async () => {
    const base = await loadRealArticle();
    const shapes = fc.sample(shape, { seed: 20250110, numRuns: Number(process.env.SHAPE_RUNS ?? 10) });
    const problems: string[] = [];
    for (const [i, s] of shapes.entries()) {
      const doc = slidesTemplate(reshape(base, s));
      const found = await checkDeck({ name: `shape-${i}`, product: 'slides', html: await renderHtml(doc) }, i < 2);
      problems.push(...found.map((f) => `${JSON.stringify(s)} ${f}`));
    }
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('a deck\'s timeline in the browser', () => {
  // The template splits a timeline over slides by measuring rows (date | rule | text, each language and note on lines
  // of its own), as the PDF and PPTX draw it. The browser must lay out what was measured: a long certainty note the
  // template measured as fitting never makes the browser step the slide down, and every slide's events stand as tall
  // as their measure.
  it('lays out each timeline slide as tall as the template measured it, with long notes (1280×720)', async () => {
    const base = await loadRealArticle();
    const note = { zh: '原文的相对日期可有两种理解，编者据美日两国国防部门公开发布的签署日期推定为此月，并在各产品中标注。', en: 'The relative date in the text can be read two ways; the editors date it from the signing date that US and Japanese defense officials published, and mark it in every product.' };
    const article = { ...base, timeline: base.timeline.map((e) => ({ ...e, certainty: { level: 'inferred' as const, note } })) };
    const doc = slidesTemplate(article);
    const html = await renderHtml(doc);
    const o = await openHtml(chromium.browser, fileOf({ name: 'long-notes', product: 'slides', html }), { width: 1280, height: 720 });
    const measured = await o.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slide')].map((s) => {
        s.style.display = 'block';
        const events = s.querySelector('.events');
        const scale = s.getBoundingClientRect().width / s.offsetWidth;
        return { fit: ['fit-1', 'fit-2'].find((f) => s.classList.contains(f)) ?? null, px: events ? events.getBoundingClientRect().height / scale : null };
      }),
    );
    await o.context.close();
    const pxPerPt = 1280 / slideSpec.width;
    let timelines = 0;
    doc.blocks.forEach((b, i) => {
      if (b.type !== 'slide' || b.layout !== 'timeline') return;
      const fig = b.children.find((c): c is TimelineFigure => c.type === 'figure');
      expect(fig, `slide ${i + 1}: a timeline slide without its figure`).toBeDefined();
      timelines++;
      expect(measured[i].fit, `slide ${i + 1} stepped down in the browser`).toBeNull();
      // As tall as measured, within a point: not taller (the slide would overflow), not shorter (notes or rows lost).
      const pt = measured[i].px! / pxPerPt;
      expect(Math.abs(pt - timelineHeight(fig!)), `slide ${i + 1}: events ${pt.toFixed(1)} pt tall, measured ${timelineHeight(fig!).toFixed(1)} pt`).toBeLessThanOrEqual(1);
    });
    // Every event carries a note: the timeline takes more slides than without them.
    expect(timelines).toBeGreaterThan(slidesTemplate(base).blocks.filter((b) => b.type === 'slide' && b.layout === 'timeline').length);
  });
});

