/**
 * The project's one Unicode policy: which characters text may hold once it is
 * decoded (after UTF-8, YAML escapes and Markdown character references).
 *
 * Refused everywhere:
 * - controls: C0 (U+0000–U+001F) other than the whitespace a context allows,
 *   DEL (U+007F) and C1 (U+0080–U+009F) — they break XML parts and terminals;
 * - invisible characters: bidirectional controls (U+061C, U+200E, U+200F,
 *   U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D,
 *   U+2060, U+FEFF, U+180E), line and paragraph separators (U+2028, U+2029)
 *   and every other format character (general category Cf, e.g. the soft
 *   hyphen) — they reorder or hide text that readers cannot see;
 * - characters no font can be trusted with: lone surrogates, noncharacters
 *   (U+FDD0–U+FDEF and the last two code points of every plane), private-use
 *   characters, unassigned code points and U+FFFD (the mark of text already
 *   lost in a conversion);
 * - with `font: true`, any character the project font cannot draw.
 *
 * The model reports each refused character with a rule (`ruleFor`); backends
 * may call `assertCleanText` on what they write. `escapeForDisplay` prints
 * text that may hold such characters (diagnostics quoting a source) safely.
 */
import { canDraw } from '../fonts/coverage.js';

export type Refusal =
  | 'control'
  | 'bidi'
  | 'zero-width'
  | 'separator'
  | 'format'
  | 'surrogate'
  | 'noncharacter'
  | 'private-use'
  | 'replacement'
  | 'unassigned'
  | 'undrawable';

export interface PolicyOptions {
  /** Whitespace controls accepted in this context, e.g. '\t\n\r' for a whole source file. Default: none. */
  allow?: string;
  /** Also refuse characters the project font cannot draw. */
  font?: boolean;
}

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]);
const FORMAT = /^\p{Cf}$/u;
const UNASSIGNED = /^\p{Cn}$/u;

/** Why the policy refuses a code point, or null when it is accepted. */
export function refusal(cp: number, options: PolicyOptions = {}): Refusal | null {
  // The common case first: printable ASCII and most of the BMP.
  if (cp >= 0x20 && cp < 0x7f) return null;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
    return options.allow !== undefined && cp < 0x20 && options.allow.includes(String.fromCharCode(cp)) ? null : 'control';
  }
  if (BIDI.has(cp)) return 'bidi';
  if (ZERO_WIDTH.has(cp)) return 'zero-width';
  if (cp === 0x2028 || cp === 0x2029) return 'separator';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return 'private-use';
  if (cp === 0xfffd) return 'replacement';
  const ch = String.fromCodePoint(cp);
  if (FORMAT.test(ch)) return 'format';
  if (UNASSIGNED.test(ch)) return 'unassigned';
  if (options.font && !canDraw(cp)) return 'undrawable';
  return null;
}

export interface RefusedCharacter {
  /** UTF-16 offset in the text. */
  offset: number;
  codePoint: number;
  /** UTF-16 length (2 for astral characters). */
  length: number;
  refusal: Refusal;
}

/** Every refused character of a text, in order. */
export function refusedCharacters(text: string, options: PolicyOptions = {}): RefusedCharacter[] {
  const out: RefusedCharacter[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast path: printable ASCII and the CJK ideographs of Unicode 10 are always accepted (and drawn).
    if ((c >= 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fef)) continue;
    const cp = text.codePointAt(i)!;
    const length = cp > 0xffff ? 2 : 1;
    const why = refusal(cp, options);
    if (why !== null) out.push({ offset: i, codePoint: cp, length, refusal: why });
    i += length - 1;
  }
  return out;
}

/** True when the text holds no refused character. */
export function isCleanText(text: string, options: PolicyOptions = {}): boolean {
  return refusedCharacters(text, options).length === 0;
}

/** For backends: throw when text about to be written holds a refused character (the model should have stopped it). */
export function assertCleanText(text: string, where: string, options: PolicyOptions = {}): void {
  const [first] = refusedCharacters(text, options);
  if (first) throw new Error(`${where}: refused character ${describeCodePoint(first.codePoint)} (${describeRefusal(first.refusal)}) at offset ${first.offset}`);
}

/** The diagnostic rule a refusal is reported with. */
export function ruleFor(why: Refusal): 'control-character' | 'invisible-character' | 'unsupported-character' {
  if (why === 'control') return 'control-character';
  if (why === 'bidi' || why === 'zero-width' || why === 'separator' || why === 'format') return 'invisible-character';
  return 'unsupported-character';
}

const NAMES: Record<number, string> = {
  0x00: 'NULL',
  0x07: 'BELL',
  0x08: 'BACKSPACE',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0xad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE / BYTE ORDER MARK',
  0xfffd: 'REPLACEMENT CHARACTER',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+1F600` when the name is not in the short list. */
export function describeCodePoint(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[cp] ? `${hex} ${NAMES[cp]}` : hex;
}

/** What kind of character it is, in words for a diagnostic. */
export function describeRefusal(why: Refusal): string {
  switch (why) {
    case 'control':
      return 'a control character';
    case 'bidi':
      return 'an invisible bidirectional control, which reorders the text around it';
    case 'zero-width':
      return 'an invisible zero-width character';
    case 'separator':
      return 'an invisible line or paragraph separator';
    case 'format':
      return 'an invisible formatting character';
    case 'surrogate':
      return 'half of a UTF-16 surrogate pair';
    case 'noncharacter':
      return 'a Unicode noncharacter';
    case 'private-use':
      return 'a private-use character';
    case 'replacement':
      return 'the replacement character, left where text was lost in a conversion';
    case 'unassigned':
      return 'an unassigned code point';
    case 'undrawable':
      return 'a character the project font cannot draw';
  }
}

/**
 * Text safe to print on a terminal or in a log: every control, invisible or
 * otherwise refused character (except the font check) is written as `\u{1b}`.
 * `keepNewlines` keeps LF for messages that are meant to span lines.
 */
export function escapeForDisplay(text: string, { keepNewlines = false }: { keepNewlines?: boolean } = {}): string {
  let out = '';
  let last = 0;
  for (const r of refusedCharacters(text, { allow: keepNewlines ? '\n' : '' })) {
    out += `${text.slice(last, r.offset)}\\u{${r.codePoint.toString(16)}}`;
    last = r.offset + r.length;
  }
  return last === 0 ? text : out + text.slice(last);
}
