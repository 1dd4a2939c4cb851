/**
 * Latin tokens (acronyms and programme names such as DICAS, SM-3, T-7A,
 * RDT&E) and the glossary: which tokens a text must share with its other
 * language, and which spellings of a glossary abbreviation are slips.
 *
 * - In Chinese every Latin token counts (it is a name kept in the original).
 * - In English only acronym-like tokens count: two or more capitals (`GCAP`,
 *   `RDT&E`, `U.S.`) or a capital and a digit (`T-7A`); ordinary words do not.
 * - A token may be missing from the other language only where that language
 *   names it as the glossary says: the glossary term's abbreviation, or its
 *   name in that language (`GPI` ↔ `Glide Phase Interceptor` / `滑翔相拦截器`).
 *   A few country and organisation abbreviations have fixed Chinese names
 *   (`US` ↔ `美`, `UK` ↔ `英`, `EU` ↔ `欧盟`, `UN` ↔ `联合国`, `NATO` ↔ `北约`).
 */
import type { Term } from '../types.js';

export interface Token {
  text: string;
  index: number;
}

const RAW_TOKEN = /[A-Za-z0-9]+(?:[&+./-][A-Za-z0-9]+)*/g;

/** Latin tokens of a text; hyphens join only a part that starts with a digit (`SM-3`, `T-7A`), so `U.S.-Japan` is two. */
export function latinTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(RAW_TOKEN)) {
    const parts = m[0].split('-');
    let current = parts[0];
    let start = m.index!;
    for (let i = 1; i < parts.length; i++) {
      if (/^\d/.test(parts[i])) current += `-${parts[i]}`;
      else {
        out.push({ text: current, index: start });
        start += current.length + 1;
        current = parts[i];
      }
    }
    out.push({ text: current, index: start });
  }
  // A trailing abbreviation dot belongs to the token (`U.S.`).
  return out
    .map((t) => (text[t.index + t.text.length] === '.' && /\.[A-Za-z]$/.test(t.text) ? { ...t, text: `${t.text}.` } : t))
    .filter((t) => /[A-Za-z]/.test(t.text));
}

const upperCount = (s: string) => (s.match(/[A-Z]/g) ?? []).length;

/** True for tokens an English text must share with the Chinese: two capitals, or a capital and a digit; not fiscal years. */
export function isAcronymLike(token: string): boolean {
  if (/^FY\d{4}$/.test(token)) return false;
  return upperCount(token) >= 2 || (upperCount(token) >= 1 && /\d/.test(token));
}

/** Tokens of each language that the comparison counts. */
export function countedTokens(text: string, lang: 'zh' | 'en'): Token[] {
  const all = latinTokens(text);
  return lang === 'zh' ? all : all.filter((t) => isAcronymLike(t.text));
}

const BUILT_IN: Record<string, string[]> = {
  US: ['美'],
  USA: ['美'],
  UK: ['英'],
  EU: ['欧盟', '欧洲联盟'],
  UN: ['联合国'],
  NATO: ['北约', '北大西洋公约组织'],
};

/** A name without its parenthesised parts and quotes: `安全磋商委员会（“2+2”）` → `安全磋商委员会`. */
export function nameCore(name: string): string {
  return name
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[“”"‘’'《》]/g, '')
    .trim();
}

/** The ways a glossary term is named in one language: its abbreviation, its name, the name's core. */
function forms(term: Term, lang: 'zh' | 'en'): string[] {
  return [term.term, term.name[lang], nameCore(term.name[lang])].filter((s) => s.length > 0);
}

const contains = (text: string, form: string, lang: 'zh' | 'en') =>
  lang === 'en' ? text.toLowerCase().includes(form.toLowerCase()) : text.includes(form);

/** Whether `token`, missing from `other`, is named there as the glossary (or the built-in names) allow. */
export function namedOtherwise(token: string, other: string, otherLang: 'zh' | 'en', glossary: readonly Term[]): boolean {
  const bare = token.replace(/\./g, '').toUpperCase();
  if (otherLang === 'zh' && BUILT_IN[bare]?.some((n) => other.includes(n))) return true;
  const lang = otherLang === 'zh' ? 'en' : 'zh';
  for (const term of glossary) {
    const own = [term.term, term.name[lang]].flatMap((s) => latinTokens(s).map((t) => t.text));
    if (!own.includes(token)) continue;
    if (forms(term, otherLang).some((f) => contains(other, f, otherLang))) return true;
  }
  return false;
}

/** Tokens of `text` (in `lang`) that `other` neither has nor names as the glossary allows. */
export function missingTokens(text: string, lang: 'zh' | 'en', other: string, glossary: readonly Term[]): Token[] {
  const otherLang = lang === 'zh' ? 'en' : 'zh';
  const present = new Set(latinTokens(other).map((t) => t.text));
  const seen = new Set<string>();
  const out: Token[] = [];
  for (const t of countedTokens(text, lang)) {
    if (seen.has(t.text)) continue;
    seen.add(t.text);
    if (present.has(t.text)) continue;
    if (namedOtherwise(t.text, other, otherLang, glossary)) continue;
    out.push(t);
  }
  return out;
}

/** Abbreviations a glossary term defines: the acronym-like tokens of its `term`. */
export function abbreviations(glossary: readonly Term[]): string[] {
  const out = new Set<string>();
  for (const term of glossary) for (const t of latinTokens(term.term)) if (isAcronymLike(t.text)) out.add(t.text);
  return [...out];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEPARATORS = '[\\s\\-‐‑–—&.·/+]*';

/**
 * Spellings in `text` of a glossary abbreviation that differ from it (`SM3`,
 * `RDT & E`, `T7A` for `SM-3`, `RDT&E`, `T-7A`): the same letters and digits in
 * the same order, with other separators or case, and still an abbreviation
 * (two capitals or a digit), so ordinary words never match.
 */
export function abbreviationVariants(text: string, abbrs: readonly string[]): { variant: string; abbreviation: string; index: number }[] {
  const out: { variant: string; abbreviation: string; index: number }[] = [];
  const exact = new Set(abbrs);
  for (const abbr of abbrs) {
    const chars = [...abbr.replace(/[^A-Za-z0-9]/g, '')];
    if (chars.length < 2) continue;
    const re = new RegExp(`(?<![A-Za-z0-9])${chars.map(escapeRe).join(SEPARATORS)}(?![A-Za-z0-9])`, 'gi');
    for (const m of text.matchAll(re)) {
      const v = m[0];
      if (exact.has(v)) continue;
      if (upperCount(v) < 2 && !/\d/.test(v)) continue;
      out.push({ variant: v, abbreviation: abbr, index: m.index! });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
