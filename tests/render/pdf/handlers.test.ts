/**
 * Every IR block type through the PDF backend, on a hand-built Doc whose
 * Chinese text is dense with punctuation, read back with pdfjs.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../../src/ir/types.js';
import { backend, MissingGlyphError } from '../../../src/render/pdf/index.js';
import { handlers } from '../../../src/render/pdf/handlers/index.js';
import { lineBreakerBreaks, segment } from '../../../src/render/pdf/inline.js';
import { breakUnits, violatesKinsoku } from '../../../src/text/kinsoku.js';
import { bodyLines, joinLines, normal, readPdf } from '../../helpers/pdf.js';
import { SLIDE_MIN_SIZE, slideSpec } from '../../../src/theme/theme.js';
import { lastRenderReport } from '../../../src/render/pdf/document.js';
import { readBack } from './read.js';

const t = (text: string): Inline => [{ text }];
// Written with escapes: full-width , : ( ) and 《 》 “ ” 。
const FW = { comma: '\uFF0C', colon: '\uFF1A', open: '\uFF08', close: '\uFF09' };
const zhLong = Array.from(
  { length: 12 },
  (_, i) =>
    `第${i + 1}项${FW.comma}《美日防务合作》指出${FW.colon}“双方应当加强合作。”${FW.open}见附件${FW.close}日本已采取重大举措,增强防卫能力……`,
).join('');
// Names joined by middle dots: the line breaker alone would start lines with '·'.
const names = Array.from({ length: 60 }, (_, i) => `格雷格\u00B7鲁宾斯坦${i}号`).join('、');
const enLong = 'The alliance must deepen co-production, co-development and sustainment of defense equipment. '.repeat(6);

const allBlocks: Block[] = [
  { type: 'title', title: { zh: t('标题 & <测试>'), en: t('Title & <Test>') }, subtitle: { zh: t('副标题'), en: t('Subtitle') }, meta: [{ label: { zh: t('日期'), en: t('Date') }, value: { zh: t('2025年1月10日'), en: t('10 January 2025') } }], cites: [] },
  { type: 'heading', level: 1, text: { zh: t('一级标题'), en: t('Level one') }, cites: [] },
  { type: 'paragraph', lang: 'zh', text: t(zhLong), cites: ['p-1'] },
  { type: 'paragraph', lang: 'zh', text: t(names), cites: [] },
  { type: 'paragraph', lang: 'en', role: 'note', text: t(enLong), cites: [] },
  { type: 'pair', zh: t(zhLong), en: t(enLong), marker: '1', cites: ['p-1', 'p-2'] },
  { type: 'list', ordered: true, items: [{ text: { zh: t(zhLong.slice(0, 90)), en: t(enLong.slice(0, 120)) }, cites: ['p-3'] }], cites: [] },
  { type: 'progress', total: 1, label: { zh: t('完成进度'), en: t('Progress') }, cites: [] },
  { type: 'checkItem', id: 'rec-x', zh: t(zhLong.slice(0, 120)), en: t(enLong.slice(0, 150)), actor: { zh: t('美国'), en: t('United States') }, horizon: { zh: t('立即'), en: t('Now') }, checked: false, cites: ['p-4'] },
  { type: 'table', columns: [{ text: { zh: t('术语'), en: t('Term') } }, { text: { zh: t('释义'), en: t('Definition') }, weight: 3 }], rows: [[{ text: { zh: t('DICAS') } }, { text: { zh: t(zhLong.slice(0, 150)), en: t(enLong.slice(0, 200)) }, cites: ['p-5'] }]], cites: [] },
  { type: 'callout', tone: 'key', title: { zh: t('要点'), en: t('Key') }, children: [{ type: 'pair', zh: t('要点一。'), en: t('Point one.'), cites: [] }], cites: [] },
  { type: 'group', children: [{ type: 'heading', level: 2, text: { zh: t('二级标题'), en: t('Level two') }, cites: [] }], cites: [] },
  { type: 'figure', kind: 'timeline', caption: { zh: t('时间线'), en: t('Timeline') }, events: [{ date: '2024-04', dateLabel: { zh: t('2024年4月'), en: t('April 2024') }, text: { zh: t('峰会'), en: t('Summit') }, cites: ['p-6'] }], cites: [] },
];

const meta: Doc['meta'] = {
  articleId: 'test',
  title: { zh: t('标题 & <测试>'), en: t('Title & <Test>') },
  shortTitle: { zh: t('短标题'), en: t('Short') },
  author: 'Author & Co',
  subject: 'Subject <x>',
  keywords: ['a', 'b'],
  date: '2025-01-10',
  lang: 'zh-Hans',
};

const a4Doc: Doc = { product: 'summary', page: 'a4', meta, blocks: allBlocks };
const slideDoc: Doc = {
  product: 'slides',
  page: 'slide',
  meta,
  blocks: [
    { type: 'slide', id: 's1', number: 1, layout: 'title', title: { zh: t('标题'), en: t('Title') }, children: [allBlocks[0]], cites: [] },
    // Far more than fits at normal size: the backend must shrink it onto one page.
    { type: 'slide', id: 's2', number: 2, layout: 'content', title: { zh: t('要点'), en: t('Points') }, children: [allBlocks[4], allBlocks[5]], cites: [] },
    { type: 'slide', id: 's3', number: 3, layout: 'content', title: { zh: t('时间线'), en: t('Timeline') }, children: [allBlocks[11]], cites: [] },
  ],
};

describe('handlers', () => {
  it('has one handler per IR block type', () => {
    expect(Object.keys(handlers).sort()).toEqual(
      ['callout', 'checkItem', 'figure', 'footnotes', 'group', 'heading', 'list', 'pair', 'paragraph', 'passage', 'progress', 'quote', 'slide', 'table', 'title'].sort(),
    );
  });

  it('renders every block type on A4, wraps Chinese by the kinsoku rules and keeps all the text', async () => {
    const pages = await readPdf(await backend.render(a4Doc, { epoch: 0 }));
    const lines = pages.flatMap((p) => p.lines);
    expect(lines.length).toBeGreaterThan(40);
    for (const l of lines) expect(violatesKinsoku(l.text), `p${l.page}: "${l.text}"`).toEqual({ start: false, end: false });
    const text = normal(joinLines(lines.map((l) => l.text)));
    expect(text).toContain(normal(zhLong));
    const body = normal(joinLines(bodyLines(pages, 'a4').map((l) => l.text)));
    expect(body).toContain(normal(enLong));
    expect(text).toContain(names);
    // Block cites are provenance, never printed; the progress counter is for screens.
    for (const id of ['p-1', 'p-3', 'p-4', 'p-5', 'p-6']) expect(text).not.toContain(id);
    expect(text).not.toContain('完成进度');
  });

  // The slides template splits content so that it fits at the theme's slide sizes (slideSpec); the backend draws at
  // those sizes and never shrinks a slide to fit: what the template put too much on runs onto a further page.
  it('draws an overfull slide at the theme\'s slide sizes, never smaller: the rest runs onto another page, nothing is cut', async () => {
    const pages = await readPdf(await backend.render(slideDoc, { epoch: 0 }));
    expect(pages.length).toBeGreaterThan(3);
    const text = normal(joinLines(bodyLines(pages, 'slide').map((l) => l.text)));
    expect(text).toContain(normal(zhLong));
    const { items } = await readBack(await backend.render(slideDoc, { epoch: 0 }));
    expect(Math.min(...items.map((i) => i.size))).toBeGreaterThanOrEqual(SLIDE_MIN_SIZE);
    // The overfull pair's Chinese, on every page it runs over, at the normal body size.
    const pairZh = items.filter((i) => i.page > 1 && i.text.includes('美日防务合作'));
    expect(pairZh.length).toBeGreaterThan(0);
    for (const i of pairZh) expect(i.size, `page ${i.page}: ${i.text.slice(0, 20)}`).toBe(slideSpec.body.normal.zh);
    expect(lastRenderReport()?.overflowing).toEqual([2]);
  });

  it('falls back to the children of an unknown block type', async () => {
    const odd = { type: 'mystery', cites: [], children: [{ type: 'paragraph', lang: 'en', text: t('Inside the mystery block.'), cites: [] }] } as unknown as Block;
    const pages = await readPdf(await backend.render({ ...a4Doc, blocks: [odd] }, { epoch: 0 }));
    expect(joinLines(pages.flatMap((p) => p.lines.map((l) => l.text)))).toContain('Inside the mystery block.');
  });

  it('prints the text exactly as the Doc gives it: no punctuation or Unicode rewriting of its own', async () => {
    // Normalisation is the model's (src/text/normalize.ts), so every format shows the same characters.
    const given = 'CSIS, 日前 re\u0301sume\u0301';
    const doc: Doc = { ...a4Doc, blocks: [{ type: 'paragraph', lang: 'zh', text: t(given), cites: [] }] };
    const pages = await readPdf(await backend.render(doc, { epoch: 0 }));
    const text = joinLines(pages.flatMap((p) => p.lines.map((l) => l.text)));
    expect(text.normalize('NFD')).toContain(given.normalize('NFD'));
    expect(text).not.toContain('CSIS\uFF0C');
  });

  it('refuses a character the font cannot draw instead of printing tofu', async () => {
    const doc: Doc = { ...a4Doc, blocks: [{ type: 'paragraph', lang: 'zh', text: t('表情\u{1F600}'), cites: [] }] };
    await expect(backend.render(doc, { epoch: 0 })).rejects.toBeInstanceOf(MissingGlyphError);
  });
});

describe('segment', () => {
  it('gives back the text and leaves no line-breaker break inside a kinsoku unit of a plain piece', () => {
    const pieces = segment(zhLong);
    expect(pieces.map((p) => p.text).join('')).toBe(zhLong);
    for (const p of pieces.filter((x) => !x.noWrap)) {
      let pos = 0;
      const breaks = lineBreakerBreaks(p.text);
      for (const u of breakUnits(p.text)) {
        for (let i = pos + 1; i < pos + u.length; i++) expect(breaks.has(i), `inside "${u}"`).toBe(false);
        pos += u.length;
      }
    }
  });

  it('leaves text without Chinese as one piece', () => {
    expect(segment(enLong)).toEqual([{ text: enLong }]);
  });
});
