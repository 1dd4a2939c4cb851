/**
 * The reading edition's text, copied as a reader copies it (the text column
 * between the paragraph marks and the margin notes, pages in order, running
 * header and footer left out), with pdf.js and with poppler's pdftotext:
 * every paragraph of the seed in order, and every body block of the second
 * article in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Citable } from '../../../src/model/types.js';
import { allParagraphs } from '../../../src/model/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { READING } from '../../../src/render/pdf/constants.js';
import { NOTES_DRIFT } from '../../../src/render/pdf/notes-drift.js';
import type { Block, Inline, PassageBlock } from '../../../src/ir/types.js';
import { blocksOf } from '../../helpers/doc-contract.js';
import { theme } from '../../../src/theme/theme.js';
import { SEED_RELATIVE_PATH, seedParagraphs } from '../../../scripts/seed-paragraphs.js';
import { need } from '../../helpers/pdf.js';
import { docFor, realArticles } from './articles.js';
import { inOrder, pdftotextRegion, readBack, squash, type ReadBack } from './read.js';

const root = path.resolve(import.meta.dirname, '../../..');
const seedPath = path.resolve(root, SEED_RELATIVE_PATH);
const havePdftotext = need('pdftotext');

const [left, top, right, bottom] = theme.pages.a4.margin;
const A4 = theme.pages.a4;
/** The text column of the reading edition, in points from the page's left edge. */
const column = { from: left + READING.mark + READING.gap - 1, to: A4.width - right - READING.notes - READING.gap + 1 };

/** What a reader finds of each body block: a paragraph's text, or each cell of a table. */
function blockTexts(c: Citable): string[] {
  if (c.kind !== 'table') return [squash(c.text)];
  return [...c.head, ...c.rows.flat()].map((cell) => squash(cell.map((s) => s.text).join(''))).filter(Boolean);
}

/** The text column of every page, in reading order, through pdf.js. */
function columnText(rb: ReadBack): string {
  const items = rb.items.filter((i) => i.x >= column.from && i.x + i.width <= column.to + 0.5 && i.y > bottom && i.y < A4.height - top);
  return squash(items.map((i) => i.text).join(''));
}

interface Rendered {
  slug: string;
  article: Article;
  bytes: Uint8Array;
  rb: ReadBack;
}
const rendered: Rendered[] = [];

beforeAll(async () => {
  for (const [slug, article] of await realArticles()) {
    const bytes = await backend.render(docFor(article, 'reading'), { epoch: 0 });
    rendered.push({ slug, article, bytes, rb: await readBack(bytes) });
  }
}, 120_000);

const first = () => rendered.find((r) => r.slug === 'us-japan-acquisition')!;
const second = () => rendered.find((r) => r.slug === 'allied-cloud-interoperability')!;
/** The seed's paragraphs, or (without the seed, as on a clean checkout) the model's, which tests/model/fidelity.test.ts holds equal to it. */
const seed = () => (existsSync(seedPath) ? seedParagraphs(readFileSync(seedPath, 'utf8')) : allParagraphs(first().article).map((p) => squash(p.text)));

describe('reading.pdf holds the article verbatim', () => {
  it('every seed paragraph, in order (pdf.js, text column)', () => {
    const result = inOrder(columnText(first().rb), seed());
    expect(result, JSON.stringify(result)).toEqual({ ok: true });
  });

  it.skipIf(!havePdftotext)('every seed paragraph, in order (pdftotext of the text column)', () => {
    const r = first();
    const text = squash(pdftotextRegion(r.bytes, { x: column.from, y: top, w: column.to - column.from, h: A4.height - top - bottom }, r.rb.pages.length));
    const result = inOrder(text, seed());
    expect(result, JSON.stringify(result)).toEqual({ ok: true });
  });

  it('every body block of the second article, in order (pdf.js and pdftotext)', () => {
    const r = second();
    const blocks = allParagraphs(r.article).flatMap(blockTexts);
    expect(blocks.length).toBeGreaterThan(30);
    const viaPdfjs = inOrder(columnText(r.rb), blocks);
    expect(viaPdfjs, JSON.stringify(viaPdfjs)).toEqual({ ok: true });
    if (havePdftotext) {
      const text = squash(pdftotextRegion(r.bytes, { x: column.from, y: top, w: column.to - column.from, h: A4.height - top - bottom }, r.rb.pages.length));
      const viaPoppler = inOrder(text, blocks);
      expect(viaPoppler, JSON.stringify(viaPoppler)).toEqual({ ok: true });
    }
  });

  it('anchors every body block at its id (a named destination of the file)', () => {
    for (const r of rendered) {
      for (const p of allParagraphs(r.article)) expect(r.rb.dests.has(p.id), `${r.slug}: ${p.id}`).toBe(true);
    }
  });

  it('sets a footnote\'s mark level with the footnote\'s first line, not with the rule above it', () => {
    let checked = 0;
    for (const r of rendered) {
      for (const p of allParagraphs(r.article).filter((x) => x.kind === 'footnote')) {
        const mark = r.rb.items.find((i) => i.text.trim() === p.mark && i.x + i.width <= column.from + 0.5 && i.x >= left - 0.5);
        const label = r.rb.items.find((i) => i.page === mark?.page && i.text.trim() === String(p.number) && i.x >= column.from && Math.abs(i.y - mark!.y) < 20);
        expect(mark && label, `${r.slug}: footnote ${p.number} at ¶${p.mark}`).toBeTruthy();
        // The mark's baseline within a few points of the label's (the rule is 10 points above).
        expect(Math.abs(mark!.y - label!.y), `${r.slug}: footnote ${p.number} at ¶${p.mark}`).toBeLessThan(4);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('shows each paragraph mark beside its paragraph, left of the text column', () => {
    for (const r of rendered) {
      const marks = new Set(r.rb.items.filter((i) => i.x + i.width <= column.from + 0.5 && i.x >= left - 0.5).map((i) => i.text.trim()));
      for (const p of allParagraphs(r.article)) expect(marks.has(p.mark), `${r.slug}: ${p.mark}`).toBe(true);
    }
  });
});

describe('reading.pdf contents', () => {
  it('gives each section the page its heading is printed on, linked to the heading', () => {
    for (const r of rendered) {
      const near = (a: number, b: number) => Math.abs(a - b) < 1;
      for (const s of r.article.sections) {
        const title = `${s.number} ${s.title.zh}`;
        const entry = r.rb.items.find((i) => i.page === 1 && squash(i.text) === squash(title));
        expect(entry, `${r.slug}: contents entry "${title}"`).toBeDefined();
        const numbers = r.rb.items.filter((i) => i.page === 1 && near(i.y, entry!.y) && i.x > entry!.x && /^\d+$/.test(i.text.trim()));
        expect(numbers, `${r.slug}: one page number beside "${title}"`).toHaveLength(1);
        const page = Number(numbers[0].text.trim());
        // The heading's own text is on that page, after the contents page, and its destination is that page.
        const headingPages = r.rb.items.filter((i) => i.page > 1 && squash(i.text).startsWith(squash(title))).map((i) => i.page);
        expect(headingPages[0], `${r.slug}: heading "${title}"`).toBe(page);
        expect(r.rb.dests.get(s.id), `${r.slug}: destination ${s.id}`).toBe(page);
        const n = numbers[0];
        const link = r.rb.links.find((l) => l.page === 1 && l.dest === s.id && l.rect[0] <= n.x + 1 && l.rect[2] >= n.x + n.width - 1);
        expect(link, `${r.slug}: the page number of "${title}" links to ${s.id}`).toBeDefined();
      }
    }
  });
});

const plainText = (spans: Inline | undefined) => (spans ?? []).map((s) => s.text).join('');

/** The passages of a Doc in reading order (in lists and quotes too). */
const passagesOf = (blocks: readonly Block[]): PassageBlock[] => blocksOf(blocks).filter((b): b is PassageBlock => b.type === 'passage');

describe('reading.pdf margin notes run on down the margin', () => {
  /** Where each passage's notes are: the notes column read in order (pages, then top to bottom), each label found in turn. */
  function notesPlaces(r: Rendered) {
    const from = A4.width - right - READING.notes - 1;
    const items = r.rb.items
      .filter((i) => i.x >= from && i.y > bottom && i.y < A4.height - top)
      .sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
    let text = '';
    const owner: number[] = [];
    items.forEach((item, k) => {
      const t = squash(item.text);
      text += t;
      owner.push(...Array.from(t, () => k));
    });
    const marks = r.rb.items.filter((i) => i.x + i.width <= column.from + 0.5 && i.x >= left - 0.5);
    let at = 0;
    return passagesOf(docFor(r.article, 'reading').blocks)
      .filter((p) => p.notes.length > 0)
      .map((p) => {
        const mark = marks.find((m) => m.text.trim() === p.mark);
        const notes = p.notes.map((n) => {
          const label = squash(plainText(n.label.zh ?? []));
          const found = text.indexOf(label, at);
          expect(found, `${r.slug}: ¶${p.mark}: note "${label}" in the notes column, in order`).toBeGreaterThanOrEqual(0);
          at = found + label.length;
          const header = squash(`¶${p.mark}`);
          const item = items[owner[found]];
          const above = items[owner[found] - 1];
          // How far below the margin's line above it (on its page) the note's label stands.
          const gap = above && above.page === item.page ? above.y - item.y : undefined;
          return { item, named: text.slice(0, found).endsWith(header), gap, start: owner[found], labelEnd: owner[found + label.length - 1] };
        });
        return { passage: p, mark: mark!, notes, items };
      });
  }

  it('starts each paragraph\'s notes beside it or below it, within the drift, and names them when they are not level with it', () => {
    for (const r of rendered) {
      let named = 0;
      for (const { passage, mark, notes } of notesPlaces(r)) {
        expect(mark, `${r.slug}: the mark of ¶${passage.mark}`).toBeDefined();
        const first = notes[0].item;
        const where = `${r.slug}: ¶${passage.mark} (mark p.${mark.page} y ${mark.y.toFixed(0)}, first note p.${first.page} y ${first.y.toFixed(0)})`;
        if (first.page === mark.page) {
          // Not above the paragraph; at most the drift (and the header line) below its first line.
          expect(first.y, where).toBeLessThanOrEqual(mark.y + 2);
          expect(mark.y - first.y, where).toBeLessThanOrEqual(NOTES_DRIFT + 16);
          const level = mark.y - first.y < 4;
          expect(notes[0].named, where).toBe(!level);
        } else {
          // Carried past a page break: on the next page, named.
          expect(first.page, where).toBe(mark.page + 1);
          expect(notes[0].named, where).toBe(true);
        }
        if (notes[0].named) named++;
      }
      // Both articles' notes run longer than some of their paragraphs: some are set lower.
      expect(named, r.slug).toBeGreaterThan(3);
    }
  });

  it('heads a paragraph\'s notes with its mark wherever they stand beside another paragraph (even going on from its own row)', () => {
    let beside = 0;
    for (const r of rendered) {
      const marks = r.rb.items.filter((i) => i.x + i.width <= column.from + 0.5 && i.x >= left - 0.5 && /^\d+(\.\d+)+$/.test(i.text.trim()));
      for (const { passage, notes, items } of notesPlaces(r)) {
        for (const [k, n] of notes.entries()) {
          // The paragraph whose row the note's label stands in: the nearest mark level with it or above it on its page.
          const near = marks.filter((m) => m.page === n.item.page && m.y >= n.item.y - 2).sort((a, b) => a.y - b.y)[0];
          if (!near || near.text.trim() === passage.mark) continue;
          beside++;
          // Its paragraph's name above it within that row (not only above its own row, where a reader would not look).
          const header = items.find((i) => i.page === n.item.page && squash(i.text) === squash(`¶${passage.mark}`) && i.y >= n.item.y && i.y <= near.y + 4);
          expect(header, `${r.slug}: p.${n.item.page}: note ${k + 1} of ¶${passage.mark} stands beside ¶${near.text.trim()} without "¶${passage.mark}" above it`).toBeDefined();
        }
      }
    }
    expect(beside, 'notes set beside another paragraph').toBeGreaterThan(3);
  });

  it('never leaves a note\'s label, or its label and one line of its text, at the foot of a page', () => {
    let split = 0;
    for (const r of rendered) {
      const places = notesPlaces(r);
      const items = places[0].items;
      const all = places.flatMap((p) => p.notes.map((n) => ({ ...n, mark: p.passage.mark })));
      all.forEach((n, j) => {
        const end = j + 1 < all.length ? all[j + 1].start : items.length;
        // The note's lines: up to the next note's label, less the next note's name ("¶2.3") if it has one.
        const own = items.slice(n.start, end).filter((i) => !squash(i.text).startsWith('¶'));
        const pages = [...new Set(own.map((i) => i.page))];
        if (pages.length < 2) return;
        split++;
        const label = items[n.labelEnd];
        const textLines = new Set(items.slice(n.labelEnd + 1, end).filter((i) => i.page === pages[0] && Math.abs(i.y - label.y) > 1).map((i) => Math.round(i.y)));
        expect(textLines.size, `${r.slug}: p.${pages[0]}: a note of ¶${n.mark} runs on to p.${pages[1]}`).toBeGreaterThanOrEqual(2);
      });
    }
    expect(split, 'notes that run on to the next page').toBeGreaterThan(0);
  });

  it('names the paragraph of notes that open a page away from it (a row that goes on with the notes before it)', () => {
    let opened = 0;
    for (const r of rendered) {
      const places = notesPlaces(r);
      const seen = new Set<number>();
      for (const { passage, mark, notes } of places) {
        for (const [k, n] of notes.entries()) {
          if (seen.has(n.item.page)) continue;
          seen.add(n.item.page);
          // The first note of the page's margin: beside its paragraph's page, or named above it.
          if (n.item.page === mark.page) continue;
          opened++;
          expect(n.named, `${r.slug}: p.${n.item.page} opens with note ${k + 1} of ¶${passage.mark} (p.${mark.page})`).toBe(true);
        }
      }
    }
    expect(opened, 'pages whose margin opens with notes of a paragraph on the page before').toBeGreaterThan(0);
  });

  it('prints a note\'s label in both languages and its text in Chinese only (the English is on screen)', () => {
    for (const r of rendered) {
      const from = A4.width - right - READING.notes - 1;
      const margin = squash(r.rb.items.filter((i) => i.x >= from).map((i) => i.text).join(''));
      const notes = passagesOf(docFor(r.article, 'reading').blocks).flatMap((p) => p.notes);
      const takeaway = notes.find((n) => n.text.en?.length && /Takeaway/.test(plainText(n.label.en ?? [])) && plainText(n.text.en).length > 40)!;
      expect(takeaway, r.slug).toBeDefined();
      expect(margin).toContain(squash(plainText(takeaway.label.en ?? [])));
      expect(margin).toContain(squash(plainText(takeaway.text.zh ?? [])).slice(0, 20));
      expect(margin).not.toContain(squash(plainText(takeaway.text.en ?? [])).slice(0, 30));
    }
  });
});
