/**
 * The decks read back against the slide geometry the slides template fits
 * content by (`slideSpec`, src/theme/theme.ts) and against what the template
 * sets on its blocks: each slide's `titleSize`, its density, the layouts'
 * columns and widths, list-item and pair `tags`, a recommendation's
 * `marker`, the title of a work (span role `title`) and `nowrap` runs. Read
 * from the file (read.ts, fit.ts), compared with the Doc.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BiInline, Block, Inline, ListItem, Span } from '../../../src/ir/types.js';
import { LABELS } from '../../../src/theme/labels.js';
import { slideContent, slideSpec, type SizePair } from '../../../src/theme/theme.js';
import { buildCases, slideBlocks, type Case } from './cases.js';
import { textBoxes, type BoxInfo } from './fit.js';
import type { ParaRead, RunRead } from './read.js';
import { smallSpanTexts } from './expected.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const plain = (i: Inline | undefined) => norm((i ?? []).map((s) => s.text).join(''));
const near = (a: number, b: number) => Math.abs(a - b) < 0.05;
const LEFT = slideSpec.margin.left;

const cases: Case[] = [];
beforeAll(async () => {
  cases.push(...(await buildCases()));
}, 120_000);

/** Every block of a slide, nested ones included. */
function blocksOf(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...('children' in b && Array.isArray(b.children) ? blocksOf(b.children as Block[]) : []), ...(b.type === 'list' ? b.items.flatMap((it) => blocksOf(it.children ?? [])) : [])]);
}

/** Every span of a value, with the slide it is on. */
function spansOf(v: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(v)) v.forEach((x) => spansOf(x, out));
  else if (v && typeof v === 'object') {
    const s = v as Partial<Span>;
    if (typeof s.text === 'string' && Object.keys(v).every((k) => ['text', 'strong', 'em', 'code', 'href', 'ref', 'role', 'nowrap'].includes(k))) out.push(v as Span);
    // A timeline's `alignDates` are the widths its date column lines up with, not text of the slide.
    else Object.entries(v).forEach(([k, x]) => k !== 'alignDates' && spansOf(x, out));
  }
  return out;
}

/** The paragraph of a slide whose text ends with `text` (a tag may lead it). */
function paraEnding(paras: ParaRead[], text: string): ParaRead | undefined {
  return paras.find((p) => norm(p.text).endsWith(text));
}

const boxText = (b: BoxInfo) => norm(b.paras.map((p) => p.runs.map((r) => r.text).join('')).join(' '));

describe('pptx: the slide geometry and the template’s fields, read back', { timeout: 60_000 }, () => {
  it('sets each headline, title block and divider title at the slide’s titleSize (the largest when the slide has none)', () => {
    let chosen = 0;
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const titleBlock = block.children.find((b) => b.type === 'title');
        const cover = block.layout === 'title' && titleBlock?.type === 'title';
        const sizes = block.layout === 'title' ? slideSpec.title.sizes : block.layout === 'section' ? slideSpec.section.sizes : slideSpec.headline.sizes;
        const want: SizePair = block.titleSize ?? sizes[0];
        if (block.titleSize && (block.titleSize.zh !== sizes[0].zh || block.titleSize.en !== sizes[0].en)) chosen++;
        const title = cover ? titleBlock.title : block.title;
        const paras = c.read.slides[i].paras.filter((p) => p.shape === 'Title');
        for (const lang of ['zh', 'en'] as const) {
          const t = plain(title[lang]);
          if (!t) continue;
          const p = paras.find((x) => norm(x.text) === t);
          expect(p, `${c.name} slide ${i + 1} ${lang} title`).toBeDefined();
          for (const r of p?.runs ?? []) expect(r.size, `${c.name} slide ${i + 1} ${lang} title "${r.text}"`).toBe(want[lang]);
        }
      });
    }
    expect(chosen, 'some slide has a title size other than the largest').toBeGreaterThan(2);
  });

  it('sets body text at the sizes of the slide’s layout and density (compact slides smaller, statements larger)', () => {
    const seen = new Set<string>();
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const density = block.density ?? 'normal';
        const body = slideSpec.body[density];
        const size: SizePair = block.layout === 'statement' ? slideSpec.statement : { zh: body.zh, en: body.en };
        const small = smallSpanTexts(block);
        const texts: BiInline[] = [];
        for (const b of block.children) {
          if (b.type === 'pair') texts.push({ zh: b.zh, en: b.en });
          if (b.type === 'list' && block.layout !== 'glossary') for (const it of b.items) texts.push(it.text);
        }
        for (const t of texts) {
          for (const lang of ['zh', 'en'] as const) {
            const s = plain(t[lang]);
            if (!s) continue;
            const p = paraEnding(c.read.slides[i].paras, s);
            expect(p, `${c.name} slide ${i + 1}: ${s}`).toBeDefined();
            // Leave out a tag leading the text (its own small size) and small spans inside it.
            for (const r of (p?.runs ?? []).filter((x) => !x.highlight && x.text.trim() !== '' && !small.has(x.text.trim()))) {
              expect(r.size, `${c.name} slide ${i + 1} (${block.layout}, ${density}) "${r.text}"`).toBe(size[lang]);
            }
            seen.add(`${block.layout}/${density}`);
          }
        }
      });
    }
    for (const k of ['points/normal', 'points/compact', 'columns/normal', 'statement/normal', 'checklist/normal']) expect([...seen], k).toContain(k);
  });

  it('draws each layout in the geometry’s columns: zh | en on columns, the number column, the timeline’s date column, the glossary’s term column, the title’s label column', () => {
    const checked = new Set<string>();
    let aligned = 0;
    for (const c of cases) {
      const boxes = textBoxes(c.bytes);
      // The date column of each run of a timeline's slides (its first slide and its continuations): one width.
      let run: number[] = [];
      const close = () => {
        for (const w of run) expect(near(w, run[0]), `${c.name}: date columns ${run.join(', ')} on one timeline's slides`).toBe(true);
        aligned += Math.max(0, run.length - 1);
        run = [];
      };
      for (const block of slideBlocks(c.doc)) {
        if (block.layout !== 'timeline' || !plain(block.title.zh).endsWith(`${LABELS.continued.zh}）`)) close();
        const on = boxes.filter((b) => b.slide === block.number);
        const holding = (text: string, kind: BoxInfo['kind'] = 'text') => on.filter((b) => b.kind === kind && boxText(b).includes(text));
        const layout = block.layout === 'content' ? 'points' : block.layout;
        for (const b of block.children) {
          if (layout === 'columns' && b.type === 'pair') {
            const colW = (slideContent.width - slideSpec.columns.gutter) / 2;
            const [zh] = holding(plain(b.zh));
            const [en] = holding(plain(b.en));
            expect([zh?.x, zh?.w].every((v, k) => near(v ?? -1, [LEFT, colW][k])), `${c.name} slide ${block.number} zh column`).toBe(true);
            expect([en?.x, en?.w].every((v, k) => near(v ?? -1, [LEFT + colW + slideSpec.columns.gutter, colW][k])), `${c.name} slide ${block.number} en column`).toBe(true);
            checked.add('columns');
          }
          const numbered: { text: BiInline }[] = layout === 'points' && b.type === 'pair' && b.marker && /^\d+$/.test(b.marker) ? [{ text: { zh: b.zh, en: b.en } }] : layout === 'checklist' && b.type === 'list' && b.ordered ? b.items : [];
          for (const it of numbered) {
            const [box] = holding(plain(it.text.zh));
            expect(box && near(box.x, LEFT + slideSpec.body.marker) && near(box.w, slideContent.width - slideSpec.body.marker), `${c.name} slide ${block.number} numbered item at ${box?.x}`).toBe(true);
            checked.add(`numbered ${layout}`);
          }
          if (layout === 'timeline' && b.type === 'figure') {
            const starting = (text: string) => on.find((x) => x.kind === 'text' && boxText(x).startsWith(text));
            const dates = b.events.map((e) => starting(plain(e.dateLabel.zh)));
            const texts = b.events.map((e) => starting(plain(e.text.zh)));
            const dateW = dates[0]?.w ?? 0;
            if (dates[0]) run.push(dateW);
            for (const [k, d] of dates.entries()) {
              expect(d && near(d.x, LEFT) && near(d.w, dateW), `${c.name} slide ${block.number} date ${k}`).toBe(true);
              expect(texts[k] && near(texts[k].x, LEFT + dateW + slideSpec.timeline.rule) && near(texts[k].x + texts[k].w, LEFT + slideContent.width), `${c.name} slide ${block.number} event ${k}`).toBe(true);
            }
            checked.add('timeline');
          }
          if (layout === 'glossary' && b.type === 'table' && b.columns.length === 2) {
            const cells = on.filter((x) => x.kind === 'cell');
            // The header row, then a row per term: the term column, then the name.
            expect(cells.length, `${c.name} slide ${block.number} cells`).toBe(2 * (b.rows.length + 1));
            expect(boxText(cells[0])).toBe(norm(`${plain(b.columns[0].text.zh)} ${plain(b.columns[0].text.en)}`));
            for (const [k, cell] of cells.entries()) expect(near(cell.w, k % 2 === 0 ? slideSpec.glossary.termWidth : slideContent.width - slideSpec.glossary.termWidth), `${c.name} slide ${block.number} cell ${k}`).toBe(true);
            // The term's text keeps 8 points from the name, the name fills its column.
            expect(near(cells[0].innerW, slideSpec.glossary.termWidth - 8) && near(cells[1].innerW, slideContent.width - slideSpec.glossary.termWidth)).toBe(true);
            checked.add('glossary');
          }
          if (layout === 'title' && b.type === 'title') {
            const m = slideSpec.title.meta;
            for (const row of b.meta) {
              const [label] = holding(plain(row.label.zh));
              const [value] = holding(plain(row.value.zh) || plain(row.value.en));
              expect(label && near(label.x, LEFT) && near(label.w, m.labelWidth - 8), `${c.name} slide ${block.number} label ${plain(row.label.zh)}`).toBe(true);
              expect(value && near(value.x, LEFT + m.labelWidth) && near(value.w, slideContent.width - m.labelWidth), `${c.name} slide ${block.number} value`).toBe(true);
            }
            checked.add('title');
          }
        }
      }
      close();
    }
    expect([...checked].sort()).toEqual(['columns', 'glossary', 'numbered checklist', 'numbered points', 'timeline', 'title']);
    expect(aligned, 'continuation slides of a timeline compared').toBeGreaterThanOrEqual(2);
  });

  it('sets the tags of list items and pairs before the text of their language: small, bold, on a tinted box', () => {
    let tags = 0;
    const listItems: string[] = [];
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const tagged: { text: BiInline; tags: BiInline; list: boolean }[] = [];
        for (const b of blocksOf(block.children)) {
          if (b.type === 'pair' && b.tags) tagged.push({ text: { zh: b.zh, en: b.en }, tags: b.tags, list: false });
          if (b.type === 'list') for (const it of b.items as ListItem[]) if (it.tags) tagged.push({ text: it.text, tags: it.tags, list: true });
        }
        const small = slideSpec.body[block.density ?? 'normal'].small;
        for (const t of tagged) {
          for (const lang of ['zh', 'en'] as const) {
            const text = plain(t.text[lang]);
            const tag = plain(t.tags[lang]);
            if (!text || !tag) continue;
            const p = paraEnding(c.read.slides[i].paras, text);
            expect(p, `${c.name} slide ${i + 1}: ${text}`).toBeDefined();
            const runs = p?.runs ?? [];
            const lead = runs.slice(0, runs.findIndex((r: RunRead) => !r.highlight));
            expect(norm(lead.map((r) => r.text).join('')), `${c.name} slide ${i + 1}: the tag leads "${text}"`).toBe(tag);
            for (const r of lead) expect([r.size, r.bold, r.highlight !== null], `${c.name} slide ${i + 1}: ${r.text}`).toEqual([small, true, true]);
            tags++;
            if (t.list) listItems.push(tag);
          }
        }
      });
    }
    expect(tags).toBeGreaterThan(20);
    expect(listItems.length, 'tagged list items (recommendations)').toBeGreaterThan(10);
  });

  it('shows the number of a recommendation (`marker`) beside it', () => {
    let marked = 0;
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        for (const b of blocksOf(block.children)) {
          if (b.type !== 'checkItem' || !b.marker) continue;
          const markers = c.read.slides[i].paras.filter((p) => p.shape === 'Marker').map((p) => p.text);
          expect(markers, `${c.name} slide ${i + 1}: ${b.id}`).toContain(b.marker);
          marked++;
        }
      });
    }
    expect(marked).toBeGreaterThan(5);
  });

  it('sets the title of a work (span role title) in italics, and keeps nowrap runs unbroken (no-break spaces)', () => {
    let titles = 0;
    let nowraps = 0;
    for (const c of cases) {
      slideBlocks(c.doc).forEach((block, i) => {
        const runs = c.read.slides[i].paras.flatMap((p) => p.runs);
        for (const s of spansOf(block.children)) {
          if (s.role === 'title') {
            // The work's title is there, set in italic runs (it may be cut into a run per word).
            const italic = norm(runs.map((r) => (r.italic ? r.text : '\n')).join(''));
            expect(italic, `${c.name} slide ${i + 1}: "${s.text}" in italics`).toContain(norm(s.text));
            titles++;
          }
          if (s.nowrap && s.text.includes(' ')) {
            const kept = s.text.replace(/ /g, '\u00A0');
            expect(runs.some((r) => r.text === kept), `${c.name} slide ${i + 1}: "${s.text}" kept whole`).toBe(true);
            nowraps++;
          }
        }
      });
    }
    expect(titles, 'titles of works').toBeGreaterThan(3);
    expect(nowraps, 'nowrap dates with spaces').toBeGreaterThan(5);
  });
});
