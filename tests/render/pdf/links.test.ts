/**
 * Citations a reader can follow, read back with pdf.js: every citation run
 * ("¶3.2") of a summary, checklist or slide deck is a link annotation over
 * its text, and following it lands where that paragraph is printed (the
 * "Sources cited" appendix of the same file, or the named destination of
 * reading.pdf, a GoToR link); every id of a Doc is a named destination;
 * note references and margin notes link too. The destination files are the
 * ones rendered from the same article.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc, ProductName, Span } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { remoteLinks, remoteUri } from '../../../src/render/pdf/links.js';
import { docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';
import { readBack, type LinkAnnotation, type ReadBack } from './read.js';
import { tempFile } from '../../helpers/pdf.js';
import { need } from '../../helpers/office.js';

/** poppler's reading of the words, for the first test (skipped without it, failing under CI). */
const havePoppler = need('pdftotext');

/** A word poppler reads, in points from the page's top-left corner. */
interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Set4 = Record<ProductName, { doc: Doc; rb: ReadBack; words: Word[] }>;

/** Every word of a PDF with its box, from poppler's `pdftotext -bbox` (a reader independent of pdf.js). */
function popplerWords(bytes: Uint8Array): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', tempFile(bytes, 'words.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page++;
    else out.push({ page, text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'), x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] });
  }
  return out;
}

/** The words whose middle lies inside an annotation's rectangle (PDF coordinates, from the page's foot), joined. */
function wordsUnder(rb: ReadBack, words: readonly Word[], link: LinkAnnotation): string {
  const [x0, y0, x1, y1] = link.rect;
  const h = rb.pages[link.page - 1].height;
  return words
    .filter((w) => w.page === link.page)
    .filter((w) => {
      const [mx, my] = [(w.x0 + w.x1) / 2, h - (w.y0 + w.y1) / 2];
      return mx >= x0 - 0.5 && mx <= x1 + 0.5 && my >= y0 - 1 && my <= y1 + 1;
    })
    .map((w) => w.text)
    .join(' ');
}
const sets: { name: string; products: Set4 }[] = [];

async function renderSet(docs: Record<ProductName, Doc>): Promise<Set4> {
  const out = {} as Set4;
  for (const p of Object.keys(docs) as ProductName[]) {
    const bytes = await backend.render(docs[p], { epoch: 0 });
    out[p] = { doc: docs[p], rb: await readBack(bytes), words: havePoppler ? popplerWords(bytes) : [] };
  }
  return out;
}

beforeAll(async () => {
  sets.push({ name: 'kitchen sink', products: await renderSet({ summary: kitchenSink.summary(), checklist: kitchenSink.checklist(), slides: kitchenSink.slides(), reading: kitchenSink.reading() }) });
  for (const [slug, article] of await realArticles()) {
    const docs = { summary: docFor(article, 'summary'), checklist: docFor(article, 'checklist'), slides: docFor(article, 'slides'), reading: docFor(article, 'reading') };
    sets.push({ name: slug, products: await renderSet(docs) });
  }
}, 240_000);

/** Every inline run a PDF prints of a Doc (media 'screen' blocks and speaker notes left out). */
function spansOf(doc: Doc): Span[] {
  const out: Span[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if ((o as Partial<Block>).media === 'screen') return;
    if (typeof o.text === 'string' && !('type' in o)) {
      out.push(o as unknown as Span);
      return;
    }
    // A slide's speaker notes and their citations are not printed (a PDF has no speaker notes).
    for (const [k, v] of Object.entries(o)) if (k !== 'notesSource' && (k !== 'notes' || Array.isArray(v))) visit(v);
  };
  visit(doc.blocks);
  return out;
}

/**
 * Text printed inside an annotation's rectangle: the characters of pdf.js's
 * text items (which may hold several runs) whose middle lies in it, taking a
 * run's characters as equally wide.
 */
function textUnder(rb: ReadBack, link: LinkAnnotation): string {
  const [x0, y0, x1, y1] = link.rect;
  let out = '';
  for (const i of rb.items) {
    if (i.page !== link.page || i.y < y0 - 1 || i.y > y1 + 1) continue;
    const chars = [...i.text];
    chars.forEach((ch, k) => {
      const mid = i.x + ((k + 0.5) * i.width) / chars.length;
      if (mid >= x0 - 0.5 && mid <= x1 + 0.5) out += ch;
    });
  }
  return out;
}

/** Marks printed on a page ("3.2" in the mark column, or "¶3.2" anywhere). */
function printsMark(rb: ReadBack, page: number, mark: string): boolean {
  return rb.items.some((i) => i.page === page && (i.text.trim() === mark || i.text.includes(`¶${mark}`)));
}

describe('citation links', () => {
  it.skipIf(!havePoppler)('every citation run is a link over its text whose target shows the cited paragraph', () => {
    let followed = 0;
    for (const { name, products } of sets) {
      for (const product of ['summary', 'checklist', 'slides'] as const) {
        const { doc, rb, words } = products[product];
        const cites = spansOf(doc).filter((s) => s.role === 'cite' && s.ref);
        const links = rb.links.filter((l) => l.dest !== undefined || l.url?.includes('.pdf#'));
        const unused = [...links];
        for (const cite of cites) {
          // A range ("¶3.2–3.5") leads to its first paragraph.
          const mark = cite.text.replace(/^¶/u, '').split('\u2013')[0];
          // The words under the link, as poppler reads them (a cite is followed by ", " or ends its line).
          const i = unused.findIndex((l) => wordsUnder(rb, words, l).replace(/,$/u, '') === cite.text);
          expect(i, `${name}/${product}: no link annotation over "${cite.text}"`).toBeGreaterThanOrEqual(0);
          const link = unused.splice(i, 1)[0];
          if (link.dest !== undefined) {
            const page = rb.dests.get(link.dest);
            expect(page, `${name}/${product}: ${cite.text} → #${link.dest} (no such destination)`).toBeDefined();
            expect(printsMark(rb, page!, mark), `${name}/${product}: #${link.dest} is on page ${page}, which does not print ${mark}`).toBe(true);
          } else {
            const [file, dest] = link.url!.split('#');
            expect(file, `${name}/${product}: ${cite.text}`).toBe('reading.pdf');
            const reading = products.reading.rb;
            const page = reading.dests.get(decodeURIComponent(dest));
            expect(page, `${name}/${product}: ${cite.text} → reading.pdf#${dest} (no such destination)`).toBeDefined();
            expect(printsMark(reading, page!, mark), `${name}/${product}: reading.pdf#${dest} is on page ${page}, which does not print ${mark}`).toBe(true);
          }
          followed++;
        }
      }
    }
    // The kitchen sink cites through the appendix (summary, checklist) and across files (slides).
    expect(followed).toBeGreaterThan(20);
  });

  it('every link within or across files leads to a destination that exists', () => {
    for (const { name, products } of sets) {
      for (const [product, { rb }] of Object.entries(products)) {
        for (const l of rb.links) {
          if (l.dest !== undefined) expect(rb.dests.has(l.dest), `${name}/${product}: #${l.dest}`).toBe(true);
          else if (l.url && !/^https?:|^mailto:/u.test(l.url)) {
            const [file, dest] = l.url.split('#');
            const target = products[file.replace(/\.pdf$/u, '') as ProductName];
            expect(target, `${name}/${product}: ${l.url}`).toBeDefined();
            expect(target.rb.dests.has(decodeURIComponent(dest)), `${name}/${product}: ${l.url}`).toBe(true);
          }
        }
      }
    }
  });

  it('every block, item, event, passage, footnote and table-cell id is a named destination', () => {
    for (const { name, products } of sets) {
      for (const [product, { doc, rb }] of Object.entries(products)) {
        const ids: string[] = [];
        const visit = (blocks: readonly Block[]) => {
          for (const b of blocks) {
            if (b.media === 'screen' || b.type === 'progress') continue;
            if (b.id) ids.push(b.id);
            if (b.type === 'list') for (const it of b.items) (it.id && ids.push(it.id), it.children && visit(it.children));
            if (b.type === 'footnotes') for (const it of b.items) ids.push(it.id);
            if (b.type === 'figure') for (const e of b.events) if (e.id) ids.push(e.id);
            if (b.type === 'table') for (const row of b.rows) for (const c of row) if (c.id) ids.push(c.id);
            if ('children' in b) visit(b.children);
          }
        };
        visit(doc.blocks);
        for (const id of new Set(ids)) expect(rb.dests.has(id), `${name}/${product}: ${id}`).toBe(true);
      }
    }
  });

  it('note references link to their footnote, and margin notes link back to the item that cites the passage', () => {
    const ks = sets[0].products;
    for (const product of ['summary', 'reading'] as const) {
      const { rb } = ks[product];
      const toNote = rb.links.filter((l) => l.dest === 'fn-1');
      expect(toNote.length, product).toBeGreaterThan(0);
      for (const l of toNote) expect(textUnder(rb, l)).toBe('1');
    }
    const reading = ks.reading.rb;
    const back = reading.links.filter((l) => l.url === 'summary.pdf#tk-1' || l.url === 'checklist.pdf#rec-1');
    expect(back.map((l) => textUnder(reading, l)).join(' ')).toMatch(/要点 ?1.*Takeaway 1|建议 ?1.*Recommendation 1/u);
    for (const l of back) {
      const [file, dest] = l.url!.split('#');
      expect(ks[file.replace('.pdf', '') as ProductName].rb.dests.has(dest)).toBe(true);
    }
  });
});

describe('links to another file, written in place', () => {
  it('a placeholder URI action becomes a GoToR action of the same length', () => {
    const uri = remoteUri('reading.pdf', 'p-1');
    const pdf = Buffer.from(`1 0 obj\n<<\n/S /URI\n/URI (${uri})\n>>\nendobj\n`, 'latin1');
    const length = pdf.length;
    expect(remoteLinks(pdf)).toBe(1);
    expect(pdf.length).toBe(length);
    const text = pdf.toString('latin1');
    expect(text).toMatch(/^1 0 obj\n<<\n\/S \/GoToR\n\/F <72656164696E672E706466>\n\/D <702D31> *\n>>\nendobj\n$/);
    expect(text).not.toContain('URI');
  });

  it('says so when a placeholder is written in a form it does not know', () => {
    const pdf = Buffer.from(`<< /S /URI /URI (${remoteUri('reading.pdf', 'p-1')}) >>`, 'latin1');
    expect(() => remoteLinks(pdf)).toThrow(/not written as pdfkit writes URI links/);
  });

  it('no finished file keeps a placeholder', () => {
    for (const { name, products } of sets) for (const [p, { rb }] of Object.entries(products)) for (const l of rb.links) expect(l.url ?? '', `${name}/${p}`).not.toMatch(/bw-gotor/);
  });
});

