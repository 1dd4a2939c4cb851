/**
 * Numbers in a text, as comparable facts: Arabic digits (`16`, `1,000`,
 * `2.5`, with `万` / `亿` / `million` / `billion` and percentages), Chinese
 * numerals followed by a measure word or after `第` (`十六项`, `两年`,
 * `第三`), English number words and ordinals (`sixteen`, `twenty-one`,
 * `third`). Dates are counted by `dates.ts`, so their digits are left out.
 *
 * 0 and 1 are left out: `一`, `a`, `one`, `first`, `首次` are idiom far more
 * often than counts. So is `两` in `两国`-like idioms and `two` in `the two
 * countries` (either may be written `both`).
 */
import { zhNumeral, type Fact } from './dates.js';

const inside = (ranges: readonly [number, number][], i: number) => ranges.some(([s, e]) => i >= s && i < e);

/** Measure words after a Chinese numeral that make it a count (longest first). */
const MEASURES = [
  '分钟', '小时', '季度', '阶段', '方面', '个月', '周年',
  '项', '个', '年', '国', '种', '次', '架', '条', '名', '位', '家', '份', '点', '步', '艘', '轮', '天', '周', '倍', '人',
  '枚', '所', '批', '类', '支', '套', '场', '期', '届', '层', '级', '句', '段', '节', '章', '部', '款', '大', '组', '座',
  '台', '辆', '颗', '页', '张', '笔', '岁', '成', '亿', '万', '千', '百', '十',
];
/** `两` before these means "both", not a count; so does `two` before their English words. */
const BOTH = /^两(国|方|军|党|岸|院|者|边|极|侧|地)/;
const BOTH_EN = /^\s+(countries|country’s|countries’|sides|governments|nations|allies|militaries|parties)\b/i;

const ZH_NUMERAL = /(第)?([〇零一二三四五六七八九十百千万亿两]+)/g;
/** The rest of a range after its first numeral: `到四`, `至十`, `、三`, `～5`. */
const RANGE = /^(?:到|至|或|、|～|~|-|—)(?:[〇零一二三四五六七八九十百千万亿两]+|\d+)/;
const ARABIC = /(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(万|亿|million|billion|trillion|%|％|percent|per cent))?/gi;
const ZH_PERCENT = /百分之([〇零一二三四五六七八九十百千两]+|\d+(?:\.\d+)?)/g;

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, million: 1e6, billion: 1e9, trillion: 1e12 };

const counted = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value !== 0 && value !== 1;

/** Numbers in Chinese text, outside the `skip` ranges (dates). */
export function zhNumbers(text: string, skip: readonly [number, number][] = []): Fact[] {
  const out: Fact[] = [];
  const taken: [number, number][] = [...skip];
  for (const m of text.matchAll(ZH_PERCENT)) {
    const value = zhNumeral(m[1]) ?? Number(m[1]);
    if (!inside(taken, m.index!) && counted(value)) out.push({ kind: 'number', value, text: m[0], index: m.index! });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(ARABIC)) {
    if (inside(taken, m.index!)) continue;
    let value = Number(m[1].replace(/,/g, ''));
    const unit = m[2]?.toLowerCase();
    // `万` / `亿` multiply; the English multipliers are not Chinese and are left to the text.
    if (unit === '万' || unit === '亿') value *= MULTIPLIER[unit];
    const written = unit === '万' || unit === '亿' || unit === '%' || unit === '％' ? m[0] : m[1];
    if (counted(value)) out.push({ kind: 'number', value, text: written, index: m.index! });
  }
  for (const m of text.matchAll(ZH_NUMERAL)) {
    const start = m.index! + (m[1] ? 1 : 0);
    if (inside(taken, start)) continue;
    const numeral = m[2];
    const after = text.slice(m.index! + m[0].length);
    const before = text[m.index! - 1];
    // Approximate (`数十`, `几百`) and idiomatic (`两国`) numerals are not counts.
    if (before === '数' || before === '几') continue;
    if (!m[1] && BOTH.test(numeral + after)) continue;
    // A count needs its measure word, possibly after a range (`两到四句`), or stands in brackets as a number (`（三）`).
    const measured = (rest: string) => MEASURES.some((w) => rest.startsWith(w));
    const range = RANGE.exec(after);
    const bracketed = /[（(]$/.test(text.slice(0, m.index!)) && /^[）)]/.test(after);
    if (!m[1] && !measured(after) && !(range && measured(after.slice(range[0].length))) && !bracketed) continue;
    const value = zhNumeral(numeral);
    if (counted(value)) out.push({ kind: 'number', value, text: m[0], index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}

const UNITS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_EN = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS_EN: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const EN_WORD = new RegExp(
  `\\b(?:(${TENS_EN.filter(Boolean).join('|')})(?:[-\\s](${UNITS_EN.slice(1, 10).join('|')}))?|(${UNITS_EN.join('|')})|(${Object.keys(ORDINALS_EN).join('|')}))(?:\\s+(hundred|thousand|million|billion|trillion))?\\b`,
  'gi',
);
const SCALE_EN: Record<string, number> = { hundred: 100, thousand: 1000, ...MULTIPLIER };

/** Numbers in English text, outside the `skip` ranges (dates). */
export function enNumbers(text: string, skip: readonly [number, number][] = []): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(ARABIC)) {
    if (inside(skip, m.index!)) continue;
    let value = Number(m[1].replace(/,/g, ''));
    const unit = m[2]?.toLowerCase();
    if (unit !== undefined && unit in MULTIPLIER) value *= MULTIPLIER[unit];
    if (counted(value)) out.push({ kind: 'number', value, text: m[0].trim(), index: m.index! });
  }
  for (const m of text.matchAll(EN_WORD)) {
    if (inside(skip, m.index!)) continue;
    const [, tens, unit, small, ordinal, scale] = m;
    let value: number;
    if (tens) value = TENS_EN.indexOf(tens.toLowerCase()) * 10 + (unit ? UNITS_EN.indexOf(unit.toLowerCase()) : 0);
    else if (small) value = UNITS_EN.indexOf(small.toLowerCase());
    else value = ORDINALS_EN[ordinal.toLowerCase()];
    if (scale) value *= SCALE_EN[scale.toLowerCase()];
    if (value === 2 && !scale && BOTH_EN.test(text.slice(m.index! + m[0].length))) continue;
    if (counted(value)) out.push({ kind: 'number', value, text: m[0], index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}
