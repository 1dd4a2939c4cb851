/**
 * Generated slide Docs of every layout (fast-check) with content of any size:
 * up to ten items of any length, long titles and statements, eight timeline
 * events — beyond what a slide holds — for the honesty of the PPTX backend's
 * overflow flag. (What the slides template makes of generated articles is
 * tested with the shared generator, tests/helpers/shapes.ts.) Texts are
 * Chinese (common Han with Chinese punctuation, Latin acronyms and numbers
 * inside) and English (words with capitals, digits, hyphens, curly quotes and
 * apostrophes).
 */
import fc from 'fast-check';
import type { BiInline, Block, Doc, Inline, SlideBlock, SlideLayout, Span } from '../../../src/ir/types.js';

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const ZH_PUNCT = ['，', '。', '、', '：', '；'];
const ZH_INSERTS = ['DICAS', 'GPI', 'CCA', 'RDT&E', '2024', 'F-35', '“', '”', '（', '）', '《', '》'];
const WORDS =
  'the of and to in a is that for it as with was on be by at this are from or an which have not has but all were when we there can been one would their will more if no out so what up about into than them its only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );
const EN_EXTRA = ['Japan’s', '“unique”', 'US–Japan', 'co-development', 'FY2025', 'NDAA', 'GCAP', '(2024)', 'U.S.-Japan', 'allies’'];

/** A Chinese text of about `n` characters (±20 %), ending with a stop. */
function zhText(n: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...HAN) }, { weight: 1, arbitrary: fc.constantFrom(...ZH_PUNCT) }, { weight: 1, arbitrary: fc.constantFrom(...ZH_INSERTS) }), {
      minLength: Math.max(1, Math.floor(n * 0.8)),
      maxLength: Math.max(1, n),
    })
    .map((cs) => {
      let s = '';
      for (const c of cs) if ([...s].length + [...c].length < n) s += c;
      return `${s.replace(/^[，。、：；”）》]+/, '') || '中'}。`;
    });
}

/** An English text of about `n` characters, a sentence. */
function enText(n: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...EN_EXTRA) }), { minLength: 1, maxLength: Math.max(1, Math.ceil(n / 4)) })
    .map((ws) => {
      let s = '';
      for (const w of ws) if (s.length + w.length + 1 <= n) s += (s ? ' ' : '') + w;
      s ||= ws[0].slice(0, Math.max(1, n));
      return `${s[0].toUpperCase()}${s.slice(1)}.`;
    });
}

const t = (text: string): Inline => [{ text }];
const cite = (k: number): Span => ({ text: `¶${k}.${k + 1}`, role: 'cite', ref: { product: 'reading', anchor: `p-${k}` } });
const bi = (zh: string, en: string): BiInline => ({ zh: t(zh), en: t(en) });

export interface Limits {
  items: number;
  zh: number;
  en: number;
  events: number;
  title: { zh: number; en: number };
  statement: { zh: number; en: number };
}

/** Beyond any slide's capacity, for the overflow flag. */
export const ANY: Limits = { items: 10, zh: 90, en: 240, events: 8, title: { zh: 60, en: 160 }, statement: { zh: 200, en: 500 } };

function biArb(zh: number, en: number): fc.Arbitrary<BiInline> {
  return fc.tuple(zhText(zh), enText(en)).map(([a, b]) => bi(a, b));
}

function pairArb(l: Limits, marker: 'number' | 'term' | 'none', k: number): fc.Arbitrary<Block> {
  // Terms carry no tags.
  return fc.tuple(biArb(l.zh, l.en), marker === 'term' ? fc.constant(false) : fc.boolean(), fc.boolean()).map(([text, tagged, sourced]) => ({
    type: 'pair',
    zh: text.zh ?? [],
    en: text.en ?? [],
    cites: [],
    ...(marker === 'number' ? { marker: String(k + 1) } : marker === 'term' ? { marker: ['DICAS', 'GPI', 'RDT&E', 'FMS', 'AUKUS', 'NDAA', 'CCA', 'GCAP', 'SM-3', '2+2'][k % 10] } : {}),
    ...(tagged ? { tags: { zh: [{ text: '编者推断', role: 'tag' as const }], en: [{ text: 'Editors’ inference', role: 'tag' as const }] } } : {}),
    ...(sourced ? { source: [cite(k)] } : {}),
  }));
}

function itemsArb(l: Limits, f: (k: number) => fc.Arbitrary<Block>): fc.Arbitrary<Block[]> {
  return fc.integer({ min: 1, max: l.items }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => f(k))));
}

function contentArb(layout: SlideLayout, l: Limits): fc.Arbitrary<Block[]> {
  switch (layout) {
    case 'statement':
      return pairArb({ ...l, zh: l.statement.zh, en: l.statement.en }, 'number', 0).map((b) => [b]);
    case 'columns':
      return itemsArb({ ...l, items: Math.min(l.items, 4), zh: l.zh * 2, en: l.en * 2 }, (k) => pairArb(l, 'number', k));
    case 'glossary':
      return itemsArb(l, (k) => pairArb({ ...l, zh: Math.min(l.zh, 16), en: Math.min(l.en, 48) }, 'term', k));
    case 'checklist':
      return itemsArb({ ...l, items: Math.min(l.items, 4), zh: l.zh * 2, en: l.en * 2 }, (k) =>
        fc.tuple(biArb(l.zh * 2, l.en * 2), fc.boolean()).map(([text, explicit]): Block => ({
          type: 'checkItem',
          id: `rec-${k + 1}`,
          zh: text.zh ?? [],
          en: text.en ?? [],
          tags: [explicit ? { zh: [{ text: '原文建议', role: 'tag' }], en: [{ text: 'Article’s own', role: 'tag' }] } : { zh: [{ text: '编者推断', role: 'tag' }], en: [{ text: 'Editors’ inference', role: 'tag' }] }],
          checked: false,
          cites: [],
          source: [cite(k)],
        })),
      );
    case 'timeline':
      return fc.integer({ min: 1, max: l.events }).chain((n) =>
        fc
          .tuple(...Array.from({ length: n }, () => fc.tuple(biArb(l.zh + 4, l.en + 30), fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.boolean())))
          .map((evs): Block[] => [
            {
              type: 'figure',
              kind: 'timeline',
              caption: bi('时间线', 'Timeline'),
              cites: [],
              events: evs.map(([text, y, m, inferred], i) => ({
                id: `event-${i + 1}`,
                date: `${y}-${String(m).padStart(2, '0')}`,
                dateLabel: inferred ? bi(`${y}年${m}月（推断）`, `${y}-${String(m).padStart(2, '0')} (inferred)`) : bi(`${y}年${m}月`, `${y}-${String(m).padStart(2, '0')}`),
                text,
                ...(inferred ? { note: bi('日期为编者推断。', 'The date is the editors’ inference.') } : {}),
                cites: [],
              })),
            },
          ]),
      );
    case 'section':
    case 'closing':
      return fc.option(pairArb(l, 'none', 0), { nil: undefined }).map((b) => (b ? [b] : []));
    case 'title':
      return fc.tuple(biArb(Math.min(l.title.zh * 2, 60), Math.min(l.title.en * 2, 160)), fc.integer({ min: 0, max: 6 })).map(([title, rows]): Block[] => [
        {
          type: 'title',
          title,
          subtitle: bi('幻灯片简报', 'Slide brief'),
          meta: Array.from({ length: rows }, (_, i) => ({ label: bi(['发布机构', '日期', '原文作者', '原文出处', '原文标题', '原文链接'][i], ['Publisher', 'Date', 'Original author', 'Original outlet', 'Original title', 'Original URL'][i]), value: bi('砺道智库', 'Lidao Think Tank') })),
          cites: [],
        },
      ]);
    default:
      return itemsArb(l, (k) => pairArb(l, 'number', k));
  }
}

export const LAYOUTS: SlideLayout[] = ['title', 'section', 'statement', 'columns', 'points', 'timeline', 'checklist', 'glossary', 'closing', 'content'];

/** One slide of `layout` with content within `l`. */
export function slideArb(layout: SlideLayout, l: Limits): fc.Arbitrary<SlideBlock> {
  return fc
    .tuple(biArb(l.title.zh, l.title.en), contentArb(layout, l), fc.boolean(), fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }))
    .map(([title, children, sourced, parts]) => ({
      type: 'slide' as const,
      id: `s-${layout}`,
      number: 1,
      layout,
      title,
      children,
      notes: bi('讲解要点。', 'Speaker notes.'),
      notesSource: [cite(1), { text: ' ' }, cite(2)],
      cites: [],
      ...(sourced ? { source: [cite(3), { text: ' ' }, cite(4)] } : {}),
      ...(parts ? { part: { index: 1, count: parts } } : {}),
    }));
}

/** A Doc of the given slides, numbered in order. */
export function deckOf(slides: SlideBlock[]): Doc {
  return {
    product: 'slides',
    page: 'slide',
    meta: {
      articleId: 'generated',
      title: bi('生成的简报', 'Generated brief'),
      shortTitle: bi('生成的简报', 'Generated brief'),
      author: '砺道智库',
      subject: '幻灯片简报 / Slide brief',
      keywords: [],
      lang: 'zh-Hans',
    },
    blocks: slides.map((s, i) => ({ ...s, id: `${s.id}-${i + 1}`, number: i + 1 })),
  };
}

/** A deck with one slide of every layout, within `l`. */
export function deckArb(l: Limits): fc.Arbitrary<Doc> {
  return fc.tuple(...LAYOUTS.map((layout) => slideArb(layout, l))).map(deckOf);
}
