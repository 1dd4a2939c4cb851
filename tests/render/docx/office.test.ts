/**
 * The DOCX files as LibreOffice shows them, all opened in ONE LibreOffice
 * process (one `soffice --convert-to` call), as a reader who opens every
 * file of an article one after the other: every Han character of every file
 * renders (no file takes another's embedded subset), the table of contents
 * gives the pages the headings land on, and each slide is one page — for
 * both real articles, the hand-built Docs, a sample of generated decks and
 * decks the slides template made of generated articles — with its
 * timeline's dates each on one line.
 * Page images go to /tmp/docxshots for looking at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/docx/index.js';
import { bookmarkName } from '../../../src/render/docx/constants.js';
import { loadArticle } from '../../../src/model/index.js';
import type { Block, Doc, Inline, ProductName, SlideBlock } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { DocxReader, HAN } from '../../helpers/docx.js';
import { SHAPES_SEED, sampleArticles } from '../../helpers/shapes.js';
import { convertAllToPdf, need, pdfFonts, pdfPageCount } from '../../helpers/office.js';
import { checklistDoc, meta, pageDoc, readingDoc, slideDoc } from './every-block.js';

const ctx = { epoch: Date.UTC(2025, 0, 10) / 1000 };
/** Generated articles of the shared sample whose decks the slides template makes: between them every layout, and timelines of full dates. */
const TEMPLATE_DECKS = [9, 10, 11];
const SHOTS = '/tmp/docxshots';

interface File {
  name: string;
  doc: Doc;
  docx: string;
  reader: DocxReader;
  pdf?: string;
}

const files: File[] = [];

/** Generated decks: every slide layout, 1–6 items of varied length, titles of 1–60 characters, both densities. */
function generatedDecks(count: number): Doc[] {
  const han = fc.string({ unit: fc.constantFrom(...'美日同盟防务采购合作框架技术出口管制工业伙伴关系政策文化变革论坛机制年月'), minLength: 8, maxLength: 40 });
  const words = fc.array(fc.constantFrom('defense', 'acquisition', 'alliance', 'co-production', 'export', 'controls', 'partners', 'the', 'of', 'Japan’s', '“unique”'), { minLength: 4, maxLength: 14 }).map((w) => w.join(' '));
  const bi = fc.record({ zh: han.map((t) => [{ text: t }]), en: words.map((t) => [{ text: t }]) });
  const items = fc.array(bi, { minLength: 2, maxLength: 6 });
  const slide = fc.record({ layout: fc.constantFrom('points', 'columns', 'statement', 'timeline', 'checklist', 'glossary', 'section', 'closing'), title: bi, items, long: fc.string({ unit: fc.constantFrom(...'合作采购框架的新渠道'), minLength: 1, maxLength: 60 }) });
  const decks = fc.sample(fc.array(slide, { minLength: 3, maxLength: 6 }), { numRuns: count, seed: 20250110 });
  return decks.map((slides, d) => ({
    product: 'slides',
    page: 'slide',
    meta,
    blocks: slides.map((s, i): SlideBlock => {
      const density = s.items.length > 4 ? 'compact' : 'normal';
      const children: Block[] =
        s.layout === 'points'
          ? [{ type: 'list', ordered: false, items: s.items.map((t) => ({ text: t, cites: [] })), cites: [] }]
          : s.layout === 'columns' || s.layout === 'statement'
            ? s.items.slice(0, s.layout === 'statement' ? 1 : 3).map((t) => ({ type: 'pair', zh: t.zh, en: t.en, cites: [] }))
            : s.layout === 'timeline'
              ? [{ type: 'figure', kind: 'timeline', caption: s.title, events: s.items.map((t, k) => ({ date: `${2020 + k}`, dateLabel: { zh: [{ text: `${2020 + k}年` }], en: [{ text: `${2020 + k}` }] }, text: t, cites: [] })), cites: [] }]
              : s.layout === 'checklist'
                ? s.items.slice(0, 4).map((t, k) => ({ type: 'checkItem', id: `d${d}-s${i}-r${k}`, zh: t.zh, en: t.en, checked: false, cites: [] }))
                : s.layout === 'glossary'
                  ? [{ type: 'table', columns: [{ text: { zh: [{ text: '术语' }], en: [{ text: 'Term' }] } }, { text: { zh: [{ text: '释义' }], en: [{ text: 'Definition' }] }, weight: 3 }], rows: s.items.map((t) => [{ text: { zh: t.zh } }, { text: t }]), cites: [] }]
                  : [];
      const title = i === 0 ? { zh: [{ text: s.long }], en: s.title.en } : s.title;
      return { type: 'slide', id: `d${d}-s${i}`, number: i + 1, layout: i === 0 ? 'title' : (s.layout as SlideBlock['layout']), title, children: i === 0 ? [{ type: 'title', title, meta: [], cites: [] }] : children, density, cites: [] };
    }),
  }));
}

const has = need('soffice') && need('pdfinfo') && need('pdffonts') && need('pdftoppm');

beforeAll(async () => {
  if (!has) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docx-office-'));
  const add = async (name: string, doc: Doc) => {
    const bytes = await backend.render(doc, ctx);
    const docx = path.join(dir, `${name}.docx`);
    writeFileSync(docx, bytes);
    files.push({ name, doc, docx, reader: new DocxReader(bytes) });
  };
  for (const source of ['source/us-japan-acquisition.md', 'source/allied-cloud-interoperability.md']) {
    const { article } = await loadArticle(path.resolve(source));
    if (!article) throw new Error(`${source} did not load`);
    for (const product of backend.products as readonly ProductName[]) await add(`${article.slug}-${product}`, getTemplate(product)(article));
  }
  for (const doc of [pageDoc, checklistDoc, slideDoc, readingDoc]) await add(`kitchen-${doc.product}`, doc);
  for (const [i, doc] of generatedDecks(4).entries()) await add(`generated-${i + 1}-slides`, doc);
  // Decks the slides template made of generated articles: what fits a slide is its measured decision.
  const sample = sampleArticles(Math.max(...TEMPLATE_DECKS) + 1, SHAPES_SEED);
  for (const i of TEMPLATE_DECKS) await add(`shape-${i}-slides`, getTemplate('slides')(sample[i].article));
  // Every file in one LibreOffice process, one after the other.
  const pdfs = await convertAllToPdf(files.map((f) => f.docx), dir);
  files.forEach((f, i) => (f.pdf = pdfs[i]));
  mkdirSync(SHOTS, { recursive: true });
  for (const f of files) execFileSync('pdftoppm', ['-png', '-r', '50', f.pdf!, path.join(SHOTS, f.name)]);
}, 900_000);

/** Text of each page of a PDF (pdf.js), lines joined by newlines. */
async function pageTexts(pdf: string): Promise<{ pages: string[]; outline: { title: string; page: number }[] }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await doc.getPage(n).then((p) => p.getTextContent());
    let s = '';
    for (const item of content.items) if ('str' in item) s += item.str + (item.hasEOL ? '\n' : '');
    pages.push(s);
  }
  const outline: { title: string; page: number }[] = [];
  const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>> | null) => {
    for (const o of items ?? []) {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      if (dest && typeof dest[0] === 'object') outline.push({ title: o.title, page: (await doc.getPageIndex(dest[0] as never)) + 1 });
      await walk(o.items);
    }
  };
  await walk(await doc.getOutline());
  return { pages, outline };
}

describe.skipIf(!has)('LibreOffice, every file in one process', () => {
  it('renders every Han character of every file: each embeds its own family names, and no file takes another file’s subset', async () => {
    expect(files.length).toBeGreaterThan(12);
    for (const f of files) {
      const fonts = pdfFonts(f.pdf!);
      const own = new Set(f.reader.embeddedFonts().map((e) => e.name.replace(/ /g, '')));
      expect(fonts.some((x) => x.embedded && [...own].some((n) => x.name.startsWith(n))), `${f.name}: ${JSON.stringify(fonts)}`).toBe(true);
      const text = (await pageTexts(f.pdf!)).pages.join('');
      const chars = new Set(text);
      const han = new Set([...f.reader.paragraphs().map((p) => p.text).join('')].filter((c) => HAN.test(c)));
      expect(han.size, f.name).toBeGreaterThan(5);
      expect([...han].filter((c) => !chars.has(c)).join(''), f.name).toBe('');
    }
  }, 300_000);

  it('the table of contents gives the page each heading lands on', async () => {
    const summaries = files.filter((f) => f.doc.product === 'summary' || f.doc.product === 'reading');
    expect(summaries.length).toBe(6);
    for (const f of summaries) {
      const entries = f.reader.paragraphs().filter((p) => p.style === 'TOC1' || p.style === 'TOC2').map((p) => p.text.split('\t')[0]);
      expect(entries.length, f.name).toBeGreaterThan(1);
      const { pages, outline } = await pageTexts(f.pdf!);
      for (const entry of entries) {
        // The number printed after the entry in the table of contents…
        const line = pages.flatMap((p) => p.split('\n')).find((l) => l.replace(/\s+/g, '').startsWith(entry.replace(/\s+/g, '')) && /\d+\s*$/.test(l));
        expect(line, `${f.name}: ${entry}`).toBeDefined();
        const shown = Number(/(\d+)\s*$/.exec(line!)![1]);
        // …is the page where LibreOffice put the heading (its outline entry).
        const heading = outline.find((o) => o.title.replace(/\s+/g, '') === entry.replace(/\s+/g, ''));
        expect(heading, `${f.name}: ${entry} in the outline ${JSON.stringify(outline)}`).toBeDefined();
        expect(shown, `${f.name}: ${entry}`).toBe(heading!.page);
      }
      // The headings are not all on one page: the numbers say something.
      expect(new Set(outline.map((o) => o.page)).size, f.name).toBeGreaterThan(1);
    }
  }, 120_000);

  it('LibreOffice follows the links: a citation of another file keeps its bookmark as the fragment (<product>.docx#bookmark), one within the file jumps inside it', async () => {
    const f = files.find((x) => x.name === 'kitchen-summary')!;
    const doc = await getDocument({ data: new Uint8Array(readFileSync(f.pdf!)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const links: { url?: string; dest?: unknown }[] = [];
    for (let n = 1; n <= doc.numPages; n++) for (const a of await (await doc.getPage(n)).getAnnotations()) if (a.subtype === 'Link') links.push({ url: a.url ?? a.unsafeUrl, dest: a.dest });
    expect(links.map((l) => l.url)).toContain(`reading.docx#${bookmarkName('p-2')}`);
    expect(links.some((l) => l.dest !== undefined && l.dest !== null)).toBe(true);
  });

  it('each slide is one landscape page: both articles, the hand-built deck and generated decks', () => {
    const decks = files.filter((f) => f.doc.product === 'slides');
    expect(decks.length).toBe(7 + TEMPLATE_DECKS.length);
    for (const f of decks) expect(pdfPageCount(f.pdf!), f.name).toBe(f.doc.blocks.length);
  });

  it('a timeline’s dates stay each on one line: on its slide (in the column the template measured) and in the summary (nowrap runs)', async () => {
    const plain = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');
    const squash = (t: string) => t.replace(/\s/gu, '');
    const labels = (blocks: readonly Block[]): string[] =>
      blocks.flatMap((b) => (b.type === 'figure' ? b.events.flatMap((e) => [plain(e.dateLabel.zh), plain(e.dateLabel.en)]) : []).map(squash).filter(Boolean));
    let slides = 0;
    for (const f of files.filter((x) => x.doc.product === 'slides')) {
      const { pages } = await pageTexts(f.pdf!);
      f.doc.blocks.forEach((s, i) => {
        if (s.type !== 'slide') return;
        const lines = (pages[i] ?? '').split('\n').map(squash);
        for (const label of labels(s.children)) {
          expect(lines.some((l) => l.includes(label)), `${f.name} slide ${i + 1}: "${label}" on one line`).toBe(true);
          slides++;
        }
      });
    }
    expect(slides).toBeGreaterThan(20);
    let summaries = 0;
    for (const f of files.filter((x) => x.doc.product === 'summary' && x.doc.page === 'a4')) {
      const lines = (await pageTexts(f.pdf!)).pages.flatMap((p) => p.split('\n')).map(squash);
      for (const label of labels(f.doc.blocks)) {
        expect(lines.some((l) => l.includes(label)), `${f.name}: "${label}" on one line`).toBe(true);
        summaries++;
      }
    }
    expect(summaries).toBeGreaterThan(20);
  });
});
