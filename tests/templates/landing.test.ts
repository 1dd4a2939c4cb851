/**
 * The site's index page as a Doc: one section per article with a table of its
 * files, in reading order, with the theme's labels and links that cannot
 * become a scheme.
 */
import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { landing, type LandingEntry } from '../../templates/landing.js';
import { plain } from './articles.js';

const entry = (slug: string, files: string[]): LandingEntry => ({
  slug,
  title: { zh: `标题${slug}`, en: `Title ${slug}` },
  artifacts: files.map((f, i) => ({ path: `${slug}/${f}`, product: f.split('.')[0], format: f.split('.')[1], bytes: 1000 + i })),
});

/** The table after the heading of article `slug`. */
const tableOf = (blocks: Block[], slug: string) => blocks[blocks.findIndex((b) => b.type === 'heading' && b.id === slug) + 1] as TableBlock;
const fileNames = (t: TableBlock) => t.rows.map((r) => plain(r[1].text.zh));

describe('landing', () => {
  const doc = landing([entry('b-article', ['slides.pptx', 'summary.pdf', 'checklist.html', 'summary.html']), entry('a-article', ['summary.docx'])]);

  it('is the index product, titled with the theme label, with a heading anchored at each slug (in slug order) and its table', () => {
    expect(doc.product).toBe('index');
    expect(plain(doc.meta.title.zh)).toBe(LABELS.publications.zh);
    expect(plain(doc.meta.title.en)).toBe(LABELS.publications.en);
    const headings = doc.blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.id)).toEqual(['a-article', 'b-article']);
    expect(headings.map((h) => h.type === 'heading' && plain(h.text.en))).toEqual(['Title a-article', 'Title b-article']);
    for (const slug of ['a-article', 'b-article']) expect(tableOf(doc.blocks, slug).type).toBe('table');
  });

  it('lists files product by product, then format by format', () => {
    expect(fileNames(tableOf(doc.blocks, 'b-article'))).toEqual(['summary.html', 'summary.pdf', 'checklist.html', 'slides.pptx']);
  });

  it('names products with the theme labels and gives each file a relative link and its size', () => {
    const t = tableOf(doc.blocks, 'a-article');
    expect(t.columns.map((c) => plain(c.text.en))).toEqual([LABELS.product.en, LABELS.file.en, LABELS.size.en]);
    const [product, file, size] = t.rows[0];
    expect(plain(product.text.zh)).toBe(LABELS.summary.zh);
    expect(file.text.zh?.[0].href).toBe('a-article/summary.docx');
    expect(plain(size.text.en)).toBe('1000 B');
  });

  it('percent-encodes every path segment of a link', () => {
    const t = tableOf(landing([entry('x', ['summary:evil.html'])]).blocks, 'x');
    expect(t.rows[0][1].text.zh?.[0].href).toBe('x/summary%3Aevil.html');
  });

  it('does not depend on the order of its entries', () => {
    const entries = [entry('b', ['summary.pdf', 'slides.html']), entry('a', ['checklist.docx'])];
    expect(landing([...entries].reverse())).toEqual(landing(entries));
  });
});
