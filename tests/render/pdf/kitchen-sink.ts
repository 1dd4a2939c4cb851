/**
 * Hand-written Docs, one per product, that use every element of the IR the
 * PDF backend draws: cite and noteref runs with refs (same product, `local`
 * appendix anchors, other products), term, mark and tag roles, passages with
 * margin notes, quotes, footnotes, nested and numbered lists with `start`,
 * tables with alignment, mark and notes, pair tags and sources, check items
 * with tags, sources and optional actor and horizon, timeline events with
 * ids, notes and sources, every slide layout with source lines and notes,
 * heading level 4, `media` blocks and the original in the metadata.
 */
import type { Block, DocMeta, Doc, Inline, MarginNote, PassageBlock, Ref, SlideBlock, Span } from '../../../src/ir/types.js';

export const t = (text: string): Inline => [{ text }];
const ref = (product: Ref['product'], anchor: string, local?: string): Ref => ({ product, anchor, ...(local ? { local } : {}) });
/** A citation run "¶3.2" linking to a passage of the reading edition (and to the appendix copy when `local`). */
export const cite = (mark: string, anchor: string, local = true): Span => ({ text: `¶${mark}`, role: 'cite', ref: ref('reading', anchor, local ? `src-${anchor}` : undefined) });

export const PASSAGES = [
  {
    id: 'lede-1',
    mark: '0.1',
    text: '美国智库战略与国际研究中心（CSIS）官网，日前刊载美国国际防务合作专家格雷格·鲁宾斯坦撰写的文章称，日本已采取重大举措，增强防卫能力并扩大其在印太地区和全球安全中的作用。',
  },
  {
    id: 'evolution-1',
    mark: '1.1',
    text: '冷战时期的政策和协议为美日防务项目的开展设定了一个静态模式：美国设备和小规模研究项目经狭窄渠道转让，这些渠道限制美国技术的发布，并全面禁止日本的国防出口。管理不力、行业工作分担条款等问题屡见不鲜，双方却几乎没有动力改变根深蒂固的互动模式。',
  },
  {
    id: 'evolution-2',
    mark: '1.2',
    text: '对日本下一代FX战斗机的支持谈判未能达成一致，结果日本与英国和意大利一起加入了全球战斗机计划（GCAP）。这一选择表明，日本愿意在美国之外寻找伙伴，而美国需要重新审视自己的做法，避免让盟友觉得自己只是客户而非伙伴，从而在未来的合作中处于更加被动的地位，这一点值得双方深思熟虑序。',
  },
  { id: 'framework-1', mark: '2.1', text: '多年来，采购和工业合作一直处于安全磋商委员会（“2+2”）框架下美日对话的边缘。' },
  { id: 'quote-1', mark: '2.2', text: '一位官员表示：“我们不能再把盟友当作客户。”' },
  { id: 'item-1', mark: '2.3', text: '第一，加强美国对国际防御计划的支持。' },
  { id: 'item-2', mark: '2.4', text: '第二，把握平衡，避免把技术发布置于联盟能力需求之上。' },
  { id: 'item-2a', mark: '2.5', text: '其中包括出口管制的渐进式修订。' },
] as const;

export const passageById = (id: string) => PASSAGES.find((p) => p.id === id)!;

const note = (label: [string, string], text: [string, string], to: Ref): MarginNote => ({
  label: { zh: t(label[0]), en: t(label[1]) },
  text: { zh: t(text[0]), en: t(text[1]) },
  ref: to,
});

function passage(id: string, notes: MarginNote[] = [], extra: Partial<PassageBlock> = {}): PassageBlock {
  const p = passageById(id);
  return { type: 'passage', id: p.id, mark: p.mark, text: t(p.text), notes, cites: [p.id], ...extra };
}

export function meta(product: string): DocMeta {
  return {
    articleId: 'kitchen-sink',
    title: { zh: t('从客户到伙伴：美日防务采购合作的新渠道'), en: t('From Client to Partner: A New Channel for US–Japan Defense Acquisition') },
    shortTitle: { zh: t('美日防务采购合作'), en: t('US–Japan Defense Acquisition') },
    author: '砺道智库',
    subject: product,
    keywords: ['DICAS', '美日同盟'],
    date: '2025-01-10',
    lang: 'zh-Hans',
    source: {
      outlet: 'CSIS',
      author: 'Gregg Rubinstein',
      title: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance',
      url: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance',
      date: '2024-12-19',
    },
  };
}

const titleBlock = (product: [string, string]): Block => ({
  type: 'title',
  id: 'title',
  title: meta('').title,
  subtitle: { zh: t(product[0]), en: t(product[1]) },
  meta: [
    { label: { zh: t('发布机构'), en: t('Publisher') }, value: { zh: t('砺道智库'), en: t('Lidao Think Tank') } },
    { label: { zh: t('原文出处'), en: t('Original outlet') }, value: { zh: [{ text: 'CSIS', href: 'https://www.csis.org/' }], en: [{ text: 'CSIS', href: 'https://www.csis.org/' }] } },
    { label: { zh: t('原文日期'), en: t('Original date') }, value: { zh: t('2024年12月19日'), en: t('19 December 2024') } },
  ],
  cites: [],
});

/** The "Sources cited" appendix of a summary or checklist: the cited passages, anchored at `src-<id>`. */
export function appendix(ids: readonly string[]): Block {
  return {
    type: 'group',
    id: 'sources-cited',
    media: 'print',
    cites: [],
    children: [
      { type: 'heading', level: 1, text: { zh: t('引用原文'), en: t('Sources cited') }, cites: [] },
      ...ids.map((id): Block => {
        const p = passageById(id);
        return { type: 'passage', id: `src-${p.id}`, mark: p.mark, text: t(p.text), notes: [], cites: [p.id] };
      }),
    ],
  };
}

const explicit = { zh: t('原文建议'), en: t('Article') };
const inferred = { zh: t('推断'), en: t('Inferred') };

export function summaryDoc(): Doc {
  const blocks: Block[] = [
    titleBlock(['双语摘要', 'Bilingual summary']),
    { type: 'progress', id: 'screen-only', total: 3, label: { zh: t('屏幕'), en: t('Screen only') }, media: 'screen', cites: [] },
    { type: 'paragraph', id: 'screen-note', lang: 'en', role: 'note', text: t('SCREEN-ONLY TEXT'), media: 'screen', cites: [] },
    { type: 'heading', level: 1, id: 'takeaways', text: { zh: t('核心要点'), en: t('Key takeaways') }, cites: [] },
    {
      type: 'callout',
      tone: 'key',
      id: 'takeaways-box',
      cites: [],
      children: [
        {
          type: 'pair',
          id: 'tk-1',
          marker: '1',
          zh: [{ text: '新设立的' }, { text: 'DICAS', role: 'term' }, { text: '论坛有望首次把美日合作扩展到全方位的采购利益。' }],
          en: [{ text: 'The newly launched ' }, { text: 'DICAS', role: 'term' }, { text: ' forum could for the first time extend US–Japan cooperation across the full range of acquisition interests (“合作”, Japan’s “unique” requirements).' }],
          tags: explicit,
          source: [cite('2.1', 'framework-1'), { text: ' ' }, cite('0.1', 'lede-1')],
          cites: ['framework-1'],
        },
        {
          type: 'pair',
          id: 'tk-2',
          marker: '2',
          zh: t('GPI、CCA和新教练机等共同需求带来具体的合作采购机会，合作也日益多边化。'),
          en: t('Shared needs such as the GPI, CCA and a new trainer offer concrete co-acquisition opportunities, and cooperation is increasingly multilateral.'),
          tags: inferred,
          source: [cite('1.2', 'evolution-2')],
          cites: ['evolution-2'],
        },
      ],
    },
    { type: 'heading', level: 1, id: 'sections', text: { zh: t('各部分摘要'), en: t('Section summaries') }, cites: [] },
    {
      type: 'group',
      id: 'section-evolution',
      cites: [],
      children: [
        { type: 'heading', level: 2, id: 'evolution', text: { zh: t('进化'), en: t('Evolution') }, cites: [] },
        {
          type: 'pair',
          zh: [{ text: '冷战时期的政策和协议为美日防务项目设定了一种静态模式' }, { text: '1', role: 'noteref', ref: ref('summary', 'fn-1') }, { text: '。' }],
          en: t('Cold War policies and agreements set US–Japan defense programs in a static pattern, and neither side had much incentive to change it.'),
          source: [cite('1.1', 'evolution-1'), { text: ', ' }, cite('1.2', 'evolution-2')],
          cites: ['evolution-1', 'evolution-2'],
        },
        { type: 'heading', level: 3, text: { zh: t('三级标题'), en: t('Level three') }, cites: [] },
        { type: 'heading', level: 4, id: 'h4', text: { zh: t('四级标题'), en: t('Level four') }, cites: [] },
        {
          type: 'list',
          ordered: true,
          start: 3,
          id: 'explicit-list',
          cites: [],
          items: [
            { id: 'li-3', text: { zh: t('加强美国对国际防御计划的支持。'), en: t('Strengthen US support for international defense programs.') }, source: [cite('2.3', 'item-1')], cites: ['item-1'] },
            {
              id: 'li-4',
              text: { zh: t('把握平衡。'), en: t('Strike a balance.') },
              source: [cite('2.4', 'item-2')],
              cites: ['item-2'],
              children: [{ type: 'list', ordered: false, cites: [], items: [{ id: 'li-4a', text: { zh: t('出口管制的渐进式修订。'), en: t('Incremental export-control revisions.') }, cites: ['item-2a'] }] }],
            },
          ],
        },
        { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: 'An English note with 砺道智库 inside and a ' }, { text: 'mark', role: 'mark' }, { text: '.' }], cites: [] },
      ],
    },
    { type: 'heading', level: 1, id: 'glossary', text: { zh: t('术语表'), en: t('Glossary') }, cites: [] },
    {
      type: 'table',
      id: 'glossary-table',
      caption: { zh: t('术语表'), en: t('Glossary') },
      columns: [
        { text: { zh: t('术语'), en: t('Term') }, weight: 1 },
        { text: { zh: t('释义'), en: t('Definition') }, weight: 3 },
        { text: { zh: t('年份'), en: t('Year') }, weight: 1, align: 'right' },
      ],
      rows: [
        [{ text: { zh: t('DICAS') } }, { text: { zh: t('美日防务工业、采购和维护论坛。'), en: t('Forum on Defense Industrial Cooperation, Acquisition and Sustainment.') }, source: [cite('2.1', 'framework-1')] }, { text: { zh: t('2024') } }],
        [{ text: { zh: t('GCAP') } }, { text: { zh: t('全球战斗机计划。'), en: t('Global Combat Air Programme.') }, source: [cite('1.2', 'evolution-2')] }, { text: { zh: t('2022') } }],
      ],
      cites: [],
    },
    { type: 'heading', level: 1, id: 'timeline', text: { zh: t('时间线'), en: t('Timeline') }, cites: [] },
    {
      type: 'figure',
      kind: 'timeline',
      id: 'timeline-figure',
      caption: { zh: t('时间线'), en: t('Timeline') },
      events: [
        {
          id: 'ev-1',
          date: '2022-12',
          dateLabel: { zh: [{ text: '2022年12月' }, { text: '（推断）', role: 'mark' }], en: [{ text: 'December 2022 ' }, { text: '(inferred)', role: 'mark' }] },
          text: { zh: t('日本公布现行国家安全和防卫战略。'), en: t('Japan announces its current national security and defense strategies.') },
          note: { zh: t('文中只说“自公布……以来的两年间”，日期为编者推断。'), en: t('The text only says “in the two years since”; the date is the editors’ inference.') },
          source: [cite('0.1', 'lede-1')],
          cites: ['lede-1'],
        },
        {
          id: 'ev-2',
          date: '2024-04-10',
          dateLabel: { zh: t('2024年4月10日'), en: t('10 April 2024') },
          text: { zh: t('拜登-岸田峰会扩大联盟承诺，并宣布设立DICAS论坛。'), en: t('The Biden–Kishida summit widens alliance commitments and announces the DICAS forum.') },
          source: [cite('2.1', 'framework-1')],
          cites: ['framework-1'],
        },
      ],
      cites: [],
    },
    {
      type: 'footnotes',
      id: 'footnotes',
      cites: [],
      items: [{ id: 'fn-1', label: '1', text: t('静态模式指美国单向转让、日本被动接受的合作方式。') }],
    },
    appendix(['lede-1', 'evolution-1', 'evolution-2', 'framework-1', 'item-1', 'item-2']),
  ];
  return { product: 'summary', page: 'a4', meta: meta('双语摘要 / Bilingual summary'), blocks };
}

export function checklistDoc(): Doc {
  const item = (id: string, zh: string, en: string, tags: boolean, source: Inline, extra = {}): Block => ({
    type: 'checkItem',
    id,
    zh: t(zh),
    en: t(en),
    tags: tags ? [explicit] : [inferred],
    checked: false,
    source,
    cites: [],
    ...extra,
  });
  const blocks: Block[] = [
    titleBlock(['建议清单', 'Recommendations checklist']),
    { type: 'progress', id: 'progress', total: 3, label: { zh: t('完成进度'), en: t('Progress') }, media: 'screen', cites: [] },
    {
      type: 'group',
      id: 'group-us',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: { zh: t('美国'), en: t('United States') }, cites: [] },
        { type: 'heading', level: 3, text: { zh: t('立即'), en: t('Now') }, cites: [] },
        item('rec-1', '根据《2025财年国防授权法案》加强美国对国际防务项目的支持。', 'Strengthen US support for international defense programs as the FY2025 NDAA provides.', true, [cite('2.3', 'item-1')]),
        item('rec-2', '对美国技术发布采取更平衡的方式，把联盟能力需求置于严格保护之上。', 'Balance US technology release, putting alliance capability needs ahead of strict protection.', false, [cite('2.4', 'item-2')], {
          actor: { zh: t('美国'), en: t('United States') },
          horizon: { zh: t('立即'), en: t('Now') },
        }),
      ],
    },
    {
      type: 'group',
      id: 'group-japan',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: { zh: t('日本'), en: t('Japan') }, cites: [] },
        item('rec-3', '日本政府和工业界继续扩大与美国及其他国际伙伴的联盟建设。', 'Japan’s government and industry keep widening alliance building with the US and other international partners.', true, [cite('1.2', 'evolution-2')]),
      ],
    },
    appendix(['evolution-2', 'item-1', 'item-2']),
  ];
  return { product: 'checklist', page: 'a4', meta: meta('建议清单 / Recommendations checklist'), blocks };
}

export function readingDoc(): Doc {
  const backTo = (n: number) => note([`要点 ${n}`, `Takeaway ${n}`], ['新设立的DICAS论坛有望首次把美日合作扩展到全方位的采购利益。', 'The newly launched DICAS forum could extend US–Japan cooperation.'], ref('summary', `tk-${n}`));
  const recNote = note(['建议 1', 'Recommendation 1'], ['加强美国对国际防御计划的支持。', 'Strengthen US support for international defense programs.'], ref('checklist', 'rec-1'));
  const termNote: MarginNote = { label: { zh: t('DICAS'), en: t('DICAS') }, text: { zh: t('美日防务工业、采购和维护论坛'), en: t('Forum on Defense Industrial Cooperation, Acquisition and Sustainment') } };
  const blocks: Block[] = [
    titleBlock(['全文阅读版', 'Reading edition']),
    passage('lede-1', [backTo(1)]),
    { type: 'heading', level: 1, id: 'evolution', text: { zh: t('进化'), en: t('Evolution') }, cites: [] },
    { type: 'pair', zh: t('冷战时期的框架限制了合作。'), en: t('Cold War frameworks limited cooperation.'), cites: [] },
    passage('evolution-1', [recNote, termNote]),
    passage('evolution-2', [backTo(2)], { text: [{ text: passageById('evolution-2').text.slice(0, 20) }, { text: '1', role: 'noteref', ref: ref('reading', 'fn-1') }, { text: passageById('evolution-2').text.slice(20) }] }),
    { type: 'heading', level: 1, id: 'framework', text: { zh: t('合作采购框架'), en: t('A Framework for Cooperative Acquisition') }, cites: [] },
    { type: 'heading', level: 3, id: 'sub-1', text: { zh: t('合作的边缘'), en: t('On the margins') }, cites: [] },
    passage('framework-1'),
    { type: 'quote', id: 'quote-a', cites: [], children: [passage('quote-1', [recNote])] },
    {
      type: 'list',
      ordered: true,
      start: 1,
      id: 'list-a',
      cites: [],
      items: [
        { id: 'li-a1', text: {}, cites: ['item-1'], children: [passage('item-1')] },
        {
          id: 'li-a2',
          text: {},
          cites: ['item-2'],
          children: [passage('item-2'), { type: 'list', ordered: false, cites: [], items: [{ id: 'li-a2a', text: {}, cites: ['item-2a'], children: [passage('item-2a')] }] }],
        },
      ],
    },
    {
      type: 'table',
      id: 'table-1',
      mark: '2.6',
      notes: [recNote],
      caption: { zh: t('附表：各方角色'), en: t('Table: roles') },
      columns: [
        { text: { zh: t('角色') }, weight: 1 },
        { text: { zh: t('托管情况') }, weight: 2, align: 'center' },
        { text: { zh: t('数量') }, weight: 1, align: 'right' },
      ],
      rows: [
        [{ text: { zh: t('第1至第3国') } }, { text: { zh: t('在各相关密级上将服务迁移上云') } }, { text: { zh: t('3') } }],
        [{ text: { zh: t('第4国') } }, { text: { zh: t('全部采用本地部署托管') } }, { text: { zh: t('1') } }],
      ],
      cites: ['table-1'],
    },
    { type: 'footnotes', id: 'footnotes', cites: [], items: [{ id: 'fn-1', label: '1', mark: '2.7', text: t('全球战斗机计划由日本、英国和意大利共同推进。'), notes: [termNote] }] },
  ];
  return { product: 'reading', page: 'a4', meta: meta('全文阅读版 / Reading edition'), blocks };
}

/** Every slide layout, each with a title, a source line and speaker notes. */
export function slidesDoc(): Doc {
  let n = 0;
  const slide = (layout: SlideBlock['layout'], title: [string, string], children: Block[], extra: Partial<SlideBlock> = {}): SlideBlock => ({
    type: 'slide',
    id: `s-${layout}-${n + 1}`,
    number: ++n,
    layout,
    title: { zh: t(title[0]), en: t(title[1]) },
    children,
    notes: { zh: t('演讲者备注：不在PDF中。'), en: t('SPEAKER NOTES NOT IN PDF') },
    notesSource: [cite('1.1', 'evolution-1', false)],
    source: [cite('1.1', 'evolution-1', false), { text: ' ' }, cite('2.1', 'framework-1', false)],
    cites: [],
    ...extra,
  });
  const pair = (zh: string, en: string, marker?: string): Block => ({ type: 'pair', zh: t(zh), en: t(en), cites: [], ...(marker ? { marker } : {}) });
  const blocks: SlideBlock[] = [
    slide('title', ['从客户到伙伴', 'From Client to Partner'], [titleBlock(['幻灯片简报', 'Slide brief'])], { source: undefined }),
    slide('section', ['进化：从静态模式到伙伴关系', 'Evolution: from a static pattern toward partnership'], [pair('冷战时期的框架限制了合作。', 'Cold War frameworks limited cooperation.')]),
    slide('statement', ['核心结论', 'Bottom line'], [pair('新设立的DICAS论坛有望首次把美日合作扩展到全方位的采购利益。', 'The newly launched DICAS forum could for the first time extend US–Japan cooperation across the full range of acquisition interests.')]),
    slide('columns', ['两种语言', 'Side by side'], [
      pair('GPI：合作开发的条款更加平衡。', 'GPI: co-development terms have become more balanced.'),
      pair('CCA：无人机成为FX之后有希望的合作途径。', 'CCA: uncrewed aircraft offer a promising path after FX.'),
    ]),
    slide('points', ['四个合作机会', 'Four opportunities'], [
      pair('GPI：合作开发条款更加平衡。', 'GPI: a more balanced work share.', '1'),
      pair('CCA：FX之后的合作途径。', 'CCA: a path after FX.', '2'),
      { type: 'list', ordered: false, cites: [], items: [{ text: { zh: t('教练机：T-7A联合项目。'), en: t('Trainers: a joint T-7A program.') }, source: [cite('2.1', 'framework-1', false)], cites: [] }] },
    ]),
    slide('timeline', ['时间线', 'Timeline'], [summaryDoc().blocks.find((b) => b.type === 'figure')!]),
    slide('checklist', ['建议清单（1/2）', 'Recommendations (1/2)'], checklistDoc().blocks.filter((b) => b.type === 'group').flatMap((g) => (g.type === 'group' ? g.children.filter((c) => c.type === 'checkItem') : [])), { part: { index: 1, count: 2 } }),
    slide('glossary', ['术语表', 'Glossary'], [summaryDoc().blocks.find((b) => b.type === 'table')!]),
    slide('content', ['旧版布局', 'Former layout'], [pair('内容布局等同于要点。', 'The content layout draws as points.')]),
    slide('closing', ['原文与出版', 'The original and this edition'], [
      { type: 'pair', zh: [{ text: '原文：', strong: true }, { text: '格雷格·鲁宾斯坦，《合作防务采购加强美日同盟》，CSIS，2024年12月19日' }], en: [{ text: 'Original: ', strong: true }, { text: 'Gregg Rubinstein, ' }, { text: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', role: 'title' } as unknown as Span, { text: ', CSIS, 19 December 2024' }], cites: [] },
      { type: 'pair', zh: [{ text: '本版：', strong: true }, { text: '砺道智库，2025年1月10日' }], en: [{ text: 'This edition: ', strong: true }, { text: 'Lidao Think Tank, 10 January 2025' }], cites: [] },
      { type: 'paragraph', lang: 'zh', role: 'note', text: t('字体 Noto Sans SC、Noto Sans，SIL 开放字体许可证 1.1。'), cites: [] },
    ]),
  ];
  return { product: 'slides', page: 'slide', meta: meta('幻灯片简报 / Slide brief'), blocks };
}

export const kitchenSink = { summary: summaryDoc, checklist: checklistDoc, slides: slidesDoc, reading: readingDoc } as const;
