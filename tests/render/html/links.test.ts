/**
 * Citations a reader can follow, read back with parse5: every citation run of
 * a Doc is an `<a class="cite" href="reading.html#id">` (or `#id` on the
 * reading page itself) whose id exists in the article's reading.html; every
 * link to another product of the article lands on an id that product's page
 * has; the reading edition holds every seed paragraph verbatim and in order,
 * and every body block of the second article.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Doc, Span } from '../../../src/ir/types.js';
import { allParagraphs } from '../../../src/model/types.js';
import { comparable, SEED_RELATIVE_PATH, seedParagraphs, sha256 } from '../../../scripts/seed-paragraphs.js';
import { readPage, type Page } from './dom.js';
import { renderedPages, type Rendered } from './fixtures.js';

const pages = await renderedPages();
const sets = [...new Set(pages.map((p) => p.name))];
const pageOf = (name: string, product: string) => pages.find((p) => p.name === name && p.product === product);
const read = new Map<Rendered, Page>(pages.map((p) => [p, readPage(p.html)]));

/** Every span of a Doc. */
function spans(doc: Doc): Span[] {
  const out: Span[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof (v as Span).text === 'string' && !('type' in v)) out.push(v as Span);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc.blocks);
  return out;
}

describe.each(sets.map((s) => [s] as const))('%s', (name) => {
  const reading = pageOf(name, 'reading')!;
  const readingIds = read.get(reading)!.ids;

  it('links every citation to a passage the reading page has, a range to its first passage naming its last', () => {
    let total = 0;
    let ranges = 0;
    // The passage mark ("3.2") the reading page shows for each id.
    const marks = new Map(
      read
        .get(reading)!
        .elements.filter((e) => e.tag === 'a' && e.classes.includes('passage-mark'))
        .map((e) => [decodeURIComponent(e.attrs.href.slice(1)), e.text] as const),
    );
    for (const p of pages.filter((x) => x.name === name && x.product !== 'index')) {
      const page = read.get(p)!;
      const citeRuns = spans(p.doc).filter((s) => s.role === 'cite');
      const links = page.elements.filter((e) => e.tag === 'a' && e.classes.includes('cite'));
      expect(links.length, `${p.product}: a link per citation run`).toBe(citeRuns.length);
      for (const a of links) {
        const m = /^(?:reading\.html(?:\?range=([^,#]+),([^,#]+))?)?#(.+)$/.exec(a.attrs.href);
        expect(m, `${p.product}: ${a.attrs.href}`).not.toBeNull();
        if (p.product !== 'reading') expect(/^reading\.html[?#]/.test(a.attrs.href), a.attrs.href).toBe(true);
        const id = decodeURIComponent(m![3]);
        expect(readingIds, `${p.product}: ${a.attrs.href} (${a.text})`).toContain(id);
        // A range ("¶3.2–3.5") names its two ends, which the reading page has: the first is where the link goes, and
        // the passage marks of the two ends are the range's numbers.
        const range = /^¶([\d.]+)–([\d.]+)$/.exec(a.text);
        if (p.product === 'reading' || !range) {
          expect(m![1], `${p.product}: ${a.attrs.href} is a range only for "¶a–b" (${a.text})`).toBeUndefined();
          continue;
        }
        expect(m![1], `${p.product}: ${a.text} says its ends`).toBeDefined();
        const [first, last] = [decodeURIComponent(m![1]), decodeURIComponent(m![2])];
        expect(first).toBe(id);
        expect(readingIds).toContain(last);
        expect([marks.get(first), marks.get(last)], `${p.product}: ${a.attrs.href}`).toEqual([range[1], range[2]]);
        ranges++;
      }
      // No citation is printed as bare text: every ¶ mark on the page is inside a citation link (or a passage mark).
      for (const t of read.get(p)!.texts.filter((x) => x.value.includes('¶'))) expect(t.ancestors.some((a) => a.classes.includes('cite')), t.value).toBe(true);
      total += links.length;
    }
    if (name === 'kitchen-sink') expect(total).toBeGreaterThan(10);
    if (name !== 'kitchen-sink' && name !== 'sample') expect(ranges, 'a real article cites ranges').toBeGreaterThan(0);
  });

  it('links a glossary term’s margin note to the term’s own entry in the summary, not to the glossary’s heading', () => {
    const summary = pageOf(name, 'summary');
    const notes = read.get(reading)!.elements.filter((e) => e.tag === 'a' && e.classes.includes('note-label') && /^术语/.test(e.text));
    if (name !== 'sample' && name !== 'kitchen-sink') expect(notes.length, 'term notes').toBeGreaterThan(0);
    for (const a of notes) {
      const [file, id] = a.attrs.href.split('#');
      expect(file).toBe('summary.html');
      const target = read.get(summary!)!.elements.find((e) => e.attrs.id === decodeURIComponent(id));
      // "术语：DICAS · 美日防务工业合作…": the entry's first cell is the term.
      const term = a.text.replace(/^术语[:：]\s*/, '').split(/\s*·\s*|\s+Term/)[0];
      expect(target?.tag, a.attrs.href).toBe('th');
      expect(target!.text.startsWith(term), `${a.attrs.href}: "${target!.text}" is the entry of ${term}`).toBe(true);
    }
  });

  it('lands every link to another product of the article on an id that page has', () => {
    for (const p of pages.filter((x) => x.name === name && x.product !== 'index')) {
      for (const a of read.get(p)!.elements.filter((e) => e.tag === 'a' && /^[a-z]+\.html(\?range=[^#]*)?#/.test(e.attrs.href ?? ''))) {
        const [file, id] = a.attrs.href.replace(/\?range=[^#]*/, '').split('#');
        const target = pageOf(name, file.replace(/\.html$/, ''));
        expect(target, `${p.product}: ${a.attrs.href}`).toBeDefined();
        const ids = read.get(target!)!.ids;
        // A deck finds a slide by its outline id or its element id (slide-…).
        expect(ids.has(decodeURIComponent(id)) || ids.has(`slide-${decodeURIComponent(id)}`), `${p.product}: ${a.attrs.href}`).toBe(true);
      }
    }
  });

  it('anchors every block, item, event, passage and footnote id of the reading Doc', () => {
    const ids: string[] = [];
    const walk = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.id) ids.push(b.id);
        if (b.type === 'footnotes') ids.push(...b.items.map((i) => i.id));
        if (b.type === 'list') for (const it of b.items) (it.id ? ids.push(it.id) : 0, walk(it.children ?? []));
        if (b.type === 'figure') ids.push(...b.events.flatMap((e) => (e.id ? [e.id] : [])));
        if ('children' in b) walk(b.children);
      }
    };
    walk(reading.doc.blocks);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(readingIds, id).toContain(id);
  });
});

/** The text of each passage of a reading page (mark and margin notes left out), in order. */
function passageTexts(html: string): string[] {
  const page = readPage(html);
  return page.elements.filter((e) => e.classes.includes('passage-body')).map((e) => comparable(e.text));
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedPath = path.resolve(repoRoot, SEED_RELATIVE_PATH);

describe('the reading edition holds the article verbatim', () => {
  it('every seed paragraph, in order (by the committed hashes of the seed paragraphs)', () => {
    const { paragraphs } = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/seed-paragraph-hashes.json'), 'utf8')) as { paragraphs: string[] };
    const hashes = passageTexts(pageOf('us-japan-acquisition', 'reading')!.html).map(sha256);
    let at = 0;
    for (const [i, h] of paragraphs.entries()) {
      const found = hashes.indexOf(h, at);
      expect(found, `seed paragraph ${i + 1} in order`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  it.runIf(existsSync(seedPath))('every seed paragraph, in order (the seed text itself)', () => {
    const body = comparable(readPage(pageOf('us-japan-acquisition', 'reading')!.html).bodyText);
    let at = 0;
    for (const para of seedParagraphs(readFileSync(seedPath, 'utf8'))) {
      const found = body.indexOf(para, at);
      expect(found, para.slice(0, 30)).toBeGreaterThanOrEqual(at);
      at = found + para.length;
    }
  });

  it('every body block of the second article, in order (a table cell by cell)', () => {
    const p = pageOf('allied-cloud-interoperability', 'reading')!;
    const body = comparable(readPage(p.html).bodyText);
    let at = 0;
    for (const c of allParagraphs(p.article!)) {
      // A footnote is printed with the notes of its section, not where the
      // source defines it: present, but outside the order of the text.
      if (c.kind === 'footnote') {
        expect(body, c.id).toContain(comparable(c.text));
        continue;
      }
      const parts = c.kind === 'table' && !body.includes(comparable(c.text), at) ? c.text.split(/\s*\|\s*|\n/).map(comparable).filter(Boolean) : [comparable(c.text)];
      for (const part of parts) {
        const found = body.indexOf(part, at);
        expect(found, `${c.id}: ${part.slice(0, 30)}`).toBeGreaterThanOrEqual(at);
        at = found + part.length;
      }
    }
  });
});
