/**
 * Fidelity of reading.docx: its text, read back by two independent readers
 * (unzip + xmldom, and mammoth), holds every paragraph of the seed verbatim
 * and in order (NFKC, whitespace removed, as the model's fidelity test
 * compares them), and every body block of the second article in order. The
 * Docs come from the reading template; a hand-made structured edition of
 * the second article (quotes, lists, tables, footnotes as the IR has them)
 * is checked the same way, so the test holds whichever way the template
 * lays the blocks out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/docx/index.js';
import { loadArticle } from '../../../src/model/index.js';
import { allParagraphs, type Article, type BodyBlock } from '../../../src/model/types.js';
import type { Block, Doc, Inline } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { comparable, SEED_RELATIVE_PATH, seedParagraphs, sha256 } from '../../../scripts/seed-paragraphs.js';
import { DocxReader } from '../../helpers/docx.js';
import { blocksOf } from '../../helpers/doc-contract.js';

const ctx = { epoch: Date.UTC(2025, 0, 10) / 1000 };
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedPath = path.resolve(repoRoot, SEED_RELATIVE_PATH);

let first: Article;
let second: Article;

beforeAll(async () => {
  first = (await loadArticle(path.join(repoRoot, 'source/us-japan-acquisition.md'))).article!;
  second = (await loadArticle(path.join(repoRoot, 'source/allied-cloud-interoperability.md'))).article!;
  expect(first && second).toBeTruthy();
}, 60_000);

/** Texts (comparable form) of a package: every paragraph, in document order; and mammoth's raw text. */
async function texts(doc: Doc): Promise<{ paragraphs: string[]; joined: string; mammoth: string }> {
  const bytes = await backend.render(doc, ctx);
  const paragraphs = new DocxReader(bytes).paragraphs().map((p) => comparable(p.text));
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { paragraphs, joined: paragraphs.join('\u0000'), mammoth: comparable(value) };
}

/** The strings in `haystack`, each found after the previous one; returns those not found in order. */
function missingInOrder(haystack: string, needles: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i < 0) missing.push(n.slice(0, 40));
    else at = i + n.length;
  }
  return missing;
}

/** What a reader must find of each body block: its text, or for a table every cell (and its caption, with `captions`). */
function blockTexts(article: Article, captions: boolean): string[] {
  return allParagraphs(article).flatMap((c) => {
    if (c.kind !== 'table') return [comparable(c.text)];
    const cells = [...c.head, ...c.rows.flat()].map((spans) => comparable(spans.map((s) => s.text).join(''))).filter(Boolean);
    return [...(captions && c.caption ? [comparable(c.caption.zh)] : []), ...cells];
  });
}

const spans = (s: { text: string; strong?: boolean; em?: boolean }[]): Inline => s.map((x) => ({ text: x.text, ...(x.strong ? { strong: true } : {}), ...(x.em ? { em: true } : {}) }));

/** A reading edition with the article's structures as the IR has them (quotes, nested lists, tables, footnotes, sub-headings). */
function structured(article: Article): Doc {
  const body = (blocks: readonly BodyBlock[]): Block[] =>
    blocks.map((b): Block => {
      switch (b.kind) {
        case 'paragraph':
          return { type: 'passage', id: b.id, mark: b.mark, text: spans(b.spans), notes: [], cites: [b.id] };
        case 'footnote':
          return { type: 'footnotes', items: [{ id: b.id, label: b.label, mark: b.mark, text: spans(b.spans) }], cites: [b.id] };
        case 'quote':
          return { type: 'quote', children: body(b.blocks), cites: [] };
        case 'heading':
          return { type: 'heading', level: b.depth, text: { zh: [{ text: b.zh }], ...(b.en ? { en: [{ text: b.en }] } : {}) }, cites: [] };
        case 'table':
          return {
            type: 'table',
            id: b.id,
            mark: b.mark,
            ...(b.caption ? { caption: { zh: [{ text: b.caption.zh }], en: [{ text: b.caption.en }] } } : {}),
            columns: b.head.map((h, i) => ({ text: { zh: spans(h) }, ...(b.align[i] ? { align: b.align[i]! } : {}) })),
            rows: b.rows.map((r) => r.map((c) => ({ text: { zh: spans(c) } }))),
            notes: [],
            cites: [b.id],
          };
        case 'list': {
          const list = (l: typeof b): Block => ({
            type: 'list',
            ordered: l.ordered,
            ...(l.start !== undefined ? { start: l.start } : {}),
            items: l.items.map((item) => ({
              id: item.id,
              text: {},
              cites: [item.id],
              children: [{ type: 'passage', id: `${item.id}-text`, mark: item.mark, text: spans(item.spans), notes: [], cites: [item.id] }, ...item.lists.map(list)],
            })),
            cites: [],
          });
          return list(b);
        }
      }
    });
  const doc = getTemplate('reading')(article);
  const head = doc.blocks.filter((b) => b.type === 'title');
  return {
    ...doc,
    blocks: [...head, ...body(article.lede.blocks), ...article.sections.flatMap((s): Block[] => [{ type: 'heading', level: 1, id: s.id, text: { zh: [{ text: s.title.zh }], en: [{ text: s.title.en }] }, cites: [] }, ...body(s.blocks)])],
  };
}

describe('reading.docx holds the article', () => {
  it('every seed paragraph verbatim, in order (both readers); without the seed, every committed paragraph hash in order', async () => {
    const t = await texts(getTemplate('reading')(first));
    if (existsSync(seedPath)) {
      const seed = seedParagraphs(readFileSync(seedPath, 'utf8'));
      expect(seed.length).toBeGreaterThan(20);
      expect(missingInOrder(t.joined, seed)).toEqual([]);
      expect(missingInOrder(t.mammoth, seed)).toEqual([]);
    } else {
      const { paragraphs } = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/seed-paragraph-hashes.json'), 'utf8')) as { paragraphs: string[] };
      const hashes = t.paragraphs.map(sha256);
      expect(missingInOrder(hashes.join(' '), paragraphs)).toEqual([]);
    }
  }, 60_000);

  it('every body block of the second article, in order: from the template, and from an edition with its quotes, lists, tables and footnotes', async () => {
    for (const [doc, captions] of [
      [getTemplate('reading')(second), false],
      [structured(second), true],
    ] as const) {
      const expected = blockTexts(second, captions);
      expect(expected.length).toBeGreaterThan(20);
      const t = await texts(doc);
      expect(missingInOrder(t.joined, expected)).toEqual([]);
      expect(missingInOrder(t.mammoth, expected)).toEqual([]);
    }
  }, 60_000);

  it('the structured edition of the first article holds every seed paragraph too', async () => {
    const t = await texts(structured(first));
    const expected = allParagraphs(first).map((c) => comparable(c.text));
    expect(missingInOrder(t.joined, expected)).toEqual([]);
  }, 60_000);

  it('prints each margin note\'s label in both languages and its text in Chinese only (the English is on screen)', async () => {
    for (const article of [first, second]) {
      const doc = getTemplate('reading')(article);
      const t = await texts(doc);
      const notes = passages(doc.blocks).flatMap((p) => p.notes);
      const plain = (spans: Inline | undefined) => comparable((spans ?? []).map((x) => x.text).join(''));
      const long = notes.filter((n) => plain(n.text.en).length > 40);
      expect(long.length, article.slug).toBeGreaterThan(5);
      for (const n of long) {
        expect(t.joined, plain(n.label.en)).toContain(plain(n.label.en));
        expect(t.joined, plain(n.text.zh).slice(0, 30)).toContain(plain(n.text.zh).slice(0, 30));
        expect(t.joined, plain(n.text.en).slice(0, 30)).not.toContain(plain(n.text.en).slice(0, 30));
      }
    }
  }, 60_000);
});

/** The passages of a Doc, in lists and quotes too. */
function passages(blocks: readonly Block[]): Extract<Block, { type: 'passage' }>[] {
  return blocksOf(blocks).filter((b): b is Extract<Block, { type: 'passage' }> => b.type === 'passage');
}
