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

/** Replace half-width punctuation adjacent to CJK text with full-width forms. */
export function normalizeZhPunctuation(text: string): string {
  const chars = text.split('');
  let changed = true;
  // Each pass can make a neighbour full-width ("(GPI):去" needs two); a few passes settle it.
  for (let pass = 0; changed && pass < 8; pass++) {
    changed = false;
    for (let i = 0; i < chars.length; i++) {
      const full = FULL_WIDTH[chars[i]];
      if (full === undefined) continue;
      if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) {
        chars[i] = full;
        changed = true;
      }
    }
  }
  return chars.join('');
}
