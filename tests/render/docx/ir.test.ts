/**
 * The IR as the DOCX draws it, read back with an independent reader (fflate +
 * xmldom): bookmarks for every anchor, links that resolve (inside the file,
 * or to a sibling file's bookmark), lists, tables, footnotes, slide notes,
 * media, the original in the properties, and the fonts' names across a
 * whole build. The Docs are hand-built (every-block.ts), one per product, so
 * nothing here depends on the templates; the real articles go through the
 * current templates too.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/docx/index.js';
import { bookmarkName } from '../../../src/render/docx/constants.js';
import { loadArticle } from '../../../src/model/index.js';
import type { Block, Doc, ProductName } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { DocxReader, all, attr, child, children, textOf } from '../../helpers/docx.js';
import { checklistDoc, pageDoc, readingDoc, slideDoc } from './every-block.js';

const ctx = { epoch: Date.UTC(2025, 0, 10) / 1000 };
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Built {
  doc: Doc;
  reader: DocxReader;
}

/** A "site": the files one article's build writes, by product. */
type Site = Map<ProductName, Built>;

const kitchen: Site = new Map();
const real: Site[] = [];

async function render(doc: Doc): Promise<Built> {
  return { doc, reader: new DocxReader(await backend.render(doc, ctx)) };
}

beforeAll(async () => {
  for (const doc of [pageDoc, checklistDoc, slideDoc, readingDoc]) kitchen.set(doc.product as ProductName, await render(doc));
  for (const source of ['source/us-japan-acquisition.md', 'source/allied-cloud-interoperability.md']) {
    const { article } = await loadArticle(path.resolve(source));
    if (!article) throw new Error(`${source} did not load`);
    const site: Site = new Map();
    for (const product of backend.products as readonly ProductName[]) site.set(product, await render(getTemplate(product)(article)));
    real.push(site);
  }
}, 180_000);

/** Bookmark names of a package's body. */
const bookmarks = (r: DocxReader) => new Set(all(r.document, 'bookmarkStart').map((b) => attr(b, 'name')!));

/** Every hyperlink of the body: internal (anchor) or external (relationship target). */
function hyperlinks(r: DocxReader): { text: string; anchor?: string; target?: string }[] {
  const rels = new Map(all(r.xml('word/_rels/document.xml.rels'), 'Relationship', PR).map((x) => [x.getAttribute('Id'), x.getAttribute('Target')!]));
  return all(r.document, 'hyperlink').map((h) => {
    const id = h.getAttributeNS(R, 'id');
    // Word's way for a bookmark of another file: the file as the relationship's target, the bookmark as w:anchor.
    const anchor = attr(h, 'anchor');
    return { text: textOf(h), ...(id ? { target: `${rels.get(id)}${anchor ? `#${anchor}` : ''}` } : { anchor: anchor! }) };
  });
}

/** Check every link of every file of a site: internal ones land on a bookmark, external ones on a sibling file's bookmark. */
function checkLinks(site: Site, label: string): number {
  let n = 0;
  for (const [product, b] of site) {
    const own = bookmarks(b.reader);
    for (const link of hyperlinks(b.reader)) {
      n++;
      if (link.anchor !== undefined) {
        expect(own.has(link.anchor), `${label} ${product}: "${link.text}" → #${link.anchor}`).toBe(true);
        continue;
      }
      if (/^(https?|mailto):/.test(link.target!)) continue;
      const m = /^([a-z]+)\.docx#(.+)$/.exec(link.target!);
      expect(m, `${label} ${product}: "${link.text}" → ${link.target}`).not.toBeNull();
      const sibling = site.get(m![1] as ProductName);
      expect(sibling, `${label} ${product}: ${link.target} is a file the build writes`).toBeDefined();
      expect(bookmarks(sibling!.reader).has(m![2]), `${label} ${product}: ${link.target} names a bookmark of ${m![1]}.docx`).toBe(true);
    }
  }
  return n;
}

/** Every id a paged Doc holds (blocks, list items, timeline events, footnotes, table cells), walked here, not by the backend. */
function idsOf(blocks: readonly Block[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.media === 'screen') continue;
    if (b.id) out.push(b.id);
    if (b.type === 'list') for (const it of b.items) (it.id && out.push(it.id), it.children && idsOf(it.children, out));
    if (b.type === 'footnotes') for (const it of b.items) out.push(it.id);
    if (b.type === 'figure') for (const e of b.events) if (e.id) out.push(e.id);
    if (b.type === 'table') for (const row of b.rows) for (const c of row) if (c.id) out.push(c.id);
    if ('children' in b && Array.isArray(b.children)) idsOf(b.children, out);
  }
  return out;
}

describe('anchors and links', () => {
  it('every block, item, event, passage, footnote and table-cell id the Doc writes is a bookmark (Word-valid name)', () => {
    for (const [product, b] of [...kitchen, ...real.flatMap((s) => [...s])]) {
      const names = bookmarks(b.reader);
      for (const id of idsOf(b.doc.blocks)) expect(names.has(bookmarkName(id)), `${product} ${id}`).toBe(true);
      for (const name of names) expect(name, product).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/);
    }
  });

  it('a pair’s bookmark opens on its text or its tags, where a link to it lands (not on its source line below)', () => {
    let n = 0;
    for (const site of real) {
      const b = site.get('summary')!;
      const marks = new Map(all(b.reader.document, 'bookmarkStart').map((m) => [attr(m, 'name')!, m]));
      for (const block of b.doc.blocks.flatMap(function flat(x): Doc['blocks'] {
        return [x, ...('children' in x && Array.isArray(x.children) ? (x.children as Doc['blocks']).flatMap(flat) : [])];
      })) {
        if (block.type !== 'pair' || !block.id || !block.source?.length) continue;
        const m = marks.get(bookmarkName(block.id));
        expect(m, block.id).toBeDefined();
        const paragraph = m!.parentNode as Element;
        // Its text, or the line of its tags just above it ("原文建议 From the article").
        const first = (block.tags?.zh?.length ? block.tags.zh : block.zh).map((x) => x.text).join('');
        expect(textOf(paragraph), block.id).toContain(first.slice(0, 12));
        n++;
      }
    }
    expect(n, 'takeaways with source lines').toBeGreaterThan(5);
  });

  it('keeps widow and orphan control on for every paragraph: the document defaults turn it on and no style turns it off', () => {
    for (const [product, b] of [...kitchen, ...real.flatMap((s) => [...s])]) {
      const styles = b.reader.xml('word/styles.xml');
      const defaults = all(styles, 'pPrDefault')[0];
      expect(defaults && all(defaults, 'widowControl').length, product).toBe(1);
      const off = all(styles, 'widowControl').filter((w) => ['0', 'false', 'off'].includes(attr(w, 'val') ?? ''));
      expect(off.length, product).toBe(0);
    }
  });

  it('bookmark names: Word-valid ids kept, others mapped one to one', () => {
    expect(bookmarkName('takeaways')).toBe('takeaways');
    expect(bookmarkName('framework-3')).toMatch(/^framework_3_[0-9a-f]{8}$/);
    expect(bookmarkName('framework-3')).not.toBe(bookmarkName('framework_3'));
    expect(bookmarkName('3-intro')).toMatch(/^b3_intro_[0-9a-f]{8}$/);
    expect(bookmarkName('x'.repeat(80)).length).toBeLessThanOrEqual(40);
  });

  it('every hyperlink resolves: to a bookmark of its file, or to a bookmark of a sibling file the build writes', () => {
    expect(checkLinks(kitchen, 'kitchen')).toBeGreaterThan(10);
    for (const site of real) checkLinks(site, 'real');
  });

  it('a ref is internal when the file holds its local anchor or its product, external to <product>.docx#bookmark otherwise', () => {
    const summary = hyperlinks(kitchen.get('summary')!.reader);
    // The pair's source: ¶1.2 has the local anchor of the Sources-cited passage, ¶2.1 goes to the reading edition.
    expect(summary.find((l) => l.text === '¶1.2')).toEqual({ text: '¶1.2', anchor: bookmarkName('src-p-1') });
    expect(summary.find((l) => l.text === '¶2.1')).toEqual({ text: '¶2.1', target: `reading.docx#${bookmarkName('p-2')}` });
    const reading = hyperlinks(kitchen.get('reading')!.reader);
    expect(reading.find((l) => l.text === '1')).toEqual({ text: '1', anchor: bookmarkName('fn-1') });
    expect(reading.find((l) => l.text.startsWith('要点 1'))?.target).toBe(`summary.docx#${bookmarkName('tk-1')}`);
    expect(reading.find((l) => l.text.startsWith('建议 2'))?.target).toBe(`checklist.docx#${bookmarkName('rec-a')}`);
  });
});

describe('blocks', () => {
  it('lists: numbers from `start`, nested items one level in, every list its own numbering', () => {
    const r = kitchen.get('summary')!.reader;
    const numbering = r.xml('word/numbering.xml');
    const paras = r.paragraphs();
    const numOf = (text: string) => {
      const p = paras.find((x) => x.text === text)!.el;
      const numPr = child(child(p, 'pPr'), 'numPr');
      return { ilvl: Number(attr(child(numPr, 'ilvl'), 'val')), numId: attr(child(numPr, 'numId'), 'val')! };
    };
    const third = numOf('第三项');
    expect(third.ilvl).toBe(0);
    expect(numOf('第四项').numId).toBe(third.numId);
    expect(numOf('嵌套一').ilvl).toBe(1);
    // The start, read through the concrete list to its abstract one (or an override).
    const num = all(numbering, 'num').find((n) => attr(n, 'numId') === third.numId)!;
    const override = all(num, 'lvlOverride').find((o) => attr(o, 'ilvl') === '0');
    const abstract = all(numbering, 'abstractNum').find((a) => attr(a, 'abstractNumId') === attr(child(num, 'abstractNumId'), 'val'))!;
    const start = override && child(override, 'startOverride') ? attr(child(override, 'startOverride'), 'val') : attr(child(children(abstract, 'lvl')[0], 'start'), 'val');
    expect(start).toBe('3');
    // The English line of an item is not numbered.
    expect(child(child(paras.find((x) => x.text === 'Third item')!.el, 'pPr'), 'numPr')).toBeUndefined();
  });

  it('tables: a column aligned right is right-aligned; the reading table shows its mark with the caption and its notes after it', () => {
    const r = kitchen.get('summary')!.reader;
    const cell2023 = r.paragraphs().find((p) => p.text === '2023')!;
    expect(attr(child(child(cell2023.el, 'pPr'), 'jc'), 'val')).toBe('right');
    const texts = kitchen.get('reading')!.reader.paragraphs().map((p) => p.text);
    const caption = texts.findIndex((t) => t.startsWith('1.5') && t.includes('附表'));
    expect(caption).toBeGreaterThanOrEqual(0);
    expect(texts.findIndex((t) => t === '表格被引用。')).toBeGreaterThan(caption);
  });

  it('passages: mark, text and notes side by side; a quoted passage in the Quote style; list passages numbered', () => {
    const r = kitchen.get('reading')!.reader;
    const row = all(r.document, 'tr').find((tr) => textOf(tr).includes('第一段正文'))!;
    const cells = children(row, 'tc').map((c) => textOf(c));
    expect(cells[0]).toBe('1.1');
    expect(cells[1]).toBe('标签：第一段正文，含脚注1。');
    expect(cells[2]).toContain('要点 1 Takeaway 1');
    expect(cells[2]).toContain('The recommendation.');
    const quoted = r.paragraphs().find((p) => p.text === '引用的官员讲话。')!;
    expect(quoted.style).toBe('Quote');
    const listed = r.paragraphs().find((p) => p.text === '第二，列表中的段落。')!;
    expect(child(child(listed.el, 'pPr'), 'numPr')).toBeDefined();
  });

  it("reading edition: a short pair is stacked, its Chinese kept on the page of its English (no source line below it)", () => {
    const r = kitchen.get('reading')!.reader;
    const ps = r.paragraphs();
    const i = ps.findIndex((p) => p.text === '本节摘要。');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(ps[i + 1].text).toBe('Summary of the section.');
    const keep = child(child(ps[i].el, 'pPr'), 'keepNext');
    expect(keep && !['false', '0', 'off'].includes(attr(keep, 'val') ?? ''), 'keepNext on the Chinese').toBe(true);
  });

  it('a lead-in (the summary\'s before the article\'s recommendations) is kept with the block it introduces', () => {
    let checked = 0;
    for (const site of real) {
      const { doc, reader } = site.get('summary')!;
      for (const b of doc.blocks) {
        if (!b.keepWithNext || b.type !== 'pair') continue;
        for (const lang of ['zh', 'en'] as const) {
          const text = b[lang].map((s) => s.text).join('');
          const p = reader.paragraphs().find((q) => q.text === text);
          expect(p, `the lead-in's ${lang} paragraph`).toBeDefined();
          const keep = child(child(p!.el, 'pPr'), 'keepNext');
          expect(keep && !['false', '0', 'off'].includes(attr(keep, 'val') ?? ''), `keepNext on "${text.slice(0, 12)}…"`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(4);
  });

  it('footnotes: the reference is a superscript link to the footnote, which holds its label and text', () => {
    const r = kitchen.get('reading')!.reader;
    const ref = all(r.document, 'hyperlink').find((h) => attr(h, 'anchor') === bookmarkName('fn-1'))!;
    const rStyle = attr(child(child(all(ref, 'r')[0], 'rPr'), 'rStyle'), 'val');
    const style = r.styleXml(rStyle!)!;
    expect(attr(child(child(style, 'rPr'), 'vertAlign'), 'val')).toBe('superscript');
    const start = all(r.document, 'bookmarkStart').find((b) => attr(b, 'name') === bookmarkName('fn-1'))!;
    let p: Node | null = start;
    while (p && (p as Element).localName !== 'tr') p = p.parentNode;
    expect(textOf(p as Element)).toContain('1 脚注的文字。');
  });

  it('screen-only blocks are not written; print-only ones are', () => {
    const texts = kitchen.get('summary')!.reader.paragraphs().map((p) => p.text).join('\n');
    expect(texts).not.toContain('完成进度');
    expect(texts).not.toContain('只在屏幕上显示');
    expect(texts).toContain('被引用的原文段落。');
    expect(kitchen.get('checklist')!.reader.paragraphs().map((p) => p.text).join('\n')).not.toContain('Progress');
  });

  it('checklist: empty boxes, each item kept together, the last but one kept with the last', () => {
    const r = kitchen.get('checklist')!.reader;
    expect(r.checkboxes().map((c) => [c.alias, c.checked])).toEqual([
      ['rec-a', false],
      ['rec-b', true],
      ['rec-c', false],
    ]);
    const paras = r.paragraphs().filter((p) => ['CheckItem', 'CheckItemEn', 'CheckMeta'].includes(p.style ?? ''));
    const keepNext = (p: { el: Element }) => {
      const k = child(child(p.el, 'pPr'), 'keepNext');
      return !!k && !['false', '0', 'off'].includes(attr(k, 'val') ?? '');
    };
    const starts = paras.map((p, i) => (p.style === 'CheckItem' ? i : -1)).filter((i) => i >= 0);
    expect(starts.length).toBe(3);
    const lastOf = (k: number) => (k + 1 < starts.length ? starts[k + 1] - 1 : paras.length - 1);
    for (let k = 0; k < 3; k++) for (let i = starts[k]; i < lastOf(k); i++) expect(keepNext(paras[i]), paras[i].text).toBe(true);
    expect(keepNext(paras[lastOf(0)])).toBe(false);
    expect(keepNext(paras[lastOf(1)])).toBe(true); // the last but one stays with the last
    expect(keepNext(paras[lastOf(2)])).toBe(false);
  });

  it('slides: speaker notes and their sources are a comment on the headline; the source line is printed small', () => {
    const r = kitchen.get('slides')!.reader;
    const comments = all(r.xml('word/comments.xml'), 'comment');
    expect(comments.length).toBe(2);
    expect(textOf(comments[0])).toBe('讲者备注。Speaker notes.¶1.1');
    expect(attr(comments[0], 'author')).toBe('砺道智库');
    const headline = r.paragraphs().find((p) => p.text === '要点')!;
    expect(all(headline.el, 'commentRangeStart').length).toBe(1);
    expect(r.paragraphs().filter((p) => p.style === 'SlideSource').map((p) => p.text)).toContain('¶1.1');
  });

  it('every heading level has its style, level 4 included', () => {
    const styles = kitchen.get('summary')!.reader.paragraphs().filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => p.style);
    expect(new Set(styles)).toEqual(new Set(['Heading1', 'Heading2', 'Heading3', 'Heading4']));
  });
});

/** Effective size (points) of every run with text in a part: the run, its character style, its paragraph style (with their bases), the defaults. */
function runSizes(r: DocxReader, part: string): { text: string; pt: number }[] {
  const root = r.xml('word/styles.xml').documentElement;
  const styles = new Map(children(root, 'style').map((x) => [attr(x, 'styleId')!, x]));
  const fromStyle = (id: string | null, depth = 0): number | null => {
    const st = id ? styles.get(id) : undefined;
    if (!st || depth > 20) return null;
    const sz = attr(child(child(st, 'rPr'), 'sz'), 'val');
    return sz ? Number(sz) : fromStyle(attr(child(st, 'basedOn'), 'val'), depth + 1);
  };
  const defaults = Number(attr(child(child(child(child(root, 'docDefaults'), 'rPrDefault'), 'rPr'), 'sz'), 'val') ?? 22);
  return all(r.xml(part), 'r')
    .filter((run) => textOf(run).trim() !== '')
    .map((run) => {
      let p: Node | null = run.parentNode;
      while (p && (p as Element).localName !== 'p') p = p.parentNode;
      const own = attr(child(child(run, 'rPr'), 'sz'), 'val');
      const half = own ? Number(own) : (fromStyle(attr(child(child(run, 'rPr'), 'rStyle'), 'val')) ?? fromStyle(attr(child(child(p as Element, 'pPr'), 'pStyle'), 'val')) ?? defaults);
      return { text: textOf(run), pt: half / 2 };
    });
}

describe('slide type', () => {
  it('nothing on a slide page (body, footer, comments aside) is set under 9 pt', () => {
    for (const b of [kitchen.get('slides')!, ...real.map((s) => s.get('slides')!)]) {
      for (const part of b.reader.parts()) {
        const small = runSizes(b.reader, part).filter((x) => x.pt < 9);
        expect(small.map((x) => `${x.text} ${x.pt}`), part).toEqual([]);
      }
    }
  });
});

describe('properties', () => {
  it('the original in dc:description and custom properties; core.xml holds only the elements OPC allows', () => {
    const r = kitchen.get('summary')!.reader;
    const core = r.core();
    expect(core.description).toContain('Cooperative Defense Acquisitions');
    expect(core.description).toContain('https://www.csis.org/analysis/x');
    const allowed = ['category', 'contentStatus', 'created', 'creator', 'description', 'identifier', 'keywords', 'language', 'lastModifiedBy', 'lastPrinted', 'modified', 'revision', 'subject', 'title', 'version'];
    expect(Object.keys(core).filter((k) => !allowed.includes(k))).toEqual([]);
    const props = Object.fromEntries(
      all(r.xml('docProps/custom.xml'), 'property', 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties').map((p) => [p.getAttribute('name'), textOf(p) || p.textContent]),
    );
    expect(props).toMatchObject({ 'Original outlet': 'CSIS', 'Original title': 'Cooperative Defense Acquisitions', 'Original URL': 'https://www.csis.org/analysis/x', 'Original date': '2024-12-16' });
    expect(r.text('[Content_Types].xml')).toContain('/docProps/custom.xml');
  });
});

describe('fonts across a build', () => {
  it('one family name never maps to two different font programs across every DOCX the build writes', () => {
    const seen = new Map<string, string>();
    const families = new Set<string>();
    for (const b of [...kitchen.values(), ...real.flatMap((s) => [...s.values()])]) {
      for (const f of b.reader.embeddedFonts()) {
        families.add(f.name);
        const key = `${f.name}/${f.face}`;
        const sha = createHash('sha256').update(f.data).digest('hex');
        if (seen.has(key)) expect(seen.get(key), key).toBe(sha);
        seen.set(key, sha);
      }
    }
    // Distinct glyph sets got distinct names (the CJK subsets of two articles differ).
    expect([...families].filter((n) => /^Noto Sans SC [0-9a-f]{8}$/.test(n)).length).toBeGreaterThan(4);
  });

  it('English punctuation runs name the Latin face in every slot and English for East Asian text', () => {
    const r = kitchen.get('summary')!.reader;
    const runs = all(r.document, 'r').filter((x) => /^[’“”—]+$/u.test(textOf(x)));
    expect(runs.length).toBeGreaterThan(2);
    for (const run of runs) {
      const fonts = child(child(run, 'rPr'), 'rFonts')!;
      for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(attr(fonts, slot), slot).toMatch(/^Noto Sans [0-9a-f]{8}$/);
      expect(attr(child(child(run, 'rPr'), 'lang'), 'eastAsia')).toBe('en-US');
    }
  });
});

describe('summary pages of the real articles', () => {
  it('a caption that only repeats the heading above it is left out (术语表 Glossary once), and a short pair’s row cannot split', () => {
    expect(real.length).toBe(2);
    for (const site of real) {
      const summary = site.get('summary')!;
      const paras = all(summary.reader.document, 'p');
      // Each heading's text never comes again as the very next paragraph (a caption repeating it).
      let headings = 0;
      for (let i = 0; i + 1 < paras.length; i++) {
        const style = attr(all(paras[i], 'pStyle')[0] ?? paras[i], 'val') ?? '';
        if (!/^Heading/.test(style)) continue;
        headings++;
        expect(textOf(paras[i + 1]), `after heading "${textOf(paras[i])}"`).not.toBe(textOf(paras[i]));
      }
      expect(headings).toBeGreaterThan(3);
      // The takeaways are short: every row holding one is marked cantSplit.
      const takeaways = summary.doc.blocks.flatMap((b) => ('children' in b ? b.children : [])).filter((b) => b.type === 'pair' && b.id?.startsWith('tk-'));
      expect(takeaways.length).toBeGreaterThan(0);
      const rows = all(summary.reader.document, 'tr');
      for (const t of takeaways) {
        const zh = (t.type === 'pair' ? t.zh : []).map((s) => s.text).join('').slice(0, 10);
        // The innermost row holding it (a callout may hold the pair's table in a row of its own).
        const row = rows.find((r) => textOf(r).includes(zh) && !all(r, 'tr').some((inner) => inner !== r && textOf(inner).includes(zh)));
        expect(row, zh).toBeDefined();
        const props = children(row!, 'trPr')[0];
        expect(props && all(props, 'cantSplit').length, `row of "${zh}"`).toBe(1);
      }
    }
  });
});
