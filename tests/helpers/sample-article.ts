/**
 * A small hand-built Article for backend tests that must not depend on the
 * Markdown parser. Covers every field and both languages, plus characters that
 * exercise escaping and CJK line breaking.
 */
import { DEFAULT_ACTORS, type Article, type ListItem, type Paragraph } from '../../src/model/types.js';

function para(id: string, sectionId: string | null, mark: string, text: string, line: number): Paragraph {
  return { kind: 'paragraph', id, generatedId: false, mark, sectionId, quoted: false, text, spans: [{ text }], line };
}

const lede1 = para('lede-1', null, '0.1', '美国智库CSIS官网,日前刊载文章称,日本已采取重大举措,增强防卫能力。', 20);
const ev1 = para('evolution-1', 'evolution', '1.1', '冷战时期的政策和协议为美日防务项目的开展设定了一个静态模式。', 24);
const op1: Paragraph = {
  ...para('opportunities-1', 'opportunities', '2.1', '滑翔相拦截器(GPI):去年5月签署的一项联合开发协议借鉴了先例。', 30),
  label: { zh: '滑翔相拦截器(GPI)', en: 'Glide Phase Interceptor (GPI)' },
  spans: [{ text: '滑翔相拦截器(GPI)', strong: true }, { text: ':去年5月签署的一项联合开发协议借鉴了先例。' }],
};
const outText = '根据2025财年国防授权法规定加强美国对国际防御计划的支持。';
const out1: ListItem = { kind: 'item', id: 'outlook-1', generatedId: false, mark: '3.1', sectionId: 'outlook', quoted: false, text: outText, spans: [{ text: outText }], lists: [], line: 40 };

export const sampleArticle: Article = {
  slug: 'sample',
  title: { zh: '从客户到伙伴:美日防务采购合作 & <测试>', en: 'From Client to Partner: US–Japan Acquisition & <Test>' },
  shortTitle: { zh: '美日防务采购合作', en: 'US–Japan Acquisition' },
  publisher: { zh: '砺道智库', en: 'Lidao Think Tank' },
  date: '2025-01-10',
  original: { outlet: 'CSIS', author: { zh: '格雷格·鲁宾斯坦', en: 'Gregg Rubinstein' } },
  languages: ['zh-Hans', 'en'],
  keywords: [{ zh: '美日同盟', en: 'US–Japan alliance' }],
  actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
  lede: { number: 0, blocks: [lede1], paragraphs: [lede1] },
  sections: [
    {
      id: 'evolution',
      number: 1,
      title: { zh: '进化', en: 'Evolution' },
      summary: { zh: '冷战时期的框架限制了合作。', en: 'Cold War frameworks limited cooperation.' },
      blocks: [ev1],
      paragraphs: [ev1],
    },
    {
      id: 'opportunities',
      number: 2,
      title: { zh: '机会', en: 'Opportunities' },
      summary: { zh: '新的合作采购机会出现。', en: 'New co-acquisition opportunities have emerged.' },
      blocks: [op1],
      paragraphs: [op1],
    },
    {
      id: 'outlook',
      number: 3,
      title: { zh: '前景', en: 'Outlook' },
      summary: { zh: '前景仍然乐观。', en: 'The outlook remains positive.' },
      blocks: [{ kind: 'list', ordered: false, items: [out1], line: 40 }],
      paragraphs: [out1],
    },
  ],
  takeaways: [
    { id: 'tk-1', text: { zh: '日本正在从客户转变为伙伴。', en: 'Japan is moving from client to partner.' }, cites: ['lede-1'] },
    { id: 'tk-2', text: { zh: 'DICAS 是新的对话渠道。', en: 'DICAS is the new channel for dialogue.' }, cites: ['evolution-1'] },
  ],
  recommendations: [
    {
      id: 'rec-1',
      text: { zh: '加强美国对国际防务项目的支持。', en: 'Strengthen US support for international defense programs.' },
      actor: 'us',
      horizon: 'now',
      kind: 'explicit',
      cites: ['outlook-1'],
    },
    {
      id: 'rec-2',
      text: { zh: '日本应放弃被动态度。', en: 'Japan should give up its passive stance.' },
      actor: 'japan',
      horizon: 'long',
      kind: 'implicit',
      cites: ['evolution-1'],
    },
  ],
  glossary: [
    {
      id: 'dicas',
      term: 'DICAS',
      name: { zh: '国防工业合作、采购和维护论坛', en: 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment' },
      definition: { zh: '2024年设立的美日对话机制。', en: 'A US–Japan dialogue set up in 2024.' },
      cites: ['evolution-1'],
    },
  ],
  timeline: [
    { id: 'ev-2024-04', date: '2024-04-10', asWritten: '4月10日', text: { zh: '美日峰会', en: 'US–Japan summit' }, cites: ['lede-1'] },
    { id: 'ev-2024-05', date: '2024-05', asWritten: '去年5月', text: { zh: '签署GPI协议', en: 'GPI agreement signed' }, cites: ['opportunities-1'] },
  ],
  slides: [
    { id: 'title', kind: 'title', title: { zh: '美日防务采购合作', en: 'US–Japan Acquisition' }, points: [], notes: { zh: '介绍。', en: 'Introduce.' }, cites: [] },
    { id: 'bluf', kind: 'takeaways', title: { zh: '要点', en: 'Bottom line' }, points: [], notes: { zh: '要点。', en: 'Key points.' }, cites: [] },
    {
      id: 'evolution',
      kind: 'points',
      title: { zh: '进化', en: 'Evolution' },
      points: [{ text: { zh: '冷战框架。', en: 'Cold War frameworks.' }, cites: ['evolution-1'] }],
      notes: { zh: '背景。', en: 'Background.' },
      cites: ['evolution-1'],
    },
    { id: 'recs', kind: 'recommendations', title: { zh: '建议', en: 'Recommendations' }, points: [], notes: { zh: '建议。', en: 'Recommendations.' }, cites: [] },
    { id: 'timeline', kind: 'timeline', title: { zh: '时间线', en: 'Timeline' }, points: [], notes: { zh: '时间线。', en: 'Timeline.' }, cites: [] },
    { id: 'glossary', kind: 'glossary', title: { zh: '术语', en: 'Glossary' }, points: [], notes: { zh: '术语。', en: 'Glossary.' }, cites: [] },
    { id: 'source', kind: 'source', title: { zh: '来源', en: 'Source' }, points: [], notes: { zh: '来源。', en: 'Source.' }, cites: [] },
  ],
  sourcePath: 'source/sample.md',
};
