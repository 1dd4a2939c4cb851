/**
 * One bilingual text against itself: the Chinese and the English must give
 * the same dates, numbers and Latin tokens. Plain strings in, findings out
 * (which side, which words, where in that side's text).
 */
import type { Term } from '../types.js';
import { anchorOf, covered, dateFacts, describeFact, enDateMentions, zhDateMentions, type Fact, type FactKind } from './dates.js';
import { enNumbers, zhNumbers } from './numbers.js';
import { abbreviationVariants, missingTokens, type Token } from './terms.js';

export type Lang = 'zh' | 'en';

export interface PairFinding {
  rule: 'zh-en-date' | 'zh-en-number' | 'zh-en-term' | 'term-abbreviation';
  /** The text the finding points into, and the words at fault there. */
  lang: Lang;
  text: string;
  index: number;
  reason: string;
}

export interface PairContext {
  /** The article's date (`YYYY-MM-DD`): relative dates resolve against it. */
  date: string;
  glossary: readonly Term[];
  /** Abbreviations of the glossary (precomputed once per article). */
  abbreviations: readonly string[];
}

const LANG_NAME: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

/** Facts of `a` whose value `b` lacks, first occurrence of each value. */
function unmatched(a: readonly Fact[], b: readonly Fact[], kind: FactKind): Fact[] {
  const values = new Set(b.filter((f) => f.kind === kind).map((f) => f.value));
  const seen = new Set<number>();
  return a.filter((f) => f.kind === kind && !values.has(f.value) && !seen.has(f.value) && seen.add(f.value));
}

/** Facts grouped by the words that gave them (a date gives a year, a month and a day at once), in text order. */
function byMention(facts: readonly Fact[]): Fact[][] {
  const groups = new Map<number, Fact[]>();
  for (const f of facts) groups.set(f.index, [...(groups.get(f.index) ?? []), f]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

const listed = (g: readonly Fact[]) => g.map(describeFact).join(' and ');

/**
 * Unmatched facts of both sides as findings, one per mention: where both
 * sides have one, the English is the one at fault (it translates the
 * Chinese) and the message names what the Chinese has; what is left over is
 * reported on its own side.
 */
function factFindings(rule: 'zh-en-date' | 'zh-en-number', zh: readonly Fact[], en: readonly Fact[], kinds: readonly FactKind[]): PairFinding[] {
  const zhOnly = byMention(kinds.flatMap((k) => unmatched(zh, en, k)));
  const enOnly = byMention(kinds.flatMap((k) => unmatched(en, zh, k)));
  const out: PairFinding[] = [];
  enOnly.forEach((g, i) => {
    const other = zhOnly[i];
    const instead = other ? `, where the Chinese has ${listed(other)} (\`${other[0].text}\`)` : ', which the Chinese does not have';
    out.push({ rule, lang: 'en', text: g[0].text, index: g[0].index, reason: `the English \`${g[0].text}\` gives ${listed(g)}${instead}` });
  });
  for (const g of zhOnly.slice(enOnly.length)) {
    out.push({ rule, lang: 'zh', text: g[0].text, index: g[0].index, reason: `the Chinese \`${g[0].text}\` gives ${listed(g)}, which the English does not have` });
  }
  return out;
}

function tokenFindings(zhMissing: readonly Token[], enMissing: readonly Token[]): PairFinding[] {
  const out: PairFinding[] = [];
  enMissing.forEach((t, i) => {
    const other = zhMissing[i];
    const instead = other ? `, where the Chinese has \`${other.text}\`` : ': the Chinese neither has it nor uses the name its glossary term gives';
    out.push({ rule: 'zh-en-term', lang: 'en', text: t.text, index: t.index, reason: `the English \`${t.text}\` is not in the Chinese${instead}` });
  });
  for (const t of zhMissing.slice(enMissing.length)) {
    out.push({ rule: 'zh-en-term', lang: 'zh', text: t.text, index: t.index, reason: `the Chinese \`${t.text}\` is not in the English: write it there, or the name its glossary term gives` });
  }
  return out;
}

/** Everything that differs between the Chinese and the English of one item. */
export function comparePair(zh: string, en: string, c: PairContext): PairFinding[] {
  const anchor = anchorOf(c.date);
  const zhDates = zhDateMentions(zh, anchor);
  const enDates = enDateMentions(en, anchor);
  const variants: PairFinding[] = [];
  // A misspelt abbreviation is reported once, as such, not also as a token the other side lacks.
  const meant = new Set<string>();
  const spans: Record<Lang, [number, number][]> = { zh: [], en: [] };
  for (const [lang, text] of [['zh', zh], ['en', en]] as const) {
    for (const v of abbreviationVariants(text, c.abbreviations)) {
      variants.push({ rule: 'term-abbreviation', lang, text: v.variant, index: v.index, reason: `the ${LANG_NAME[lang]} \`${v.variant}\` spells the glossary abbreviation \`${v.abbreviation}\` differently: write \`${v.abbreviation}\`` });
      meant.add(v.abbreviation);
      spans[lang].push([v.index, v.index + v.variant.length]);
    }
  }
  const keep = (lang: Lang) => (t: Token) => !meant.has(t.text) && !spans[lang].some(([s, e]) => t.index >= s && t.index < e);
  return [
    ...factFindings('zh-en-date', dateFacts(zhDates), dateFacts(enDates), ['year', 'fiscal', 'month', 'day']),
    ...factFindings('zh-en-number', zhNumbers(zh, covered(zhDates)), enNumbers(en, covered(enDates)), ['number']),
    ...tokenFindings(missingTokens(zh, 'zh', en, c.glossary).filter(keep('zh')), missingTokens(en, 'en', zh, c.glossary).filter(keep('en'))),
    ...variants,
  ];
}
