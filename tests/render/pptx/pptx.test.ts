/**
 * The PPTX backend read back as a user's tools would: the package unzipped
 * and its XML parsed (read.ts), text measured with the faces' own metrics
 * (fit.ts), and compared with the Doc.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/ir/types.js';
import { latinFontPath } from '../../../src/fonts/index.js';
import { loadArticle } from '../../../src/model/index.js';
import { theme } from '../../../src/theme/theme.js';
import { backend, planDeck } from '../../../src/render/pptx/index.js';
import { isoSeconds } from '../../../src/render/zip.js';
import { buildCases, EPOCH, slideBlocks, type Case } from './cases.js';
import { docStrings, expectedTexts, smallSpanTexts } from './expected.js';
import { lineCount, misfits, placementProblems, textBoxes } from './fit.js';
import { hasHan, readPptx } from './read.js';

const EMU_PER_INCH = 914400;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const plain = (i: Inline | undefined) => norm((i ?? []).map((s) => s.text).join(''));

const cases: Case[] = [];
const byName = (name: string) => cases.find((c) => c.name === name) as Case;

beforeAll(async () => {
  cases.push(...(await buildCases()));
}, 120_000);


// Measuring every box of four decks takes seconds on a loaded machine: a generous limit, not a timing check.
describe('pptx backend', { timeout: 60_000 }, () => {
  it('declares itself for slides only', () => {
    expect(backend.format).toBe('pptx');
    expect(backend.extension).toBe('pptx');
    expect(backend.products).toEqual(['slides']);
  });

  it('writes one 16:9 slide (10 × 5.625 in) per slide block', () => {
    for (const c of cases) {
      expect(c.read.size.cx / EMU_PER_INCH).toBeCloseTo(10, 5);
      expect(c.read.size.cy / EMU_PER_INCH).toBeCloseTo(5.625, 5);
      expect(c.read.slides.length, c.name).toBe(slideBlocks(c.doc).length);
    }
  });

  it('shows every text of each slide: headline, blocks, tags, citations, source line', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const exp = expectedTexts(block);
        const texts = c.read.slides[i].paras.map((p) => norm(p.text));
        for (const s of [...exp.zh, ...exp.en, ...exp.either]) expect(texts.some((t) => t.includes(norm(s))), `${c.name} slide ${i + 1}: ${s}`).toBe(true);
      });
    }
  });

  it('prints no word that is not in the Doc (no labels, no citations of its own, no counters)', () => {
    for (const c of cases) {
      const known = docStrings(c.doc);
      for (const [i, s] of c.read.slides.entries()) {
        for (const r of s.paras.flatMap((p) => p.runs)) {
          // Separators and bare numbers (slide numbers, list numbers) are not words.
          const word = r.text.replace(/[\s·/]+/g, '');
          if (word === '' || /^\d+$/.test(word)) continue;
          // Runs kept on one line (dates, tags) set their spaces as no-break spaces.
          const text = r.text.replace(/\u00A0/g, ' ').trim();
          expect(
            known.some((k) => k.includes(text)),
            `${c.name} slide ${i + 1}: "${r.text}"`,
          ).toBe(true);
        }
      }
    }
    // The checklist's progress counter is for screens only.
    expect(byName('kitchen-sink').read.slides.flatMap((s) => s.paras.map((p) => p.text)).join('\n')).not.toContain('完成进度');
  });

  it('sets every run at 9 pt or more, Chinese headlines at 21 pt or more, English ones at 13 or more, body text at 12 pt or more', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const slide = c.read.slides[i];
        expect(slide.sizes.length).toBeGreaterThan(0);
        for (const size of slide.sizes) expect(size, `${c.name} slide ${i + 1}`).toBeGreaterThanOrEqual(9);
        const titleBlock = block.children.find((b) => b.type === 'title');
        const title = block.layout === 'title' && titleBlock?.type === 'title' ? titleBlock.title : block.title;
        for (const [t, least] of [[plain(title.zh), 21], [plain(title.en), 13]] as const) {
          if (!t) continue;
          const paras = slide.paras.filter((p) => p.shape === 'Title' && norm(p.text) === t);
          expect(paras.length, `${c.name} slide ${i + 1} headline ${t}`).toBeGreaterThan(0);
          for (const r of paras.flatMap((p) => p.runs)) expect(r.size, `${c.name} slide ${i + 1} headline ${t}`).toBeGreaterThanOrEqual(least);
        }
        // A citation, tag or footnote reference inside body text is small by design.
        const small = smallSpanTexts(block);
        for (const t of expectedTexts(block).body) {
          // Its paragraph (a term card sets the term before the name).
          const paras = slide.paras.filter((p) => norm(p.text).endsWith(t));
          expect(paras.length, `${c.name} slide ${i + 1} body ${t}`).toBeGreaterThan(0);
          for (const r of paras.flatMap((p) => p.runs)) {
            // A tag leading the text is small (on its box), and so is the space after it.
            if (small.has(r.text.trim()) || r.highlight || r.text.trim() === '') continue;
            expect(r.size, `${c.name} slide ${i + 1} body "${r.text}"`).toBeGreaterThanOrEqual(12);
          }
        }
      });
    }
  });

  it('names the Latin face for English runs and the CJK face for Chinese runs; English keeps proportional quotes and apostrophes', () => {
    const fontkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'))('fontkit') as {
      create(b: Uint8Array): { unitsPerEm: number; hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): { advanceWidth: number } };
    };
    const latin = fontkit.create(new Uint8Array(readFileSync(latinFontPath('regular'))));
    expect(latin.glyphForCodePoint(0x2019).advanceWidth / latin.unitsPerEm).toBeLessThan(0.5);
    let curly = 0;
    for (const c of cases) {
      const runs = c.read.slides.flatMap((s) => s.paras.flatMap((p) => p.runs));
      for (const r of runs) {
        if (r.lang === 'zh-CN') {
          expect([r.latin, r.ea], r.text).toEqual([theme.fonts.cjk, theme.fonts.cjk]);
        } else {
          expect(r.lang, r.text).toBe('en-US');
          expect([r.latin, r.ea], r.text).toEqual([theme.fonts.en, theme.fonts.en]);
          expect(hasHan(r.text), r.text).toBe(false);
          for (const ch of r.text) expect(latin.hasGlyphForCodePoint(ch.codePointAt(0) as number), `${c.name}: "${ch}" in "${r.text}"`).toBe(true);
          if (/[’“”]/.test(r.text)) curly++;
        }
      }
    }
    // Some English run has curly quotes or an apostrophe (Japan’s, “unique”): they are in the Latin face.
    expect(curly).toBeGreaterThan(0);
  });

  it('fits every text in its box, measured with the faces’ metrics, and keeps boxes on the slide and apart', () => {
    for (const c of cases) {
      const misfit = misfits(c.bytes).map((m) => `slide ${m.box.slide} ${m.box.name}: needs ${m.need.toFixed(1)} pt, has ${m.box.innerH.toFixed(1)}: ${m.text.slice(0, 50)}`);
      expect(misfit, c.name).toEqual([]);
      expect(placementProblems(c.bytes), c.name).toEqual([]);
      expect(planDeck(c.doc).filter((p) => p.overflow).map((p) => p.number), c.name).toEqual([]);
    }
  });

  it('never lets the text boxes an office suite fits in decide: no autofit, no insets, a fixed line pitch in every paragraph', () => {
    for (const c of cases) {
      for (const b of textBoxes(c.bytes)) {
        expect(b.autofit, `${c.name} slide ${b.slide} ${b.name}`).toEqual([]);
        if (b.kind === 'text' && !b.name.startsWith('Slide Number')) {
          expect([b.innerW, b.innerH]).toEqual([b.w, b.h]);
          for (const p of b.paras) if (p.runs.some((r) => r.text)) expect(p.pitch, `${c.name} slide ${b.slide} ${b.name}`).not.toBeNull();
        }
      }
    }
  });

  it('keeps each timeline date on one line', () => {
    let dates = 0;
    for (const c of cases) {
      const boxes = textBoxes(c.bytes);
      for (const block of slideBlocks(c.doc)) {
        for (const fig of block.children.filter((b) => b.type === 'figure')) {
          for (const e of fig.events) {
            const zh = plain(e.dateLabel.zh);
            // The date's own line: the Chinese date, with the English one after it when both fit.
            const own = [zh, `${zh} ${plain(e.dateLabel.en)}`];
            const found = boxes.flatMap((b) => (b.slide === block.number ? b.paras.filter((p) => own.includes(norm(p.runs.map((r) => r.text).join('')))).map((p) => ({ b, p })) : []));
            expect(found.length, `${c.name} slide ${block.number}: ${zh}`).toBeGreaterThan(0);
            for (const { b, p } of found) expect(lineCount(p, b.innerW), `${c.name} slide ${block.number}: ${zh}`).toBe(1);
            dates++;
          }
        }
      }
    }
    expect(dates).toBeGreaterThan(10);
  });

  it('puts the speaker notes of every slide in its notes page: Chinese, English, then their citations, each tagged', () => {
    let cited = 0;
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const notes = c.read.slides[i].notes;
        const want = [
          { text: plain(block.notes?.zh), lang: 'zh-CN', face: theme.fonts.cjk },
          { text: plain(block.notes?.en), lang: 'en-US', face: theme.fonts.en },
          { text: plain(block.notesSource), lang: 'en-US', face: theme.fonts.en },
        ].filter((w) => w.text !== '');
        expect(want.length, `${c.name} slide ${i + 1} has notes in the Doc`).toBeGreaterThan(0);
        expect(notes.map((p) => norm(p.text)), `${c.name} notes ${i + 1}`).toEqual(want.map((w) => w.text));
        notes.forEach((p, k) => expect([p.runs[0].lang, p.runs[0].latin, p.runs[0].ea]).toEqual([want[k].lang, want[k].face, want[k].face]));
        if (plain(block.notesSource)) cited++;
      });
    }
    expect(cited, 'some slide has citations in its notes').toBeGreaterThan(5);
  });

  it('links citations and refs: to the reading edition’s PDF at the paragraph, to a slide of the deck, to web addresses', () => {
    const ks = byName('kitchen-sink');
    const blocks = slideBlocks(ks.doc);
    const slideOf = (id: string) => `ppt/slides/slide${blocks.findIndex((b) => b.id === id) + 1}.xml`;
    const runs = ks.read.slides.flatMap((s) => s.paras.flatMap((p) => p.runs));
    const cites = runs.filter((r) => r.text.startsWith('¶'));
    expect(cites.length).toBeGreaterThan(10);
    for (const r of cites) {
      expect(r.link, r.text).not.toBeNull();
      expect(r.link?.external).toBe(true);
      expect(r.link?.target, r.text).toMatch(/^reading\.pdf#nameddest=[a-z0-9-]+$/);
    }
    expect(cites.find((r) => r.text === '¶1.2')?.link?.target).toBe('reading.pdf#nameddest=evolution-2');
    const jump = runs.find((r) => r.text === '第5页');
    expect(jump?.link).toEqual({ target: slideOf('opportunities'), external: false, action: 'ppaction://hlinksldjump' });
    const term = runs.find((r) => r.text === 'DICAS' && r.lang === 'en-US' && r.link);
    expect(term?.link?.target).toBe(slideOf('glossary'));
    const web = runs.filter((r) => r.link?.target.startsWith('https://www.csis.org/'));
    expect(web.length).toBeGreaterThan(0);
    expect(web.every((r) => r.link?.external)).toBe(true);
  });

  it('writes at most one paragraph-properties element per paragraph, before the runs', () => {
    for (const c of cases) {
      for (const s of c.read.slides) {
        for (const p of s.paras) {
          const i = p.childNames.indexOf('pPr');
          expect(p.childNames.filter((n) => n === 'pPr').length, s.name).toBeLessThanOrEqual(1);
          if (i >= 0) expect(i, s.name).toBe(0);
        }
      }
    }
  });

  it('writes only well-formed XML parts', () => {
    for (const c of cases) {
      for (const [name, data] of Object.entries(c.read.entries)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const errors: string[] = [];
        new DOMParser({ errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(strFromU8(data), 'text/xml');
        expect(errors, `${c.name} ${name}`).toEqual([]);
      }
    }
  });

  it('makes each slide’s headline its title placeholder, so applications list the slides by title', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const titleBlock = block.children.find((b) => b.type === 'title');
        const title = block.layout === 'title' && titleBlock?.type === 'title' ? titleBlock.title : block.title;
        expect(c.read.slides[i].titles.map(norm), `${c.name} slide ${i + 1}`).toEqual([[plain(title.zh), plain(title.en)].filter(Boolean).join(' ')]);
      });
    }
  });

  it('numbers every slide but the cover with a native slide-number field', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((b, i) => expect(c.read.slides[i].hasSlideNumber, `${c.name} slide ${i + 1}`).toBe(b.layout !== 'title'));
    }
  });

  it('draws the timeline with native shapes (line, discs, text boxes), never pictures', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const fig = block.children.find((b) => b.type === 'figure');
        const s = c.read.slides[i];
        expect(s.pictures).toBe(0);
        if (!fig || fig.type !== 'figure') return;
        expect(s.shapes.filter((g) => g === 'ellipse').length).toBeGreaterThanOrEqual(fig.events.length);
        expect(s.shapes.filter((g) => g === 'line').length).toBeGreaterThanOrEqual(1);
      });
      expect(Object.keys(c.read.entries).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'))).toEqual([]);
    }
  });

  it('writes document properties from the Doc meta and dates from the epoch', () => {
    for (const c of cases) {
      const { core, app } = c.read;
      expect(core['dc:title']).toContain(plain(c.doc.meta.title.zh));
      expect(core['dc:creator']).toBe(c.doc.meta.author);
      expect(core['dc:subject']).toBe(c.doc.meta.subject);
      expect(core['dc:language']).toBe('zh-CN');
      for (const k of c.doc.meta.keywords) expect(core['cp:keywords']).toContain(k);
      expect(core['dcterms:created']).toBe(isoSeconds(EPOCH));
      expect(core['dcterms:modified']).toBe(isoSeconds(EPOCH));
      expect(app['Company']).toBe(c.doc.meta.author);
    }
  });

  it('gives identical bytes for identical input, and only the dates change with the epoch', async () => {
    for (const c of cases) {
      const again = await backend.render(c.doc, { epoch: EPOCH });
      expect(Buffer.compare(Buffer.from(again), Buffer.from(c.bytes)), c.name).toBe(0);
      const later = readPptx(await backend.render(c.doc, { epoch: EPOCH + 86_400 }));
      expect(later.core['dcterms:created']).toBe(isoSeconds(EPOCH + 86_400));
      expect(later.slides.map((s) => s.xml)).toEqual(c.read.slides.map((s) => s.xml));
    }
  });
});


describe('pptx text boxes that must not wrap', { timeout: 60_000 }, () => {
  it('sets each timeline date and the author’s name in a box that does not wrap (no break inside a word in a wider fallback face), and wraps every other box', async () => {
    const real = cases.filter((c) => c.real);
    expect(real.length).toBe(2);
    for (const c of real) {
      // The original's author, a short name kept on one line (the title slide's line under the title).
      const { article } = await loadArticle(path.resolve('source', `${c.name}.md`));
      const author = norm(`${article!.original.author.zh}${article!.original.author.en}`).replace(/\s/g, '');
      let authors = 0;
      const dates = new Set<string>();
      for (const b of slideBlocks(c.doc))
        for (const f of b.children) if (f.type === 'figure') for (const e of f.events) dates.add(norm(`${plain(e.dateLabel.zh)}${plain(e.dateLabel.en)}`).replace(/\s/g, ''));
      expect(dates.size, c.name).toBeGreaterThan(0);
      let seen = 0;
      for (const s of c.read.slides) {
        const doc = new DOMParser().parseFromString(s.xml, 'text/xml');
        for (const sp of Array.from(doc.getElementsByTagName('p:sp'))) {
          const body = sp.getElementsByTagName('a:bodyPr')[0];
          if (!body) continue;
          const text = Array.from(sp.getElementsByTagName('a:t')).map((t) => t.textContent ?? '').join('').replace(/\s/g, '');
          if (text === '') continue;
          const isDate = dates.has(text);
          if (isDate) seen++;
          if (text === author) authors++;
          expect(body.getAttribute('wrap') === 'none', `${c.name} ${s.name}: "${text.slice(0, 30)}"`).toBe(isDate || text === author);
        }
      }
      expect(seen, c.name).toBe(dates.size);
      expect(authors, `${c.name}: the author's name on the title slide`).toBe(1);
    }
  });
});
