/**
 * Chinese text normalisation, done once, by the model: half-width `,:;?!()`
 * next to a CJK character (or next to full-width punctuation) become their
 * full-width forms. Every replacement is one UTF-16 unit for one, so offsets
 * are preserved. Backends print the model's text as it is.
 */
import { isCjk } from './unicode.js';

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/**
 * Replace half-width punctuation adjacent to CJK text with full-width forms.
 * A full-width form counts as CJK for its neighbours, so a run of half-width
 * marks ("(GPI):去" has two) turns full-width as a whole when either end of
 * the run touches CJK text: one pass over the runs, whatever their length.
 */
export function normalizeZhPunctuation(text: string): string {
  const chars = text.split('');
  for (let i = 0; i < chars.length; ) {
    if (FULL_WIDTH[chars[i]] === undefined) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && FULL_WIDTH[chars[end]] !== undefined) end++;
    if (isCjk(chars[i - 1]) || isCjk(chars[end])) for (let k = i; k < end; k++) chars[k] = FULL_WIDTH[chars[k]];
    i = end;
  }
  return chars.join('');
}
