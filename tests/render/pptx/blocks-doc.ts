/**
 * A hand-built slides Doc that uses every IR block type (and one type the
 * backend does not know), with a six-event timeline and long bilingual text.
 */
import type { Block, Doc, SlideBlock } from '../../../src/ir/types.js';

const t = (text: string) => [{ text }];
const bi = (zh: string, en: string) => ({ zh: t(zh), en: t(en) });

const events = [
  ['2022-12', '2022年12月', 'December 2022', '日本发布三份战略文件', 'Japan issues three strategy documents'],
  ['2023-08', '2023年8月', 'August 2023', '戴维营峰会深化美日韩合作', 'Camp David summit deepens trilateral cooperation'],
  ['2024-04-10', '2024年4月10日', '10 April 2024', '美日峰会宣布设立DICAS', 'US–Japan summit announces DICAS'],
  ['2024-05', '2024年5月', 'May 2024', '签署滑翔相拦截器联合开发协议', 'GPI co-development agreement signed'],
  ['2024-06', '2024年6月', 'June 2024', 'DICAS首次会议在东京举行', 'First DICAS meeting held in Tokyo'],
  ['2025', '2025年', '2025', '国防授权法要求加强国际项目支持', 'NDAA calls for more support to international programs'],
] as const;

function slide(number: number, id: string, title: [string, string], children: Block[], layout: SlideBlock['layout'] = 'content'): SlideBlock {
  return { type: 'slide', id, number, layout, title: bi(...title), children, notes: bi(`第${number}页备注。`, `Notes for slide ${number}.`), cites: [] };
}

export const blocksDoc: Doc = {
  product: 'slides',
  page: 'slide',
  meta: {
    articleId: 'blocks',
    title: bi('每种块类型 & <转义>', 'Every block type & <escaping>'),
    shortTitle: bi('块类型', 'Block types'),
    author: '砺道智库 & Co',
    subject: '幻灯片简报 / Slide brief',
    keywords: ['测试', 'test'],
    date: '2025-01-10',
    lang: 'zh-Hans',
  },
  blocks: [
    slide(1, 'title', ['每种块类型', 'Every block type'], [
      {
        type: 'title',
        title: bi('一个相当长的中文标题,用来检验标题页的换行与字号是否合适', 'A rather long English title to check how the title slide wraps and sizes its text'),
        subtitle: bi('幻灯片简报', 'Slide brief'),
        meta: [
          { label: bi('发布机构', 'Publisher'), value: bi('砺道智库', 'Lidao Think Tank') },
          { label: bi('原文出处', 'Original outlet'), value: { zh: [{ text: 'CSIS', href: 'https://www.csis.org/' }], en: [{ text: 'CSIS', href: 'https://www.csis.org/' }] } },
        ],
        cites: [],
      },
    ], 'title'),
    slide(2, 'text', ['标题、段落与提示框', 'Headings, paragraphs and callouts'], [
      { type: 'heading', level: 2, text: bi('背景', 'Background'), cites: [] },
      { type: 'paragraph', lang: 'zh', role: 'lead', text: [{ text: '日本已采取' }, { text: '重大举措', strong: true }, { text: ',增强防卫能力。' }], cites: ['lede-1'] },
      { type: 'paragraph', lang: 'en', text: [{ text: 'Japan has taken ' }, { text: 'major steps', em: true }, { text: ' to strengthen its defence.' }], cites: ['lede-1'] },
      { type: 'callout', tone: 'key', title: bi('关键', 'Key point'), children: [{ type: 'pair', zh: t('从客户到伙伴。'), en: t('From client to partner.'), cites: ['lede-1'] }], cites: [] },
      { type: 'paragraph', lang: 'zh', role: 'note', text: t('注:仅供研究参考。'), cites: [] },
    ]),
    slide(3, 'checks', ['建议清单', 'Checklist'], [
      { type: 'progress', total: 2, label: bi('完成进度', 'Progress'), cites: [] },
      {
        type: 'group',
        cites: [],
        children: [
          { type: 'checkItem', id: 'rec-1', zh: t('加强美国对国际防务项目的支持。'), en: t('Strengthen US support for international defence programs.'), actor: bi('美国', 'United States'), horizon: bi('立即', 'Now'), checked: false, cites: ['outlook-1'] },
          { type: 'checkItem', id: 'rec-2', zh: t('日本应放弃被动态度。'), en: t('Japan should give up its passive stance.'), actor: bi('日本', 'Japan'), horizon: bi('长期', 'Long term'), checked: true, cites: ['evolution-1'] },
        ],
      },
      { type: 'list', ordered: true, cites: [], items: [{ text: bi('第一项', 'First item'), cites: [] }, { text: bi('第二项', 'Second item'), cites: ['a-1'] }] },
    ]),
    slide(4, 'timeline', ['时间线', 'Timeline'], [
      {
        type: 'figure',
        kind: 'timeline',
        caption: bi('时间线', 'Timeline'),
        events: events.map(([date, zhD, enD, zh, en]) => ({ date, dateLabel: bi(zhD, enD), text: bi(zh, en), cites: ['lede-1'] })),
        cites: [],
      },
    ]),
    slide(5, 'table', ['术语', 'Glossary'], [
      {
        type: 'table',
        caption: bi('术语表', 'Glossary'),
        columns: [{ text: bi('术语', 'Term'), weight: 1 }, { text: bi('名称', 'Name'), weight: 2 }, { text: bi('释义', 'Definition'), weight: 3 }],
        rows: [
          [{ text: { zh: t('DICAS') } }, { text: bi('国防工业合作、采购和维护论坛', 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment') }, { text: bi('2024年设立的美日对话机制。', 'A US–Japan dialogue set up in 2024.'), cites: ['evolution-1'] }],
          [{ text: { zh: t('GPI') } }, { text: bi('滑翔相拦截器', 'Glide Phase Interceptor') }, { text: bi('美日联合开发的拦截器。', 'An interceptor developed jointly.'), cites: ['opportunities-1'] }],
        ],
        cites: [],
      },
    ]),
    slide(6, 'unknown', ['未知块', 'Unknown block'], [
      { type: 'pair', marker: 'DICAS', zh: t('标记为文字的并列块。'), en: t('A pair with a text marker.'), cites: [] },
      // A block type from a newer template: its text must still reach the slide.
      { type: 'quote', text: bi('未知类型的文字仍然显示。', 'Text of an unknown type still shows.'), cites: [] } as unknown as Block,
    ]),
  ],
};
