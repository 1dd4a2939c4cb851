/**
 * Hand-built Docs holding every IR block type and every new field of the IR
 * (refs, roles, passages, quotes, footnotes, nested lists, table align/mark/
 * notes, tags and sources, slide layouts, notes and sources, media), one per
 * product, for backend tests that must not depend on the templates.
 */
import type { Block, Doc, DocMeta, Inline, ProductName, Ref, Span } from '../../../src/ir/types.js';

const t = (text: string): Inline => [{ text }];
const bi = (zh: string, en: string) => ({ zh: t(zh), en: t(en) });
const ref = (product: ProductName, anchor: string, local?: string): Ref => ({ product, anchor, ...(local ? { local } : {}) });
const cite = (mark: string, anchor: string, local?: string): Span => ({ text: `¶${mark}`, role: 'cite', ref: ref('reading', anchor, local) });

export const meta: DocMeta = {
  articleId: 'every-block',
  title: bi('每种块的测试文档', 'A document with every block'),
  shortTitle: bi('全部块', 'Every block'),
  author: '砺道智库',
  subject: '测试 / Test',
  keywords: ['测试', 'test'],
  date: '2025-01-10',
  lang: 'zh-Hans',
  source: { outlet: 'CSIS', author: 'Gregg Rubinstein', title: 'Cooperative Defense Acquisitions', url: 'https://www.csis.org/analysis/x', date: '2024-12-16' },
};

export const pageBlocks: Block[] = [
  {
    type: 'title',
    id: 'title',
    title: bi('每种块的测试文档', 'A document with every block'),
    subtitle: bi('双语摘要', 'Bilingual summary'),
    meta: [
      { label: bi('日期', 'Date'), value: bi('2025年1月10日', '10 January 2025') },
      { label: bi('原文出处', 'Original outlet'), value: { zh: [{ text: 'CSIS', href: 'https://www.csis.org/' }], en: [{ text: 'CSIS', href: 'https://www.csis.org/' }] } },
    ],
    cites: [],
  },
  { type: 'heading', level: 1, id: 'chapter-one', text: bi('第一章', 'Chapter one'), cites: [] },
  { type: 'heading', level: 2, text: bi('第一节', 'Section one'), cites: ['p-1'] },
  { type: 'heading', level: 3, text: bi('小节', 'Subsection'), cites: [] },
  { type: 'heading', level: 4, text: bi('四级标题', 'Fourth level'), cites: [] },
  { type: 'paragraph', lang: 'zh', text: [{ text: '“引号”与' }, { text: '加粗', strong: true }, { text: '和', em: true }, { text: '链接', href: 'https://example.org/' }, { text: '术语', role: 'term' }], cites: ['p-2'] },
  { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: 'Japan’s “quoted” note — with a dash, ' }, { text: 'italic words', em: true }, { text: ' and ' }, { text: 'bold italic', em: true, strong: true }, { text: '.' }], cites: [] },
  {
    type: 'pair',
    id: 'tk-1',
    zh: t('中文一侧。'),
    en: t('The English side.'),
    marker: '1',
    tags: { zh: [{ text: '原文建议', role: 'tag' }], en: [{ text: 'Article’s own', role: 'tag' }] },
    source: [cite('1.2', 'p-1', 'src-p-1'), { text: ' ' }, cite('2.1', 'p-2')],
    cites: ['p-3'],
  },
  {
    type: 'list',
    id: 'list-ordered',
    ordered: true,
    start: 3,
    items: [
      { id: 'item-a', text: bi('第三项', 'Third item'), cites: ['p-4'], source: [cite('1.3', 'p-3')] },
      {
        id: 'item-b',
        text: bi('第四项', 'Fourth item'),
        cites: [],
        children: [{ type: 'list', ordered: false, items: [{ id: 'item-b-1', text: bi('嵌套一', 'Nested one'), cites: [] }, { text: { zh: t('嵌套二') }, cites: [] }], cites: [] }],
      },
    ],
    cites: [],
  },
  { type: 'list', ordered: false, items: [{ text: { zh: t('只有中文') }, cites: [] }], cites: [] },
  {
    type: 'checkItem',
    id: 'rec-a',
    zh: t('采取行动。'),
    en: t('Take action.'),
    actor: bi('美国', 'United States'),
    horizon: bi('立即', 'Now'),
    tags: [{ zh: [{ text: '推断', role: 'mark' }], en: [{ text: 'inferred', role: 'mark' }] }],
    checked: false,
    source: [cite('4.1', 'p-5')],
    cites: ['p-5'],
  },
  { type: 'checkItem', id: 'rec-b', zh: t('已经完成。'), en: t('Already done.'), actor: bi('日本', 'Japan'), horizon: bi('长期', 'Long term'), checked: true, cites: [] },
  { type: 'progress', id: 'progress', media: 'screen', total: 2, label: bi('完成进度', 'Progress'), cites: [] },
  { type: 'paragraph', lang: 'zh', media: 'screen', text: t('只在屏幕上显示'), cites: [] },
  {
    type: 'table',
    id: 'glossary-table',
    caption: bi('术语表', 'Glossary'),
    columns: [
      { text: bi('术语', 'Term'), weight: 1 },
      { text: bi('释义', 'Definition'), weight: 3 },
      { text: bi('年份', 'Year'), weight: 1, align: 'right' },
    ],
    rows: [[{ text: { zh: t('DICAS') } }, { text: bi('美日对话机制。', 'A US–Japan dialogue.'), cites: ['p-6'], source: [cite('2.2', 'p-6')] }, { text: { en: t('2023') } }]],
    cites: [],
  },
  { type: 'callout', tone: 'key', title: bi('要点', 'Key point'), children: [{ type: 'pair', zh: t('标注中的内容。'), en: t('Inside the callout.'), cites: [] }], cites: [] },
  { type: 'group', id: 'group-1', children: [{ type: 'paragraph', lang: 'zh', text: t('分组中的段落。'), cites: [] }], cites: [] },
  {
    type: 'figure',
    kind: 'timeline',
    id: 'timeline-figure',
    caption: bi('时间线', 'Timeline'),
    events: [
      { id: 'ev-1', date: '2024-04-10', dateLabel: bi('2024年4月10日', '10 April 2024'), text: bi('峰会', 'Summit'), cites: ['p-7'], source: [cite('3.1', 'p-7')] },
      { id: 'ev-2', date: '2024-05', dateLabel: bi('约2024年5月', 'c. May 2024'), text: bi('签署协议', 'Agreement signed'), note: bi('日期为推断。', 'The date is inferred.'), cites: [] },
    ],
    cites: [],
  },
  {
    type: 'group',
    id: 'sources-cited',
    media: 'print',
    children: [
      { type: 'heading', level: 2, text: bi('引用原文', 'Sources cited'), outline: false, cites: [] },
      { type: 'passage', id: 'src-p-1', mark: '1.2', text: t('被引用的原文段落。'), notes: [], cites: ['p-1'] },
    ],
    cites: [],
  },
];

export const pageDoc: Doc = { product: 'summary', page: 'a4', meta, blocks: pageBlocks };

export const slideDoc: Doc = {
  product: 'slides',
  page: 'slide',
  meta,
  blocks: [
    { type: 'slide', id: 's1', number: 1, layout: 'title', title: bi('标题', 'Title'), children: [pageBlocks[0]], cites: [] },
    { type: 'slide', id: 's2', number: 2, layout: 'section', title: bi('第一部分', 'Part one'), children: [], cites: [] },
    {
      type: 'slide',
      id: 's3',
      number: 3,
      layout: 'statement',
      title: bi('要点', 'Takeaway'),
      children: [{ type: 'pair', zh: t('一句要点。'), en: t('One takeaway.'), cites: [] }],
      notes: bi('讲者备注。', 'Speaker notes.'),
      notesSource: [cite('1.1', 'p-1')],
      source: [cite('1.1', 'p-1')],
      cites: [],
    },
    { type: 'slide', id: 's4', number: 4, layout: 'columns', title: bi('两栏', 'Columns'), children: [pageBlocks[7]], cites: [] },
    { type: 'slide', id: 's5', number: 5, layout: 'points', title: bi('要点列表', 'Points'), children: [pageBlocks[8]], part: { index: 1, count: 1 }, cites: [] },
    { type: 'slide', id: 's6', number: 6, layout: 'timeline', title: bi('时间线', 'Timeline'), children: [pageBlocks[17]], cites: [] },
    { type: 'slide', id: 's7', number: 7, layout: 'checklist', title: bi('建议', 'Recommendations'), children: [pageBlocks[10], pageBlocks[11]], density: 'compact', cites: [] },
    { type: 'slide', id: 's8', number: 8, layout: 'glossary', title: bi('术语', 'Glossary'), children: [pageBlocks[14]], cites: [] },
    { type: 'slide', id: 's9', number: 9, layout: 'closing', title: bi('谢谢', 'Thank you'), children: [], notes: { zh: t('结束语。') }, cites: [] },
  ],
};

/** The reading edition: passages with marks and margin notes, a quote, a numbered list of passages, a footnote and its reference. */
export const readingDoc: Doc = {
  product: 'reading',
  page: 'a4',
  meta,
  blocks: [
    pageBlocks[0],
    { type: 'heading', level: 1, id: 'sec-1', text: bi('第一节', 'Section one'), cites: [] },
    { type: 'pair', zh: t('本节摘要。'), en: t('Summary of the section.'), cites: [] },
    {
      type: 'passage',
      id: 'p-1',
      mark: '1.1',
      text: [{ text: '标签：', strong: true }, { text: '第一段正文，含脚注' }, { text: '1', role: 'noteref', ref: ref('reading', 'fn-1') }, { text: '。' }],
      notes: [
        { label: bi('要点 1', 'Takeaway 1'), text: bi('要点的文字。', 'The takeaway.'), ref: ref('summary', 'tk-1') },
        { label: bi('建议 2', 'Recommendation 2'), text: bi('建议的文字。', 'The recommendation.'), ref: ref('checklist', 'rec-a') },
      ],
      cites: ['p-1'],
    },
    { type: 'quote', id: 'q-1', children: [{ type: 'passage', id: 'p-2', mark: '1.2', text: t('引用的官员讲话。'), notes: [], cites: ['p-2'] }], cites: [] },
    {
      type: 'list',
      ordered: true,
      start: 2,
      items: [
        { id: 'p-3', text: {}, cites: ['p-3'], children: [{ type: 'passage', id: 'p-3-text', mark: '1.3', text: t('第二，列表中的段落。'), notes: [], cites: ['p-3'] }] },
        { id: 'p-4', text: {}, cites: ['p-4'], children: [{ type: 'passage', id: 'p-4-text', mark: '1.4', text: t('第三，另一个段落。'), notes: [], cites: ['p-4'] }] },
      ],
      cites: [],
    },
    {
      type: 'table',
      id: 'tbl-1',
      mark: '1.5',
      caption: bi('附表', 'Appended table'),
      columns: [{ text: bi('国家', 'Country') }, { text: bi('数量', 'Count'), align: 'right' }],
      rows: [[{ text: { zh: t('日本') } }, { text: { zh: t('12') } }]],
      notes: [{ label: bi('要点 1', 'Takeaway 1'), text: bi('表格被引用。', 'The table is cited.'), ref: ref('summary', 'tk-1') }],
      cites: [],
    },
    { type: 'heading', level: 1, id: 'sec-2', text: bi('第二节', 'Section two'), cites: [] },
    ...['p-5', 'p-6', 'p-7', 'p-8'].map((id, i): Block => ({ type: 'passage', id, mark: `2.${i + 1}`, text: t(`第二节第${i + 1}段。`), notes: [], cites: [id] })),
    { type: 'heading', level: 2, text: bi('注释', 'Notes'), cites: [] },
    { type: 'footnotes', id: 'footnotes', items: [{ id: 'fn-1', label: '1', mark: '1.6', text: t('脚注的文字。'), notes: [] }], cites: [] },
  ],
};

export const checklistDoc: Doc = {
  product: 'checklist',
  page: 'a4',
  meta,
  blocks: [
    pageBlocks[0],
    { type: 'progress', id: 'progress', media: 'screen', total: 3, label: bi('完成进度', 'Progress'), cites: [] },
    {
      type: 'group',
      id: 'group-us',
      children: [
        { type: 'heading', level: 2, text: bi('美国', 'United States'), cites: [] },
        { type: 'heading', level: 3, text: bi('立即', 'Now'), cites: [] },
        pageBlocks[10],
        pageBlocks[11],
        { type: 'checkItem', id: 'rec-c', zh: t('最后一项。'), en: t('The last one.'), tags: [bi('原文建议', 'Article’s own')], checked: false, source: [cite('2.3', 'p-8')], cites: [] },
      ],
      cites: [],
    },
  ],
};
