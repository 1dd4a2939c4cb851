/**
 * The print layout of the A4 products, read back with pdf.js and poppler:
 * pages filled (sections flow across pages), headings kept with what
 * follows, no paragraph leaving one line alone on a page nor ending on a line
 * of one or two characters, no line running into the next column, the
 * timeline's rule under its dots, and a checklist with empty boxes, no
 * progress line and no last item alone on a page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { CONTENT_WIDTH, PAGE, READING } from '../../../src/render/pdf/constants.js';
import { theme } from '../../../src/theme/theme.js';
import { bodyLines, normal, readPdf, type PdfPage } from '../../helpers/pdf.js';
import { docFor, realArticles } from './articles.js';
import { kitchenSink } from './kitchen-sink.js';
import { paint, near, rgb } from './pixels.js';
import { need } from '../../helpers/office.js';

/** poppler paints pages for the pixel checks (skipped without it, failing under CI). */
const havePdftoppm = need('pdftoppm');
import { bodyBox, pageFill, readBack, squash, type ReadBack } from './read.js';
import { Shapes } from './shapes.js';

interface Rendered {
  name: string;
  doc: Doc;
  bytes: Uint8Array;
  rb: ReadBack;
  pages: PdfPage[];
}
const all: Rendered[] = [];

beforeAll(async () => {
  const add = async (name: string, doc: Doc) => {
    const bytes = await backend.render(doc, { epoch: 0 });
    all.push({ name, doc, bytes, rb: await readBack(bytes), pages: await readPdf(bytes) });
  };
  for (const [slug, article] of await realArticles()) for (const p of ['summary', 'checklist', 'reading'] as const) await add(`${slug}/${p}`, docFor(article, p));
  await add('kitchen sink/summary', kitchenSink.summary());
  await add('kitchen sink/checklist', kitchenSink.checklist());
  await add('kitchen sink/reading', kitchenSink.reading());
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const s = new Shapes(seed);
    await add(`shape ${seed}/summary`, s.summary(s.int(1, 9)));
  }
}, 300_000);

const of = (product: string) => all.filter((r) => r.doc.product === product);
const plain = (spans: Inline | undefined) => (spans ?? []).map((s) => s.text).join('');

function walk(blocks: readonly Block[], fn: (b: Block) => void): void {
  for (const b of blocks) {
    if (b.media === 'screen') continue;
    fn(b);
    if ('children' in b) walk(b.children, fn);
    if (b.type === 'list') for (const it of b.items) walk(it.children ?? [], fn);
  }
}

/** The Chinese text of every heading of a Doc. */
function headings(doc: Doc): string[] {
  const out: string[] = [];
  walk(doc.blocks, (b) => b.type === 'heading' && out.push(squash(plain(b.text.zh))));
  return out.filter(Boolean);
}

/** Body text items of a page (header and footer left out), top to bottom. */
function body(r: Rendered, page: number) {
  const box = bodyBox('a4', r.rb.pages[page - 1]);
  return r.rb.items.filter((i) => i.page === page && i.y > box.bottom && i.y < box.top + 2 && i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
}

describe('A4 page layout', () => {
  it('keeps a lead-in (and the heading above it) on the page of what it introduces', () => {
    let checked = 0;
    for (const r of all) {
      const pages = Array.from({ length: r.rb.pages.length }, (_, i) => squash(body(r, i + 1).map((t) => t.text).join('')));
      const pageOf = (spans: Inline | undefined) => pages.findIndex((t) => t.includes(squash(plain(spans)).slice(0, 10)));
      const visit = (blocks: readonly Block[]) =>
        blocks.forEach((b, i) => {
          if ('children' in b) visit(b.children);
          const next = blocks[i + 1];
          if (!b.keepWithNext || b.type !== 'pair' || next?.type !== 'pair') return;
          checked++;
          const at = pageOf(b.zh);
          expect(at, `${r.name}: the lead-in "${plain(b.zh).slice(0, 12)}…"`).toBeGreaterThanOrEqual(0);
          expect(pageOf(next.zh), `${r.name}: "${plain(next.zh).slice(0, 12)}…" on the page of its lead-in (p.${at + 1})`).toBe(at);
        });
      visit(r.doc.blocks);
    }
    expect(checked, 'lead-ins of the real summaries').toBeGreaterThanOrEqual(2);
  });

  it('fills every page but the last to 60 % or more, unless the next page opens with a heading that would otherwise end the page (summaries)', () => {
    const summaries = of('summary');
    expect(summaries.length).toBeGreaterThanOrEqual(8);
    for (const r of summaries) {
      const fill = pageFill(r.rb, 'a4');
      const heads = headings(r.doc);
      for (let p = 1; p < fill.length; p++) {
        if (fill[p - 1] >= 0.6) continue;
        const next = body(r, p + 1)[0];
        const opensWithHeading = next && heads.some((h) => squash(next.text).startsWith(h.slice(0, 8)));
        expect(opensWithHeading, `${r.name}: page ${p} is ${(fill[p - 1] * 100).toFixed(0)} % filled`).toBe(true);
      }
    }
  });

  it('fills every page but the last of the real articles\' summaries and checklists to 60 % or more (a heading moves with what follows only when that leaves its page 60 % full)', () => {
    const real = all.filter((r) => !r.name.startsWith('kitchen') && !r.name.startsWith('shape') && r.doc.product !== 'reading');
    expect(real.length).toBe(4);
    for (const r of real) {
      const fill = pageFill(r.rb, 'a4');
      fill.slice(0, -1).forEach((f, i) => expect(f, `${r.name}: page ${i + 1}`).toBeGreaterThanOrEqual(0.6));
    }
  });

  it('keeps a heading with at least two lines of what follows it', () => {
    for (const r of all) {
      const heads = headings(r.doc);
      for (let p = 1; p <= r.rb.pages.length; p++) {
        const items = body(r, p);
        const baselines = [...new Set(items.map((i) => Math.round(i.y)))];
        items.forEach((it) => {
          // A heading: its text, bold, at a heading size (a run of the same words elsewhere is not one).
          if (!heads.includes(squash(it.text)) || !/Bold/u.test(it.font) || it.size < theme.size.body) return;
          // Lines under the heading on its page, its English half (same baseline) aside.
          const below = baselines.filter((y) => y < Math.round(it.y) - 1);
          const isLast = items.indexOf(it) === items.length - 1 && p === r.rb.pages.length;
          if (!isLast) expect(below.length, `${r.name} page ${p}: heading "${it.text}" has ${below.length} lines under it`).toBeGreaterThanOrEqual(2);
        });
      }
    }
  });

  it('repeats a table\'s header row above its rows on every page they run on to', () => {
    let continued = 0;
    for (const r of all) {
      const lines = bodyLines(r.pages, 'a4').map((l) => ({ ...l, text: squash(normal(l.text)) }));
      walk(r.doc.blocks, (b) => {
        if (b.type !== 'table') return;
        const head = squash(plain(b.columns[0]?.text.zh));
        const firsts = new Set(b.rows.map((row) => squash(plain(row[0]?.text.zh))).filter(Boolean));
        const pages = [...new Set(lines.filter((l) => firsts.has(l.text)).map((l) => l.page))];
        pages.forEach((page, k) => {
          const top = Math.max(...lines.filter((l) => l.page === page && firsts.has(l.text)).map((l) => l.y));
          const header = lines.some((l) => l.page === page && l.text === head && l.y > top);
          expect(header, `${r.name} page ${page}: the header "${head}" above the rows`).toBe(true);
          if (k > 0) continued++;
        });
      });
    }
    // The real summaries' glossaries run on over two pages.
    expect(continued).toBeGreaterThanOrEqual(2);
  });

  it('never leaves a passage\'s mark at the foot of a page with its text on the next (reading editions)', () => {
    let marks = 0;
    for (const r of of('reading')) {
      const lines = bodyLines(r.pages, 'a4');
      const left = PAGE.a4.margins[0];
      const notes = left + CONTENT_WIDTH.a4 - READING.notes;
      for (const m of lines.filter((l) => /^\d+(\.\d+)+$/u.test(l.text.trim()) && l.x0 < left + READING.mark)) {
        marks++;
        // Text of the passage's column (not a margin note) on the mark's page, about level with it.
        const beside = lines.some((l) => l.page === m.page && l.x0 > m.x1 && l.x0 < notes - READING.gap && Math.abs(l.y - m.y) < theme.size.body * 1.5);
        expect(beside, `${r.name} page ${m.page}: mark ${m.text} with no text beside it`).toBe(true);
      }
    }
    expect(marks).toBeGreaterThan(100);
  });

  it('never sets one Chinese character alone on a line of the real articles (table cells and margin notes too)', () => {
    const real = all.filter((r) => !r.name.startsWith('kitchen') && !r.name.startsWith('shape'));
    expect(real.length).toBe(6);
    const alone: string[] = [];
    for (const r of real) for (const l of r.pages.flatMap((p) => p.lines)) if (/^\p{Script=Han}[。，、；：！？）」』”]?$/u.test(normal(l.text))) alone.push(`${r.name} p${l.page}: "${l.text}"`);
    expect(alone).toEqual([]);
  });

  it('leaves no paragraph of the reading edition with one line alone on a page, nor with a last line of one or two characters', () => {
    const readings = of('reading');
    expect(readings.length).toBe(3);
    let checked = 0;
    for (const r of readings) {
      const passages: { id: string; text: string }[] = [];
      walk(r.doc.blocks, (b) => b.type === 'passage' && passages.push({ id: b.id, text: squash(plain(b.text)) }));
      // Lines of the text column, pages in order.
      const [left, , right] = theme.pages.a4.margin;
      const lines = r.pages.flatMap((pg) => pg.lines.filter((l) => l.x0 > left + 30 && l.x1 < pg.width - right - 120 && l.y > 56 && l.y < pg.height - 64));
      let i = 0;
      for (const p of passages) {
        // From the first line that starts this passage and is followed by lines that continue it to its end
        // (a section's summary, set before its first paragraph, may open with the same words).
        let rest = p.text;
        let mine: typeof lines = [];
        for (; i < lines.length; i++) {
          if (!p.text.startsWith(squash(lines[i].text).slice(0, 6))) continue;
          rest = p.text;
          mine = [];
          let j = i;
          while (j < lines.length && rest.length > 0 && rest.startsWith(squash(lines[j].text))) {
            rest = rest.slice(squash(lines[j].text).length);
            mine.push(lines[j++]);
          }
          if (rest === '') {
            i = j;
            break;
          }
        }
        expect(rest, `${r.name}: ${p.id} not found line by line`).toBe('');
        if (mine.length < 2) continue;
        checked++;
        const perPage = new Map<number, number>();
        for (const l of mine) perPage.set(l.page, (perPage.get(l.page) ?? 0) + 1);
        for (const [page, n] of perPage) expect(n, `${r.name}: ${p.id} has ${n} line on page ${page}`).toBeGreaterThanOrEqual(2);
        const last = [...squash(mine[mine.length - 1].text)];
        expect(last.length, `${r.name}: ${p.id} ends on "${last.join('')}"`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('never runs a line of a pair\'s Chinese into its English column', () => {
    let rows = 0;
    for (const r of [...of('summary')]) {
      for (let p = 1; p <= r.rb.pages.length; p++) {
        const items = body(r, p);
        for (const zh of items.filter((i) => /[\u4e00-\u9fff]/u.test(i.text) && i.x < 120)) {
          // English text starting on the same line to the right: the other column of the pair.
          const en = items.filter((i) => Math.abs(i.y - zh.y) < 4 && i.x > zh.x + 150 && /^[A-Za-z“(]/u.test(i.text.trim()));
          if (en.length === 0) continue;
          rows++;
          const start = Math.min(...en.map((i) => i.x));
          expect(zh.x + zh.width, `${r.name} page ${p}: "${zh.text}" runs to ${(zh.x + zh.width).toFixed(1)}, its English column starts at ${start.toFixed(1)}`).toBeLessThanOrEqual(start - 4);
        }
      }
    }
    expect(rows).toBeGreaterThan(50);
  });

  it('keeps every line inside the page body, left and right', () => {
    for (const r of all) {
      for (const it of r.rb.items) {
        const box = bodyBox('a4', r.rb.pages[it.page - 1]);
        expect(it.x, `${r.name} p${it.page}: ${it.text}`).toBeGreaterThanOrEqual(box.left - 0.5);
        expect(it.x + it.width, `${r.name} p${it.page}: ${it.text}`).toBeLessThanOrEqual(box.right + 0.5);
      }
    }
  });

  it.skipIf(!havePdftoppm)('draws the timeline rule under its dots', () => {
    const r = all.find((x) => x.name === 'kitchen sink/summary')!;
    const event = r.rb.items.find((i) => i.text.startsWith('日本公布现行国家安全'))!;
    const page = paint(r.bytes, event.page);
    const top = r.rb.pages[event.page - 1].height;
    const accent = rgb(theme.colors.accent);
    const ruleColour = rgb(theme.colors.rule);
    // The rule: the column of rule-coloured pixels left of the event text, over the event's height.
    let ruleX = -1;
    for (let x = event.x - 20; x < event.x; x += 0.25) {
      if ([0, 12, 24].every((dy) => near(page.at(x, top - event.y + dy), ruleColour, 12))) {
        ruleX = x;
        break;
      }
    }
    expect(ruleX, 'no rule found left of the event').toBeGreaterThan(0);
    // Up the rule from the event's first line: the dot's centre is painted in the accent colour, over the rule.
    let dot = false;
    for (let y = top - event.y - 14; y < top - event.y + 2; y += 0.25) if (near(page.at(ruleX, y), accent, 30)) dot = true;
    expect(dot, 'the rule is painted over the dot').toBe(true);
  });
});

describe('checklist on paper', () => {
  it.skipIf(!havePdftoppm)('prints no progress line, and boxes with nothing ticked', () => {
    for (const r of of('checklist')) {
      const text = normal(r.rb.items.map((i) => i.text).join(' '));
      expect(text, r.name).not.toMatch(/完成进度|Progress|\b0 \/ \d/u);
      const first: string[] = [];
      let numbered = false;
      walk(r.doc.blocks, (b) => {
        if (b.type !== 'checkItem') return;
        if (first.length === 0) numbered = !!b.marker;
        first.push(squash(plain(b.zh)).slice(0, 6));
      });
      const item = r.rb.items.find((i) => first.some((f) => squash(i.text).startsWith(f)))!;
      expect(item, `${r.name}: a check item's text`).toBeDefined();
      const page = paint(r.bytes, item.page);
      const top = r.rb.pages[item.page - 1].height;
      // The item's number stands on its first line, left of the text; the box is left of the number.
      const number = r.rb.items.find((i) => i.page === item.page && /^\d+$/.test(i.text.trim()) && Math.abs(i.y - item.y) < 1 && i.x < item.x);
      expect(!!number, `${r.name}: the item's number left of its text`).toBe(numbered);
      // The box left of the number (or of the text of an unnumbered item): its centre is paper white, its left side ink.
      const at = (number ?? item).x;
      const cy = top - item.y - item.size * 0.35;
      const centre = page.at(at - 13.5, cy);
      expect(near(centre, [255, 255, 255], 10), `${r.name}: box centre ${centre}`).toBe(true);
      let edge = false;
      for (let x = at - 22; x < at - 14; x += 0.25) if (page.at(x, cy).every((v) => v < 120)) edge = true;
      expect(edge, `${r.name}: box edge`).toBe(true);
    }
  });

  // The page of each item is its named destination's: the Sources cited appendix after the items quotes the
  // article's own recommendations, so an item's words may be printed again on a later page.
  it('never leaves the last item alone on the last page of the items', () => {
    let split = 0;
    for (const r of of('checklist')) {
      const ids: string[] = [];
      walk(r.doc.blocks, (b) => b.type === 'checkItem' && ids.push(b.id));
      const pages = ids.map((id) => r.rb.dests.get(id));
      for (const [k, page] of pages.entries()) expect(page, `${r.name}: ${ids[k]} has no destination`).toBeDefined();
      const last = Math.max(...(pages as number[]));
      if (Math.min(...(pages as number[])) === last) continue;
      split++;
      const onLast = pages.filter((p) => p === last).length;
      expect(onLast, `${r.name}: items on page ${last}, the last with items`).not.toBe(1);
    }
    expect(split).toBeGreaterThan(0);
  });
});
