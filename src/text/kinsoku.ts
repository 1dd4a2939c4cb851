/**
 * Chinese line-breaking rules (禁则, kinsoku), shared by every backend that
 * wraps text itself (PDF; DOCX and PPTX may reuse it). A line may break
 * around CJK characters as `isCjk` (./unicode.ts) defines them.
 *
 * The rules, in plain terms:
 * - a line may break between two CJK characters, or between CJK and Latin;
 * - a line may break after a space, never inside a Latin word or number;
 * - no line begins with closing punctuation (`,。、;:?!)》」』】’”…` …);
 * - no line ends with opening punctuation (`《「『【(“‘` …);
 * - a run of the same dash or ellipsis character (`——`, `……`) is never split;
 * - a number keeps the unit or measure word that follows it (`2023年`, `1月`,
 *   `5亿`, `第4国`; `NUMBER_UNITS`): a line does not end "2023年1" and go on
 *   "月". (Before another character, as in "2025财年", it may break.)
 *
 * Everything here is pure and works on whole code points.
 */
import { hasCjk, isCjk } from './unicode.js';

/** Characters that must not begin a line (closing and trailing punctuation, small kana, iteration marks). */
export const NO_LINE_START: ReadonlySet<string> = new Set([
  // full-width , 。 、 ; : ? ! ) . ] } %
  ...'\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\uFF0E\uFF3D\uFF5D\uFF05',
  // closing brackets and quotes 》 」 』 】 〕 〗 〙 〛 〉 ’ ”
  ...'\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u3009\u2019\u201D',
  // ellipses, middle dots, prolonged sound and iteration marks, wave dash, units
  ...'\u2026\u2025\u00B7\u30FB\u30FC\u3005\u303B\u301C\uFF5E\u2030\u2103\u00B0\u2032\u2033',
  // small kana
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
  // small form variants
  ...'\uFE50\uFE51\uFE52\uFE54\uFE55\uFE56\uFE57\uFE5A\uFE5C\uFE5E',
  // half-width closing punctuation
  ...',.;:?!)]}%',
]);

/** Characters that must not end a line (opening punctuation, leading currency signs). */
export const NO_LINE_END: ReadonlySet<string> = new Set([
  // full-width ( [ { and 《 「 『 【 〔 〖 〘 〚 〈 ‘ “
  ...'\uFF08\uFF3B\uFF5B\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301A\u3008\u2018\u201C',
  // currency signs that lead a number, small form variants
  ...'\u00A5\uFFE5$\u00A3\u20AC\uFE59\uFE5B\uFE5D',
  // half-width opening brackets
  ...'([{',
]);

/** Units and measure words a number keeps on its line: dates and times, large numbers, money, counts. */
export const NUMBER_UNITS: ReadonlySet<string> = new Set([...'年月日号时点分秒周天万亿千百元岁个次国组项条章节段届名人家种架艘枚倍']);

const isDigit = (ch: string) => (ch >= '0' && ch <= '9') || (ch >= '\uFF10' && ch <= '\uFF19');

/** Characters that form an unbreakable run when repeated (`——`, `……`, `‥‥`). */
const REPEAT_GLUE: ReadonlySet<string> = new Set([...'\u2014\u2015\u2026\u2025']);

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u3000';

/**
 * May a line break fall between `before` and `after`? Kinsoku rules only:
 * the caller has already decided that the place is a break opportunity.
 */
export function kinsokuAllows(before: string, after: string): boolean {
  if (NO_LINE_START.has(after)) return false;
  if (NO_LINE_END.has(before)) return false;
  if (before === after && REPEAT_GLUE.has(before)) return false;
  if (isDigit(before) && NUMBER_UNITS.has(after)) return false;
  return true;
}

/** Is there a break opportunity between two adjacent characters? */
export function canBreakBetween(before: string, after: string): boolean {
  if (isSpace(after)) return false; // break after the space, not before it
  const opportunity = isSpace(before) || isCjk(before) || isCjk(after);
  return opportunity && kinsokuAllows(before, after);
}

/**
 * Split text into units that must stay on one line; a line may break only
 * between units. Joining the units gives back the text unchanged.
 *
 *   breakUnits('他说:“合作。”') → ['他', '说:', '“合作。”']
 */
export function breakUnits(text: string): string[] {
  const chars = [...text];
  const units: string[] = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && canBreakBetween(chars[i - 1], chars[i])) {
      units.push(current);
      current = '';
    }
    current += chars[i];
  }
  if (current !== '') units.push(current);
  return units;
}

/**
 * Does one printed line of Chinese text break the kinsoku rules: does it
 * start with closing punctuation or end with opening punctuation? Used to
 * check the lines read back from an output.
 */
export function violatesKinsoku(line: string): { start: boolean; end: boolean } {
  const t = line.trim();
  const chars = [...t];
  return {
    start: chars.length > 0 && NO_LINE_START.has(chars[0]) && hasCjk(t),
    end: chars.length > 0 && NO_LINE_END.has(chars[chars.length - 1]) && hasCjk(t),
  };
}
