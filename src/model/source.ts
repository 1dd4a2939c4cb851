/**
 * Checks on the raw source before it reaches the Markdown parser: size,
 * UTF-8 validity and nesting depth (characters: `decoded.ts`). These guard the
 * parser against inputs that would be slow or meaningless to parse.
 */
import { LIMITS } from './rules.js';

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes[i + k] : -1;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

export type Decoded = { ok: true; text: string } | { ok: false; text: string; badByte: number; offset: number };

/**
 * Decode UTF-8 strictly (a leading BOM is dropped). On failure, `offset` is
 * the position in the leniently decoded text of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lenient = new TextDecoder('utf-8');
    const prefix = lenient.decode(bytes.subarray(0, Math.max(0, bad)));
    return { ok: false, text: lenient.decode(bytes), badByte: bytes[bad] ?? 0, offset: prefix.length };
  }
}

const SPACE = 0x20;
const TAB = 0x09;

function isListMarkerEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || c === SPACE || c === TAB || c === 0x0a || c === 0x0d;
}

/**
 * Estimate, line by line and without parsing, how deeply lists, block quotes
 * and container directives nest. Returns the offset of the first container
 * marker that goes deeper than `max`, or -1. The estimate never undercounts,
 * so the parser never sees input nested deeper than the limit.
 */
export function findDeepNesting(text: string, max: number = LIMITS.maxNesting): number {
  let directives = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let i = start;
    let markers = 0;
    let whitespace = 0;
    // True right after a marker: the one space that must follow it is not indentation.
    let afterMarker = false;
    const deeper = (at: number) => directives + markers + (whitespace >> 1) > max && at >= 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        if (afterMarker) afterMarker = false;
        else whitespace += c === TAB ? 4 : 1;
        i++;
        continue;
      }
      let next = -1;
      if (c === 0x3e /* > */) next = i + 1;
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isListMarkerEnd(text, i + 1)) next = i + 1;
      else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        const d = text.charCodeAt(j);
        if ((d === 0x2e || d === 0x29) && isListMarkerEnd(text, j + 1)) next = j + 1;
      }
      if (next < 0) break;
      markers++;
      if (deeper(i)) return i;
      afterMarker = true;
      i = next;
    }
    // Container directive fences: `:::name…` opens, a bare `:::` closes.
    if (text.charCodeAt(i) === 0x3a && text.startsWith(':::', i)) {
      let j = i;
      while (text.charCodeAt(j) === 0x3a) j++;
      const rest = text.slice(j, end).trim();
      if (rest === '') directives = Math.max(0, directives - 1);
      else {
        directives++;
        if (deeper(i)) return i;
      }
    }
    start = end + 1;
  }
  return -1;
}

export interface InlineHazard {
  offset: number;
  kind: 'brackets' | 'emphasis';
}

/**
 * Inline constructs whose parsing cost grows with nesting: brackets (links,
 * directive labels) nested deeper than `maxNesting`, and more than
 * `maxEmphasisRuns` runs of `*`/`_` in one block (blocks end at blank lines).
 */
export function findInlineHazard(text: string, maxNesting: number = LIMITS.maxNesting, maxEmphasisRuns: number = LIMITS.maxEmphasisRuns): InlineHazard | null {
  let depth = 0;
  let runs = 0;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (!lineHasText) {
        depth = 0;
        runs = 0;
      }
      lineHasText = false;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) lineHasText = true;
    if (c === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (c === 0x5b /* [ */ && ++depth > maxNesting) return { offset: i, kind: 'brackets' };
    else if (c === 0x5d /* ] */ && depth > 0) depth--;
    else if (c === 0x2a || c === 0x5f) {
      if (++runs > maxEmphasisRuns) return { offset: i, kind: 'emphasis' };
      while (text.charCodeAt(i + 1) === c) i++;
    }
  }
  return null;
}

/**
 * Count, without parsing, the lines that open a block: a non-blank line after
 * a blank one (or first in the file), or one that starts with a list, quote,
 * heading or directive marker. Every paragraph and list item opens a block, so
 * a file with more block openings than `LIMITS.maxParagraphs` is refused before
 * the parser spends memory on it (a 2 MiB file of `a\n\n` holds 700,000
 * paragraphs, enough to exhaust the heap). Stops counting once over `max`.
 */
export function countBlockOpenings(text: string, max: number = LIMITS.maxParagraphs): number {
  let count = 0;
  let previousBlank = true;
  let start = 0;
  const n = text.length;
  while (start < n && count <= max) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let i = start;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    const blank = i >= end || (i === end - 1 && text.charCodeAt(i) === 0x0d);
    if (!blank) {
      const c = text.charCodeAt(i);
      const marker = c === 0x2d || c === 0x2a || c === 0x2b || c === 0x3e || c === 0x23 || c === 0x3a || (c >= 0x30 && c <= 0x39 && /^\d{1,9}[.)](?:[ \t]|$)/.test(text.slice(i, i + 11)));
      if (previousBlank || marker) count++;
    }
    previousBlank = blank;
    start = end + 1;
  }
  return count;
}

/** Characters that can open a Markdown or directive token (`|` a table cell), and line breaks. */
const MARKUP = new Set([0x0a, 0x60, 0x3c, 0x26, 0x5c, 0x3a, 0x2a, 0x5f, 0x5b, 0x5d, 0x21, 0x7b, 0x7d, 0x23, 0x3d, 0x7c]);

/**
 * Count line breaks and markup characters (`` ` < & \ : * _ [ ] ! { } # = | ``),
 * stopping once over `max`. The parser's time and memory grow with this
 * count, not with the bytes: 2 MiB of `a\n` or of `:a ` costs gigabytes, while
 * 2 MiB of Chinese text parses in a second.
 */
export function countMarkup(text: string, max: number = LIMITS.maxMarkup): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= max; i++) if (MARKUP.has(text.charCodeAt(i))) count++;
  return count;
}
