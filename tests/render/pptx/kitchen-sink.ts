/**
 * A hand-written slides Doc with every slide layout of the IR and every
 * element a slide can carry: pair tags and sources, list items with nested
 * lists and sources, recommendations with tags, actor and horizon, timeline
 * events with certainty notes and sources, slide source lines, speaker notes
 * with their citations, continued slides (`part`), span roles and refs (to a
 * slide of the deck, to an item on a slide, to the reading edition), and a
 * block type the backend does not know; and what the slides template sets:
 * title sizes (`titleSize`), a compact slide, tagged list items, numbered
 * recommendations (`marker`), the title of a work (span role `title`),
 * timeline dates kept on one line (`nowrap`). Texts are the first article's,
 * at their real lengths.
 */
import type { BiInline, Block, Doc, Inline, Ref, SlideBlock, Span } from '../../../src/ir/types.js';

const t = (text: string): Inline => [{ text }];
const bi = (zh: string, en: string): BiInline => ({ zh: t(zh), en: t(en) });
const reading = (anchor: string): Ref => ({ product: 'reading', anchor });
/** A citation run as templates write them: "¶3.2" linked to the reading edition. */
const cite = (mark: string, anchor: string): Span => ({ text: `¶${mark}`, role: 'cite', ref: reading(anchor) });
/** A source line: citations separated by spaces. */
const source = (...cites: [string, string][]): Inline => cites.flatMap(([m, a], i) => (i === 0 ? [cite(m, a)] : [{ text: ' ' }, cite(m, a)]));
const tag = (zh: string, en: string): BiInline => ({ zh: [{ text: zh, role: 'tag' }], en: [{ text: en, role: 'tag' }] });
const EXPLICIT = tag('原文建议', 'Article’s own');
const INFERRED = tag('编者推断', 'Editors’ inference');

let n = 0;
function slide(id: string, layout: SlideBlock['layout'], title: BiInline, children: Block[], extra: Partial<SlideBlock> = {}): SlideBlock {
  n += 1;
  return {
    type: 'slide',
    id,
    number: n,
    layout,
    title,
    children,
    notes: bi(`第${n}页：讲解要点，先说结论，再说依据。`, `Slide ${n}: give the conclusion first, then the evidence.`),
    notesSource: source(['1.2', 'evolution-2'], ['3.4', 'outlook-4']),
    cites: ['evolution-2'],
    ...extra,
  };
}

const pair = (zh: string, en: string, extra: { marker?: string; tags?: BiInline; source?: Inline } = {}): Block => ({ type: 'pair', zh: t(zh), en: t(en), cites: [], ...extra });

const events: [string, string, string, string, string, BiInline | undefined][] = [
  ['2022-12', '2022年12月（推断）', 'December 2022 (inferred)', '日本公布现行国家安全和防卫战略。', 'Japan announces its current national security and defense strategies.', bi('原文只说“过去两年”；日期为编者推断。', 'The text only says “the past two years”; the date is the editors’ inference.')],
  ['2023-01', '2023年1月', 'January 2023', '美日签署RDT&E项目协议和供应安全协议。', 'The United States and Japan sign RDT&E and security-of-supply agreements.', undefined],
  ['2023-10', '2023年10月', 'October 2023', '美国和澳大利亚宣布计划与日本合作开发无人驾驶飞机。', 'The United States and Australia announce plans to co-develop uncrewed aircraft with Japan.', undefined],
  ['2024-04-10', '2024年4月10日', '10 April 2024', '拜登－岸田峰会扩大联盟承诺，并宣布设立DICAS论坛。', 'The Biden–Kishida summit widens alliance commitments and announces the DICAS forum.', undefined],
  ['2024-05', '2024年5月', 'May 2024', '美日签署联合开发滑翔相拦截器的协议。', 'The United States and Japan sign an agreement to co-develop the Glide Phase Interceptor.', undefined],
  ['2024-12', '2024年12月（存疑）', 'December 2024 (uncertain)', '美国国防部研究委托报告，探讨与盟友的生产合作。', 'The US Defense Department studies a commissioned report on co-production with allies.', bi('原文日期含糊。', 'The text’s date is vague.')],
];

const recs: [string, string, string, BiInline, BiInline, BiInline][] = [
  ['rec-1', '不再把盟友当作客户，对信息披露和系统发布采取更积极的态度。', 'Stop treating allies as customers; be more forthcoming on disclosure and system release.', EXPLICIT, bi('美国', 'United States'), bi('近期', 'Near term')],
  ['rec-2', '通过专职人员切实落实合作采购的承诺。', 'Turn the commitment to cooperative acquisition into action through dedicated staff.', EXPLICIT, bi('美国', 'United States'), bi('近期', 'Near term')],
  ['rec-3', '根据《2025财年国防授权法案》加强美国对国际防务项目的支持。', 'Strengthen US support for international defense programs as the FY2025 NDAA provides.', INFERRED, bi('美国国会', 'US Congress'), bi('中期', 'Medium term')],
  ['rec-4', '不把获得美国尖端技术视为同盟权利，改变被动态度，加强海外代表。', 'Stop treating advanced US technology as an alliance right; shed the passive stance; strengthen overseas representation.', INFERRED, bi('日本', 'Japan'), bi('长期', 'Long term')],
  ['rec-5', '继续推行更灵活的出口管制措施，并加强信息安全保护。', 'Keep making export controls more flexible and strengthen information-security procedures.', EXPLICIT, bi('日本', 'Japan'), bi('中期', 'Medium term')],
  ['rec-6', '超越出口管制的渐进式修订，以出口促进措施吸引国际伙伴。', 'Go beyond incremental export-control revisions; use export promotion to draw in partners.', INFERRED, bi('日本', 'Japan'), bi('长期', 'Long term')],
  ['rec-7', '借助DICAS建立有效的政策协调机制，明确各方角色与任务。', 'Use DICAS to build working policy coordination with clear roles and missions for each side.', EXPLICIT, bi('美日双方', 'Both governments'), bi('近期', 'Near term')],
];

const terms: [string, string, string][] = [
  ['DICAS', '国防工业合作、采购和维护论坛', 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment'],
  ['GPI', '滑翔相拦截器', 'Glide Phase Interceptor'],
  ['CCA', '协同作战飞机', 'Collaborative Combat Aircraft'],
  ['GCAP', '全球战斗机计划', 'Global Combat Air Programme'],
  ['RDT&E', '研究、开发、测试和评估', 'Research, Development, Test and Evaluation'],
  ['FMS', '对外军售', 'Foreign Military Sales'],
];

export const kitchenSink: Doc = {
  product: 'slides',
  page: 'slide',
  meta: {
    articleId: 'kitchen-sink',
    title: bi('从客户到伙伴：美日防务采购合作的新渠道', 'From Client to Partner: A New Channel for US–Japan Defense Acquisition'),
    shortTitle: bi('美日防务采购合作', 'US–Japan Defense Acquisition'),
    author: '砺道智库',
    subject: '幻灯片简报 / Slide brief',
    keywords: ['美日同盟', 'US–Japan alliance'],
    date: '2025-01-10',
    lang: 'zh-Hans',
    source: { outlet: 'CSIS', author: 'Gregg Rubinstein', title: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', url: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' },
  },
  blocks: [
    slide('title', 'title', bi('标题', 'Title'), [
      {
        type: 'title',
        title: bi('从客户到伙伴：美日防务采购合作的新渠道', 'From Client to Partner: A New Channel for US–Japan Defense Acquisition'),
        subtitle: bi('幻灯片简报', 'Slide brief'),
        meta: [
          { label: bi('发布机构', 'Publisher'), value: bi('砺道智库', 'Lidao Think Tank') },
          { label: bi('日期', 'Date'), value: bi('2025年1月10日', '10 January 2025') },
          { label: bi('原文作者', 'Original author'), value: bi('格雷格·鲁宾斯坦', 'Gregg Rubinstein') },
          { label: bi('原文标题', 'Original title'), value: { en: [{ text: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance', role: 'title' }] } },
          { label: bi('原文链接', 'Original URL'), value: { en: [{ text: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }] } },
        ],
        cites: [],
      },
    ], { notesSource: [], titleSize: { zh: 28, en: 16 } }),
    slide('part-framework', 'section', bi('第一部分：合作采购的新框架', 'Part one: a new framework for cooperative acquisition'), [
      pair('DICAS将美日合作从“客户—供应商”关系推向真正的伙伴关系。', 'DICAS moves US–Japan cooperation from a client–supplier relationship toward a real partnership.'),
    ], { titleSize: { zh: 28, en: 16 } }),
    slide('takeaway-1', 'statement', bi('核心结论 1', 'Key takeaway 1'), [
      pair('新设立的DICAS论坛有望首次把美日合作扩展到全方位的采购利益。', 'The newly launched DICAS forum could for the first time extend US–Japan cooperation across the full range of acquisition interests.', { marker: '1', tags: tag('原文观点', 'The article’s claim') }),
    ], { source: source(['0.2', 'lede-2'], ['2.3', 'framework-3']), titleSize: { zh: 24, en: 14 } }),
    slide('shift', 'columns', bi('转变：从客户到伙伴', 'The shift: from client to partner'), [
      pair('冷战时期，美国设备和小规模研究项目经狭窄渠道转让。', 'Under Cold War policies, US equipment and small research projects moved through narrow channels.'),
      pair('管理和工作分担问题屡见不鲜，却缺乏改变动力。', 'Management and work-share problems recurred, yet there was little incentive to change.', { marker: '2', tags: tag('原文观点', 'The article’s claim') }),
      pair('FX战斗机谈判失败后，日本与英国和意大利一起加入GCAP。', 'After the failed FX fighter talks, Japan joined GCAP with the United Kingdom and Italy.', { marker: '3', source: source(['1.4', 'evolution-4']) }),
    ], { source: source(['1.1', 'evolution-1'], ['1.2', 'evolution-2'], ['1.4', 'evolution-4']) }),
    slide('opportunities', 'points', bi('四个合作机会', 'Four opportunities'), [
      pair('GPI：工作分担更平衡，工业界合作更紧密。', 'GPI: more balanced work share and closer industry cooperation.', { marker: '1' }),
      pair('CCA：无人机成为FX之后有希望的联合途径，日本可在其中担当更大的角色。', 'CCA: uncrewed aircraft offer a promising joint path after FX, with a larger role for Japan.', { marker: '2' }),
      pair('教练机：可基于T-7A联合开发战术教练机。', 'Trainers: a possible joint tactical trainer based on the T-7A.', { marker: '3' }),
      pair('多边化：AUKUS突显这一趋势；GCAP的条款为日本与美国的合作树立先例。', 'Multilateral: AUKUS highlights the trend; GCAP’s terms set precedents for Japan’s cooperation with the United States.', { marker: '4', source: source(['2.6', 'opportunities-6']) }),
    ], { source: source(['2.1', 'opportunities-1'], ['2.6', 'opportunities-6']), part: { index: 1, count: 2 } }),
    slide('opportunities-2', 'points', bi('四个合作机会（续）', 'Four opportunities (continued)'), [
      {
        type: 'list',
        ordered: true,
        start: 5,
        cites: [],
        items: [
          {
            text: bi('工作组：', 'Working groups:'),
            cites: [],
            id: 'wg',
            children: [
              { type: 'list', ordered: false, cites: [], items: [
                { text: bi('船舶维修', 'Ship repair'), cites: [] },
                { text: bi('飞机维修', 'Aircraft maintenance'), cites: [] },
                { text: bi('供应链支持与先进导弹联合生产', 'Supply-chain support and advanced-missile co-production'), cites: [], source: source(['2.2', 'framework-4']) },
              ] },
            ],
          },
          { text: { zh: [{ text: '参见' }, { text: '第5页', ref: { product: 'slides', anchor: 'opportunities' } }, { text: '与' }, { text: 'DICAS', role: 'term' }, { text: '术语' }], en: [{ text: 'See ' }, { text: 'slide 5', ref: { product: 'slides', anchor: 'opportunities' } }, { text: ' and the term ' }, { text: 'DICAS', role: 'term', ref: { product: 'slides', anchor: 'term-dicas' } }, { text: '1', role: 'noteref', ref: reading('fn-1') }] }, cites: [], source: source(['2.5', 'opportunities-5']) },
        ],
      },
    ], { part: { index: 2, count: 2 } }),
    ...[events.slice(0, 4), events.slice(4)].map((part, k) =>
      slide(k === 0 ? 'timeline' : 'timeline-2', 'timeline', bi(`时间线（${k + 1}/2）`, `Timeline (${k + 1}/2)`), [
        {
          type: 'figure',
          kind: 'timeline',
          caption: bi('时间线', 'Timeline'),
          events: part.map(([date, zhD, enD, zh, en, note], j) => {
            const i = k * 4 + j;
            return {
              id: `event-${i + 1}`,
              date,
              dateLabel: { zh: [{ text: zhD, nowrap: true }], en: [{ text: enD, nowrap: true }] },
              text: bi(zh, en),
              ...(note ? { note } : {}),
              cites: [],
              ...(i === 1 || i === 4 ? { source: source([`1.${i + 1}`, `evolution-${i + 1}`]) } : {}),
            };
          }),
          cites: [],
        },
      ], { part: { index: k + 1, count: 2 }, ...(k === 0 ? { source: source(['1.1', 'evolution-1'], ['4.2', 'challenges-2']) } : {}) }),
    ),
    slide('recommendations', 'checklist', bi('建议清单（1/2）', 'Recommendations (1/2)'), recs.slice(0, 4).map(([id, zh, en, tags, actor, horizon], i) => ({ type: 'checkItem', id, marker: String(i + 1), zh: t(zh), en: t(en), tags: [tags], actor, horizon, checked: false, cites: [], source: source(['5.1', 'outlook-1']) })), { part: { index: 1, count: 2 } }),
    slide('recommendations-2', 'checklist', bi('建议清单（2/2）', 'Recommendations (2/2)'), [
      {
        type: 'group',
        cites: [],
        children: [
          { type: 'heading', level: 3, text: bi('日本', 'Japan'), cites: [] },
          ...recs.slice(4).map(([id, zh, en, tags, , horizon], i): Block => ({ type: 'checkItem', id, marker: String(i + 5), zh: t(zh), en: t(en), tags: [tags], horizon, checked: id === 'rec-5', cites: [] })),
        ],
      },
      { type: 'progress', total: 7, label: bi('完成进度', 'Progress'), media: 'screen', cites: [] },
    ], { part: { index: 2, count: 2 }, source: source(['5.2', 'outlook-2'], ['5.3', 'outlook-3']) }),
    slide('recommendations-list', 'checklist', bi('建议清单（列表）', 'Recommendations (list)'), [
      {
        type: 'list',
        ordered: true,
        start: 5,
        cites: [],
        items: recs.slice(4).map(([id, zh, en, tags, actor]) => ({
          id: `${id}-item`,
          text: { zh: [{ text: `${actor.zh?.[0].text}：`, strong: true }, { text: zh }], en: [{ text: `${actor.en?.[0].text}: `, strong: true }, { text: en }] },
          tags,
          cites: [],
        })),
      },
    ]),
    slide('compact', 'points', bi('一段很长的要点', 'One long point'), [
      pair(
        '日本已采取重大举措，增强防卫能力和国防工业基础，包括大幅增加防卫预算、放宽防卫装备出口限制，并与美国及其他伙伴开展联合研发与生产；但美日合作采购仍受制于长期形成的客户—供应商模式，双方需要在信息披露、技术转让、工作分担和出口管制等方面作出制度性调整，才能把新设立的对话机制转化为实际的合作项目和持久的伙伴关系。',
        'Japan has taken major steps to strengthen its defense capabilities and industrial base, including large increases in defense spending, looser limits on defense exports, and joint research and production with the United States and other partners; but US–Japan cooperative acquisition is still held back by a long-standing client–supplier pattern, and both sides must make institutional changes on disclosure, technology transfer, work share and export controls to turn the new dialogue into real programs and a lasting partnership.',
        { tags: tag('编者推断', 'Editors’ inference') },
      ),
    ], { density: 'compact', titleSize: { zh: 21, en: 13 } }),
    slide('glossary', 'glossary', bi('术语表', 'Glossary'), terms.map(([term, zh, en], i) => ({ type: 'pair', id: i === 0 ? 'term-dicas' : undefined, marker: term, zh: t(zh), en: t(en), cites: [] }) as Block)),
    slide('glossary-table', 'glossary', bi('术语表（表格）', 'Glossary (table)'), [
      {
        type: 'table',
        caption: bi('术语表', 'Glossary'),
        columns: [{ text: bi('术语', 'Term'), weight: 1 }, { text: bi('名称', 'Name'), weight: 3 }],
        rows: terms.slice(0, 4).map(([term, zh, en], i) => [{ text: { zh: t(term) } }, { text: bi(zh, en), ...(i === 0 ? { source: source(['2.1', 'framework-1']) } : {}) }]),
        cites: [],
      },
    ]),
    slide('other-blocks', 'content', bi('其他块', 'Other blocks'), [
      { type: 'heading', level: 2, text: bi('背景', 'Background'), cites: [] },
      { type: 'paragraph', lang: 'zh', role: 'lead', text: [{ text: '日本已采取' }, { text: '重大举措', strong: true }, { text: '，增强防卫能力。' }], cites: [] },
      { type: 'callout', tone: 'key', title: bi('关键', 'Key point'), children: [pair('从客户到伙伴。', 'From client to partner.')], cites: [] },
    ]),
    slide('more-blocks', 'content', bi('更多块', 'More blocks'), [
      { type: 'quote', children: [{ type: 'passage', id: 'lede-1', mark: '0.1', text: t('美国智库CSIS官网日前刊载文章称，日本已采取重大举措。'), notes: [], cites: [] }], cites: [] },
      { type: 'footnotes', items: [{ id: 'fn-1', label: '1', text: t('DICAS于2024年6月在东京首次开会。') }], cites: [] },
      // A block type from a newer template: its text must still reach the slide.
      { type: 'future', text: bi('未知类型的文字仍然显示。', 'Text of an unknown type still shows.'), cites: [] } as unknown as Block,
    ]),
    slide('closing', 'closing', bi('谢谢', 'Thank you'), [
      {
        type: 'pair',
        zh: [{ text: '原文：', strong: true }, { text: '格雷格·鲁宾斯坦，CSIS，' }, { text: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', role: 'title', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }],
        en: [{ text: 'Original: ', strong: true }, { text: 'Gregg Rubinstein, CSIS, ' }, { text: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', role: 'title', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }],
        cites: [],
      },
      { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }], cites: [] },
      { type: 'paragraph', lang: 'zh', role: 'note', text: [{ text: '原文：' }, { text: 'CSIS', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }], cites: [] },
      { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: 'Original: ' }, { text: 'CSIS', href: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance' }], cites: [] },
    ]),
  ],
};
