/**
 * Dates in a text, as comparable facts: calendar years, fiscal years, months
 * and days, each with the words that gave it and where they are.
 *
 * Relative dates resolve against the article's date (`去年`, `last year`,
 * `上月`); `次年` / `the following year` and `同年` / `the same year` resolve
 * against the last year the same text named before them (they refer back,
 * not to the day of publication), and stay unresolved when there is none.
 */

export type FactKind = 'year' | 'fiscal' | 'month' | 'day' | 'number';

export interface Fact {
  kind: FactKind;
  /** Year (`2024`), month (`4`), day as month×100+day (`410`), or a number. */
  value: number;
  /** The words that gave the fact, as written. */
  text: string;
  /** Offset of `text` in the text. */
  index: number;
}

/** A date mention with whatever parts it gives (used to justify event dates). */
export interface DateMention {
  year?: number;
  month?: number;
  day?: number;
  fiscal: boolean;
  text: string;
  index: number;
}

/** The article's date, `YYYY-MM-DD`, as numbers. */
export interface Anchor {
  year: number;
  month: number;
  day: number;
}

export function anchorOf(iso: string): Anchor | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

const ZH_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral (`十六` 16, `二十` 20, `三百五十` 350, `两千` 2000,
 * `一万二千` 12000, `二〇二四` 2024 read digit by digit); undefined if it is not one.
 */
export function zhNumeral(s: string): number | undefined {
  if (s === '') return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  // Digit by digit (years): 二〇二四.
  if (s.length >= 2 && [...s].every((c) => c in ZH_DIGITS) && !/[十百千万亿]/.test(s)) {
    return Number([...s].map((c) => ZH_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in ZH_DIGITS) {
      digit = ZH_DIGITS[c];
    } else if (c in ZH_UNITS) {
      section += (digit ?? 1) * ZH_UNITS[c];
      digit = undefined;
    } else if (c === '万' || c === '亿') {
      const unit = c === '万' ? 10_000 : 100_000_000;
      total = (total + section + (digit ?? 0)) * unit;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

const NUM = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const YEAR4 = '\\d{4}|[〇零一二三四五六七八九]{4}';
const RELATIVE_YEAR: Record<string, number> = { 前年: -2, 去年: -1, 今年: 0, 明年: 1, 后年: 2 };
const ANAPHORIC_YEAR: Record<string, number> = { 次年: 1, 翌年: 1, 同年: 0, 当年: 0 };

const ZH_DATE = new RegExp(
  [
    `(?<fy>${YEAR4})\\s*(?:财年|财政年度|会计年度)`,
    `(?<y>${YEAR4})\\s*年(?:\\s*(?<ym>${NUM})\\s*月(?:\\s*(?<yd>${NUM})\\s*[日号])?)?`,
    `(?<rel>前年|去年|今年|明年|后年|次年|翌年|同年|当年)(?:\\s*(?<rm>${NUM})\\s*月(?:\\s*(?<rd>${NUM})\\s*[日号])?)?`,
    `(?<relm>上个?月|本月|这个月|下个?月)`,
    `(?<m>${NUM})\\s*月(?:\\s*(?<md>${NUM})\\s*[日号])?`,
    `(?<![\\dA-Za-z])(?<bare>1[89]\\d{2}|20\\d{2})(?![\\dA-Za-z])`,
  ].join('|'),
  'g',
);

const validMonth = (m: number | undefined) => m !== undefined && m >= 1 && m <= 12;
const validDay = (d: number | undefined) => d !== undefined && d >= 1 && d <= 31;

/** Date mentions in Chinese text. A month without a year keeps `year` undefined. */
export function zhDateMentions(text: string, anchor: Anchor | undefined): DateMention[] {
  const out: DateMention[] = [];
  let lastYear: number | undefined;
  for (const m of text.matchAll(ZH_DATE)) {
    const g = m.groups!;
    const index = m.index!;
    const at = { text: m[0], index };
    if (g.fy !== undefined) {
      out.push({ year: zhNumeral(g.fy), fiscal: true, ...at });
    } else if (g.y !== undefined) {
      const year = zhNumeral(g.y);
      const month = g.ym === undefined ? undefined : zhNumeral(g.ym);
      const day = g.yd === undefined ? undefined : zhNumeral(g.yd);
      // `2024年4月` as a month only if it is one (`2024年13月` keeps just the year).
      out.push({ year, ...(validMonth(month) ? { month } : {}), ...(validMonth(month) && validDay(day) ? { day } : {}), fiscal: false, ...at });
      lastYear = year;
    } else if (g.rel !== undefined) {
      let year: number | undefined;
      if (g.rel in RELATIVE_YEAR) year = anchor ? anchor.year + RELATIVE_YEAR[g.rel] : undefined;
      else year = lastYear === undefined ? undefined : lastYear + ANAPHORIC_YEAR[g.rel];
      const month = g.rm === undefined ? undefined : zhNumeral(g.rm);
      const day = g.rd === undefined ? undefined : zhNumeral(g.rd);
      out.push({ ...(year !== undefined ? { year } : {}), ...(validMonth(month) ? { month } : {}), ...(validMonth(month) && validDay(day) ? { day } : {}), fiscal: false, ...at });
      if (year !== undefined) lastYear = year;
    } else if (g.relm !== undefined) {
      if (!anchor) continue;
      const shift = g.relm.startsWith('上') ? -1 : g.relm.startsWith('下') ? 1 : 0;
      const k = anchor.year * 12 + (anchor.month - 1) + shift;
      out.push({ year: Math.floor(k / 12), month: (k % 12) + 1, fiscal: false, ...at });
    } else if (g.m !== undefined) {
      const month = zhNumeral(g.m);
      const day = g.md === undefined ? undefined : zhNumeral(g.md);
      if (!validMonth(month)) continue;
      out.push({ month, ...(validDay(day) ? { day } : {}), fiscal: false, ...at });
    } else if (g.bare !== undefined) {
      const year = Number(g.bare);
      out.push({ year, fiscal: false, ...at });
      lastYear = year;
    }
  }
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_WORD = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const ORD = '(?:st|nd|rd|th)?';

const EN_DATE = new RegExp(
  [
    `\\b(?:FY\\s?|fiscal\\s+(?:year\\s+)?)(?<fy>\\d{4})\\b`,
    `(?<ctx>\\b(?:in|since|by|until|from|to|of|on|last|next|this|early|late|mid-?)\\s+)?(?:\\b(?<dm>\\d{1,2})${ORD}\\s+(?:of\\s+)?)?\\b(?<mon>${MONTH_WORD})(?![A-Za-z])(?:\\s+(?<md>\\d{1,2})${ORD}\\b(?!\\d))?(?:,?\\s+(?<my>\\d{4})\\b)?`,
    `\\b(?<rel>last|this|next)\\s+year\\b`,
    `\\bthe\\s+(?<ana>following|next|previous|same)\\s+year\\b`,
    `(?<![\\dA-Za-z])(?<bare>1[89]\\d{2}|20\\d{2})(?![\\dA-Za-z])`,
  ].join('|'),
  'gi',
);

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i + 1 : MONTH_ABBR[w];
}

/** Date mentions in English text. */
export function enDateMentions(text: string, anchor: Anchor | undefined): DateMention[] {
  const out: DateMention[] = [];
  let lastYear: number | undefined;
  for (const m of text.matchAll(EN_DATE)) {
    const g = m.groups!;
    let index = m.index!;
    let written = m[0];
    if (g.fy !== undefined) {
      out.push({ year: Number(g.fy), fiscal: true, text: written, index });
    } else if (g.mon !== undefined) {
      // Month names must be capitalised; `May`, `March` and abbreviations need a day, a year or a
      // preposition next to them (otherwise they are the verb or another word).
      if (!/^[A-Z]/.test(g.mon)) continue;
      const month = monthNumber(g.mon)!;
      const hasNumber = g.dm !== undefined || g.md !== undefined || g.my !== undefined;
      const abbreviated = !MONTHS.includes(g.mon.toLowerCase());
      const ambiguous = abbreviated || /^(may|march)$/i.test(g.mon);
      if (ambiguous && !hasNumber && g.ctx === undefined) continue;
      if (g.ctx !== undefined && !/^(last|next|this)\b/i.test(g.ctx)) {
        // The preposition is context, not part of the date as written.
        index += g.ctx.length;
        written = written.slice(g.ctx.length);
      }
      const dayRaw = g.dm ?? g.md;
      const day = dayRaw === undefined ? undefined : Number(dayRaw);
      let year = g.my === undefined ? undefined : Number(g.my);
      if (year === undefined && g.ctx !== undefined && anchor) {
        const word = g.ctx.trim().toLowerCase();
        if (word === 'last') year = month < anchor.month ? anchor.year : anchor.year - 1;
        else if (word === 'next') year = month > anchor.month ? anchor.year : anchor.year + 1;
        else if (word === 'this') year = anchor.year;
      }
      out.push({ ...(year !== undefined ? { year } : {}), month, ...(validDay(day) ? { day } : {}), fiscal: false, text: written, index });
      if (year !== undefined) lastYear = year;
    } else if (g.rel !== undefined) {
      if (!anchor) continue;
      const year = anchor.year + { last: -1, this: 0, next: 1 }[g.rel.toLowerCase() as 'last' | 'this' | 'next'];
      out.push({ year, fiscal: false, text: written, index });
      lastYear = year;
    } else if (g.ana !== undefined) {
      if (lastYear === undefined) continue;
      const shift = { following: 1, next: 1, previous: -1, same: 0 }[g.ana.toLowerCase() as 'following' | 'next' | 'previous' | 'same'];
      out.push({ year: lastYear + shift, fiscal: false, text: written, index });
    } else if (g.bare !== undefined) {
      const year = Number(g.bare);
      out.push({ year, fiscal: false, text: written, index });
      lastYear = year;
    }
  }
  return out;
}

/** Date mentions as comparable facts (a mention gives up to three: year or fiscal year, month, day). */
export function dateFacts(mentions: readonly DateMention[]): Fact[] {
  const out: Fact[] = [];
  for (const d of mentions) {
    const at = { text: d.text, index: d.index };
    if (d.year !== undefined) out.push({ kind: d.fiscal ? 'fiscal' : 'year', value: d.year, ...at });
    if (d.month !== undefined) out.push({ kind: 'month', value: d.month, ...at });
    if (d.month !== undefined && d.day !== undefined) out.push({ kind: 'day', value: d.month * 100 + d.day, ...at });
  }
  return out;
}

/** Offsets [start, end) covered by the mentions (numbers inside them are not counted again). */
export function covered(mentions: readonly DateMention[]): [number, number][] {
  return mentions.map((d) => [d.index, d.index + d.text.length]);
}

/** A fact value in words, for messages: `2024`, `fiscal year 2025`, `April`, `10 April`. */
export function describeFact(f: Pick<Fact, 'kind' | 'value'>): string {
  const month = (m: number) => (m >= 1 && m <= 12 ? MONTHS[m - 1][0].toUpperCase() + MONTHS[m - 1].slice(1) : String(m));
  switch (f.kind) {
    case 'year':
      return `the year ${f.value}`;
    case 'fiscal':
      return `fiscal year ${f.value}`;
    case 'month':
      return `the month ${month(f.value)}`;
    case 'day':
      return `the day ${f.value % 100} ${month(Math.floor(f.value / 100))}`;
    case 'number':
      return `the number ${f.value}`;
  }
}
