import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { slides } from '../../../templates/slides.js';
import { theme } from '../../../src/theme/theme.js';
import type { Doc, SlideBlock } from '../../../src/ir/types.js';
import { backend, planDeck } from '../../../src/render/pptx/index.js';
import { isoSeconds } from '../../../src/render/zip.js';
import { sampleArticle } from '../../helpers/sample-article.js';
import { convertToPdf, need, pdfFonts, pdfPageCount, pdfText } from '../../helpers/office.js';
import { expectedTexts } from './expected.js';
import { hasHan, readPptx, type PptxRead, type SlideRead } from './read.js';
import { useProjectFontIn } from './fonts.js';

const EPOCH = 1736467200; // 2025-01-10T00:00:00Z
const EMU_PER_INCH = 914400;

interface Case {
  name: string;
  doc: Doc;
  bytes: Uint8Array;
  read: PptxRead;
}

async function build(name: string, doc: Doc): Promise<Case> {
  const bytes = await backend.render(doc, { epoch: EPOCH });
  return { name, doc, bytes, read: readPptx(bytes) };
}

const slideBlocks = (doc: Doc) => doc.blocks.filter((b): b is SlideBlock => b.type === 'slide');

/** Joined text of the runs of one language, per paragraph. */
function textsIn(slide: SlideRead, langPrefix: string): string[] {
  return slide.paras.map((p) => p.runs.filter((r) => r.lang?.startsWith(langPrefix)).map((r) => r.text).join(''));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Real article, when the model and its source exist. */
async function realDoc(): Promise<Doc | null> {
  try {
    const model = (await import('../../../src/model/index.js')) as {
      loadArticle: (p: string) => Promise<{ article: import('../../../src/model/types.js').Article | null }>;
    };
    const { article } = await model.loadArticle(path.resolve('source/us-japan-acquisition.md'));
    return article ? slides(article) : null;
  } catch (e) {
    console.warn(`real article not tested: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}

const cases: Case[] = [];

beforeAll(async () => {
  cases.push(await build('sample', slides(sampleArticle)));
  const real = await realDoc();
  if (real) cases.push(await build('real', real));
}, 120_000);

describe('pptx backend', () => {
  it('declares itself for slides only', () => {
    expect(backend.format).toBe('pptx');
    expect(backend.extension).toBe('pptx');
    expect(backend.products).toEqual(['slides']);
  });

  it('writes one 16:9 slide (10 × 5.625 in) per slide block', () => {
    for (const c of cases) {
      expect(c.read.size.cx / EMU_PER_INCH).toBeCloseTo(10, 5);
      expect(c.read.size.cy / EMU_PER_INCH).toBeCloseTo(5.625, 5);
      expect(c.read.slides.length).toBe(slideBlocks(c.doc).length);
    }
  });

  it('shows every headline and block text of each slide in both languages, as language-tagged runs', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const slide = c.read.slides[i];
        const exp = expectedTexts(block);
        const zh = textsIn(slide, 'zh').map(norm);
        const en = textsIn(slide, 'en').map(norm);
        const any = slide.paras.map((p) => norm(p.text));
        for (const s of exp.zh) expect(zh.some((t) => t.includes(norm(s))), `${c.name} slide ${i + 1} zh: ${s}`).toBe(true);
        for (const s of exp.en) expect(en.some((t) => t.includes(norm(s))), `${c.name} slide ${i + 1} en: ${s}`).toBe(true);
        for (const s of exp.either) expect(any.some((t) => t.includes(norm(s))), `${c.name} slide ${i + 1}: ${s}`).toBe(true);
      });
    }
  });

  it('carries the model: takeaways, timeline events, glossary terms and slide headlines in both languages', () => {
    const c = cases[0];
    const all = c.read.slides.flatMap((s) => s.paras.map((p) => norm(p.text))).join('\n');
    const a = sampleArticle;
    for (const t of a.takeaways) {
      expect(all).toContain(norm(t.text.zh));
      expect(all).toContain(norm(t.text.en));
    }
    for (const e of a.timeline) {
      expect(all).toContain(norm(e.text.zh));
      expect(all).toContain(norm(e.text.en));
    }
    for (const g of a.glossary) {
      expect(all).toContain(g.term);
      expect(all).toContain(norm(g.name.zh));
      expect(all).toContain(norm(g.name.en));
    }
    for (const o of a.slides.filter((s) => s.kind !== 'title')) {
      expect(all).toContain(norm(o.title.zh));
      expect(all).toContain(norm(o.title.en));
    }
    for (const p of a.slides.flatMap((s) => s.points)) {
      expect(all).toContain(norm(p.text.zh));
      expect(all).toContain(norm(p.text.en));
    }
  });

  it('tags every Chinese run zh-CN with the East Asian face, and every run has that face in its ea slot', () => {
    for (const c of cases) {
      const runs = c.read.slides.flatMap((s) => s.paras.flatMap((p) => p.runs));
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.ea, r.text).toBe(theme.fonts.cjk);
        if (hasHan(r.text)) {
          expect(r.lang, r.text).toBe('zh-CN');
          expect(r.latin, r.text).toBe(theme.fonts.cjk);
        } else if (r.lang === 'en-US') expect(r.latin, r.text).toBe(theme.fonts.latin);
      }
    }
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

  it('puts the speaker notes of every slide in its notes page, Chinese and English tagged', () => {
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const notes = c.read.slides[i].notes;
        const zh = (block.notes?.zh ?? []).map((s) => s.text).join('');
        const en = (block.notes?.en ?? []).map((s) => s.text).join('');
        expect(zh.length + en.length, `${c.name} slide ${i + 1} has notes in the Doc`).toBeGreaterThan(0);
        const zhPara = notes.find((p) => p.text === zh);
        const enPara = notes.find((p) => p.text === en);
        expect(zhPara?.runs[0].lang, `${c.name} notes ${i + 1}`).toBe('zh-CN');
        expect(zhPara?.runs[0].ea).toBe(theme.fonts.cjk);
        expect(enPara?.runs[0].lang, `${c.name} notes ${i + 1}`).toBe('en-US');
      });
    }
  });

  it('writes only well-formed XML parts', () => {
    for (const c of cases) {
      for (const [name, data] of Object.entries(c.read.entries)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const errors: string[] = [];
        new DOMParser({ errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(
          strFromU8(data),
          'text/xml',
        );
        expect(errors, `${c.name} ${name}`).toEqual([]);
      }
    }
  });

  it('numbers every slide with a native slide-number field', () => {
    for (const c of cases) for (const s of c.read.slides) expect(s.hasSlideNumber, s.name).toBe(true);
  });

  it('draws the timeline with native shapes (line, discs, text boxes), never pictures', () => {
    expect(cases.some((c) => slideBlocks(c.doc).some((b) => b.children.some((x) => x.type === 'figure'))), 'some deck has a timeline').toBe(true);
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const fig = block.children.find((b) => b.type === 'figure');
        const s = c.read.slides[i];
        expect(s.pictures).toBe(0);
        if (!fig || fig.type !== 'figure') return;
        expect(s.shapes.filter((g) => g === 'ellipse').length).toBeGreaterThanOrEqual(fig.events.length);
        expect(s.shapes.filter((g) => g === 'line').length).toBeGreaterThanOrEqual(fig.events.length + 1);
      });
      expect(Object.keys(c.read.entries).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'))).toEqual([]);
    }
  });

  it('writes document properties from the Doc meta and dates from the epoch', () => {
    for (const c of cases) {
      const { core, app } = c.read;
      const title = (c.doc.meta.title.zh ?? []).map((s) => s.text).join('');
      expect(core['dc:title']).toContain(title);
      expect(core['dc:creator']).toBe(c.doc.meta.author);
      expect(core['dc:subject']).toBe(c.doc.meta.subject);
      expect(core['dc:language']).toBe('zh-CN');
      for (const k of c.doc.meta.keywords) expect(core['cp:keywords']).toContain(k);
      expect(core['dcterms:created']).toBe(isoSeconds(EPOCH));
      expect(core['dcterms:modified']).toBe(isoSeconds(EPOCH));
      expect(app['Company']).toBe(c.doc.meta.author);
    }
  });

  it('gives identical bytes for two builds, and only the dates change with the epoch', async () => {
    for (const c of cases) {
      const again = await backend.render(c.doc, { epoch: EPOCH });
      expect(Buffer.compare(Buffer.from(again), Buffer.from(c.bytes))).toBe(0);
      const later = readPptx(await backend.render(c.doc, { epoch: EPOCH + 86_400 }));
      expect(later.core['dcterms:created']).toBe(isoSeconds(EPOCH + 86_400));
      expect(later.slides.map((s) => s.xml)).toEqual(c.read.slides.map((s) => s.xml));
    }
  });

  it('lays every slide out inside the page, without overflow or overlapping text', () => {
    for (const c of cases) {
      for (const plan of planDeck(c.doc)) {
        expect(plan.overflow, `${c.name} slide ${plan.number} overflows`).toBe(false);
        for (const it of plan.items) {
          expect(it.x).toBeGreaterThanOrEqual(0);
          expect(it.y).toBeGreaterThanOrEqual(0);
          expect(it.x + it.w).toBeLessThanOrEqual(theme.pages.slide.width + 0.01);
          expect(it.y + it.h).toBeLessThanOrEqual(theme.pages.slide.height + 0.01);
        }
        const texts = plan.items.filter((it) => it.kind === 'text' || it.kind === 'table');
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i];
            const b = texts[j];
            const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
            expect(overlap, `${c.name} slide ${plan.number}: text boxes ${i} and ${j} overlap`).toBe(false);
          }
        }
      }
    }
  });

});

describe('pptx in LibreOffice Impress', () => {
  const hasOffice = need('soffice') && need('pdfinfo') && need('pdftoppm');
  const dir = '/tmp/pptxshots';
  // The project's font (from npm), so Impress lays out with the face the deck names.
  useProjectFontIn(dir);

  it.skipIf(!hasOffice)('converts each deck to a PDF with one page per slide, in the named font, with the text', async () => {
    for (const c of cases) {
      const file = path.join(dir, `${c.name}.pptx`);
      writeFileSync(file, c.bytes);
      const pdf = await convertToPdf(file, dir);
      expect(pdfPageCount(pdf)).toBe(c.read.slides.length);
      expect(pdfFonts(pdf).some((f) => f.name.startsWith('NotoSansSC'))).toBe(true);
      const text = norm(pdfText(pdf));
      for (const block of slideBlocks(c.doc)) {
        const zh = (block.title.zh ?? []).map((s) => s.text).join('');
        if (block.layout !== 'title') expect(text.replace(/\s/g, '')).toContain(zh.replace(/\s/g, ''));
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, c.name)]);
    }
  }, 300_000);
});
