import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Block, SlideBlock } from '../../../src/ir/types.js';
import { slideContent, slideSpec } from '../../../src/theme/theme.js';
import type { Run } from '../../../src/render/pptx/draw.js';
import { handlers } from '../../../src/render/pptx/handlers/index.js';
import { biLine, runs, safeHref } from '../../../src/render/pptx/inline.js';
import { deckLinks, slidesOf } from '../../../src/render/pptx/layout.js';
import { layouts } from '../../../src/render/pptx/layouts/index.js';
import { charWidth, emWidth } from '../../../src/render/pptx/metrics.js';
import { lineCount, naturalWidth, textWidth, wrap } from '../../../src/render/pptx/measure.js';
import { bilingualNotes, coreXml, dedupeParagraphProps, escapeXml, themeFonts, titlePlaceholder } from '../../../src/render/pptx/xml.js';
import { kitchenSink } from './kitchen-sink.js';

const run = (text: string, size = 12, lang: 'zh' | 'en' = 'zh'): Run => ({ text, lang, size, color: '000000' });
const links = { ref: () => undefined };

describe('metrics', () => {
  it('reads advance widths from the faces: Han one em, Latin proportional, curly quotes narrow in the Latin face', () => {
    expect(charWidth(0x4e2d, 'cjk')).toBe(1);
    expect(emWidth('i'.codePointAt(0) as number, 'latin')).toBeLessThan(emWidth('M'.codePointAt(0) as number, 'latin'));
    expect(emWidth('M'.codePointAt(0) as number, 'latinBold')).toBeGreaterThan(emWidth('M'.codePointAt(0) as number, 'latin'));
    // The CJK face sets “ ’ full width; the Latin face does not.
    expect(emWidth(0x2019, 'cjk')).toBe(1);
    expect(emWidth(0x2019, 'latin')).toBeLessThan(0.4);
    expect(emWidth(0x201c, 'latin')).toBeLessThan(0.4);
    // The Latin face has no Han: a Latin run falls back to the CJK face for it.
    expect(emWidth(0x4e2d, 'latin')).toBe(-1);
    expect(charWidth(0x4e2d, 'latin')).toBe(1);
  });
});

describe('measure', () => {
  it('never gives fewer lines to a narrower box', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 40, max: 600 }), fc.integer({ min: 1, max: 300 }), (text, w, extra) => {
        const r = [run(text)];
        expect(lineCount(r, w)).toBeGreaterThanOrEqual(lineCount(r, w + extra));
        expect(lineCount(r, w)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('fits a line of Chinese exactly as wide as its characters', () => {
    const text = '美日防务采购合作'.repeat(3);
    const w = textWidth(text, run(text));
    expect(lineCount([run(text)], w + 0.01)).toBe(1);
    expect(lineCount([run(text)], w / 2 + 0.01)).toBe(2);
  });

  it('wraps English between words, never inside one', () => {
    const words = 'acquisition cooperation sustainment';
    const longest = textWidth('sustainment', run('', 12, 'en'));
    expect(wrap([run(words, 12, 'en')], longest + 1)).toEqual(['acquisition ', 'cooperation ', 'sustainment']);
  });

  it('starts no line with a Chinese stop and ends none with an opening bracket or quote', () => {
    const size = 12;
    const w = textWidth('国防工业合作', run('', size)) + 0.5;
    // Six characters a line: the stop after the sixth goes down with its character.
    expect(wrap([run('国防工业合作，采购。', size)], w)[1].startsWith('作，')).toBe(true);
    // The opening quote at the end of a line goes down with the word it opens.
    const lines = wrap([run('国防工业合“作采购”。', size)], w);
    expect(lines.every((l) => !/[“（]$/.test(l) && !/^[，。”）]/.test(l))).toBe(true);
  });

  it('keeps a keep-together run on one line when it fits, and counts the space LibreOffice puts between Chinese and Latin', () => {
    const date = { ...run('2024年4月10日', 12), nowrap: true };
    expect(lineCount([date], naturalWidth([date]) + 0.01)).toBe(1);
    const mixed = naturalWidth([run('美日GPI合作')]);
    expect(mixed).toBeGreaterThan(textWidth('美日GPI合作', run('')) + 2 * 0.25 * 12);
  });
});

describe('inline', () => {
  it('keeps only web and mail links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('#anchor')).toBeUndefined();
  });

  it('drops empty spans and turns line breaks into spaces', () => {
    const r = runs([{ text: '' }, { text: 'a\nb', strong: true }], 'en', { size: 14, color: '000000' });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: 'a b', bold: true, lang: 'en' });
  });

  it('sets a citation and a tag at the slide’s small size, a footnote reference raised, the title of a work in italics, and Han inside English as a Chinese run', () => {
    const style = { size: 16, color: '000000' };
    const [c] = runs([{ text: '¶3.2', role: 'cite' }], 'en', style);
    const [t] = runs([{ text: '推断', role: 'tag' }], 'zh', { ...style, small: slideSpec.body.compact.small });
    expect(c.size).toBe(slideSpec.body.normal.small);
    expect(t).toMatchObject({ size: slideSpec.body.compact.small, bold: true });
    expect(runs([{ text: 'A Work', role: 'title' }], 'en', style)[0].italic).toBe(true);
    expect(runs([{ text: '1', role: 'noteref' }], 'en', style)[0].superscript).toBe(true);
    expect(runs([{ text: 'The 砺道 think tank’s view' }], 'en', style).map((r) => [r.text, r.lang])).toEqual([
      ['The ', 'en'],
      ['砺道', 'zh'],
      [' think tank’s view', 'en'],
    ]);
  });

  it('keeps a nowrap run on one line: its spaces become no-break spaces, and no line breaks inside it', () => {
    const [d] = runs([{ text: 'December 2024 (uncertain)', nowrap: true }], 'en', { size: 12, color: '000000' });
    expect(d).toMatchObject({ text: 'December\u00A02024\u00A0(uncertain)', nowrap: true });
    // The same words with spaces break between them.
    expect(wrap([run('开始', 12), { ...d, text: 'December 2024 (uncertain)', nowrap: false }], naturalWidth([d]) + 1)).toEqual(['开始December 2024 ', '(uncertain)']);
    expect(wrap([run('开始', 12), { ...d, lang: 'en' }], naturalWidth([d]) + 1)).toEqual(['开始', 'December\u00A02024\u00A0(uncertain)']);
  });

  it('cuts a linked run into one run per word (LibreOffice never breaks inside a hyperlink field), and measures a link as unbreakable', () => {
    const url = 'https://example.org/a';
    const title = 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance';
    const parts = runs([{ text: '原文标题：' }, { text: title, href: url }, { text: '。' }], 'zh', { size: 9.5, color: '000000' });
    expect(parts.filter((r) => r.link).map((r) => r.text)).toEqual(['Cooperative ', 'Defense ', 'Acquisitions ', 'Strengthen ', 'U.S.-', 'Japan ', 'Alliance']);
    expect(parts.map((r) => r.text).join('')).toBe(`原文标题：${title}。`);
    // A link without spaces stays one run, and no line breaks inside it.
    const [cite] = runs([{ text: '第5页', ref: { product: 'slides', anchor: 'x' } }], 'zh', { size: 12, color: '000000' }, { ref: () => ({ slide: 5 }) });
    expect(cite.text).toBe('第5页');
    const line = [run('美日防务采购合作'), cite];
    const w = naturalWidth(line) - 1;
    expect(wrap(line, w)).toEqual(['美日防务采购合作', '第5页']);
    expect(wrap([line[0], { ...cite, link: undefined }], w)).toEqual(['美日防务采购合作第5', '页']);
  });

  it('shows the same words in both languages once (an acronym, an outlet)', () => {
    expect(biLine({ zh: [{ text: 'CSIS' }], en: [{ text: 'CSIS' }] }, { size: 10, color: '0' }, ' · ').map((r) => r.text)).toEqual(['CSIS']);
    expect(biLine({ zh: [{ text: '日本' }], en: [{ text: 'Japan' }] }, { size: 10, color: '0' }, ' · ').map((r) => r.text)).toEqual(['日本', ' · ', 'Japan']);
  });

  it('resolves refs: an anchor on a slide of the deck jumps there, anything else links to the article’s PDF at that destination', () => {
    const l = deckLinks(kitchenSink, slidesOf(kitchenSink.blocks));
    const number = (id: string) => kitchenSink.blocks.findIndex((b) => b.id === id) + 1;
    expect(l.ref({ product: 'slides', anchor: 'opportunities' })).toEqual({ slide: number('opportunities') });
    // An item's id: the slide that holds it.
    expect(l.ref({ product: 'slides', anchor: 'term-dicas' })).toEqual({ slide: number('glossary') });
    expect(l.ref({ product: 'slides', anchor: 'event-6' })).toEqual({ slide: number('timeline-2') });
    expect(l.ref({ product: 'reading', anchor: 'evolution-2' })).toEqual({ url: 'reading.pdf#nameddest=evolution-2' });
    expect(l.ref({ product: 'summary', anchor: 'a b' })).toEqual({ url: 'summary.pdf#nameddest=a%20b' });
  });
});

describe('handlers', () => {
  it('has one handler per IR block type', () => {
    expect(Object.keys(handlers).sort()).toEqual(
      ['callout', 'checkItem', 'figure', 'footnotes', 'group', 'heading', 'list', 'pair', 'paragraph', 'passage', 'progress', 'quote', 'slide', 'table', 'title'].sort(),
    );
  });

  it('draws a slide at the geometry’s sizes, never smaller, and reports content taller than its box as overflowing', () => {
    const pair = (i: number): Block => ({ type: 'pair', marker: String(i), zh: [{ text: `第${i}点：一段相当长的中文文字，用来占据空间，再长一些也无妨。` }], en: [{ text: `Point ${i}: some English text that takes room on the slide.` }], cites: [] });
    const slide = (n: number, density?: 'compact'): SlideBlock => ({
      type: 'slide',
      id: 's',
      number: 1,
      layout: 'points',
      title: { zh: [{ text: '要点' }], en: [{ text: 'Points' }] },
      children: Array.from({ length: n }, (_, i) => pair(i + 1)),
      cites: [],
      ...(density ? { density } : {}),
    });
    const deck = { meta: kitchenSink.meta, links, count: 1 };
    const sizes = (s: SlideBlock) =>
      layouts.points(s, deck).items.flatMap((it) => (it.kind === 'text' && it.role === 'body' ? it.paras.flatMap((p) => p.runs.map((r) => `${r.lang}:${r.size}`)) : []));
    for (const density of ['normal', 'compact'] as const) {
      const b = slideSpec.body[density];
      const one = layouts.points(slide(1, density === 'compact' ? 'compact' : undefined), deck);
      expect(one.overflow).toBe(false);
      expect(new Set(sizes(slide(1, density === 'compact' ? 'compact' : undefined)))).toEqual(new Set([`zh:${b.zh}`, `en:${b.en}`]));
      // The body box: under the headline and its space, inside the margins.
      expect(one.contentBox.x).toBe(slideSpec.margin.left);
      expect(one.contentBox.w).toBe(slideContent.width);
      expect(one.contentBox.y + one.contentBox.h).toBeLessThanOrEqual(slideSpec.height - slideSpec.margin.bottom);
    }
    const many = layouts.points(slide(12), deck);
    expect(many.overflow).toBe(true);
    expect(many.height).toBeGreaterThan(many.contentBox.h);
    expect(new Set(sizes(slide(12)))).toEqual(new Set([`zh:${slideSpec.body.normal.zh}`, `en:${slideSpec.body.normal.en}`]));
  });
});

describe('slides of a Doc', () => {
  it('gives blocks outside any slide a slide of their own, numbered in order, and leaves out blocks for one medium', () => {
    const out = slidesOf([
      { type: 'heading', level: 1, text: { zh: [{ text: '标题' }] }, cites: [] },
      kitchenSink.blocks[1],
      { type: 'progress', total: 3, label: {}, media: 'screen', cites: [] },
      { type: 'paragraph', lang: 'en', text: [{ text: 'Loose text' }], cites: [] },
    ]);
    expect(out.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(out[0].title.zh?.[0].text).toBe('标题');
    expect(out[2].children[0].type).toBe('paragraph');
  });
});

describe('package rewrites', () => {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

  it('keeps the first paragraph properties of a paragraph only', () => {
    const xml = '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>c</a:t></a:r></a:p>';
    const out = dedupeParagraphProps(xml);
    expect(out.match(/<a:pPr/g)).toHaveLength(2);
    expect(out).toContain('<a:t>a</a:t></a:r><a:r><a:t>b</a:t>');
    expect(dedupeParagraphProps(out)).toBe(out);
  });

  it('names the CJK face in the theme fonts', () => {
    const theme = '<a:majorFont><a:latin typeface="X"/><a:ea typeface=""/><a:font script="Hans" typeface="等线"/></a:majorFont><a:minorFont><a:ea typeface=""/></a:minorFont>';
    expect(themeFonts(theme, 'F').match(/typeface="F"/g)).toHaveLength(3);
  });

  it('escapes text so any title survives as XML', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const clean = s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g, '');
        const doc = parse(`<t a="${escapeXml(clean)}">${escapeXml(clean)}</t>`);
        expect(doc.documentElement.getAttribute('a')).toBe(clean);
      }),
    );
    const core = parse(coreXml({ title: 'A & <B>', subject: '', creator: 'C', keywords: ['k'], language: 'zh-CN', epoch: 0 }));
    expect(core.getElementsByTagName('dc:title')[0].textContent).toBe('A & <B>');
  });

  it('makes the headline the title placeholder, and refuses to guess when the shape is written another way', () => {
    const sp = '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Title"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr></p:sp>';
    expect(titlePlaceholder(sp)).toContain('<p:nvPr><p:ph type="title"/></p:nvPr>');
    expect(() => titlePlaceholder('<p:cNvPr id="3" name="Title" descr=""/>')).toThrow(/headline/);
    expect(titlePlaceholder('<p:sp/>')).toBe('<p:sp/>');
  });

  it('refuses to guess when the notes body is not where pptxgenjs writes it', () => {
    expect(() => bilingualNotes('<p:notes/>', { zh: '备注', en: 'Notes', source: '' })).toThrow(/notes/);
    expect(bilingualNotes('<p:notes/>', { zh: '', en: '', source: '' })).toBe('<p:notes/>');
  });
});
