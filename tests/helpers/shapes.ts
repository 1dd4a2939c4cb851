/**
 * Articles of every shape, for property tests of templates and backends:
 * fast-check arbitraries of valid source files (and of the Articles the model
 * reads from them) across 1–9 sections, 0–20 recommendations, 0–15 timeline
 * events, 0–6 takeaways, titles of 1–120 characters in both languages, every
 * optional field on and off (the original's title, address and date,
 * keywords, declared actors or the defaults), and every body structure: lede,
 * labelled paragraphs, sub-headings (### and ####), block quotes (with lists
 * inside), bulleted and numbered lists (with `start`, nested), tables with
 * captions and alignment, footnotes; blocks with and without written ids;
 * glossary terms the body uses; dates with certainty marks; every slide kind.
 *
 * Each generated text fits its slot (no `text-too-long`): what a valid,
 * well-edited article can hold. Deterministic: `sampleArticles(n, seed)`
 * gives the same articles for the same seed.
 *
 *   import { arbitraryArticle, sampleArticles } from '../helpers/shapes.js';
 *   fc.assert(fc.property(arbitraryArticle(), (a) => …), { seed: SHAPES_SEED, numRuns: 30 });
 *   for (const { article, source } of sampleArticles(12)) …
 */
import fc from 'fast-check';
import { articleFromBytes } from '../../src/model/index.js';
import type { Article } from '../../src/model/types.js';

/** The seed the shared samples use (any test may pass its own). */
export const SHAPES_SEED = 20250110;

/* Text pools: Chinese in the article's register, English words, Latin acronyms. */
const HAN = '美日同盟合作采购防务工业技术政策制度文化需求能力项目安全伙伴关系联合开发生产维护供应链出口管制信息发布协议论坛对话框架机会挑战前景战略利益政府官员军队行动区域网络盟国主权韧性互操作云托管数据系统危机战争演习参与者国家小组计划标准资源威胁评估研究市场';
const WORDS = 'alliance cooperation acquisition defense industry technology policy partners program security supply chain export controls dialogue forum framework opportunity challenge outlook strategy government officials allies sovereignty resilience interoperability cloud hosting data crisis exercise participants countries groups standards resources threat research market'.split(' ');
const ACRONYMS = ['ABC', 'DEF', 'GHJ', 'KLM', 'NPQ', 'RST', 'UVW', 'XYZ', 'QRS', 'TUV', 'WXA', 'BCD'];

const hanText = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: HAN.length - 1 }), { minLength: min, maxLength: max }).map((ix) => {
    // Full-width punctuation now and then, never at the start.
    return ix.map((i, k) => (k > 0 && k % 17 === 0 ? '，' : HAN[i])).join('');
  });
const enText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((ws) => {
    let s = ws.join(' ');
    s = s.charAt(0).toUpperCase() + s.slice(1);
    while (s.length < min) s += ` ${ws[s.length % ws.length]}`;
    return s.slice(0, max).trimEnd() || 'Text';
  });

/** A Chinese sentence of `min`–`max` characters ending with 。. */
const zhSentence = (min: number, max: number) => hanText(Math.max(1, min - 1), Math.max(1, max - 1)).map((s) => `${s}。`);
/** An English sentence of roughly `min`–`max` characters ending with a full stop. */
const enSentence = (min: number, max: number) => enText(min, Math.max(min, max - 1)).map((s) => `${s.replace(/[ ,]+$/, '')}.`);
/** A bilingual pair; English about three times the Chinese length, bounded. */
const bi = (zhMin: number, zhMax: number, enMax = zhMax * 3) => fc.record({ zh: zhSentence(zhMin, zhMax), en: enSentence(Math.min(8, enMax), enMax) });
/** A title (no final stop) of `min`–`max` characters per language. */
const biTitle = (min: number, max: number) => fc.record({ zh: hanText(min, max), en: enText(min, max) });

export interface ShapeBlock {
  kind: 'paragraph' | 'labelled' | 'sub3' | 'sub4' | 'quote' | 'list' | 'ordered' | 'nested' | 'table' | 'footnote';
  text: string;
  withId: boolean;
  /** Numbered list start, list length, table columns, or a term to use (index into the glossary). */
  n: number;
  en: string;
}

export interface Shape {
  title: { zh: string; en: string };
  shortTitle: { zh: string; en: string };
  original: { title?: string; url?: string; date?: string };
  keywords: boolean;
  actors: 'declared' | 'default';
  lede: ShapeBlock[];
  sections: { title: { zh: string; en: string }; summary: { zh: string; en: string }; blocks: ShapeBlock[] }[];
  takeaways: { zh: string; en: string }[];
  recommendations: { text: { zh: string; en: string }; actor: number; horizon: number; explicit: boolean }[];
  terms: number;
  events: { date: string; text: { zh: string; en: string }; certainty: 'none' | 'inferred' | 'uncertain' }[];
  slides: { kind: string; title: { zh: string; en: string }; points: { zh: string; en: string }[] }[];
  /** Picks for cites (indexes into the citable ids, modulo their count). */
  picks: number[];
}

const block: fc.Arbitrary<ShapeBlock> = fc.record({
  kind: fc.constantFrom<ShapeBlock['kind']>('paragraph', 'paragraph', 'paragraph', 'labelled', 'sub3', 'sub4', 'quote', 'list', 'ordered', 'nested', 'table', 'footnote'),
  text: hanText(4, 160).map((s) => `${s}。`),
  withId: fc.boolean(),
  n: fc.integer({ min: 1, max: 5 }),
  en: enText(3, 40),
});

const isoDate = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => (m === 0 ? `${y}` : d === 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));

const SLIDE_KINDS = ['section', 'takeaways', 'points', 'points', 'recommendations', 'timeline', 'glossary', 'source'] as const;

/** The shape of an article: what the source will hold. */
export const articleShape: fc.Arbitrary<Shape> = fc.record({
  title: biTitle(1, 120),
  shortTitle: biTitle(1, 12),
  original: fc.record(
    {
      title: enText(4, 90),
      url: fc.constantFrom('https://www.example.org/analysis/a-long-address-of-an-analysis-on-a-think-tank-site', 'https://example.org/x'),
      date: isoDate.filter((d) => d.length === 10),
    },
    { requiredKeys: [] },
  ),
  keywords: fc.boolean(),
  actors: fc.constantFrom<'declared' | 'default'>('declared', 'default'),
  lede: fc.array(block, { maxLength: 3 }),
  sections: fc.array(fc.record({ title: biTitle(1, 30), summary: bi(10, 120), blocks: fc.array(block, { minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 9 }),
  takeaways: fc.array(bi(6, 90, 260), { maxLength: 6 }),
  recommendations: fc.array(
    fc.record({ text: bi(6, 80, 220), actor: fc.integer({ min: 0, max: 4 }), horizon: fc.integer({ min: 0, max: 2 }), explicit: fc.boolean() }),
    { maxLength: 20 },
  ),
  terms: fc.integer({ min: 0, max: 14 }),
  events: fc.array(fc.record({ date: isoDate, text: bi(4, 60, 160), certainty: fc.constantFrom<'none' | 'inferred' | 'uncertain'>('none', 'none', 'inferred', 'uncertain') }), { maxLength: 15 }),
  slides: fc.array(
    fc.record({ kind: fc.constantFrom(...SLIDE_KINDS), title: biTitle(1, 44), points: fc.array(bi(4, 60, 150), { maxLength: 9 }) }),
    { minLength: 0, maxLength: 10 },
  ),
  picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
});

const ACTORS = [
  { id: 'seoul', zh: '韩国政府', en: 'South Korean government' },
  { id: 'congress', zh: '美国国会', en: 'US Congress' },
  { id: 'brussels', zh: '欧盟委员会', en: 'European Commission' },
  { id: 'industry', zh: '工业界', en: 'Industry' },
  { id: 'research', zh: '研究界', en: 'Research community' },
];
const DEFAULT_IDS = ['us', 'japan', 'both', 'dicas', 'industry'];
const HORIZONS = ['now', 'near', 'long'];

const q = (s: string) => JSON.stringify(s);
/** Text safe inside `::zh[…]` / a heading: no brackets or colons of the syntax. */
const safe = (s: string) => s.replace(/[[\]{}:]/g, ' ');

/** The source file of a shape, and the ids of its citable blocks with written ids (what items cite). */
export function sourceOf(shape: Shape, slug = 'shape'): { source: string; citable: string[] } {
  const out: string[] = [];
  const citable: string[] = [];
  const terms = ACRONYMS.slice(0, Math.min(shape.terms, ACRONYMS.length));
  let fn = 0;
  let tables = 0;
  const o = shape.original;
  out.push(
    '---',
    `slug: ${slug}`,
    `title: {zh: ${q(shape.title.zh)}, en: ${q(shape.title.en)}}`,
    `short_title: {zh: ${q(shape.shortTitle.zh)}, en: ${q(shape.shortTitle.en)}}`,
    'publisher: {zh: 砺道智库, en: Lidao Think Tank}',
    'date: 2025-01-10',
    'original:',
    '  outlet: CSIS',
    '  author: {zh: 格雷格·鲁宾斯坦, en: Gregg Rubinstein}',
    ...(o.title ? [`  title: ${q(o.title)}`] : []),
    ...(o.url ? [`  url: ${o.url}`] : []),
    ...(o.date ? [`  date: ${o.date}`] : []),
    ...(shape.keywords ? ['keywords:', '  - {zh: 美日同盟, en: US–Japan alliance}'] : []),
    ...(shape.actors === 'declared' ? ['actors:', ...ACTORS.map((a) => `  - {id: ${a.id}, zh: ${a.zh}, en: ${a.en}}`)] : []),
    '---',
    '',
  );
  const body = (blocks: ShapeBlock[], prefix: string) => {
    blocks.forEach((b, i) => {
      const id = `${prefix}-b${i + 1}`;
      const p = (suffix: string) => {
        const pid = `${id}${suffix}`;
        citable.push(pid);
        return `:p{#${pid}}`;
      };
      // A term of the glossary used in the text now and then (its first use gets marked).
      const text = terms.length > 0 && b.n % 2 === 0 ? `${b.text.slice(0, 6)}${terms[(i + b.n) % terms.length]}${b.text.slice(6)}` : b.text;
      switch (b.kind) {
        case 'paragraph':
          out.push(`${b.withId ? p('') : ''}${text}`, '');
          break;
        case 'labelled':
          out.push(`${p('')}`.replace('}', ` label-en=${q(safe(b.en))}}`) + `**${text.slice(0, 4).replace(/[，。]/g, '')}**：${text.slice(4) || '正文。'}`, '');
          break;
        case 'sub3':
          out.push(`### ${safe(text.slice(0, 12)).replace(/[，。]/g, '') || '小节'} :en[${safe(b.en)}]${b.withId ? `{#${id}}` : ''}`, '');
          break;
        case 'sub4':
          out.push(`#### ${safe(text.slice(0, 10)).replace(/[，。]/g, '') || '小节'}`, '');
          break;
        case 'quote':
          out.push(`> ${p('-q1')}${text}`, '>', `> - ${p('-q2')}${text.slice(0, 20)}。`, `> - ${text.slice(0, 12)}。`, '');
          break;
        case 'list':
        case 'ordered': {
          const marker = (k: number) => (b.kind === 'ordered' ? `${b.n + k}. ` : '- ');
          for (let k = 0; k < b.n; k++) out.push(`${marker(k)}${b.withId || k === 0 ? p(`-i${k + 1}`) : ''}${text.slice(0, 10 + k * 7)}。`);
          out.push('');
          break;
        }
        case 'nested':
          out.push(`1. ${p('-i1')}${text.slice(0, 30)}。`, `   - ${p('-i2')}${text.slice(5, 25)}。`, `     - ${text.slice(3, 15)}。`, `2. ${p('-i3')}${text.slice(0, 8)}。`, '');
          break;
        case 'table': {
          tables++;
          const cols = Math.min(4, b.n + 1);
          const head = Array.from({ length: cols }, (_, k) => `列${k + 1}`);
          const align = Array.from({ length: cols }, (_, k) => [':--', ':-:', '--:', '---'][k % 4]);
          const rows = Array.from({ length: b.n }, (_, r) => Array.from({ length: cols }, (_, k) => safe(text.slice(r + k, r + k + 3 + (k % 3) * 5)).replace(/\|/g, '') || '空'));
          const tid = `${id}-t`;
          citable.push(tid);
          out.push(b.withId ? `::table[附表${tables}]{#${tid} en="Table ${tables}"}` : `::table{#${tid}}`, `| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
          break;
        }
        case 'footnote': {
          fn++;
          out.push(`${p('')}${text}[^n${fn}]`, '', `[^n${fn}]: ${text.slice(0, 30)}。`, '');
          citable.push(`fn-n${fn}`);
          break;
        }
      }
    });
  };
  body(shape.lede, 'lede');
  shape.sections.forEach((s, i) => {
    const sid = `s${i + 1}`;
    out.push(`## ${safe(s.title.zh)} :en[${safe(s.title.en)}]{#${sid}}`, '', ':::summary', `::zh[${safe(s.summary.zh)}]`, `::en[${safe(s.summary.en)}]`, ':::', '');
    body(s.blocks, sid);
    // Every section has at least one cited paragraph.
    out.push(`${`:p{#${sid}-end}`}${safe(s.summary.zh)}`, '');
    citable.push(`${sid}-end`);
  });

  const pick = (k: number, n = 1) => Array.from({ length: n }, (_, j) => citable[(shape.picks[(k + j) % shape.picks.length] + k * 7 + j * 3) % citable.length]);
  const cites = (k: number, n = 1) => `cites=${q([...new Set(pick(k, n))].join(' '))}`;
  const item = (name: string, attrs: string, texts: string[]) => out.push(`:::${name}{${attrs}}`, ...texts, ':::', '');
  const biLines = (t: { zh: string; en: string }) => [`::zh[${safe(t.zh)}]`, `::en[${safe(t.en)}]`];

  shape.takeaways.forEach((t, i) => item('takeaway', `#tk-${i + 1} ${cites(i, 2)}`, biLines(t)));
  const actorIds = shape.actors === 'declared' ? ACTORS.map((a) => a.id) : DEFAULT_IDS;
  shape.recommendations.forEach((r, i) =>
    item('recommendation', `#rec-${i + 1} actor=${actorIds[r.actor % actorIds.length]} horizon=${HORIZONS[r.horizon]} kind=${r.explicit ? 'explicit' : 'implicit'} ${cites(i + 3, 2)}`, biLines(r.text)),
  );
  terms.forEach((t, i) =>
    item('term', `#term-${i + 1} term=${q(t)} ${cites(i + 5)}`, [`::zh[${t}计划]`, `::en[The ${t} programme]`, `::def-zh[${HAN.slice(i, i + 20)}。]`, `::def-en[A programme named ${t} in the text.]`]),
  );
  shape.events.forEach((e, i) =>
    item('event', `#ev-${i + 1} date=${e.date}${e.certainty === 'none' ? '' : ` certainty=${e.certainty}`} ${cites(i + 2)}`, [
      ...biLines(e.text),
      ...(e.certainty === 'none' ? [] : ['::note-zh[日期为编者推断。]', '::note-en[The date is the editors’ inference.]']),
    ]),
  );
  const slideLines = (id: string, kind: string, title: { zh: string; en: string }, points: { zh: string; en: string }[]) => {
    out.push(`::::slide{#${id} kind=${kind} ${cites(id.length)}}`, ...biLines(title), '');
    for (const [k, p] of points.entries()) out.push(`:::point{${cites(k + 1)}}`, ...biLines(p), ':::', '');
    out.push(':::notes', '::zh[讲解要点。]', '::en[Speaker notes.]', ':::', '::::', '');
  };
  slideLines('slide-title', 'title', shape.title.zh.length <= 44 ? shape.title : { zh: shape.title.zh.slice(0, 44), en: shape.title.en.slice(0, 44) }, []);
  shape.slides.forEach((s, i) => slideLines(`slide-${i + 1}`, s.kind, s.title, s.kind === 'points' || s.kind === 'section' ? s.points : []));
  return { source: `${out.join('\n')}\n`, citable };
}

/** The Article the model reads from a shape (a generator bug if the source has an error). */
export function articleOf(shape: Shape, slug = 'shape'): { article: Article; source: string } {
  const { source } = sourceOf(shape, slug);
  const { article, file } = articleFromBytes(new TextEncoder().encode(source), `source/${slug}.md`);
  if (!article) throw new Error(`generated source does not load:\n${file.messages.filter((m) => m.fatal).map(String).join('\n')}\n---\n${source}`);
  return { article, source };
}

/** Arbitrary Articles of every shape (with their source text). */
export function arbitraryArticle(slug = 'shape'): fc.Arbitrary<{ article: Article; source: string; shape: Shape }> {
  return articleShape.map((shape) => ({ ...articleOf(shape, slug), shape }));
}

/** `n` articles of varied shapes, the same for the same seed (for tests that render each). */
export function sampleArticles(n = 12, seed = SHAPES_SEED, slug = 'shape'): { article: Article; source: string; shape: Shape }[] {
  return fc.sample(arbitraryArticle(slug), { seed, numRuns: n });
}

/** The longest-title shape: 120-character titles in both languages and every optional field (for a look at the pages). */
export const longTitleShape = (base: Shape): Shape => ({
  ...base,
  title: { zh: HAN.repeat(2).slice(0, 120), en: enTextFixed(120) },
  original: { title: enTextFixed(110), url: 'https://www.example.org/analysis/a-long-address-of-an-analysis-on-a-think-tank-site', date: '2024-12-20' },
});

function enTextFixed(n: number): string {
  let s = 'Trading';
  for (let i = 0; s.length < n; i++) s += ` ${WORDS[i % WORDS.length]}`;
  return s.slice(0, n).trimEnd();
}
