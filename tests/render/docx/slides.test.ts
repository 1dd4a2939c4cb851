/**
 * Slides as the DOCX sets them, read back with the independent reader
 * (fflate + xmldom): the geometry the slides template fits content by
 * (`slideSpec`: each slide's title size, exact line pitches, the marker
 * column, the columns' and the timeline's widths, tags before the text),
 * for the decks of both articles and hand-built Docs. That the slides then
 * fit their pages is LibreOffice's to say (office.test.ts).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc, Inline, ListBlock, PairBlock, SlideBlock, TimelineFigure } from '../../../src/ir/types.js';
import { loadArticle } from '../../../src/model/index.js';
import { backend } from '../../../src/render/docx/index.js';
import { slideContent, slideSpec, theme } from '../../../src/theme/theme.js';
import { getTemplate } from '../../../templates/index.js';
import { autospaceWidth, textWidth } from '../../../src/theme/fit.js';
import { timelineDateWidth } from '../../../src/theme/fit.js';
import { DocxReader, W14, all, attr, child, children, textOf } from '../../helpers/docx.js';
import { meta } from './every-block.js';

const ctx = { epoch: Date.UTC(2025, 0, 10) / 1000 };
const twip = (pt: number) => Math.round(pt * 20);
const plain = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');

interface Deck {
  name: string;
  doc: Doc;
  reader: DocxReader;
}
const decks: Deck[] = [];
const checklists: Deck[] = [];

/** Paragraph and run properties of a package, resolved through its styles as Word does (direct, style chain, defaults). */
class Props {
  private readonly styles: Map<string, Element>;
  private readonly defaults: { pPr?: Element; rPr?: Element };
  constructor(private readonly r: DocxReader) {
    const root = r.xml('word/styles.xml').documentElement;
    this.styles = new Map(children(root, 'style').map((s) => [attr(s, 'styleId')!, s]));
    const d = child(root, 'docDefaults');
    this.defaults = { pPr: child(child(d, 'pPrDefault'), 'pPr'), rPr: child(child(d, 'rPrDefault'), 'rPr') };
  }

  /** The first value `get` finds in the properties `kind` of style `id`, up its chain, then in the defaults. */
  private fromStyles(kind: 'pPr' | 'rPr', id: string | null, get: (props: Element | undefined) => string | null): string | null {
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      const v = get(child(s, kind));
      if (v !== null) return v;
      id = attr(child(s, 'basedOn'), 'val');
    }
    return get(this.defaults[kind]);
  }

  /** A paragraph property: the paragraph's own, else its style's. */
  private paraProp(p: Element, get: (props: Element | undefined) => string | null): string | null {
    return get(child(p, 'pPr')) ?? this.fromStyles('pPr', this.pStyle(p), get);
  }

  pStyle(p: Element): string | null {
    return attr(child(child(p, 'pPr'), 'pStyle'), 'val');
  }

  /** Type size in points of the paragraph's style (its own runs may differ: tags). */
  styleSize(p: Element): number {
    return Number(this.fromStyles('rPr', this.pStyle(p), (x) => attr(child(x, 'sz'), 'val')) ?? 22) / 2;
  }

  /** Line spacing: twips and rule. */
  line(p: Element): { line: number; rule: string } {
    const line = this.paraProp(p, (x) => attr(child(x, 'spacing'), 'line'));
    const rule = this.paraProp(p, (x) => attr(child(x, 'spacing'), 'lineRule'));
    return { line: Number(line ?? 240), rule: rule ?? 'auto' };
  }

  /** Indent: left and hanging twips (the paragraph's own, then its numbering level's, then its style's). */
  indent(p: Element): { left: number; hanging: number } {
    const pPr = child(p, 'pPr');
    let ind = child(pPr, 'ind');
    const numId = attr(child(child(pPr, 'numPr'), 'numId'), 'val');
    if (!ind && numId) ind = this.numberingLevel(p)?.ind;
    return { left: Number(attr(ind, 'left') ?? attr(ind, 'start') ?? 0), hanging: Number(attr(ind, 'hanging') ?? 0) };
  }

  /** The numbering level of a numbered paragraph: its indent and what follows the number. */
  numberingLevel(p: Element): { ind?: Element; suffix: string } | null {
    const numPr = child(child(p, 'pPr'), 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val');
    if (!numId) return null;
    const ilvl = attr(child(numPr, 'ilvl'), 'val') ?? '0';
    const numbering = this.r.xml('word/numbering.xml').documentElement;
    const num = children(numbering, 'num').find((n) => attr(n, 'numId') === numId);
    const abstractId = attr(child(num, 'abstractNumId'), 'val');
    const abstract = children(numbering, 'abstractNum').find((a) => attr(a, 'abstractNumId') === abstractId);
    const lvl = children(abstract!, 'lvl').find((l) => attr(l, 'ilvl') === ilvl);
    return { ind: child(child(lvl, 'pPr'), 'ind'), suffix: attr(child(lvl, 'suff'), 'val') ?? 'tab' };
  }
}

/** The body's blocks (paragraphs and tables) of each slide: a slide starts at a paragraph that breaks the page before it. */
function pages(r: DocxReader): Element[][] {
  const body = child(r.document.documentElement, 'body')!;
  const out: Element[][] = [[]];
  for (let n = body.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'sectPr') continue;
    if (el.localName === 'p' && child(child(el, 'pPr'), 'pageBreakBefore') && out[out.length - 1].length) out.push([]);
    out[out.length - 1].push(el);
  }
  return out;
}

/** Paragraphs with text among blocks (inside tables too). */
const textParagraphs = (blocks: Element[]) => blocks.flatMap((b) => (b.localName === 'p' ? [b] : all(b, 'p'))).filter((p) => textOf(p).trim() !== '');

/** Text of the runs of a paragraph set in character style `id`. */
const styledRuns = (p: Element, id: string) =>
  all(p, 'r')
    .filter((r) => attr(child(child(r, 'rPr'), 'rStyle'), 'val') === id)
    .map(textOf)
    .join('');

const slidesOf = (doc: Doc) => doc.blocks.filter((b): b is SlideBlock => b.type === 'slide');

async function add(list: Deck[], name: string, doc: Doc): Promise<void> {
  list.push({ name, doc, reader: new DocxReader(await backend.render(doc, ctx)) });
}

/** A deck of hand-built slides whose title sizes are those a template may choose, and one it may not. */
const sized: Doc = {
  product: 'slides',
  page: 'slide',
  meta,
  blocks: [
    { type: 'slide', id: 't', number: 1, layout: 'title', title: { zh: [{ text: '标题' }] }, titleSize: { zh: 24, en: 14 }, children: [{ type: 'title', title: { zh: [{ text: '标题' }], en: [{ text: 'Title' }] }, meta: [], cites: [] }], cites: [] },
    { type: 'slide', id: 'a', number: 2, layout: 'points', title: { zh: [{ text: '较小的标题' }], en: [{ text: 'A smaller title' }] }, titleSize: { zh: 22, en: 13 }, children: [{ type: 'pair', zh: [{ text: '要点。' }], en: [{ text: 'A point.' }], cites: [] }], cites: [] },
    { type: 'slide', id: 'b', number: 3, layout: 'points', title: { zh: [{ text: '不在尺寸表中' }], en: [{ text: 'Not a size of the theme' }] }, titleSize: { zh: 23, en: 14 }, children: [{ type: 'pair', zh: [{ text: '要点。' }], en: [{ text: 'A point.' }], cites: [] }], cites: [] },
    { type: 'slide', id: 'c', number: 4, layout: 'section', title: { zh: [{ text: '第二部分' }], en: [{ text: 'Part two' }] }, titleSize: { zh: 28, en: 16 }, children: [], cites: [] },
  ],
};

beforeAll(async () => {
  for (const source of ['source/us-japan-acquisition.md', 'source/allied-cloud-interoperability.md']) {
    const { article } = await loadArticle(path.resolve(source));
    if (!article) throw new Error(`${source} did not load`);
    await add(decks, article.slug, getTemplate('slides')(article));
    await add(checklists, article.slug, getTemplate('checklist')(article));
  }
  await add(decks, 'sized', sized);
}, 120_000);

describe('slides: the template’s geometry', () => {
  it('each slide title is set at the size the template chose for it (headline, cover, divider); a size the theme has not, at the largest below it', () => {
    let n = 0;
    for (const d of decks) {
      const props = new Props(d.reader);
      const split = pages(d.reader);
      expect(split.length, d.name).toBe(slidesOf(d.doc).length);
      slidesOf(d.doc).forEach((s, i) => {
        const sizes = s.layout === 'title' ? slideSpec.title.sizes : s.layout === 'section' ? slideSpec.section.sizes : slideSpec.headline.sizes;
        const want = s.titleSize ?? sizes[0];
        const below = (list: readonly number[], pt: number) => [...list].sort((a, b) => b - a).find((x) => x <= pt) ?? Math.min(...list);
        const lines = textParagraphs(split[i]);
        const zh = s.layout === 'title' ? plain((s.children[0] as { title: { zh?: Inline } }).title.zh) : plain(s.title.zh);
        const first = lines.find((p) => textOf(p).includes(zh))!;
        expect(first, `${d.name} slide ${i + 1}`).toBeDefined();
        expect(props.styleSize(first), `${d.name} slide ${i + 1}: ${zh}`).toBe(below(sizes.map((x) => x.zh), want.zh));
        const en = lines[lines.indexOf(first) + 1];
        expect(props.styleSize(en), `${d.name} slide ${i + 1}: ${textOf(en)}`).toBe(below(sizes.map((x) => x.en), want.en));
        n++;
      });
    }
    expect(n).toBeGreaterThan(30);
    // The sized deck: 24/14 on the cover, 22/13, then 23/14 set at 22/14, a divider at 28/16.
    const props = new Props(decks.find((d) => d.name === 'sized')!.reader);
    const heads = pages(decks.find((d) => d.name === 'sized')!.reader).map((p) => textParagraphs(p).slice(0, 2).map((x) => props.styleSize(x)));
    expect(heads).toEqual([
      [24, 14],
      [22, 13],
      [22, 14],
      [28, 16],
    ]);
  });

  it('every line of text on a slide has an exact pitch of the slide geometry (a face’s own taller line never wins)', () => {
    const s = slideSpec;
    const ratios = [s.headline.line, s.title.line, s.section.line, s.title.meta.line, s.source.line, ...Object.values(s.body.line), ...Object.values(s.statement.line), ...Object.values(s.timeline.line), ...Object.values(s.glossary.line)];
    for (const d of decks) {
      const props = new Props(d.reader);
      const paras = textParagraphs(pages(d.reader).flat());
      expect(paras.length, d.name).toBeGreaterThan(5);
      for (const p of paras) {
        const { line, rule } = props.line(p);
        const size = props.styleSize(p);
        expect(rule, `${d.name}: ${textOf(p)}`).toBe('exact');
        // A timeline's dot stands on the pitch of the date beside it.
        if (props.pStyle(p) === 'SlideTimelineDot') {
          expect(line).toBe(twip(s.timeline.date.zh * s.timeline.line.zh));
          continue;
        }
        const ratio = line / 20 / size;
        expect(
          ratios.some((r) => Math.abs(r - ratio) < 0.01),
          `${d.name}: "${textOf(p)}" at ${size} pt on ${line / 20} pt`,
        ).toBe(true);
      }
    }
  });

  it('recommendations: numbered in the marker column, each language led by its tag in the slide’s tag box', () => {
    let items = 0;
    for (const d of decks.filter((x) => x.name !== 'sized')) {
      const props = new Props(d.reader);
      const split = pages(d.reader);
      slidesOf(d.doc).forEach((s, i) => {
        if (s.layout !== 'checklist') return;
        const list = s.children.find((c): c is ListBlock => c.type === 'list')!;
        const paras = textParagraphs(split[i]);
        for (const it of list.items) {
          for (const l of ['zh', 'en'] as const) {
            const text = plain(it.text[l]);
            const p = paras.find((x) => textOf(x).includes(text))!;
            expect(p, `${d.name}: ${text}`).toBeDefined();
            const tag = plain(it.tags?.[l]);
            expect(tag, `${d.name}: ${text}`).not.toBe('');
            // The tag, padded by a no-break space each side inside its box, a space, then the item's text.
            expect(styledRuns(p, 'SlideTag'), `${d.name}: ${text}`).toBe(`\u00A0${tag}\u00A0`);
            expect(textOf(p), `${d.name}: ${text}`).toBe(`\u00A0${tag}\u00A0 ${text}`);
            if (l === 'zh') {
              const level = props.numberingLevel(p);
              expect(level, `${d.name}: ${text} is numbered`).not.toBeNull();
              expect(props.indent(p), text).toEqual({ left: twip(slideSpec.body.marker), hanging: twip(slideSpec.body.marker) });
              expect(level!.suffix).toBe('tab');
            } else expect(props.indent(p).left, text).toBe(twip(slideSpec.body.marker));
          }
          items++;
        }
      });
    }
    expect(items).toBeGreaterThan(15);
  });

  it('numbered points: the number in the marker column, a tab to the text', () => {
    let n = 0;
    for (const d of decks) {
      const props = new Props(d.reader);
      const split = pages(d.reader);
      slidesOf(d.doc).forEach((s, i) => {
        for (const pair of s.children.filter((c): c is PairBlock => c.type === 'pair' && c.marker !== undefined)) {
          if (s.layout !== 'points') continue;
          const p = textParagraphs(split[i]).find((x) => textOf(x).includes(plain(pair.zh)))!;
          expect(textOf(p)).toBe(`${pair.marker}\t${plain(pair.zh)}`);
          expect(styledRuns(p, 'Marker')).toBe(pair.marker);
          expect(props.indent(p)).toEqual({ left: twip(slideSpec.body.marker), hanging: twip(slideSpec.body.marker) });
          n++;
        }
      });
    }
    expect(n).toBeGreaterThan(3);
  });

  it('columns: Chinese and English each in the width the template measured, the gutter between them', () => {
    let n = 0;
    const half = (slideContent.width - slideSpec.columns.gutter) / 2;
    for (const d of decks) {
      const split = pages(d.reader);
      slidesOf(d.doc).forEach((s, i) => {
        if (s.layout !== 'columns') return;
        const tables = split[i].filter((b) => b.localName === 'tbl');
        expect(tables.length, `${d.name} slide ${i + 1}`).toBe(1);
        const rows = children(tables[0], 'tr');
        expect(rows.length).toBe(s.children.filter((c) => c.type === 'pair').length);
        for (const tr of rows) {
          const [zh, en] = children(tr, 'tc').map((tc) => {
            const pr = child(tc, 'tcPr');
            const mar = (side: string) => Number(attr(child(child(pr, 'tcMar'), side), 'w') ?? 0);
            return Number(attr(child(pr, 'tcW'), 'w')) - mar('left') - mar('right');
          });
          expect([zh, en]).toEqual([twip(half), twip(half)]);
          n++;
        }
      });
    }
    expect(n).toBeGreaterThan(10);
  });

  it('timeline: the date column as wide as the template measured its widest date, each date unbreakable', () => {
    let n = 0;
    for (const d of decks) {
      const split = pages(d.reader);
      slidesOf(d.doc).forEach((s, i) => {
        const fig = s.children.find((c): c is TimelineFigure => c.type === 'figure');
        if (!fig) return;
        const table = split[i].find((b) => b.localName === 'tbl')!;
        const grid = children(child(table, 'tblGrid')!, 'gridCol').map((g) => Number(attr(g, 'w')));
        expect(grid[0], `${d.name} slide ${i + 1}`).toBe(twip(timelineDateWidth(fig)));
        expect(grid.reduce((a, b) => a + b, 0)).toBe(twip(slideContent.width));
        expect(grid[1] + grid[2]).toBe(twip(slideSpec.timeline.rule));
        const rows = children(table, 'tr');
        fig.events.forEach((e, k) => {
          const dates = all(children(rows[k], 'tc')[0], 'p').map(textOf);
          expect(dates).toEqual([plain(e.dateLabel.zh), plain(e.dateLabel.en)].filter(Boolean).map((t) => t.replace(/ /g, '\u00A0').replace(/-/g, '\u2011')));
          n++;
        });
      });
    }
    expect(n).toBeGreaterThan(8);
  });
});

describe('check items', () => {
  it('show their number (`marker`, the one the reading edition’s notes name) after the box, before the text', () => {
    for (const d of checklists) {
      const items = d.doc.blocks.flatMap(function walk(b: Block): Block[] {
        return b.type === 'checkItem' ? [b] : 'children' in b && Array.isArray(b.children) ? b.children.flatMap(walk) : [];
      });
      expect(items.length, d.name).toBeGreaterThan(5);
      const boxes = all(d.reader.document, 'p').filter((p) => all(p, 'checkbox', W14).length > 0);
      expect(boxes.length).toBe(items.length);
      items.forEach((it, i) => {
        if (it.type !== 'checkItem') return;
        expect(it.marker, it.id).toBeDefined();
        expect(styledRuns(boxes[i], 'Marker'), it.id).toBe(it.marker);
        expect(textOf(boxes[i]).replace(/^[^\t]*\t/, ''), it.id).toBe(`${it.marker} ${plain(it.zh)}`);
      });
    }
  });
});

describe('on a page', () => {
  it('a timeline’s date column is as wide as its widest date (the Chinese with its autospace), each date unbreakable', async () => {
    for (const source of ['source/us-japan-acquisition.md', 'source/allied-cloud-interoperability.md']) {
      const { article } = await loadArticle(path.resolve(source));
      const doc = getTemplate('summary')(article!);
      const fig = doc.blocks.find((b): b is TimelineFigure => b.type === 'figure')!;
      const r = new DocxReader(await backend.render(doc, ctx));
      const table = all(r.document, 'tbl').find((t) => all(t, 'p').some((p) => textOf(p) === plain(fig.events[0].dateLabel.zh)))!;
      const first = Number(attr(children(child(table, 'tblGrid')!, 'gridCol')[0], 'w'));
      const size = theme.size.meta; // the size dates are set in
      const widest = Math.max(...fig.events.map((e) => Math.max(textWidth(plain(e.dateLabel.zh), size, 'zh', true) + autospaceWidth(plain(e.dateLabel.zh), size), textWidth(plain(e.dateLabel.en), size, 'en', true))));
      // The widest date and the cell's margins (4 pt a side), and little more.
      expect(first / 20, source).toBeGreaterThanOrEqual(widest + 8);
      expect(first / 20, source).toBeLessThanOrEqual(Math.max(60, widest + 10));
      const dates = children(table, 'tr').map((tr) => all(children(tr, 'tc')[0], 'p').map(textOf));
      expect(dates, source).toEqual(fig.events.map((e) => [plain(e.dateLabel.zh), plain(e.dateLabel.en)].map((t) => t.replace(/ /g, '\u00A0'))));
    }
  });

  it('list items lead each language with their tag in the Tag style', async () => {
    const doc: Doc = {
      product: 'summary',
      page: 'a4',
      meta,
      blocks: [{ type: 'list', ordered: true, items: [{ text: { zh: [{ text: '第一项' }], en: [{ text: 'First item' }] }, tags: { zh: [{ text: '推断' }], en: [{ text: 'inferred' }] }, cites: [] }], cites: [] }],
    };
    const r = new DocxReader(await backend.render(doc, ctx));
    const paras = r.paragraphs().filter((p) => p.text !== '');
    expect(paras.map((p) => p.text)).toEqual(['推断 第一项', 'inferred First item']);
    expect(paras.map((p) => styledRuns(p.el, 'TagLabel'))).toEqual(['推断', 'inferred']);
  });
});
