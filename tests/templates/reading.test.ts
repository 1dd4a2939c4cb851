/**
 * The reading edition: the whole article as written, every citable block a
 * passage with its mark and id, in order (verbatim against the seed for the
 * first article), with its structures (quotes, nested and numbered lists,
 * tables, footnotes, sub-headings), the section summaries, a contents list,
 * and margin notes linking back to the items that cite each passage, and
 * glossary terms marked at their first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../src/model/types.js';
import type { Block, FootnotesBlock, ListBlock, MarginNote, PassageBlock, QuoteBlock, TableBlock } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { reading } from '../../templates/reading.js';
import { checklist } from '../../templates/checklist.js';
import { termCandidates } from '../../templates/body.js';
import { comparable, SEED_RELATIVE_PATH, seedParagraphs, sha256 } from '../../scripts/seed-paragraphs.js';
import { passagesOf, runsOf } from '../helpers/doc-contract.js';
import { deepFreeze, loadRealArticles, plain, walk } from './articles.js';

const root = path.resolve(import.meta.dirname, '../..');
const real = Object.fromEntries(await loadRealArticles());
const usJapan = real['us-japan-acquisition'];
const allied = real['allied-cloud-interoperability'];

/** Every block, list-item children included. */
const every = (blocks: Block[]): Block[] => blocks.flatMap((b) => [b, ...every('children' in b ? b.children : b.type === 'list' ? b.items.flatMap((it) => it.children ?? []) : [])]);

describe.each([['us-japan-acquisition', usJapan], ['allied-cloud-interoperability', allied]] as const)('reading edition (%s)', (_name, article) => {
  const doc = reading(deepFreeze(structuredClone(article)));
  const blocks = every(doc.blocks);
  const passages = blocks.filter((b): b is PassageBlock => b.type === 'passage');

  it('is the A4 reading product, opening with both titles, the edition and the original (its title a linked work)', () => {
    expect([doc.product, doc.page]).toEqual(['reading', 'a4']);
    const t = doc.blocks[0];
    expect(t.type).toBe('title');
    if (t.type !== 'title') return;
    expect([plain(t.title.zh), plain(t.title.en)]).toEqual([article.title.zh, article.title.en]);
    const rows = Object.fromEntries(t.meta.map((m) => [plain(m.label.en), m.value.en ?? []]));
    expect(plain(rows[LABELS.originalTitle.en])).toBe(article.original.title);
    expect(rows[LABELS.originalTitle.en][0]).toMatchObject({ role: 'title', href: article.original.url });
    expect(plain(rows[LABELS.originalUrl.en])).toBe(article.original.url);
    expect(plain(rows[LABELS.outlet.en])).toBe(article.original.outlet);
  });

  it('lists the sections in a contents list, each linking to its heading', () => {
    const contents = doc.blocks[1];
    expect(contents.type === 'group' && contents.id).toBe('contents');
    const list = walk([contents]).find((b): b is ListBlock => b.type === 'list')!;
    expect(list.items.map((it) => plain(it.text.zh))).toEqual(article.sections.map((s) => `${s.number} ${s.title.zh}`));
    expect(list.items.map((it) => it.text.zh![0].ref)).toEqual(article.sections.map((s) => ({ product: 'reading', anchor: s.id })));
  });

  it('holds every citable block as written, in order, with its mark and id', () => {
    expect(passagesOf(doc.blocks)).toEqual(allParagraphs(article).map((c) => ({ id: c.id, mark: c.mark, text: c.text })));
  });

  it('opens each section with its numbered bilingual heading and its summary in a labelled callout', () => {
    for (const s of article.sections) {
      const i = doc.blocks.findIndex((b) => b.id === s.id);
      const h = doc.blocks[i];
      expect(h.type === 'heading' && [h.level, plain(h.text.zh), plain(h.text.en)]).toEqual([1, `${s.number} ${s.title.zh}`, `${s.number} ${s.title.en}`]);
      const c = doc.blocks[i + 1];
      expect(c.type === 'callout' && [plain(c.title?.zh), plain(c.title?.en)]).toEqual([LABELS.sectionSummary.zh, LABELS.sectionSummary.en]);
      const p = c.type === 'callout' ? c.children[0] : null;
      expect(p?.type === 'pair' && [plain(p.zh), plain(p.en)]).toEqual([s.summary.zh, s.summary.en]);
    }
  });

  it('notes beside each passage every takeaway, recommendation and event citing it, linking back', () => {
    const numbers = new Map(walk(checklist(article).blocks).flatMap((b) => (b.type === 'checkItem' ? [[b.id, b.marker!]] : [])));
    const notesOf = (id: string) => [...passages, ...blocks.filter((b): b is TableBlock => b.type === 'table')].find((p) => p.id === id)?.notes ?? blocks.flatMap((b) => (b.type === 'footnotes' ? b.items : [])).find((x) => x.id === id)?.notes ?? [];
    article.takeaways.forEach((t, i) => {
      for (const id of t.cites) {
        const n = notesOf(id).find((x) => x.ref?.anchor === t.id);
        expect(n, `${t.id} on ${id}`).toBeDefined();
        expect([plain(n!.label.zh), plain(n!.label.en), n!.ref?.product]).toEqual([`要点 ${i + 1}`, `Takeaway ${i + 1}`, 'summary']);
        // In full, or (beside the next paragraph of a run citing it) "as above" and where it is in full.
        expect(plain(n!.text.en) === t.text.en || /^In full beside ¶\d+(\.\d+)*$/u.test(plain(n!.text.en)), plain(n!.text.en)).toBe(true);
      }
    });
    for (const r of article.recommendations) {
      const kind = r.kind === 'explicit' ? LABELS.explicit : LABELS.implicit;
      for (const id of r.cites) {
        const n = notesOf(id).find((x) => x.ref?.anchor === r.id)!;
        expect([plain(n.label.zh), plain(n.label.en), n.ref?.product]).toEqual([`建议 ${numbers.get(r.id)} \u00B7 ${kind.zh}`, `Recommendation ${numbers.get(r.id)} \u00B7 ${kind.en}`, 'checklist']);
      }
    }
    for (const e of article.timeline) for (const id of e.cites) expect(notesOf(id).some((x) => x.ref?.anchor === e.id && plain(x.label.zh).startsWith('事件'))).toBe(true);
  });

  it('gives a note in full beside the first paragraph of a run of paragraphs citing the item, then “as above” (never after a heading)', () => {
    // Citable blocks and headings in reading order.
    const seq: { heading?: true; id?: string; notes?: MarginNote[] }[] = [];
    const visit = (bs: readonly Block[]) => {
      for (const b of bs) {
        if (b.type === 'heading') seq.push({ heading: true });
        else if (b.type === 'passage' || b.type === 'table') seq.push({ id: b.id, notes: b.notes ?? [] });
        else if (b.type === 'footnotes') for (const it of b.items) seq.push({ id: it.id, notes: it.notes ?? [] });
        if ('children' in b && b.type !== 'callout') visit(b.children);
        if (b.type === 'list') for (const it of b.items) visit(it.children ?? []);
      }
    };
    visit(doc.blocks);
    const marks = new Map(passagesOf(doc.blocks).map((p) => [p.id, p.mark]));
    let previous: MarginNote[] = [];
    /** Where each note of the run was given in full. */
    let full = new Map<string, string>();
    let compact = 0;
    for (const x of seq) {
      if (x.heading) {
        previous = [];
        full = new Map();
        continue;
      }
      const next = new Map<string, string>();
      for (const n of x.notes!) {
        const key = `${n.ref?.anchor} ${plain(n.label.zh)}`;
        const before = previous.some((p) => p.ref?.anchor === n.ref?.anchor && plain(p.label.zh) === plain(n.label.zh));
        const text = [plain(n.text.zh), plain(n.text.en)].join(' / ');
        if (before) {
          compact++;
          // "详见第2.3段旁注 / In full beside ¶2.3": the paragraph where it stands in full, linked.
          const at = full.get(key)!;
          expect(text, `${x.id}: ${plain(n.label.en)}`).toBe(`详见第${marks.get(at)}段旁注 / In full beside ¶${marks.get(at)}`);
          for (const lang of ['zh', 'en'] as const) expect(n.text[lang]!.find((r) => r.ref)?.ref).toEqual({ product: 'reading', anchor: at });
          next.set(key, at);
        } else {
          expect(text.startsWith('详见'), `${x.id}: ${plain(n.label.en)}`).toBe(false);
          next.set(key, x.id!);
        }
      }
      previous = x.notes!;
      full = next;
    }
    expect(compact).toBeGreaterThan(0);
  });

  it('marks each glossary term at its first use only, never changing the text, with its definition beside it', () => {
    const terms = runsOf(doc).filter((s) => s.role === 'term');
    const order = passages.map((p) => p.id);
    for (const t of article.glossary) {
      const cands = termCandidates(t);
      const marked = passages.filter((p) => p.notes.some((n) => plain(n.text.en) === t.definition.en));
      const firstUse = order.find((id) => cands.some((c) => allParagraphs(article).find((x) => x.id === id)!.text.includes(c)));
      if (!firstUse) continue;
      // Never after the first passage that names it (an earlier name inside another term's mark aside).
      expect(marked, t.term).toHaveLength(1);
      expect(order.indexOf(marked[0].id)).toBeGreaterThanOrEqual(order.indexOf(firstUse));
      expect(marked[0].text.some((s) => s.role === 'term' && cands.includes(s.text))).toBe(true);
    }
    expect(terms.length).toBeGreaterThan(0);
  });

  it('links every footnote reference to its note, and every note exists', () => {
    const notes = blocks.filter((b): b is FootnotesBlock => b.type === 'footnotes').flatMap((b) => b.items);
    const refs = runsOf(doc).filter((s) => s.role === 'noteref');
    for (const r of refs) expect(notes.map((n) => n.id)).toContain(r.ref!.anchor);
    for (const n of notes) expect(refs.some((r) => r.ref!.anchor === n.id && r.text === n.label)).toBe(true);
  });
});

describe('fidelity to the seed text', () => {
  const seedPath = path.resolve(root, SEED_RELATIVE_PATH);
  const shown = passagesOf(reading(usJapan).blocks).map((p) => comparable(p.text));

  it.runIf(existsSync(seedPath))('the reading edition holds every seed paragraph verbatim, in order', () => {
    expect(shown).toEqual(seedParagraphs(readFileSync(seedPath, 'utf8')));
  });

  it('its passages hash to the committed seed-paragraph hashes, in order', () => {
    const { paragraphs } = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/seed-paragraph-hashes.json'), 'utf8')) as { paragraphs: string[] };
    expect(shown.map(sha256)).toEqual(paragraphs);
  });
});

describe('the second article: every structure as written', () => {
  const doc = reading(allied);
  const blocks = every(doc.blocks);

  it('keeps the quotes, the nested list, the numbered list, the table, the footnotes and the sub-headings', () => {
    const quotes = blocks.filter((b): b is QuoteBlock => b.type === 'quote');
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    expect(quotes.every((q) => q.children.every((c) => c.type === 'passage'))).toBe(true);
    const lists = blocks.filter((b): b is ListBlock => b.type === 'list' && b.id !== 'contents');
    const nested = lists.find((l) => l.items.some((it) => (it.children ?? []).some((c) => c.type === 'list')));
    expect(nested, 'a nested list').toBeDefined();
    const numbered = lists.find((l) => l.ordered)!;
    expect(numbered.items).toHaveLength(5);
    expect(numbered.start).toBeUndefined();
    const table = blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect([table.id, table.mark, plain(table.caption?.en)]).toEqual(['table-1', '3.8', 'Supplementary table. General characteristics of the country roles in the scenario (compiled by the translator from the text)']);
    expect(table.columns.map((c) => c.align)).toEqual(['left', 'left', 'left']);
    const notes = blocks.filter((b): b is FootnotesBlock => b.type === 'footnotes').flatMap((b) => b.items);
    expect(notes.map((n) => [n.id, n.label])).toEqual([
      ['fn-1', '1'],
      ['fn-2', '2'],
    ]);
    const subs = blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b.type === 'heading' ? plain(b.text.en) : ''));
    expect(subs).toContain('Initial Interoperability Plans');
  });

  it('marks “Hyperscaler” at the first 超大规模云服务商 of the body', () => {
    const first = allParagraphs(allied).find((p) => p.text.includes('超大规模云服务商'))!;
    const p = blocks.find((b): b is PassageBlock => b.type === 'passage' && b.id === first.id)!;
    expect(p.text.find((s) => s.role === 'term')?.text).toBe('超大规模云服务商');
    expect(p.notes.some((n) => plain(n.label.en) === 'Term: Hyperscaler')).toBe(true);
  });
});
