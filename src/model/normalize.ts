/**
 * Chinese body text normalisation: half-width `,:;?!()` next to a CJK
 * character (or next to full-width punctuation) become their full-width forms.
 * Every replacement is one UTF-16 unit for one, so offsets are preserved.
 */

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** CJK ideographs, kana, CJK punctuation and full-width forms. */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x2e80 && c <= 0x2fff) ||
    (c >= 0x3000 && c <= 0x30ff) ||
    (c >= 0x3100 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2014 ||
    c === 0x2026
  );
}

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
