/**
 * The PDFs read back by independent readers (pdfjs-dist, poppler, qpdf) and
 * compared with the model they were made from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc, ProductName } from '../../../src/ir/types.js';
import type { Article } from '../../../src/model/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { resetShapingMemo, shapingCounts } from '../../../src/render/pdf/fonts.js';
import { violatesKinsoku } from '../../../src/text/kinsoku.js';
import { bodyLines, joinLines, need, normal, readPdf, tempFile, xmpPacket, type PdfPage } from '../../helpers/pdf.js';
import { PRODUCTS, articles, docFor, expectedTexts } from './articles.js';

const EPOCH = 1736467200; // 2025-01-10T00:00:00Z
const A4 = { width: 595.28, height: 841.89 };
const SLIDE = { width: 720, height: 405 };

interface Rendered {
  name: string;
  product: ProductName;
  article: Article;
  doc: Doc;
  bytes: Uint8Array;
  pages: PdfPage[];
}

const all: Rendered[] = [];
const haveQpdf = need('qpdf');
const havePdffonts = need('pdffonts');

beforeAll(async () => {
  for (const [slug, article] of await articles()) {
    for (const product of PRODUCTS) {
      const doc = docFor(article, product);
      const bytes = await backend.render(doc, { epoch: EPOCH });
      all.push({ name: `${slug}/${product}`, product, article, doc, bytes, pages: await readPdf(bytes) });
    }
  }
}, 120_000);

/** Run `fn` on every rendered PDF, or on those of one product or page shape (at least one of them). */
const each = (fn: (r: Rendered) => void | Promise<void>, only?: ProductName | 'a4') => async () => {
  const chosen = all.filter((r) => !only || (only === 'a4' ? r.doc.page === 'a4' : r.product === only));
  expect(chosen.length).toBeGreaterThanOrEqual(only ? 1 : 3);
  for (const r of chosen) await fn(r);
};

describe('PDF backend, read back', () => {
  it(
    'prints every takeaway, section summary, recommendation and glossary entry of the model in both languages',
    each((r) => {
      // The former slides template's decks run onto extra pages mid-table (tests/render/pdf/slides.test.ts): read once the template splits slides.
      if (r.product === 'slides' && r.doc.blocks.every((b) => b.type !== 'slide' || b.layout === 'title' || b.layout === 'content')) return;
      // Read as a reader selects a column: on A4, the left column of every page, then the right one
      // (side-by-side pairs break across pages column by column); a slide as it is.
      const lines = bodyLines(r.pages, r.doc.page);
      const mid = r.doc.page === 'a4' ? A4.width / 2 : Infinity;
      const left = lines.filter((l) => l.x0 < mid - 10).map((l) => l.text);
      const right = lines.filter((l) => l.x0 >= mid - 10).map((l) => l.text);
      const text = `${normal(joinLines(left))} ${normal(joinLines(right))} ${normal(joinLines(lines.map((l) => l.text)))}`;
      for (const expected of expectedTexts(r.article, r.product)) {
        expect(text, `${r.name} lacks: ${expected}`).toContain(normal(expected));
      }
    }),
  );

  it(
    'numbers every checklist item as the summary and the reading edition’s notes name it (its marker, before its Chinese)',
    each((r) => {
      const items: { marker: string; zh: string }[] = [];
      const walk = (blocks: readonly Doc['blocks'][number][]) => {
        for (const b of blocks) {
          if (b.type === 'checkItem' && b.marker) items.push({ marker: b.marker, zh: b.zh.map((x) => x.text).join('') });
          if ('children' in b && Array.isArray(b.children)) walk(b.children as Doc['blocks'][number][]);
        }
      };
      walk(r.doc.blocks);
      expect(items.length, r.name).toBe(r.article.recommendations.length);
      const lines = r.pages.flatMap((p) => p.lines);
      for (const it of items) {
        const head = normal(it.zh).slice(0, 8);
        // The number on the Chinese line's baseline (within a point), left of it.
        const found = lines.some(
          (z) =>
            normal(z.text).startsWith(head) &&
            lines.some((n) => n.page === z.page && normal(n.text) === it.marker && Math.abs(n.y - z.y) < 1 && n.x1 <= z.x0),
        );
        expect(found, `${r.name}: item ${it.marker} “${head}…”`).toBe(true);
      }
    }, 'checklist'),
  );

  it(
    'gives copied text without radicals, compatibility ideographs or invisible break characters',
    each((r) => {
      const text = r.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
      expect(text, r.name).not.toMatch(/[\u2E80-\u2FDF\uF900-\uFAFF\u200B\u2060\uFEFF]/u);
      expect(text, r.name).toBe(text.normalize('NFC'));
    }),
  );

  it(
    'uses A4 portrait pages for summary, checklist and reading edition, 720×405 pages for slides',
    each((r) => {
      const size = r.doc.page === 'a4' ? A4 : SLIDE;
      for (const p of r.pages) {
        expect(p.width, r.name).toBeCloseTo(size.width, 1);
        expect(p.height, r.name).toBeCloseTo(size.height, 1);
      }
      // One page per slide: tests/render/pdf/slides.test.ts (the former slides template packs more onto a slide than fits).
    }),
  );

  it(
    'keeps every line of text inside the page box',
    each((r) => {
      for (const p of r.pages) {
        for (const l of p.lines) {
          expect(l.x0, `${r.name} p${l.page}: ${l.text}`).toBeGreaterThanOrEqual(0);
          expect(l.x1, `${r.name} p${l.page}: ${l.text}`).toBeLessThanOrEqual(p.width + 0.5);
          expect(l.y, `${r.name} p${l.page}: ${l.text}`).toBeGreaterThan(0);
          expect(l.y, `${r.name} p${l.page}: ${l.text}`).toBeLessThan(p.height);
        }
      }
    }),
  );

  it(
    'never starts a line with closing punctuation nor ends one with opening punctuation',
    each((r) => {
      for (const p of r.pages) {
        for (const l of p.lines) {
          const v = violatesKinsoku(l.text);
          expect(v, `${r.name} p${l.page}: "${l.text}"`).toEqual({ start: false, end: false });
        }
      }
    }),
  );

  it(
    'prints the slide number on every slide',
    each((r) => {
      r.pages.forEach((p, i) => {
        expect(p.lines.some((l) => normal(l.text) === `${i + 1} / ${r.pages.length}`), `${r.name} slide ${i + 1}`).toBe(true);
      });
    }, 'slides'),
  );

  it(
    'has the bare page number (X / Y) in the footer and a running header with the short title on A4 pages, and no words of its own',
    each((r) => {
      const short = r.article.shortTitle.en;
      r.pages.forEach((p, i) => {
        const text = p.lines.map((l) => normal(l.text));
        expect(text, `${r.name} page ${i + 1}`).toContain(`${i + 1} / ${r.pages.length}`);
        expect(text.join(' '), `${r.name} page ${i + 1}`).not.toMatch(/Page \d|第 ?\d+ ?\/ ?\d+ ?页|¶ ?[a-z]/u);
        if (i > 0) expect(text.some((t) => t.includes(short)), `${r.name} page ${i + 1} header`).toBe(true);
      });
    }, 'a4'),
  );

  it.skipIf(!havePdffonts)(
    'embeds every font (pdffonts)',
    each((r) => {
      const out = execFileSync('pdffonts', [tempFile(r.bytes, 'f.pdf')], { encoding: 'utf8' });
      const rows = out.split('\n').slice(2).filter(Boolean);
      expect(rows.length, r.name).toBeGreaterThan(0);
      for (const row of rows) {
        const cols = row.trim().split(/\s+/);
        expect(cols.at(-5), `${r.name}: ${row}`).toBe('yes'); // emb
        expect(cols.at(-4), `${r.name}: ${row}`).toBe('yes'); // sub
        expect(cols.at(-3), `${r.name}: ${row}`).toBe('yes'); // uni
      }
    }),
  );

  it.skipIf(!haveQpdf)(
    'passes qpdf --check',
    each((r) => {
      const res = spawnSync('qpdf', ['--check', tempFile(r.bytes, 'q.pdf')], { encoding: 'utf8' });
      expect(res.status, `${r.name}: ${res.stdout}${res.stderr}`).toBe(0);
    }),
  );
});

describe('PDF bookmarks', () => {
  interface Outline {
    title: string;
    dest: unknown[];
    destpageposfrom1: number;
    kids: Outline[];
  }
  it.skipIf(!haveQpdf)(
    'bookmark every outlined heading of the summary at the top of the page that prints it, without scrolling sideways',
    each((r) => {
      const res = spawnSync('qpdf', ['--json', '--json-key=outlines', tempFile(r.bytes, 'o.pdf')], { encoding: 'utf8' });
      const flat = (items: Outline[]): Outline[] => items.flatMap((o) => [o, ...flat(o.kids)]);
      const outlines = flat((JSON.parse(res.stdout) as { outlines: Outline[] }).outlines);
      const headings: string[] = [];
      const visit = (blocks: Doc['blocks']) => {
        for (const b of blocks) {
          if (b.type === 'heading' && b.level <= 2 && b.outline !== false) headings.push(normal((b.text.zh ?? []).map((x) => x.text).join('')));
          if ('children' in b) visit(b.children);
        }
      };
      visit(r.doc.blocks);
      expect(outlines.map((o) => normal(o.title.split(' · ')[0])), r.name).toEqual(headings);
      const body = bodyLines(r.pages, 'a4');
      for (const o of outlines) {
        const zh = normal(o.title.split(' · ')[0]);
        const printed = body.find((l) => normal(l.text).startsWith(zh));
        expect(printed, `${r.name}: ${zh} printed`).toBeDefined();
        expect(o.destpageposfrom1, `${r.name}: ${zh}`).toBe(printed!.page);
        expect(o.dest[1]).toBe('/XYZ');
        expect(o.dest[2], `${r.name}: ${zh} left`).toBeNull();
      }
    }, 'summary'),
  );
});

describe('PDF metadata', () => {
  const xmldoc = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('xmldoc') as {
    XmlDocument: new (xml: string) => { valueWithPath(p: string): string | undefined; descendantWithPath(p: string): unknown };
  };

  it(
    'has well-formed XMP naming the title, PDF/A-2b and the epoch dates, even with & and < in the title',
    each(async (r) => {
      const xmp = xmpPacket(r.bytes);
      expect(xmp, r.name).not.toBeNull();
      const parsed = new xmldoc.XmlDocument(xmp!); // throws on malformed XML
      expect(parsed).toBeTruthy();
      expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).toContain(`<xmp:CreateDate>2025-01-10T00:00:00Z</xmp:CreateDate>`);
      expect(xmp).toContain(`<xmp:ModifyDate>2025-01-10T00:00:00Z</xmp:ModifyDate>`);
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await getDocument({ data: new Uint8Array(r.bytes), verbosity: 0 }).promise;
      const meta = await pdf.getMetadata();
      const info = meta.info as Record<string, string>;
      expect(info.Title, r.name).toContain(r.article.title.en);
      expect(meta.metadata?.get('dc:title'), r.name).toBe(info.Title);
      expect(info.Author, r.name).toBe(r.doc.meta.author);
      expect(info.Subject, r.name).toBe(r.doc.meta.subject);
      expect(info.Language, r.name).toBe('zh-CN');
      expect(info.CreationDate, r.name).toMatch(/^D:20250110000000/);
      expect(info.ModDate, r.name).toMatch(/^D:20250110000000/);
      await pdf.destroy();
    }),
  );

  it(
    'has bookmarks for the sections of the summary',
    each(async (r) => {
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await getDocument({ data: new Uint8Array(r.bytes), verbosity: 0 }).promise;
      const outline = (await pdf.getOutline()) ?? [];
      const titles = (function flat(items: { title: string; items: unknown[] }[]): string[] {
        return items.flatMap((i) => [i.title, ...flat(i.items as { title: string; items: unknown[] }[])]);
      })(outline as { title: string; items: unknown[] }[]);
      for (const s of r.article.sections) {
        expect(titles.some((t) => t.includes(s.title.zh) && t.includes(s.title.en)), `${r.name}: ${s.title.en}`).toBe(true);
      }
      await pdf.destroy();
    }, 'summary'),
  );
});

describe('PDF reproducibility', () => {
  it('gives identical bytes for two builds, and differs only in dates for another epoch', async () => {
    for (const [, article] of await articles()) {
      for (const product of PRODUCTS) {
        const doc = docFor(article, product);
        const a = Buffer.from(await backend.render(doc, { epoch: EPOCH }));
        const b = Buffer.from(await backend.render(docFor(article, product), { epoch: EPOCH }));
        expect(a.equals(b), product).toBe(true);
        const c = Buffer.from(await backend.render(doc, { epoch: EPOCH + 86_400 * 400 }));
        expect(c.length).toBe(a.length);
        // Every differing byte lies inside a date: D:YYYYMMDDHHmmSS or YYYY-MM-DDTHH:mm:ss.
        const dates = [...a.toString('latin1').matchAll(/D:\d{14}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/g)].map((m) => [m.index!, m.index! + m[0].length]);
        let diffs = 0;
        for (let i = 0; i < a.length; i++) {
          if (a[i] === c[i]) continue;
          diffs++;
          expect(dates.some(([s, e]) => i >= s && i < e), `${product}: byte ${i} differs outside a date`).toBe(true);
        }
        expect(diffs).toBeGreaterThan(0);
      }
    }
  }, 120_000);

  it('gives a document the same bytes whatever the thread rendered before it (the shaping memo)', async () => {
    const docs = (await articles()).flatMap(([, article]) => PRODUCTS.map((product) => docFor(article, product)));
    // Each document alone: nothing remembered from an earlier one.
    const alone: Buffer[] = [];
    for (const doc of docs) {
      resetShapingMemo();
      alone.push(Buffer.from(await backend.render(doc, { epoch: EPOCH })));
    }
    // All in a row, in reverse order: later documents replay runs shaped for earlier ones.
    resetShapingMemo();
    const before = shapingCounts();
    for (let i = docs.length - 1; i >= 0; i--) {
      const bytes = Buffer.from(await backend.render(docs[i], { epoch: EPOCH }));
      expect(bytes.equals(alone[i]), `${docs[i].product} rendered after others`).toBe(true);
    }
    const after = shapingCounts();
    expect(after.replayed - before.replayed).toBeGreaterThan(after.shaped - before.shaped);
  }, 120_000);
});
