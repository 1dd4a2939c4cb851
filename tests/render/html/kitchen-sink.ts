/**
 * Hand-written Docs that use every element of the IR, one per product and
 * the site's index, linked to each other as the templates link them:
 * citations (`role: 'cite'`) point to passages of the reading edition,
 * margin notes point back to the summary's takeaways and the checklist's
 * recommendations, footnote references to footnotes of the same page.
 * The backend's tests run on these besides the templates' own Docs, so every
 * block is drawn even before a template emits it.
 */
import type { BiInline, Block, Doc, DocMeta, Inline, MarginNote, ProductName, Ref, SlideBlock, Span } from '../../../src/ir/types.js';

const t = (text: string, extra: Partial<Span> = {}): Span => ({ text, ...extra });
const bi = (zh: string, en: string): BiInline => ({ zh: [t(zh)], en: [t(en)] });
const ref = (product: ProductName, anchor: string): Ref => ({ product, anchor });
/** A citation mark "¶3.2" linking to a passage of the reading edition. */
const cite = (mark: string, id: string): Span => ({ text: `¶${mark}`, role: 'cite', ref: ref('reading', id) });
/** A source line: citation marks separated by spaces. */
const source = (...c: [string, string][]): Inline => c.flatMap(([m, id], i) => [...(i ? [t(' ')] : []), cite(m, id)]);

/** The passages of the reading edition: id, mark and text. */
export const PASSAGES = {
  'intro-1': { mark: '1.1', zh: '美日同盟正在从“客户—供应商”关系转向共同开发与共同生产的伙伴关系。' },
  'intro-2': { mark: '1.2', zh: '国防采购与工业合作论坛（DICAS）于2024年4月10日宣布成立，首次把工业界纳入政府间对话。' },
  'quote-1': { mark: '1.3', zh: '一位日本官员说：“我们不能再只做买家，我们必须成为伙伴。”' },
  'quote-2': { mark: '1.4', zh: '另一位美国官员补充说，伙伴关系需要双方都愿意改变各自的规则。' },
  'list-1': { mark: '1.5', zh: '第三，统一出口管制的审批流程；' },
  'list-2': { mark: '1.6', zh: '其中包括对第三国转让的事先同意机制；' },
  'list-3': { mark: '1.7', zh: '第四，建立共同的网络安全标准。' },
  'table-1': { mark: '1.8', zh: '' },
  'sec2-1': { mark: '2.1', zh: '2023年12月，日本修改了防卫装备转移三原则，允许向美国出口爱国者导弹。' },
  'fn-1': { mark: '2.2', zh: '三原则最初于2014年制定，取代了1967年的武器出口三原则。' },
  'fn-2': { mark: '2.3', zh: '本文所称“共同生产”包括许可生产与联合开发两种形式。' },
} as const;

type PassageId = keyof typeof PASSAGES;

const meta = (product: ProductName | 'index'): DocMeta => ({
  articleId: 'kitchen-sink',
  title: bi('从客户到伙伴：美日防务采购合作的新渠道', 'From Client to Partner: A New Channel for US–Japan Defense Acquisition'),
  shortTitle: bi('美日防务采购合作', 'US–Japan Defense Acquisition'),
  author: '砺道智库',
  subject: `${product}`,
  keywords: ['国防采购', 'defense acquisition'],
  date: '2025-01-10',
  lang: 'zh-Hans',
  source: {
    outlet: 'CSIS',
    author: 'Gregg Rubinstein',
    title: 'Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance',
    url: 'https://www.csis.org/analysis/cooperative-defense-acquisitions-strengthen-us-japan-alliance',
    date: '2024-11-20',
  },
});

const titleBlock = (product: BiInline): Block => ({
  type: 'title',
  id: 'title',
  title: meta('summary').title,
  subtitle: product,
  meta: [
    { label: bi('发布机构', 'Publisher'), value: bi('砺道智库', 'Lidao Think Tank') },
    { label: bi('日期', 'Date'), value: bi('2025年1月10日', '10 January 2025') },
    { label: bi('原文作者', 'Original author'), value: bi('格雷格·鲁宾斯坦', 'Gregg Rubinstein') },
    {
      label: bi('原文标题', 'Original title'),
      value: { zh: [t('Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance')], en: [t('Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance')] },
    },
    {
      label: bi('原文出处', 'Original outlet'),
      value: { zh: [t('CSIS', { href: 'https://www.csis.org/' })], en: [t('CSIS', { href: 'https://www.csis.org/' })] },
    },
  ],
  cites: [],
});

const note = (zh: string, en: string, r: Ref, text?: BiInline): MarginNote => ({ label: bi(zh, en), text: text ?? {}, ref: r });

const passage = (id: PassageId, text?: Inline, notes: MarginNote[] = []): Block => ({
  type: 'passage',
  id,
  mark: PASSAGES[id].mark,
  text: text ?? [t(PASSAGES[id].zh)],
  notes,
  cites: [id],
});

export function readingDoc(): Doc {
  const blocks: Block[] = [
    titleBlock(bi('全文阅读版', 'Reading edition')),
    { type: 'heading', level: 1, id: 'sec-intro', text: bi('引言', 'Introduction'), cites: [] },
    { type: 'pair', zh: [t('本节说明美日关系从买卖走向合作的背景。')], en: [t('This section sets out why the alliance is moving from sales to cooperation, in Japan’s own words.')], cites: [] },
    passage(
      'intro-1',
      [t('美日同盟', { strong: true }), t('正在从“客户—供应商”关系转向'), t('共同开发', { em: true }), t('与共同生产的伙伴关系。')],
      [
        note('要点 1', 'Takeaway 1', ref('summary', 'tk-1'), bi('同盟转向伙伴关系。', 'The alliance is becoming a partnership.')),
        note('建议 1', 'Recommendation 1', ref('checklist', 'rec-1')),
      ],
    ),
    passage(
      'intro-2',
      [
        t('国防采购与工业合作论坛（'),
        t('DICAS', { role: 'term' }),
        t('）于2024年4月10日宣布成立'),
        t('1', { role: 'noteref', ref: ref('reading', 'fn-1') }),
        t('，首次把工业界纳入政府间对话。'),
      ],
      [note('DICAS', 'DICAS', ref('summary', 'glossary'), bi('美日防务产业合作、采购与维持论坛。', 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment.'))],
    ),
    { type: 'quote', id: 'quote-a', cites: [], children: [passage('quote-1'), passage('quote-2', undefined, [note('事件 2', 'Event 2', ref('summary', 'ev-2'))])] },
    { type: 'heading', level: 2, id: 'sub-steps', text: bi('具体步骤', 'Concrete steps'), cites: [] },
    {
      type: 'list',
      ordered: true,
      start: 3,
      cites: [],
      items: [
        { text: {}, id: 'item-list-1', cites: ['list-1'], children: [passage('list-1'), { type: 'list', ordered: false, cites: [], items: [{ text: {}, cites: ['list-2'], children: [passage('list-2')] }] }] },
        { text: {}, id: 'item-list-3', cites: ['list-3'], children: [passage('list-3', undefined, [note('建议 2', 'Recommendation 2', ref('checklist', 'rec-2'))])] },
      ],
    },
    { type: 'heading', level: 4, text: bi('附表', 'Table'), cites: [] },
    {
      type: 'table',
      id: 'table-1',
      mark: PASSAGES['table-1'].mark,
      caption: bi('附表1：主要项目', 'Table 1: Main programmes'),
      columns: [
        { text: bi('项目', 'Programme') },
        { text: bi('年份', 'Year'), align: 'center' },
        { text: bi('金额（亿美元）', 'Amount (US$ 100 m)'), align: 'right' },
      ],
      rows: [
        [{ text: { zh: [t('GPI')] } }, { text: { zh: [t('2023')] } }, { text: { zh: [t('30')] } }],
        [{ text: { zh: [t('SM-3 Block IIA')] } }, { text: { zh: [t('2006')] } }, { text: { zh: [t('27')] } }],
      ],
      notes: [note('要点 2', 'Takeaway 2', ref('summary', 'tk-2'))],
      cites: ['table-1'],
    },
    { type: 'heading', level: 1, id: 'sec-two', text: bi('合作采购框架', 'A Framework for Cooperative Acquisition'), cites: [] },
    passage('sec2-1', [t('2023年12月，日本修改了防卫装备转移三原则'), t('2', { role: 'noteref', ref: ref('reading', 'fn-2') }), t('，允许向美国出口爱国者导弹（见'), t('CSIS', { href: 'https://www.csis.org/' }), t('）。')]),
    {
      type: 'footnotes',
      id: 'footnotes',
      cites: [],
      items: [
        { id: 'fn-1', label: '1', mark: PASSAGES['fn-1'].mark, text: [t(PASSAGES['fn-1'].zh)] },
        { id: 'fn-2', label: '2', mark: PASSAGES['fn-2'].mark, text: [t(PASSAGES['fn-2'].zh)], notes: [note('事件 1', 'Event 1', ref('summary', 'ev-1'))] },
      ],
    },
    { type: 'paragraph', lang: 'zh', role: 'note', media: 'print', text: [t('印刷版附注：本页仅在打印时显示。')], cites: [] },
  ];
  return { product: 'reading', page: 'a4', meta: meta('reading'), blocks };
}

const explicit = bi('原文建议', 'Article’s own');
const inferred = bi('编者推断', 'Editors’ inference');

export function summaryDoc(): Doc {
  const blocks: Block[] = [
    titleBlock(bi('双语摘要', 'Bilingual summary')),
    { type: 'heading', level: 1, id: 'takeaways', text: bi('核心要点', 'Key takeaways'), cites: [] },
    {
      type: 'callout',
      tone: 'key',
      cites: [],
      children: [
        { type: 'pair', id: 'tk-1', marker: '1', zh: [t('美日同盟正从买卖关系转向伙伴关系。')], en: [t('The alliance is moving from a client’s purchases to a partnership: Japan’s “unique” requirements now shape joint work.')], source: source(['1.1', 'intro-1']), cites: ['intro-1'] },
        { type: 'pair', id: 'tk-2', marker: '2', zh: [t('主要项目的金额与年份见附表。')], en: [t('The main programmes, their years and amounts are in the table.')], source: source(['1.8', 'table-1'], ['2.1', 'sec2-1']), cites: ['table-1'] },
      ],
    },
    { type: 'heading', level: 1, id: 'recommendations', text: bi('原文提出的建议', 'The article’s recommendations'), cites: [] },
    {
      type: 'list',
      ordered: true,
      cites: [],
      items: [
        { id: 'erec-1', text: bi('统一出口管制的审批流程。', 'Align the approval process for export controls.'), source: source(['1.5', 'list-1']), cites: ['list-1'] },
        { id: 'erec-2', text: bi('建立共同的网络安全标准。', 'Set common cybersecurity standards.'), source: source(['1.7', 'list-3']), cites: ['list-3'] },
      ],
    },
    { type: 'heading', level: 1, id: 'sections', text: bi('各部分摘要', 'Section summaries'), cites: [] },
    {
      type: 'group',
      id: 'section-intro',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: bi('引言', 'Introduction'), cites: [] },
        { type: 'pair', zh: [t('同盟从客户关系走向伙伴关系。')], en: [t('From client to partner.')], tags: explicit, source: source(['1.1', 'intro-1'], ['1.2', 'intro-2']), cites: ['intro-1', 'intro-2'] },
      ],
    },
    { type: 'heading', level: 1, id: 'glossary', text: bi('术语表', 'Glossary'), cites: [] },
    {
      type: 'table',
      id: 'glossary-table',
      caption: bi('术语表', 'Glossary'),
      columns: [
        { text: bi('术语', 'Term'), weight: 1 },
        { text: bi('名称', 'Name'), weight: 2 },
        { text: bi('释义', 'Definition'), weight: 3 },
      ],
      rows: [
        [
          { text: { zh: [t('DICAS')] } },
          { text: bi('美日防务产业合作、采购与维持论坛', 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment') },
          { text: bi('2024年成立的美日政府与工业界对话机制。', 'The US–Japan government and industry dialogue set up in 2024.'), source: source(['1.2', 'intro-2']) },
        ],
        [
          { text: { zh: [t('GPI')] } },
          { text: bi('滑翔段拦截器', 'Glide Phase Interceptor') },
          { text: bi('拦截高超音速滑翔武器的导弹。', 'A missile to intercept hypersonic glide vehicles.'), source: source(['1.8', 'table-1']) },
        ],
      ],
      cites: [],
    },
    { type: 'heading', level: 1, id: 'timeline', text: bi('时间线', 'Timeline'), cites: [] },
    {
      type: 'figure',
      kind: 'timeline',
      id: 'timeline-figure',
      caption: bi('时间线', 'Timeline'),
      cites: [],
      events: [
        { id: 'ev-1', date: '2023-12', dateLabel: bi('2023年12月', 'December 2023'), text: bi('日本修改防卫装备转移三原则。', 'Japan revises its three principles on transfers.'), source: source(['2.1', 'sec2-1']), cites: ['sec2-1'] },
        {
          id: 'ev-2',
          date: '2024-04-10',
          dateLabel: { zh: [t('2024年4月10日'), t('（推断）', { role: 'mark' })], en: [t('10 April 2024'), t(' (inferred)', { role: 'mark' })] },
          text: bi('DICAS 宣布成立。', 'DICAS is announced.'),
          note: bi('原文只说“去年4月”。', 'The text says only “last April”.'),
          source: source(['1.2', 'intro-2']),
          cites: ['intro-2'],
        },
      ],
    },
    { type: 'heading', level: 1, id: 'sources-cited', media: 'print', text: bi('引用原文', 'Sources cited'), cites: [] },
    { ...(passage('intro-1') as Extract<Block, { type: 'passage' }>), id: 'src-intro-1', media: 'print' },
  ];
  return { product: 'summary', page: 'a4', meta: meta('summary'), blocks };
}

export function checklistDoc(): Doc {
  const item = (id: string, zh: string, en: string, tag: BiInline, src: Inline, extra: Partial<Extract<Block, { type: 'checkItem' }>> = {}): Block => ({
    type: 'checkItem',
    id,
    zh: [t(zh)],
    en: [t(en)],
    tags: [tag],
    checked: false,
    source: src,
    cites: [],
    ...extra,
  });
  const blocks: Block[] = [
    titleBlock(bi('建议清单', 'Recommendations checklist')),
    { type: 'progress', id: 'progress', media: 'screen', total: 3, label: bi('完成进度', 'Progress'), cites: [] },
    {
      type: 'group',
      id: 'group-us',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: bi('美国政府', 'US government'), cites: [] },
        {
          type: 'group',
          id: 'group-us-now',
          cites: [],
          children: [
            { type: 'heading', level: 3, text: bi('立即', 'Now'), cites: [] },
            item('rec-1', '统一出口管制的审批流程。', 'Align the approval process for export controls.', explicit, source(['1.5', 'list-1'])),
            item('rec-2', '建立共同的网络安全标准。', 'Set common cybersecurity standards; it’s the partners’ “shared” baseline.', inferred, source(['1.7', 'list-3'], ['1.1', 'intro-1'])),
          ],
        },
      ],
    },
    {
      type: 'group',
      id: 'group-industry',
      cites: [],
      children: [
        { type: 'heading', level: 2, text: bi('工业界', 'Industry'), cites: [] },
        item('rec-3', '参与 DICAS 的工作组。', 'Join the DICAS working groups.', inferred, source(['1.2', 'intro-2']), { actor: bi('工业界', 'Industry'), horizon: bi('近期', 'Near term') }),
      ],
    },
  ];
  return { product: 'checklist', page: 'a4', meta: meta('checklist'), blocks };
}

const slide = (n: number, id: string, layout: SlideBlock['layout'], title: BiInline, children: Block[], extra: Partial<SlideBlock> = {}): SlideBlock => ({
  type: 'slide',
  id,
  number: n,
  layout,
  title,
  children,
  notes: bi(`第${n}张的演讲备注。`, `Speaker notes of slide ${n}: what to say, and why it’s there.`),
  notesSource: source(['1.1', 'intro-1']),
  cites: [],
  ...extra,
});

const pairB = (zh: string, en: string, marker?: string, src?: Inline, tags?: BiInline): Block => ({
  type: 'pair',
  zh: [t(zh)],
  en: [t(en)],
  ...(marker ? { marker } : {}),
  ...(src ? { source: src } : {}),
  ...(tags ? { tags } : {}),
  cites: [],
});

export function slidesDoc(): Doc {
  const points = (k: number) =>
    Array.from({ length: k }, (_, i) =>
      pairB(`第${i + 1}点：双方应当扩大共同生产，并把工业界纳入对话。`, `Point ${i + 1}: both sides should widen co-production and bring industry into the talks.`, String(i + 1)),
    );
  const slides: SlideBlock[] = [
    slide(1, 'title', 'title', bi('标题', 'Title'), [titleBlock(bi('幻灯片简报', 'Slide brief'))]),
    slide(2, 'section-intro', 'section', bi('第一部分：从客户到伙伴', 'Part one: from client to partner'), [pairB('同盟正在改变合作方式。', 'The alliance is changing how it cooperates.')]),
    slide(3, 'statement', 'statement', bi('核心判断', 'The main point'), [pairB('美日同盟正从买卖关系转向共同开发与共同生产的伙伴关系。', 'The alliance is moving from purchases to a partnership of joint development and co-production.', undefined, source(['1.1', 'intro-1']))], { source: source(['1.1', 'intro-1']) }),
    slide(4, 'columns', 'columns', bi('双语对照', 'Side by side'), [
      pairB('工业界首次进入政府间对话。', 'Industry joins the government talks for the first time.'),
      pairB('出口管制仍是最大障碍。', 'Export controls remain the largest obstacle: Japan’s “unique” rules.'),
    ], { source: source(['1.2', 'intro-2'], ['2.1', 'sec2-1']) }),
    slide(5, 'points', 'points', bi('六个要点', 'Six points'), points(6), { source: source(['1.1', 'intro-1'], ['1.2', 'intro-2'], ['1.5', 'list-1']) }),
    slide(6, 'timeline', 'timeline', bi('时间线', 'Timeline'), [
      {
        type: 'figure',
        kind: 'timeline',
        caption: bi('时间线', 'Timeline'),
        cites: [],
        events: [
          ['2014-04', '2014年4月', 'April 2014', '三原则制定。', 'The three principles are adopted.'],
          ['2021', '2021年', '2021', '协同作战飞机研究开始。', 'Work on collaborative combat aircraft starts.'],
          ['2023-08-18', '2023年8月18日', '18 August 2023', '戴维营峰会。', 'Camp David summit.'],
          ['2023-12', '2023年12月', 'December 2023', '三原则修改。', 'The principles are revised.'],
          ['2024-04-10', '2024年4月10日', '10 April 2024', 'DICAS 宣布成立。', 'DICAS is announced.'],
          ['2024-11-20', '2024年11月20日', '20 November 2024', '原文发表。', 'The original is published.'],
        ].map(([date, zh, en, tz, te], i) => ({ id: `sev-${i + 1}`, date, dateLabel: bi(zh, en), text: bi(tz, te), cites: [] })),
      },
    ]),
    slide(7, 'slide-recommendations', 'checklist', bi('建议（1/2）', 'Recommendations (1/2)'), [
      { type: 'checkItem', id: 'srec-1', zh: [t('统一出口管制的审批流程。')], en: [t('Align the approval process for export controls.')], tags: [explicit], checked: false, source: source(['1.5', 'list-1']), cites: [] },
      { type: 'checkItem', id: 'srec-2', zh: [t('建立共同的网络安全标准。')], en: [t('Set common cybersecurity standards.')], tags: [inferred], checked: false, source: source(['1.7', 'list-3']), cites: [] },
    ], { part: { index: 1, count: 2 } }),
    slide(8, 'slide-recommendations-2', 'checklist', bi('建议（2/2）', 'Recommendations (2/2)'), [
      { type: 'checkItem', id: 'srec-3', zh: [t('参与 DICAS 的工作组。')], en: [t('Join the DICAS working groups.')], tags: [inferred], actor: bi('工业界', 'Industry'), horizon: bi('近期', 'Near term'), checked: false, cites: [] },
    ], { part: { index: 2, count: 2 } }),
    slide(9, 'glossary', 'glossary', bi('术语', 'Glossary'), [
      pairB('美日防务产业合作、采购与维持论坛', 'Forum on Defense Industrial Cooperation, Acquisition and Sustainment', 'DICAS'),
      pairB('滑翔段拦截器', 'Glide Phase Interceptor', 'GPI'),
      pairB('协同作战飞机', 'Collaborative Combat Aircraft', 'CCA'),
    ]),
    slide(10, 'closing', 'closing', bi('谢谢', 'Thank you'), [{ type: 'paragraph', lang: 'zh', role: 'note', text: [t('原文：'), t('Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', { href: 'https://www.csis.org/' })], cites: [] }]),
    slide(11, 'content', 'content', bi('一般内容', 'General content'), [
      { type: 'list', ordered: false, cites: [], items: [{ text: bi('一项', 'One item'), cites: [], source: source(['1.1', 'intro-1']) }, { text: bi('另一项', 'Another item'), cites: [] }] },
    ]),
  ];
  return { product: 'slides', page: 'slide', meta: meta('slides'), blocks: slides };
}

export function indexDoc(): Doc {
  const file = (name: string, size: string): Span[] => [t(name, { href: `kitchen-sink/${name}` }), t(` ${size}`)];
  const blocks: Block[] = [
    { type: 'title', id: 'title', title: bi('出版物', 'Publications'), meta: [], cites: [] },
    { type: 'heading', level: 1, id: 'kitchen-sink', text: meta('index').title, cites: [] },
    { type: 'paragraph', lang: 'zh', role: 'meta', text: [t('2025年1月10日 · 原文：'), t('Cooperative Defense Acquisitions Strengthen U.S.-Japan Alliance', { href: 'https://www.csis.org/' })], cites: [] },
    { type: 'list', ordered: false, cites: [], items: [{ text: bi('同盟正在转向伙伴关系。', 'The alliance is becoming a partnership.'), cites: [] }] },
    {
      type: 'table',
      columns: [{ text: bi('产品', 'Product') }, { text: bi('文件', 'Files') }],
      rows: [
        [{ text: bi('双语摘要', 'Bilingual summary') }, { text: { zh: [...file('summary.html', '220 KB'), t(' · '), ...file('summary.pdf', '160 KB')] } }],
        [{ text: bi('全文阅读版', 'Reading edition') }, { text: { zh: [...file('reading.html', '260 KB'), t(' · '), ...file('reading.docx', '240 KB')] } }],
      ],
      cites: [],
    },
  ];
  return { product: 'index', page: 'a4', meta: { ...meta('index'), articleId: '', date: undefined, source: undefined }, blocks };
}

/** Every kitchen-sink Doc by product. */
export function kitchenSink(): Record<ProductName | 'index', Doc> {
  return { reading: readingDoc(), summary: summaryDoc(), checklist: checklistDoc(), slides: slidesDoc(), index: indexDoc() };
}
