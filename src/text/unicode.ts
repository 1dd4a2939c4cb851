/**
 * Character classes shared by the model (line joining, punctuation
 * normalisation) and the backends (line breaking). One definition, so the
 * model and every format agree on what counts as Chinese text.
 */

/**
 * True for a CJK character: ideographs (every block, from radicals to
 * Extension G), kana, bopomofo, Hangul, CJK symbols and punctuation,
 * compatibility and full-width forms, and the punctuation Chinese text sets
 * full-width (“ ” ‘ ’ — … ·). Takes the first code point of `ch`; a lone
 * surrogate (half of a UTF-16 pair) is not CJK, and neither is undefined.
 */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x2e80 && cp <= 0x2fff) || // radicals, ideographic description characters
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK punctuation, kana
    (cp >= 0x3100 && cp <= 0x31ff) || // bopomofo, kana ext.
    (cp >= 0x3400 && cp <= 0x4dbf) || // ext. A
    (cp >= 0x4e00 && cp <= 0x9fff) || // unified ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x20000 && cp <= 0x3134f) || // ext. B–G
    cp === 0x201c || // “
    cp === 0x201d || // ”
    cp === 0x2018 || // ‘
    cp === 0x2019 || // ’
    cp === 0x2014 || // —
    cp === 0x2026 || // …
    cp === 0x00b7 // ·
  );
}

/** True when the text holds at least one CJK character. */
export function hasCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch)) return true;
  return false;
}
