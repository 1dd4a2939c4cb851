/** Hand-built Docs holding every IR block type, for backend tests that must not depend on the templates. */
import type { Block, Doc, DocMeta } from '../../../src/ir/types.js';

const t = (text: string) => [{ text }];
const bi = (zh: string, en: string) => ({ zh: t(zh), en: t(en) });

export const meta: DocMeta = {
  articleId: 'every-block',
  title: bi('每种块的测试文档', 'A document with every block'),
  shortTitle: bi('全部块', 'Every block'),
  author: '砺道智库',
  subject: '测试 / Test',
  keywords: ['测试', 'test'],
  date: '2025-01-10',
  lang: 'zh-Hans',
};

export const pageBlocks: Block[] = [
  { type: 'title', title: bi('每种块的测试文档', 'A document with every block'), subtitle: bi('双语摘要', 'Bilingual summary'), meta: [{ label: bi('日期', 'Date'), value: bi('2025年1月10日', '10 January 2025') }], cites: [] },
  { type: 'heading', level: 1, text: bi('第一章', 'Chapter one'), cites: [] },
  { type: 'heading', level: 2, text: bi('第一节', 'Section one'), cites: ['p-1'] },
  { type: 'heading', level: 3, text: bi('小节', 'Subsection'), cites: [] },
  { type: 'paragraph', lang: 'zh', text: [{ text: '“引号”与' }, { text: '加粗', strong: true }, { text: '和', em: true }, { text: '链接', href: 'https://example.org/' }], cites: ['p-2'] },
  { type: 'paragraph', lang: 'en', role: 'note', text: t('Japan’s “quoted” note — with a dash.'), cites: [] },
  { type: 'pair', zh: t('中文一侧。'), en: t('The English side.'), marker: '1', cites: ['p-3'] },
  { type: 'list', ordered: true, items: [{ text: bi('第一项', 'First item'), cites: ['p-4'] }, { text: bi('第二项', 'Second item'), cites: [] }], cites: [] },
  { type: 'list', ordered: false, items: [{ text: { zh: t('只有中文') }, cites: [] }], cites: [] },
  { type: 'checkItem', id: 'rec-a', zh: t('采取行动。'), en: t('Take action.'), actor: bi('美国', 'United States'), horizon: bi('立即', 'Now'), checked: false, cites: ['p-5'] },
  { type: 'checkItem', id: 'rec-b', zh: t('已经完成。'), en: t('Already done.'), actor: bi('日本', 'Japan'), horizon: bi('长期', 'Long term'), checked: true, cites: [] },
  { type: 'progress', total: 2, label: bi('完成进度', 'Progress'), cites: [] },
  {
    type: 'table',
    caption: bi('术语表', 'Glossary'),
    columns: [{ text: bi('术语', 'Term'), weight: 1 }, { text: bi('释义', 'Definition'), weight: 3 }],
    rows: [[{ text: { zh: t('DICAS') } }, { text: bi('美日对话机制。', 'A US–Japan dialogue.'), cites: ['p-6'] }]],
    cites: [],
  },
  { type: 'callout', tone: 'key', title: bi('要点', 'Key point'), children: [{ type: 'pair', zh: t('标注中的内容。'), en: t('Inside the callout.'), cites: [] }], cites: [] },
  { type: 'group', children: [{ type: 'paragraph', lang: 'zh', text: t('分组中的段落。'), cites: [] }], cites: [] },
  {
    type: 'figure',
    kind: 'timeline',
    caption: bi('时间线', 'Timeline'),
    events: [
      { date: '2024-04-10', dateLabel: bi('2024年4月10日', '10 April 2024'), text: bi('峰会', 'Summit'), cites: ['p-7'] },
      { date: '2024-05', dateLabel: bi('2024年5月', 'May 2024'), text: bi('签署协议', 'Agreement signed'), cites: [] },
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
    { type: 'slide', id: 's2', number: 2, layout: 'content', title: bi('要点', 'Points'), children: [pageBlocks[6], pageBlocks[7]], cites: [] },
    { type: 'slide', id: 's3', number: 3, layout: 'content', title: bi('时间线', 'Timeline'), children: [pageBlocks[15]], cites: [] },
  ],
};
