/**
 * Slide decks read back with pdf.js: one page per slide, every text inside
 * the page, type sizes a room can read (nothing under 9 pt, body median at
 * least 12 pt on the 720-pt page), each slide's title on its own page and no
 * speaker notes printed; for the kitchen-sink deck (every layout), the decks
 * the slides template makes of generated article shapes (it decides what
 * fits on a slide by the theme's slideSpec, which the backend draws by) and
 * the real articles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc, SlideBlock } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { lastRenderReport } from '../../../src/render/pdf/document.js';
import { LABELS } from '../../../src/theme/labels.js';
import { slideSpec, theme } from '../../../src/theme/theme.js';
import { getTemplate } from '../../../templates/index.js';
import { articleOf, longTitleShape, sampleArticles } from '../../helpers/shapes.js';
import { docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';
import { readBack, squash, type ReadBack } from './read.js';

interface Deck {
  name: string;
  doc: Doc;
  rb: ReadBack;
}
const decks: Deck[] = [];
const real: Deck[] = [];
const SHAPES = 8;
const LONG_TITLES = 2;

beforeAll(async () => {
  const add = async (list: Deck[], name: string, doc: Doc) => list.push({ name, doc, rb: await readBack(await backend.render(doc, { epoch: 0 })) });
  await add(decks, 'kitchen sink', kitchenSink.slides());
  const slides = getTemplate('slides');
  for (const [i, { article }] of sampleArticles(SHAPES).entries()) await add(decks, `shape ${i + 1}`, slides(article));
  // 120-character titles and every fact of the original: the title slide at a smaller title size, or continued.
  for (const [i, { shape }] of sampleArticles(LONG_TITLES, 7).entries()) await add(decks, `long title ${i + 1}`, slides(articleOf(longTitleShape(shape)).article));
  for (const [slug, article] of await realArticles()) await add(real, slug, docFor(article, 'slides'));
}, 300_000);

const slidesOf = (doc: Doc) => doc.blocks.filter((b): b is SlideBlock => b.type === 'slide');
const [, , , footer] = theme.pages.slide.margin;

/**
 * The characters of a page's body text, each with its size: the footer, the
 * small citation line and the note paragraphs (the glossary's source foot,
 * the closing slide's licence: small by the theme, `slideSpec.body.*.small`)
 * left out. A note's text is left out only where it is drawn at the small size.
 */
function bodySizes(rb: ReadBack, page: number, slide: SlideBlock): number[] {
  const citation = /^[¶\d.,\s]+$/u;
  const small = slideSpec.body[slide.density ?? 'normal'].small;
  const notes = squash(
    slide.children
      .filter((b) => b.type === 'paragraph' && b.role === 'note')
      .map((b) => (b.type === 'paragraph' ? b.text.map((r) => r.text).join('') : ''))
      .join(''),
  );
  const note = (text: string, size: number) => size === small && squash(text) !== '' && notes.includes(squash(text));
  return rb.items
    .filter((i) => i.page === page && i.y > footer && !citation.test(i.text) && !note(i.text, i.size))
    .flatMap((i) => [...i.text.replace(/\s/gu, '')].map(() => i.size));
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

function checkDeck(d: Deck): void {
  const slides = slidesOf(d.doc);
  expect(d.rb.pages.length, `${d.name}: pages for ${slides.length} slides`).toBe(slides.length);
  d.rb.pages.forEach((p, i) => {
    const n = i + 1;
    const items = d.rb.items.filter((it) => it.page === n && it.text.trim() !== '');
    for (const it of items) {
      const where = `${d.name} slide ${n}: "${it.text}"`;
      expect(it.x, where).toBeGreaterThanOrEqual(-0.5);
      expect(it.x + it.width, where).toBeLessThanOrEqual(p.width + 0.5);
      expect(it.y, where).toBeGreaterThan(0);
      expect(it.y + it.size * 0.8, where).toBeLessThanOrEqual(p.height);
      expect(it.size, `${where} at ${it.size} pt`).toBeGreaterThanOrEqual(9);
    }
    expect(median(bodySizes(d.rb, n, slides[i])), `${d.name} slide ${n}: body median`).toBeGreaterThanOrEqual(12);
    // The slide's own title is on its page; a title slide shows its title block's (a continued one, the short title).
    const block = slides[i].layout === 'title' ? slides[i].children.find((b) => b.type === 'title') : undefined;
    const title = squash((block?.title ?? slides[i].title).zh?.map((s) => s.text).join('') ?? '');
    const text = squash(items.map((it) => it.text).join(''));
    expect(text, `${d.name} slide ${n}`).toContain(title.slice(0, 12));
  });
}

describe('slides PDF', () => {
  it('sets a timeline that runs over several slides with the same date column on each (the events\' text starts at one x)', () => {
    let compared = 0;
    for (const d of [...real, ...decks]) {
      const slides = slidesOf(d.doc);
      // Each run of consecutive timeline slides: the x of each slide's first event text.
      let run: number[] = [];
      const close = () => {
        if (run.length > 1) {
          for (const x of run) expect(x, `${d.name}: event text x on the timeline's slides ${run.join(', ')}`).toBeCloseTo(run[0], 1);
          compared += run.length - 1;
        }
        run = [];
      };
      slides.forEach((slide, i) => {
        const fig = slide.layout === 'timeline' ? slide.children.find((b) => b.type === 'figure') : undefined;
        if (!fig || fig.type !== 'figure' || fig.events.length === 0) return close();
        // A timeline's first slide starts a run; its continuation slides carry on with it.
        if (!(slide.title.zh ?? []).map((r) => r.text).join('').endsWith(`${LABELS.continued.zh}）`)) close();
        const first = squash((fig.events[0].text.zh ?? []).map((r) => r.text).join('')).slice(0, 6);
        const item = d.rb.items.find((it) => it.page === i + 1 && squash(it.text).startsWith(first));
        expect(item, `${d.name} slide ${i + 1}: "${first}"`).toBeDefined();
        run.push(item!.x);
      });
      close();
    }
    expect(compared, 'timeline slides compared').toBeGreaterThanOrEqual(2);
  });

  it('prints a glossary slide\'s header row above its terms, as the PPTX, DOCX and HTML do', () => {
    let checked = 0;
    for (const d of [...real, ...decks]) {
      slidesOf(d.doc).forEach((slide, i) => {
        const table = slide.layout === 'glossary' ? slide.children.find((b) => b.type === 'table') : undefined;
        if (!table || table.type !== 'table' || table.rows.length === 0) return;
        const items = d.rb.items.filter((it) => it.page === i + 1);
        const head = items.find((it) => squash(it.text) === squash((table.columns[0].text.zh ?? []).map((r) => r.text).join('')));
        const term = items.find((it) => squash(it.text).startsWith(squash((table.rows[0][0].text.zh ?? []).map((r) => r.text).join(''))));
        expect(head && term && head.y > term.y, `${d.name} slide ${i + 1}: header above the first term`).toBe(true);
        checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('one page per slide, all text on the page, sizes from 9 pt with a body median from 12 pt (kitchen sink and generated shapes)', () => {
    expect(decks.length).toBe(1 + SHAPES + LONG_TITLES);
    for (const d of decks) checkDeck(d);
  });

  it.each(['us-japan-acquisition', 'allied-cloud-interoperability'])('the same for %s', (slug) => {
    const d = real.find((r) => r.name === slug)!;
    checkDeck(d);
  });

  it('draws every layout of the kitchen sink with its title, and prints no speaker notes', () => {
    const d = decks[0];
    const all = squash(d.rb.items.map((i) => i.text).join(''));
    expect(all).not.toContain(squash('SPEAKER NOTES NOT IN PDF'));
    expect(all).not.toContain(squash('演讲者备注'));
    expect(new Set(slidesOf(d.doc).map((s) => s.layout))).toEqual(new Set(['title', 'section', 'statement', 'columns', 'points', 'timeline', 'checklist', 'glossary', 'content', 'closing']));
  });

  it('sets a statement larger than body text, and Chinese and English side by side on a columns slide', () => {
    const d = decks[0];
    const slides = slidesOf(d.doc);
    const statement = slides.findIndex((s) => s.layout === 'statement') + 1;
    const points = slides.findIndex((s) => s.layout === 'points') + 1;
    const biggest = (page: number) => Math.max(...d.rb.items.filter((i) => i.page === page && /[\u4e00-\u9fff]/u.test(i.text) && i.y < d.rb.pages[0].height - 90).map((i) => i.size));
    expect(biggest(statement)).toBeGreaterThan(biggest(points));
    const columns = slides.findIndex((s) => s.layout === 'columns') + 1;
    const zh = d.rb.items.find((i) => i.page === columns && i.text.startsWith('GPI：'))!;
    const en = d.rb.items.find((i) => i.page === columns && i.text.startsWith('GPI: co-development'))!;
    expect(Math.abs(zh.y - en.y)).toBeLessThan(6); // top-aligned; the faces' ascenders differ
    expect(en.x).toBeGreaterThan(zh.x + 200);
  });
});

describe('a deck whose title is taller than its slide (hostile input)', () => {
  const han = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 2000))).join('');
  const [{ article }] = sampleArticles(1);
  const long = { ...structuredClone(article), title: { ...article.title, zh: han(6000) } };
  const doc = getTemplate('slides')(long);

  it('is marked by the template as running over on its title slides only; the real decks have none', async () => {
    const over = slidesOf(doc).filter((s) => s.runsOver).map((s) => s.layout);
    expect(over.length).toBeGreaterThan(0);
    expect(new Set(over)).toEqual(new Set(['title']));
    for (const [slug, a] of await realArticles()) expect(slidesOf(docFor(a, 'slides')).filter((s) => s.runsOver).map((s) => s.number), slug).toEqual([]);
  });

  it('is laid out once, with the pages a second layout of the overflowing slides gave', async () => {
    const once = await backend.render(doc, { epoch: 0 });
    const report = lastRenderReport()!;
    expect(report.layouts).toBe(1);
    expect(report.overflowing).toContain(1);
    // Without the template's mark the backend finds the overflow in a first layout and lays the deck out again.
    const unmarked: Doc = { ...doc, blocks: doc.blocks.map((b) => (b.type === 'slide' ? (({ runsOver: _r, ...rest }) => rest)(b) : b)) };
    const twice = await backend.render(unmarked, { epoch: 0 });
    expect(lastRenderReport()!.layouts).toBe(2);
    const [a, b] = [await readBack(once), await readBack(twice)];
    expect(a.pages.length).toBe(b.pages.length);
    const key = (rb: ReadBack) => rb.items.map((i) => `${i.page} ${i.x.toFixed(2)} ${i.y.toFixed(2)} ${i.text}`);
    expect(key(a)).toEqual(key(b));
  });
});

describe('title slide facts', () => {
  it('set each label (Chinese and English) on one line beside its value, for both articles', async () => {
    for (const [slug, article] of await realArticles()) {
      const doc = docFor(article, 'slides');
      const rb = await readBack(await backend.render(doc, { epoch: 0 }));
      const first = doc.blocks.find((b): b is SlideBlock => b.type === 'slide')!;
      const title = first.children.find((b) => b.type === 'title');
      expect(title?.type, slug).toBe('title');
      if (title?.type !== 'title') continue;
      expect(title.meta.length, slug).toBeGreaterThan(3);
      const find = (k: number) => rb.items.find((i) => i.page === 1 && squash(i.text) === squash(title.meta[k].label.zh.map((s) => s.text).join('')));
      const [top, last] = [find(0), find(title.meta.length - 1)];
      expect(top && last, `${slug}: first and last label`).toBeTruthy();
      // The label column, from the first label's line to a line under the last: the items left of the value column.
      const m = slideSpec.title.meta;
      const column = rb.items.filter((i) => i.page === 1 && i.x >= top!.x - 1 && i.x < top!.x + m.labelWidth - 4 && i.y <= top!.y + 1 && i.y >= last!.y - m.size * m.line - 1);
      const lines = [...new Set(column.map((i) => Math.round(i.y)))];
      // One line per row, nothing wrapped under a label.
      expect(lines.length, `${slug}: label lines`).toBe(title.meta.length);
      for (const row of title.meta) {
        const label = squash([...row.label.zh, ...row.label.en].map((s) => s.text).join(''));
        const onLine = lines.map((y) => squash(column.filter((i) => Math.round(i.y) === y).map((i) => i.text).join('')));
        expect(onLine, `${slug}: "${label}" on one line`).toContain(label);
      }
    }
  });
});
