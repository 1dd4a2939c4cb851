/**
 * The reading edition in Chromium: following a citation from another page
 * opens reading.html at the passage, scrolled into view below its part's
 * heading (which stays in view) and highlighted as the target; following a
 * margin note goes back to the item that cites the passage; margin notes sit
 * in a side column on a wide screen and under their passage on a phone; the
 * page has a contents list; no sideways scrolling at 390 or 1280 px.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { theme } from '../../../src/theme/theme.js';
import { openHtml, settle, sharedChromium } from '../../helpers/browser.js';
import { fileOf, openSite } from './chromium.js';
import { renderedPages } from './fixtures.js';

vi.setConfig({ testTimeout: 180_000 });
const chromium = sharedChromium();
const hasChromium = chromium.available;
const pages = hasChromium ? await renderedPages() : [];
const sets = [...new Set(pages.map((p) => p.name))];

/** The colour the theme gives a highlighted target, as Chromium reports it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Where the target passage is, and whether a reader sees it and its part. */
function targetState(page: Page) {
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const body = el.querySelector('.passage-body') ?? el;
    const b = body.getBoundingClientRect();
    // What a reader sees at the start of the passage's text (not covered by a sticky heading).
    const hit = document.elementFromPoint(b.left + 4, b.top + 6);
    const part = el.closest('section.part');
    const h = part?.querySelector('h2')?.getBoundingClientRect();
    return {
      id,
      target: el.matches(':target'),
      top: r.top,
      bottom: r.bottom,
      viewport: innerHeight,
      seen: !!hit && (el === hit || el.contains(hit)),
      background: getComputedStyle(el).backgroundColor,
      heading: h ? { top: h.top, bottom: h.bottom } : null,
    };
  });
}

describe.skipIf(!hasChromium)('the reading edition in Chromium', () => {
  describe.each(sets.map((s) => [s] as const))('%s', (name) => {
    const reading = () => pages.find((p) => p.name === name && p.product === 'reading')!;
    const sources = () => pages.filter((p) => p.name === name && p.product !== 'reading' && p.product !== 'index' && /class="cite"/.test(p.html));

    it('follows a citation from another page to the passage, scrolled into view and highlighted, its part heading in view', async () => {
      fileOf(reading());
      const from = sources();
      if (name === 'kitchen-sink') expect(from.length).toBeGreaterThan(0);
      for (const p of from) {
        for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
          const o = await openSite(chromium.browser, fileOf(p), viewport);
          // A deck shows one slide: open the one with the last citation (in reading mode every slide shows).
          if (p.product === 'slides') await o.page.evaluate(() => (location.hash = [...document.querySelectorAll('.slide-frame a.cite')].pop()!.closest('.slide')!.id));
          const links = o.page.locator('a.cite:visible');
          const n = await links.count();
          expect(n, p.product).toBeGreaterThan(0);
          // The last citation on the page: its passage is far from the top of the reading page.
          const link = links.nth(n - 1);
          const href = (await link.getAttribute('href'))!;
          await Promise.all([o.page.waitForURL(/\/reading\.html(\?range=[^#]*)?#/), link.click()]);
          await o.page.evaluate(() => document.fonts.ready.then(() => undefined));
          const s = await targetState(o.page);
          expect(s, href).not.toBeNull();
          expect(s!.id).toBe(decodeURIComponent(href.split('#')[1]));
          expect(s!.target, `${href} is the :target`).toBe(true);
          expect(s!.top, `${href} starts in the viewport`).toBeGreaterThanOrEqual(0);
          expect(s!.top).toBeLessThan(s!.viewport);
          expect(s!.seen, `${href} is not covered`).toBe(true);
          expect(s!.background, `${href} is highlighted`).toBe(rgb(theme.colors.accentSoft));
          expect(o.requests, 'nothing but the article\'s pages').toEqual([]);
          if (viewport.width >= 700 && s!.heading) {
            expect(s!.heading.top, 'the part heading is in view').toBeGreaterThanOrEqual(0);
            expect(s!.heading.bottom).toBeLessThanOrEqual(s!.top + 1);
          }
          await o.context.close();
        }
      }
    });

    it('marks every passage of a followed range citation ("¶3.2–3.5"), and only while the address is that range', async () => {
      fileOf(reading());
      let followed = 0;
      for (const p of sources().filter((x) => x.product !== 'slides')) {
        const o = await openSite(chromium.browser, fileOf(p), { width: 1280, height: 720 });
        const links = o.page.locator('a.cite:visible', { hasText: '–' });
        const n = await links.count();
        for (const i of n > 0 ? [n - 1] : []) {
          const link = links.nth(i);
          const text = (await link.textContent())!;
          const m = /^¶(\d+)\.(\d+)–(\d+)\.(\d+)$/.exec(text);
          expect(m, text).not.toBeNull();
          // Read from the mark alone: the passages numbered from the first to the last, in one part.
          const inRange = (mark: string) => {
            const [part, k] = mark.split('.');
            return part === m![1] && +k >= +m![2] && +k <= +m![4];
          };
          await Promise.all([o.page.waitForURL(/\/reading\.html\?range=[^#]+#/), link.click()]);
          const shown = () =>
            o.page.evaluate(() =>
              Array.from(document.querySelectorAll('main .passage')).map((e) => ({ mark: e.querySelector('.passage-mark')?.textContent ?? '', background: getComputedStyle(e).backgroundColor })),
            );
          const marked = (await shown()).filter((s) => s.background === rgb(theme.colors.accentSoft)).map((s) => s.mark);
          expect(marked, `${p.product}: ${text}`).toEqual((await shown()).map((s) => s.mark).filter(inRange));
          expect(marked.length, text).toBe(+m![4] - +m![2] + 1);
          // Another passage followed on the page: it alone is marked.
          const other = await o.page.evaluate(() => {
            const e = document.querySelectorAll('main .passage[id]')[0];
            location.hash = `#${e.id}`;
            return e.querySelector('.passage-mark')!.textContent;
          });
          await expect.poll(async () => (await shown()).filter((s) => s.background === rgb(theme.colors.accentSoft)).map((s) => s.mark), { message: `${text}, then ¶${other}` }).toEqual([other]);
          followed++;
        }
        await o.context.close();
      }
      if (name !== 'kitchen-sink' && name !== 'sample') expect(followed, 'a real article cites ranges').toBeGreaterThan(0);
    });

    it('follows a margin note back to the item that cites the passage', async () => {
      const r = reading();
      if (!/class="note-label" href=/.test(r.html)) return expect(name).not.toBe('kitchen-sink');
      for (const p of pages.filter((x) => x.name === name)) fileOf(p);
      const o = await openSite(chromium.browser, fileOf(r));
      const link = o.page.locator('a.note-label').first();
      const href = (await link.getAttribute('href'))!;
      await Promise.all([o.page.waitForURL(`**/${href.split('#')[0]}#*`), link.click()]);
      const id = decodeURIComponent(href.split('#')[1]);
      const ok = await o.page.evaluate((i) => {
        const el = document.getElementById(i);
        const r = el?.getBoundingClientRect();
        return !!el && el.matches(':target') && !!r && r.top >= 0 && r.top < innerHeight;
      }, id);
      expect(ok, href).toBe(true);
      await o.context.close();
    });

    it('shows every passage mark in the Doc’s order, footnotes where the Doc puts them (each footnotes block in its place)', async () => {
      const r = reading();
      // The marks in the Doc, footnote items included, in block order.
      const expected: string[] = [];
      const walk = (blocks: readonly Record<string, unknown>[]) => {
        for (const b of blocks) {
          if (typeof b.mark === 'string' && b.mark && b.type !== 'footnotes') expected.push(b.mark);
          if (b.type === 'footnotes') for (const it of b.items as { mark?: string }[]) if (it.mark) expected.push(it.mark);
          if (Array.isArray(b.children)) walk(b.children as Record<string, unknown>[]);
          if (b.type === 'list') for (const it of b.items as { children?: Record<string, unknown>[] }[]) walk(it.children ?? []);
        }
      };
      walk(r.doc.blocks as unknown as Record<string, unknown>[]);
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      const shown = await o.page.evaluate(() => [...document.querySelectorAll('main .passage-mark')].map((m) => m.textContent!.trim()));
      await o.context.close();
      expect(shown).toEqual(expected);
    });

    /** Checks the margin notes as laid out now: beside or below their paragraph, never over others or a block. */
    async function checkNotes(page: Page, at: string, runOn: boolean) {
      const got = await page.evaluate(() => {
        const box = (e: Element) => {
          const b = e.getBoundingClientRect();
          return { top: b.top + scrollY, bottom: b.bottom + scrollY, left: b.left, right: b.right };
        };
        const lists = [...document.querySelectorAll('.passage > .margin-notes')].map((n) => {
          const passage = n.parentElement!;
          const items = [...n.children].map(box);
          // The next paragraph's text in document order: notes from its top down stand beside it.
          const bodies = [...document.querySelectorAll('.passage > .passage-body')];
          const next = bodies[bodies.indexOf(passage.querySelector(':scope > .passage-body')!) + 1];
          const before = getComputedStyle(n, '::before').content;
          const left = Math.min(...items.map((i) => i.left));
          return {
            id: passage.id,
            mark: passage.querySelector('.passage-mark')!.textContent,
            // The list as drawn: from its own top (its mark's line, when it has one) to its last note's bottom.
            top: box(n).top,
            bottom: Math.max(...items.map((i) => i.bottom)),
            left,
            passageTop: box(passage.querySelector('.passage-body')!).top,
            passageHeight: passage.getBoundingClientRect().height,
            textHeight: passage.querySelector('.passage-body')!.getBoundingClientRect().height,
            named: before === 'none' || before === 'normal' ? null : before,
            notes: [...n.children].map((li) => ({ top: box(li).top, named: getComputedStyle(li, '::before').content })),
            nextTop: next ? box(next).top : null,
            // Headings, part summaries and footnotes blocks beside the list's column (not the block the list is in),
            // where they sit in the page (a sticky heading is drawn elsewhere while it sticks).
            over: [...document.querySelectorAll('main h2, main h3, main h4, main .callout, main section.footnotes, main > :not(.passage):not(.part):not(.notes-spacer), main .part > :not(.passage):not(.notes-spacer):not(blockquote):not(ul):not(ol)')]
              .filter((b) => !b.contains(n) && box(b).right > left)
              .map((b) => {
                const e = b as HTMLElement;
                const was = e.style.position;
                e.style.position = 'static';
                const at = box(e);
                e.style.position = was;
                return { what: b.tagName + ' ' + b.textContent!.slice(0, 20), top: at.top, bottom: at.bottom };
              }),
            // Text of other paragraphs beside the list (a paragraph in a list or quote is indented, the notes are not).
            text: [...document.querySelectorAll('.passage-body')].filter((t) => !passage.contains(t)).map(box).filter((t) => t.right > left + 1),
          };
        });
        return { lists, drift: document.documentElement.classList.contains('notes-drift'), overflow: document.documentElement.scrollWidth - innerWidth };
      });
      expect(got.drift, `notes run on ${at}`).toBe(true);
      expect(got.overflow, `sideways scrolling ${at}`).toBeLessThanOrEqual(0);
      expect(got.lists.length).toBeGreaterThan(0);
      got.lists.forEach((l, i) => {
        const where = `${l.id} ${at}`;
        // Beside its paragraph or below its start, at most 240 px lower, and named by its mark when set lower
        // (shown, not read out: the list follows its paragraph in reading order).
        expect(l.top, `${where}: starts above its paragraph`).toBeGreaterThanOrEqual(l.passageTop - 1);
        expect(l.top - l.passageTop, `${where}: drifts too far from its paragraph`).toBeLessThanOrEqual(241);
        if (l.top - l.passageTop > 21) expect(l.named, `${where}: set ${Math.round(l.top - l.passageTop)} px lower, not named`).toBe(`"¶${l.mark}" / ""`);
        // Its first note beside the next paragraph's text is named too (a reader takes an unnamed note for that one's).
        const beside = l.nextTop === null ? -1 : l.notes.findIndex((n) => n.top >= l.nextTop! - 2);
        if (beside === 0) expect(l.named, `${where}: starts beside the next paragraph, not named`).toBe(`"¶${l.mark}" / ""`);
        if (beside > 0) expect(l.notes[beside].named, `${where}: note ${beside + 1} beside the next paragraph, not named`).toBe(`"¶${l.mark}" / ""`);
        // Not over the list before it.
        if (i > 0) expect(l.top, `${where}: overlaps the notes of ${got.lists[i - 1].id}`).toBeGreaterThanOrEqual(got.lists[i - 1].bottom);
        // Not over a heading, a part's summary or a footnotes block, nor over another paragraph's text.
        for (const b of l.over) expect(l.bottom <= b.top + 1 || l.top >= b.bottom - 1, `${where}: runs over ${b.what}`).toBe(true);
        for (const t of l.text) expect(l.bottom <= t.top + 1 || l.top >= t.bottom - 1, `${where}: runs over a paragraph's text`).toBe(true);
        // The notes do not hold the paragraph open: it is as tall as its text.
        expect(l.passageHeight, `${where}: taller than its text`).toBeLessThanOrEqual(l.textHeight + 8);
      });
      // The notes take the room the text leaves: fewer gaps than notes kept in their paragraph's row would leave.
      if (runOn) expect(got.lists.some((l) => l.top - l.passageTop > 21), `some notes run on ${at}`).toBe(true);
    }

    it('lets margin notes run on down the margin on a wide screen, never over other notes, a heading or text, and holds no paragraph open', async () => {
      const r = reading();
      const real = name === 'us-japan-acquisition' || name === 'allied-cloud-interoperability';
      for (const width of [1000, 1280, 1600]) {
        const o = await openHtml(chromium.browser, fileOf(r), { width, height: 720 });
        await settle(o.page);
        // Opened without an address of a paragraph, the page stays at its top once the faces have loaded.
        expect(await o.page.evaluate(() => scrollY), `scrolled at load, ${width} px`).toBe(0);
        await checkNotes(o.page, `at ${width} px`, real);
        expect(o.errors).toEqual([]);
        await o.context.close();
      }
    });

    it('keeps a followed citation in view and the notes in place when the window is resized while scrolled', async () => {
      const r = reading();
      const ids = [...r.html.matchAll(/<div class="passage[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(2);
      // A paragraph two thirds down the page: sticky headings above it, spacers above it.
      const id = ids[Math.floor((ids.length * 2) / 3)];
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      await o.page.goto(`${pathToFileURL(fileOf(r)).href}#${encodeURIComponent(id)}`);
      await settle(o.page);
      for (const width of [1280, 1000, 1600, 1280]) {
        await o.page.setViewportSize({ width, height: 720 });
        await settle(o.page);
        const s = await targetState(o.page);
        expect(s!.id).toBe(id);
        expect(s!.top, `#${id} in view at ${width} px`).toBeGreaterThanOrEqual(0);
        expect(s!.top, `#${id} in view at ${width} px`).toBeLessThan(s!.viewport - 40);
        expect(s!.seen, `#${id} not covered at ${width} px`).toBe(true);
        await checkNotes(o.page, `after resizing to ${width} px while scrolled`, false);
      }
      // The reader's place: the first paragraph whose text starts on screen stays where it was across widths on both
      // sides of the margin column (no creep from a round trip).
      await o.page.evaluate(() => history.replaceState(null, '', location.pathname));
      const texts = await o.page.evaluate(() => document.querySelectorAll('.passage > .passage-body').length);
      for (const k of [0.2, 0.35, 0.5, 0.65, 0.8].map((f) => Math.floor(texts * f))) {
        await o.page.setViewportSize({ width: 1280, height: 720 });
        await settle(o.page);
        await o.page.evaluate((k) => {
          const t = document.querySelectorAll('.passage > .passage-body')[k];
          scrollBy(0, t.getBoundingClientRect().top - 173);
        }, k);
        await settle(o.page);
        // What the reader is looking at: the first paragraph whose text starts on screen.
        const id = await o.page.evaluate(() => [...document.querySelectorAll('.passage > .passage-body')].find((e) => e.getBoundingClientRect().top >= 0)!.parentElement!.id);
        const topOf = () => o.page.evaluate((id) => document.getElementById(id)!.querySelector('.passage-body')!.getBoundingClientRect().top, id);
        const before = await topOf();
        for (const width of [800, 1280, 800, 1280, 800, 1280]) {
          await o.page.setViewportSize({ width, height: 720 });
          await settle(o.page);
        }
        expect(Math.abs((await topOf()) - before), `#${id} moved on screen after three round trips through 800 px`).toBeLessThanOrEqual(8);
      }
      // A malformed address does not stop the notes from being set.
      const bad = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      await bad.page.goto(`${pathToFileURL(fileOf(r)).href}#%`);
      await settle(bad.page);
      await checkNotes(bad.page, 'at #%', false);
      expect(bad.errors).toEqual([]);
      await bad.context.close();
      await o.context.close();
    });

    it('prints a margin note as its label and its Chinese text; its English shows on screen only', async () => {
      const r = reading();
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      const shown = () =>
        o.page.evaluate(() => ({
          en: [...document.querySelectorAll('.margin-note .note-text > .en')].map((e) => getComputedStyle(e).display !== 'none'),
          zh: [...document.querySelectorAll('.margin-note .note-text > .zh')].map((e) => getComputedStyle(e).display !== 'none'),
          labels: [...document.querySelectorAll('.margin-note .note-label .en')].map((e) => getComputedStyle(e).display !== 'none'),
        }));
      const screen = await shown();
      await o.page.emulateMedia({ media: 'print' });
      const print = await shown();
      if (name !== 'kitchen-sink') expect(screen.en.length, 'notes with English text').toBeGreaterThan(0);
      expect(screen.en.every(Boolean) && screen.zh.every(Boolean) && screen.labels.every(Boolean), 'everything on screen').toBe(true);
      // The template marks the English text of the reading edition's notes screen-only (the kitchen sink's notes are hand-made IR).
      if (name !== 'kitchen-sink') expect(print.en.filter(Boolean), 'English note text in print').toEqual([]);
      expect(print.zh.every(Boolean) && print.labels.every(Boolean), 'labels and Chinese text in print').toBe(true);
      await o.context.close();
    });

    it('prints no box title at the foot of a page without its text: a part summary breaks across pages as text does', async () => {
      const r = reading();
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const d = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
      const titles = await o.page.evaluate(() => [...document.querySelectorAll('.callout-title')].map((e) => (e.textContent ?? '').replace(/\s+/g, '')));
      if (name !== 'kitchen-sink') expect(titles.length, 'part summaries').toBeGreaterThan(0);
      let pagesWithTitle = 0;
      for (let n = 1; n <= d.numPages; n++) {
        const lines = (await (await d.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('\n').split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
        const at = lines.findLastIndex((l) => titles.some((t) => t.startsWith(l) && l.length >= 4));
        if (at < 0) continue;
        pagesWithTitle++;
        // A box's title is followed on its page by its text (more than the page number after it).
        expect(lines.length - at - 1, `page ${n}: "${lines[at]}" then ${JSON.stringify(lines.slice(at + 1))}`).toBeGreaterThan(1);
      }
      if (name !== 'kitchen-sink') expect(pagesWithTitle).toBeGreaterThan(0);
      await o.context.close();
    });

    it('prints every margin note whole on one page, beside its paragraph', async () => {
      const r = reading();
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      // Each note as printed (its label and its Chinese: innerText leaves out what the print stylesheet hides).
      await o.page.emulateMedia({ media: 'print' });
      const notes = await o.page.evaluate(() =>
        [...document.querySelectorAll('.passage > .margin-notes > li')].map((e) => ({
          note: (e as HTMLElement).innerText.replace(/\s+/g, ''),
          body: (e.closest('.passage')!.querySelector('.passage-body')!.textContent ?? '').replace(/\s+/g, ''),
        })),
      );
      await o.page.emulateMedia({ media: null });
      const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const d = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
      const pages: string[] = [];
      for (let n = 1; n <= d.numPages; n++) pages.push((await (await d.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, ''));
      const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
      expect(notes.length).toBeGreaterThan(0);
      for (const { note, body } of notes) {
        // Whole (not a label at the foot of one page and its text at the top of the next, beside nothing), on the page
        // where its paragraph ends.
        const at = pageOf(body.slice(-12));
        expect(at, `the end of "${body.slice(0, 12)}…" printed`).toBeGreaterThanOrEqual(0);
        expect(pages[at].includes(note), `the note "${note.slice(0, 30)}…" whole beside "${body.slice(0, 12)}…" (p.${at + 1})`).toBe(true);
      }
      await o.context.close();
    });

    it('shows a table’s caption, unless it only repeats the heading above it', async () => {
      const r = reading();
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      const captions = await o.page.evaluate(() => [...document.querySelectorAll('main caption')].map((c) => ({ text: c.textContent, height: c.getBoundingClientRect().height })));
      if (name === 'allied-cloud-interoperability' || name === 'kitchen-sink') expect(captions.length).toBeGreaterThan(0);
      for (const c of captions) expect(c.height, `${c.text} is shown`).toBeGreaterThan(10);
      await o.context.close();
    });

    it('sets margin notes beside the passage on a wide screen and under it on a phone; has a contents list', async () => {
      const r = reading();
      const o = await openHtml(chromium.browser, fileOf(r), { width: 1280, height: 720 });
      const place = () =>
        o.page.evaluate(() =>
          [...document.querySelectorAll('.passage > .margin-notes')].map((n) => {
            const body = n.parentElement!.querySelector('.passage-body')!.getBoundingClientRect();
            const notes = n.getBoundingClientRect();
            const passage = n.parentElement!.getBoundingClientRect();
            // The text keeps half the page's width or a reading measure of 40 characters (in a list or quote too):
            // notes never squeeze it. On a phone, most of the paragraph's width.
            const em = parseFloat(getComputedStyle(n.parentElement!.querySelector('.passage-body')!).fontSize);
            const main = document.querySelector('main')!.getBoundingClientRect().width;
            return { beside: notes.left >= body.right - 1, below: notes.top >= body.bottom - 1, wide: body.width / Math.min(40 * em, 0.5 * main), text: body.width / passage.width, id: n.parentElement!.id };
          }),
        );
      const wide = await place();
      if (name === 'kitchen-sink') expect(wide.length).toBeGreaterThan(3);
      for (const w of wide) expect(w.beside).toBe(true);
      for (const w of wide) expect(w.wide, `${w.id}: text width / the smaller of 40 em and half the page at 1280`).toBeGreaterThanOrEqual(0.99);
      await o.page.setViewportSize({ width: 390, height: 844 });
      // On a phone each paragraph's notes are folded behind a button giving their number; the button opens them.
      const folded = await o.page.evaluate(() =>
        [...document.querySelectorAll('.passage > .margin-notes')].map((n) => {
          const b = n.previousElementSibling as HTMLButtonElement | null;
          const box = b?.getBoundingClientRect();
          return { id: n.parentElement!.id, shown: n.getClientRects().length > 0, button: !!b && b.matches('button.notes-toggle') && !b.hidden && (box?.height ?? 0) >= 24, expanded: b?.getAttribute('aria-expanded'), controls: b?.getAttribute('aria-controls') === n.id, count: b?.textContent, notes: n.children.length };
        }),
      );
      for (const f of folded) {
        expect(f.shown, `${f.id}: notes folded at 390`).toBe(false);
        expect(f.button && f.controls && f.expanded === 'false', `${f.id}: a button (24 px or more) that opens the notes`).toBe(true);
        expect(f.count).toBe(`旁注（${f.notes}） Notes (${f.notes})`);
      }
      for (const b of await o.page.locator('.passage > .notes-toggle').all()) await b.click();
      expect(await o.page.locator('.notes-toggle[aria-expanded="true"]').count()).toBe(folded.length);
      for (const w of await place()) {
        expect(w.below).toBe(true);
        expect(w.text, `${w.id}: text width / passage width at 390`).toBeGreaterThan(0.7);
      }
      // On a phone the notes under each paragraph and the paragraph marks are text to read, not fine print.
      const sizes = await o.page.evaluate(() => ({
        notes: [...document.querySelectorAll('.margin-notes')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
        marks: [...document.querySelectorAll('.passage-mark')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
      }));
      for (const n of sizes.notes) expect(n, 'margin notes at 390 px').toBeGreaterThanOrEqual(13);
      for (const m of sizes.marks) expect(m, 'paragraph marks at 390 px').toBeGreaterThanOrEqual(12);
      // Every column of the article's tables keeps at least four characters a line at 390 px.
      const narrow = await o.page.evaluate(() =>
        [...document.querySelectorAll('main table:not(.stack) :is(th, td)')].filter((c) => (c as HTMLElement).clientWidth < 4 * parseFloat(getComputedStyle(c).fontSize)).map((c) => c.textContent!.slice(0, 12)),
      );
      expect(narrow, 'table cells narrower than four characters at 390 px').toEqual([]);
      const toc = await o.page.evaluate(() => [...document.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')));
      expect(toc.length).toBeGreaterThan(1);
      // One contents list, not two: no other list on the page links to every part.
      const lists = await o.page.evaluate((hrefs) => [...document.querySelectorAll('ul, ol')].filter((l) => hrefs.every((h) => l.querySelector(`a[href="${h}"]`))).length, toc as string[]);
      expect(lists, 'lists linking to every part').toBe(1);
      for (const h of toc) expect(await o.page.locator(`[id="${decodeURIComponent(h!.slice(1))}"]`).count(), h!).toBe(1);
      await o.context.close();
    });
  });
});
