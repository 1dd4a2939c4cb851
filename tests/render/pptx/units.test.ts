import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/ir/types.js';
import { CONTENT_WIDTH, MIN_FONT_SIZE, SCALES } from '../../../src/render/pptx/constants.js';
import type { Run } from '../../../src/render/pptx/draw.js';
import { handlers, unknown } from '../../../src/render/pptx/handlers/index.js';
import { createState } from '../../../src/render/pptx/state.js';
import { runs, safeHref, scaled } from '../../../src/render/pptx/inline.js';
import { fitBlocks, scalesFor, slidesOf } from '../../../src/render/pptx/layout.js';
import { slideType } from '../../../src/theme/theme.js';
import { charEms, lineCount, textWidth } from '../../../src/render/pptx/measure.js';
import { bilingualNotes, coreXml, dedupeParagraphProps, escapeXml, themeFonts } from '../../../src/render/pptx/xml.js';
import { blocksDoc } from './blocks-doc.js';

const run = (text: string, size = 12): Run => ({ text, lang: 'zh', size, color: '000000' });

describe('measure', () => {
  it('never gives fewer lines to a narrower box', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 40, max: 600 }), fc.integer({ min: 1, max: 300 }), (text, w, extra) => {
        const r = [run(text)];
        expect(lineCount(r, w)).toBeGreaterThanOrEqual(lineCount(r, w + extra));
        expect(lineCount(r, w)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('fits a line of Chinese exactly as wide as its characters', () => {
    const text = '美日防务采购合作'.repeat(3);
    const w = textWidth(text, 12);
    expect(lineCount([run(text)], w + 0.01)).toBe(1);
    expect(lineCount([run(text)], w / 2 + 0.01)).toBe(2);
  });

  it('wraps English between words, never inside one', () => {
    const words = 'acquisition cooperation sustainment';
    const longest = textWidth('sustainment', 12);
    expect(lineCount([run(words)], longest + 1)).toBe(3);
  });

  it('gives Chinese characters one em and Latin letters less', () => {
    expect(charEms('中')).toBe(1);
    expect(charEms('i')).toBeLessThan(charEms('M'));
    expect(charEms('M', true)).toBeGreaterThan(charEms('M'));
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
    const r = runs([{ text: '' }, { text: 'a\nb', strong: true }], 'en', { size: 10, color: '000000' });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: 'a b', bold: true, lang: 'en' });
  });

  it('never scales text below the minimum size', () => {
    expect(scaled(10, 0.1)).toBe(MIN_FONT_SIZE);
    expect(scaled(26, 1)).toBe(26);
  });
});

describe('handlers', () => {
  it('has one handler per IR block type', () => {
    expect(Object.keys(handlers).sort()).toEqual(
      ['callout', 'checkItem', 'figure', 'footnotes', 'group', 'heading', 'list', 'pair', 'paragraph', 'passage', 'progress', 'quote', 'slide', 'table', 'title'].sort(),
    );
  });

  it('draws every block inside its column, at a positive height', () => {
    const blocks = blocksDoc.blocks.flatMap((s) => (s.type === 'slide' ? s.children : [s]));
    for (const b of blocks) {
      const [d] = createState({ width: 500, scale: 1 }, handlers, unknown).one(b);
      expect(d.h, b.type).toBeGreaterThan(0);
      for (const it of d.items) {
        expect(it.x, b.type).toBeGreaterThanOrEqual(-0.01);
        expect(it.x + it.w, b.type).toBeLessThanOrEqual(500.01);
        expect(it.y + it.h, b.type).toBeLessThanOrEqual(d.h + 0.01);
      }
    }
  });

  it('shrinks content to fit, and reports when even the smallest scale does not', () => {
    const pair = (i: number): Block => ({ type: 'pair', zh: [{ text: `第${i}点:一段相当长的中文文字,用来占据空间。` }], en: [{ text: `Point ${i}: some English text that takes room.` }], cites: [] });
    const some = fitBlocks([1, 2, 3, 4, 5, 6].map(pair), { x: 0, y: 0, w: CONTENT_WIDTH, h: 260 }, {});
    expect(some.overflow).toBe(false);
    expect(some.scale).toBeLessThan(1);
    expect(some.drawn.h).toBeLessThanOrEqual(260);
    const many = fitBlocks(Array.from({ length: 40 }, (_, i) => pair(i)), { x: 0, y: 0, w: CONTENT_WIDTH, h: 260 }, {});
    expect(many.overflow).toBe(true);
    expect(many.scale).toBe(SCALES[SCALES.length - 1]);
  });
});

describe('slides of a Doc', () => {
  it('gives blocks outside any slide a slide of their own, numbered in order', () => {
    const out = slidesOf([
      { type: 'heading', level: 1, text: { zh: [{ text: '标题' }] }, cites: [] },
      blocksDoc.blocks[1],
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

  it('refuses to guess when the notes body is not where pptxgenjs writes it', () => {
    expect(() => bilingualNotes('<p:notes/>', { zh: '备注', en: 'Notes' })).toThrow(/notes/);
    expect(bilingualNotes('<p:notes/>', { zh: '', en: '' })).toBe('<p:notes/>');
  });
});

describe('slide density', () => {
  it('starts a compact slide at the theme compact body size and keeps shrinking from there', () => {
    const s = scalesFor('compact');
    expect(s[0]).toBeCloseTo(slideType('compact').body / slideType('normal').body, 2);
    expect(s.slice(1).every((x, i) => x < s[i])).toBe(true);
    expect(scalesFor(undefined)).toEqual([...SCALES]);
  });
});
