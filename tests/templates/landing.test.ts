/**
 * The site's index page as a Doc: per article its title, date, original,
 * abstract and a row per product with its files (format, size, a link each),
 * in reading order, with the theme's labels and links that cannot become a
 * scheme.
 */
import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { landing, landingFields, type LandingEntry } from '../../templates/landing.js';
import { loadRealArticle, plain } from './articles.js';

const entry = (slug: string, files: string[], extra: Partial<LandingEntry> = {}): LandingEntry => ({
  slug,
  title: { zh: `标题${slug}`, en: `Title ${slug}` },
  artifacts: files.map((f, i) => ({ path: `${slug}/${f}`, product: f.split('.')[0], format: f.split('.')[1], bytes: 1000 + i })),
  ...extra,
});

/** The table of article `slug`: the first after its heading. */
const tableOf = (blocks: Block[], slug: string) => blocks.slice(blocks.findIndex((b) => b.type === 'heading' && b.id === slug)).find((b): b is TableBlock => b.type === 'table')!;
const links = (t: TableBlock) => t.rows.map((r) => (r[1].text.zh ?? []).filter((s) => s.href).map((s) => s.href));

describe('landing', () => {
  const doc = landing([entry('b-article', ['slides.pptx', 'summary.pdf', 'checklist.html', 'summary.html']), entry('a-article', ['summary.docx'])]);

  it('is the index product, titled with the theme label, with a heading anchored at each slug (in slug order) and its table', () => {
    expect(doc.product).toBe('index');
    expect(plain(doc.meta.title.zh)).toBe(LABELS.publications.zh);
    expect(plain(doc.meta.title.en)).toBe(LABELS.publications.en);
    const headings = doc.blocks.filter((b) => b.type === 'heading' && b.level === 1);
    expect(headings.map((h) => h.id)).toEqual(['a-article', 'b-article']);
    expect(headings.map((h) => h.type === 'heading' && plain(h.text.en))).toEqual(['Title a-article', 'Title b-article']);
    for (const slug of ['a-article', 'b-article']) expect(tableOf(doc.blocks, slug).type).toBe('table');
  });

  it('ends with the fonts note in both languages, each ending with the link to the font licence', () => {
    const notes = doc.blocks.filter((b) => b.type === 'paragraph' && b.role === 'note');
    for (const lang of ['zh', 'en'] as const) {
      const note = notes.find((b) => b.type === 'paragraph' && b.lang === lang);
      expect(note?.type, lang).toBe('paragraph');
      if (note?.type !== 'paragraph') continue;
      expect(note.text.at(-1)?.href, `${lang}: the note's last run links to the licence`).toBe('fonts/OFL.txt');
    }
  });

  it('gives a row per product in reading order, its files by format as links with their sizes', () => {
    const t = tableOf(doc.blocks, 'b-article');
    expect(t.rows.map((r) => plain(r[0].text.zh))).toEqual([LABELS.summary.zh, LABELS.checklist.zh, LABELS.slides.zh]);
    expect(links(t)).toEqual([['b-article/summary.html', 'b-article/summary.pdf'], ['b-article/checklist.html'], ['b-article/slides.pptx']]);
    expect(plain(t.rows[0][1].text.en)).toBe('HTML\u00A01003\u00A0B \u00B7 PDF\u00A01001\u00A0B');
    expect(t.columns.map((c) => plain(c.text.en))).toEqual([LABELS.product.en, LABELS.file.en]);
  });

  it('percent-encodes every path segment of a link', () => {
    const t = tableOf(landing([entry('x', ['summary:evil.html'])]).blocks, 'x');
    expect(links(t)).toEqual([['x/summary%3Aevil.html']]);
  });

  it('does not depend on the order of its entries', () => {
    const entries = [entry('b', ['summary.pdf', 'slides.html']), entry('a', ['checklist.docx'])];
    expect(landing([...entries].reverse())).toEqual(landing(entries));
  });

  it('shows, when the build passes them, the date, the original (its title a linked work) and the takeaways as an abstract', async () => {
    const real = await loadRealArticle();
    const d = landing([entry(real.slug, ['summary.pdf'], { title: real.title, ...landingFields(real) })]);
    const text = d.blocks.flatMap((b) => (b.type === 'pair' ? [plain(b.zh), plain(b.en)] : b.type === 'list' ? b.items.flatMap((it) => [plain(it.text.zh), plain(it.text.en)]) : []));
    expect(text).toContain('日期：2025年1月10日');
    expect(text).toContain('Date: 10 January 2025');
    expect(text).toContain(`${LABELS.original.en}: Gregg Rubinstein, CSIS, ${real.original.title}`);
    for (const t of real.takeaways) expect(text).toContain(t.text.en);
    const work = d.blocks.flatMap((b) => (b.type === 'pair' ? b.en : [])).find((s) => s.role === 'title')!;
    expect([work.text, work.href]).toEqual([real.original.title, real.original.url]);
    expect(d.blocks.some((b) => b.type === 'heading' && plain(b.text.zh) === LABELS.abstract.zh)).toBe(true);
  });
});
