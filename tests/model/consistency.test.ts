/**
 * The zh/en consistency functions on plain strings and a small Article:
 * what each finds, and what it must leave alone (idioms, ordinary words,
 * names the glossary allows). Source positions are covered by the fixtures
 * (tests/model/fixtures.test.ts) and the real article by article.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { comparePair, type PairContext } from '../../src/model/consistency/compare.js';
import { anchorOf, enDateMentions, zhDateMentions, zhNumeral } from '../../src/model/consistency/dates.js';
import { eventFindings, orderFindings } from '../../src/model/consistency/events.js';
import { enNumbers, zhNumbers } from '../../src/model/consistency/numbers.js';
import { abbreviations, abbreviationVariants, latinTokens } from '../../src/model/consistency/terms.js';
import type { Article, Paragraph, Term, TimelineEvent } from '../../src/model/types.js';

const anchor = anchorOf('2025-01-10');
const ymd = (xs: { year?: number; month?: number; day?: number; fiscal: boolean }[]) =>
  xs.map((x) => `${x.fiscal ? 'FY' : ''}${x.year ?? '?'}-${x.month ?? '?'}-${x.day ?? '?'}`);
const values = (xs: { value: number }[]) => xs.map((x) => x.value);

const term = (t: string, zh: string, en: string): Term => ({ id: t.toLowerCase(), term: t, name: { zh, en }, definition: { zh: '释义。', en: 'Definition.' }, cites: ['p-1'] });
const glossary = [
  term('GPI', '滑翔相拦截器', 'Glide Phase Interceptor'),
  term('SM-3 Block IIA', '标准导弹3 Block IIA', 'Standard Missile-3 Block IIA'),
  term('RDT&E', '研究、开发、测试和评估', 'Research, Development, Test and Evaluation'),
  term('S&T Forum', '系统和技术论坛', 'Systems and Technology Forum'),
];
const ctx: PairContext = { date: '2025-01-10', glossary, abbreviations: abbreviations(glossary) };
const rules = (zh: string, en: string) => comparePair(zh, en, ctx).map((f) => `${f.rule} ${f.lang} ${f.text}`);

describe('dates in Chinese', () => {
  it('reads absolute dates, fiscal years and years written in Chinese numerals', () => {
    expect(ymd(zhDateMentions('2024年4月10日峰会；2023年1月；2025年；2025财年；二〇二四年', anchor))).toEqual([
      '2024-4-10', '2023-1-?', '2025-?-?', 'FY2025-?-?', '2024-?-?',
    ]);
  });
  it('resolves 去年/今年/明年 and 上月 against the article date', () => {
    expect(ymd(zhDateMentions('去年4月，今年，明年3月，上个月', anchor))).toEqual(['2024-4-?', '2025-?-?', '2026-3-?', '2024-12-?']);
  });
  it('resolves 次年 and 同年 against the year named before them, and leaves them open without one', () => {
    expect(ymd(zhDateMentions('2023年10月宣布计划。次年12月签署协议。', anchor))).toEqual(['2023-10-?', '2024-12-?']);
    expect(ymd(zhDateMentions('2022年起步，同年5月扩大', anchor))).toEqual(['2022-?-?', '2022-5-?']);
    expect(ymd(zhDateMentions('次年12月签署协议', anchor))).toEqual(['?-12-?']);
  });
  it('keeps a month without a year open, and does not read durations as months', () => {
    expect(ymd(zhDateMentions('4月10日举行；三个月后；十二月', anchor))).toEqual(['?-4-10', '?-12-?']);
  });
});

describe('dates in English', () => {
  it('reads day-month-year, month-day-year, month-year and fiscal years', () => {
    expect(ymd(enDateMentions('10 April 2024; April 10, 2024; May 2024; FY2025; fiscal year 2024; in 2023', anchor))).toEqual([
      '2024-4-10', '2024-4-10', '2024-5-?', 'FY2025-?-?', 'FY2024-?-?', '2023-?-?',
    ]);
  });
  it('does not take the verb "may" or "march" for a month, but takes "in March"', () => {
    expect(ymd(enDateMentions('This may matter; troops march on. Talks resumed in March.', anchor))).toEqual(['?-3-?']);
  });
  it('resolves "last year" against the article date and "the following year" against the year before it', () => {
    expect(ymd(enDateMentions('last year; in October 2023, and the following year', anchor))).toEqual(['2024-?-?', '2023-10-?', '2024-?-?']);
  });
});

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect([zhNumeral('十六'), zhNumeral('二十'), zhNumeral('三百五十'), zhNumeral('两千'), zhNumeral('一万二千'), zhNumeral('二〇二四')]).toEqual([16, 20, 350, 2000, 12000, 2024]);
    expect(zhNumeral('美国')).toBeUndefined();
  });
  it('counts Chinese numerals with a measure word or after 第, and leaves idioms alone', () => {
    expect(values(zhNumbers('十六项建议、两年间、第三阶段、50亿美元、百分之十、16架'))).toEqual([16, 2, 3, 5e9, 10, 16]);
    expect(values(zhNumbers('两国统一了三边合作，十分重要，一项协议，数十个'))).toEqual([]);
    expect(values(zhNumbers('两到四句；第一部分（三）'))).toEqual([2, 4, 3]);
    expect(rules('本部分的摘要，两到四句。', 'A two-to-four sentence summary.')).toEqual([]);
  });
  it('counts English number words, ordinals and digits, and leaves "one" and "the two countries" alone', () => {
    expect(values(enNumbers('sixteen recommendations, twenty-one ships, the third stage, 5 billion dollars, 10%'))).toEqual([16, 21, 3, 5e9, 10]);
    expect(values(enNumbers('one agreement; the two countries; both sides'))).toEqual([]);
  });
  it('leaves the digits of a date to the date comparison', () => {
    expect(comparePair('2024年4月10日', '10 April 2024', ctx)).toEqual([]);
  });
});

describe('Latin tokens', () => {
  it('splits U.S.-Japan but keeps SM-3, T-7A and RDT&E whole, and drops a possessive', () => {
    expect(latinTokens('U.S.-Japan SM-3 T-7A RDT&E DICAS’s').map((t) => t.text)).toEqual(['U.S.', 'Japan', 'SM-3', 'T-7A', 'RDT&E', 'DICAS', 's']);
  });
});

describe('comparePair', () => {
  it('passes a faithful pair', () => {
    expect(rules('2024年4月美日峰会宣布设立DICAS论坛，共十六项建议。', 'The April 2024 US–Japan summit announced the DICAS forum, with sixteen recommendations.')).toEqual([]);
  });
  it('a changed year: one warning, on the English', () => {
    const [f, ...rest] = comparePair('2024年4月峰会', 'The April 2023 summit', ctx);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'zh-en-date', lang: 'en', text: 'April 2023' });
    expect(f.reason).toBe('the English `April 2023` gives the year 2023, where the Chinese has the year 2024 (`2024年4月`)');
  });
  it('a changed month and day, and a date the English leaves out', () => {
    expect(rules('2024年4月10日', '11 April 2024')).toEqual(['zh-en-date en 11 April 2024']);
    expect(rules('2024年5月', 'April 2024')).toEqual(['zh-en-date en April 2024']);
    expect(rules('2024年4月签署', 'It was signed')).toEqual(['zh-en-date zh 2024年4月']);
  });
  it('fiscal years: 2025财年 = FY2025; a calendar year is not a fiscal year', () => {
    expect(rules('《2025财年国防授权法案》', 'the FY2025 NDAA')).toEqual(['zh-en-term en NDAA']);
    expect(rules('2025财年', 'FY2024')).toEqual(['zh-en-date en FY2024']);
    expect(comparePair('2025财年', 'in 2025', ctx).map((f) => f.reason)).toEqual(['the English `2025` gives the year 2025, where the Chinese has fiscal year 2025 (`2025财年`)']);
  });
  it('a missing or changed number', () => {
    expect(rules('十六项建议', 'The recommendations')).toEqual(['zh-en-number zh 十六']);
    expect(rules('三项工作', 'four steps')).toEqual(['zh-en-number en four']);
  });
  it('a changed acronym: one warning, on the English', () => {
    expect(rules('GPI合作', 'GCAP cooperation')).toEqual(['zh-en-term en GCAP']);
  });
  it('an acronym may be spelt out only as its glossary term says', () => {
    expect(rules('GPI合作', 'Glide Phase Interceptor cooperation')).toEqual([]);
    expect(rules('滑翔相拦截器', 'the GPI')).toEqual([]);
    expect(rules('GPI合作', 'Glide Interceptor cooperation')).toEqual(['zh-en-term zh GPI']);
    expect(rules('系统和技术论坛', 'the S&T Forum')).toEqual([]);
    expect(rules('人工智能技术', 'AI technology')).toEqual(['zh-en-term en AI']);
  });
  it('knows the fixed Chinese names of US and UK, and ignores ordinary English words', () => {
    expect(rules('美日同盟与英国', 'The US–Japan alliance and the UK')).toEqual([]);
    expect(rules('日本', 'Japan Said Yes')).toEqual([]);
  });
  it('a misspelt glossary abbreviation is reported once, as such', () => {
    expect(rules('SM-3导弹', 'the SM3 missile')).toEqual(['term-abbreviation en SM3']);
    expect(rules('RDT&E安排', 'the RDT & E arrangement')).toEqual(['term-abbreviation en RDT & E']);
    expect(abbreviationVariants('St. Louis, Sm-3 and sm-3', abbreviations(glossary)).map((v) => v.variant)).toEqual(['Sm-3', 'sm-3']);
  });
});

describe('eventFindings', () => {
  const para = (id: string, text: string): Paragraph => ({ id, sectionId: 's', text, spans: [{ text }], listItem: false, line: 1 });
  const paragraphs = new Map(
    [
      para('p-rel', '去年5月签署的协议。'),
      para('p-seq', '2023年10月宣布计划。次年12月签署协议。'),
      para('p-day', '4月10日峰会上宣布。'),
      para('p-fy', '《2025财年国防授权法案》中的提议。'),
      para('p-none', '自公布现行战略以来的两年间。'),
    ].map((p) => [p.id, p]),
  );
  const ev = (id: string, date: string, cites: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ id, date, cites, text: { zh: '事件', en: 'Event' }, ...extra });
  const run = (timeline: TimelineEvent[]) => eventFindings({ date: '2025-01-10', timeline } as Article, paragraphs).map((f) => `${f.event.id} ${f.rule} ${f.attribute}`);

  it('accepts dates the cited paragraphs give, relative ones resolved', () => {
    expect(run([ev('a', '2024-05', ['p-rel']), ev('b', '2024', ['p-rel']), ev('c', '2024-12', ['p-seq']), ev('d', '2023-10', ['p-seq']), ev('e', '2024-04-10', ['p-day'])])).toEqual([]);
  });
  it('warns about a date the paragraphs do not give, unless it is marked inferred', () => {
    expect(run([ev('a', '2023-05', ['p-rel']), ev('b', '2024-06', ['p-rel']), ev('c', '2022-12', ['p-none'])])).toEqual([
      'a event-date-unsupported date',
      'b event-date-unsupported date',
      'c event-date-unsupported date',
    ]);
    const inferred = { certainty: { level: 'inferred' as const, note: { zh: '推断。', en: 'Inferred.' } } };
    const uncertain = { certainty: { level: 'uncertain' as const, note: { zh: '存疑。', en: 'Uncertain.' } } };
    expect(run([ev('c', '2022-12', ['p-none'], inferred), ev('d', '2022-12', ['p-none'], uncertain)])).toEqual(['d event-date-unsupported date']);
  });
  it('names what the paragraphs do give', () => {
    const [f] = eventFindings({ date: '2025-01-10', timeline: [ev('a', '2023-05', ['p-rel'])] } as Article, paragraphs);
    expect(f.reason).toContain('(they give 2024-05)');
  });
  it('a fiscal year is not an event date, whether written in as-written or only in the paragraphs', () => {
    expect(run([ev('a', '2025', ['p-fy'], { asWritten: '2025财年' }), ev('b', '2025', ['p-fy'])])).toEqual([
      'a event-fiscal-year as-written',
      'b event-fiscal-year date',
    ]);
    const inferred = { certainty: { level: 'inferred' as const, note: { zh: '推断。', en: 'Inferred.' } } };
    expect(run([ev('c', '2025', ['p-fy'], inferred)])).toEqual(['c event-fiscal-year date']);
  });
});

describe('orderFindings', () => {
  const ev = (id: string, date: string): TimelineEvent => ({ id, date, cites: [], text: { zh: '事件', en: 'Event' } });
  const run = (...dates: string[]) => orderFindings(dates.map((d, i) => ev(`e${i + 1}`, d))).map((f) => f.reason.match(/`[^`]+`/g)!.join(' '));

  it('compares dates at the precision both have', () => {
    // A later date listed first is reported; dates that overlap (a year and its months, a month and its days) are in order either way.
    expect(run('2024-01', '2023-12')).toHaveLength(1);
    expect(run('2023-12', '2024-01')).toEqual([]);
    expect(run('2024-04-10', '2024-04-02')).toHaveLength(1);
    expect(run('2024', '2024-05')).toEqual([]);
    expect(run('2024-05', '2024')).toEqual([]);
    expect(run('2024-05', '2024-05-31')).toEqual([]);
    expect(run('2024-05-31', '2024-05')).toEqual([]);
    expect(run('2025', '2024-12-31')).toHaveLength(1);
  });
  it('accepts a timeline in date order, coarser dates anywhere within their span', () => {
    expect(run('2022-12', '2023-01', '2023-10', '2023-12', '2024-04-10', '2024', '2024-05', '2024-05', '2025')).toEqual([]);
  });
  it('names each event listed after a later one, and the first later event above it, where it belongs', () => {
    expect(run('2023-10', '2024-04-10', '2024-07', '2023-12', '2025', '2024-06')).toEqual(['`e4` `e2` `e2`', '`e6` `e3` `e3`']);
    // A year is later than none of its months, so the first later event can come after a coarser one.
    expect(run('2024', '2024-07', '2024-03', '2023-12-31')).toEqual(['`e3` `e2` `e2`', '`e4` `e1` `e1`']);
  });
});
