/**
 * Inline runs (IR `Span[]`) → pdfmake text nodes, with Chinese line breaking.
 *
 * pdfmake splits text with the Unicode line-breaking algorithm, which already
 * breaks between ideographs but also allows a few breaks that Chinese
 * typesetting forbids. The kinsoku rules (`breakUnits`) decide where a line
 * may break; a unit that pdfmake would still split is handed over as its own
 * `noWrap` node. No invisible characters are inserted, so copied text is
 * exactly the source text.
 */
import { createRequire } from 'node:module';
import type { Content } from 'pdfmake/interfaces.js';
import type { Inline, Lang } from '../../ir/types.js';
import { breakUnits } from '../../text/kinsoku.js';
import { hasCjk } from '../../text/unicode.js';
import { missingChars } from './fonts.js';

type TextNode = Exclude<Content, string | Content[]> & { text: unknown };
export type InlineNode = { text: string } & Record<string, unknown>;

interface LineBreakerCtor {
  new (text: string): { nextBreak(): { position: number; required: boolean } | null };
}
const require = createRequire(import.meta.url);
// The same line breaker pdfmake uses (its own dependency), so both agree on break positions.
const LineBreaker = createRequire(require.resolve('pdfmake'))('linebreak') as LineBreakerCtor;

/** A character the fonts cannot draw: the build stops instead of printing tofu. */
export class MissingGlyphError extends Error {
  constructor(
    readonly chars: string[],
    readonly context: string,
  ) {
    const list = chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    super(`the PDF font cannot draw ${list} in: ${context.slice(0, 80)}`);
    this.name = 'MissingGlyphError';
  }
}

/** Offsets (UTF-16) where pdfmake's line breaker allows a break inside `text`. */
export function lineBreakerBreaks(text: string): Set<number> {
  const breaker = new LineBreaker(text);
  const out = new Set<number>();
  let bk;
  while ((bk = breaker.nextBreak())) if (bk.position < text.length) out.add(bk.position);
  return out;
}

/**
 * Split a run of text into pdfmake pieces so that lines break only where the
 * kinsoku rules allow: plain pieces, and `noWrap` pieces for units the line
 * breaker would otherwise split. Joining the pieces gives back the text.
 */
export function segment(text: string): { text: string; noWrap?: true }[] {
  return splitLongRuns(segmentKinsoku(text));
}

/** Longest run without a break opportunity that is printed as one piece. */
export const MAX_UNBROKEN_RUN = 32;

/**
 * pdfmake cannot break a word wider than the line: it runs off the page. A
 * run longer than `MAX_UNBROKEN_RUN` between break opportunities (a pasted
 * URL, a hash, a hostile 5,000-character token) is cut into pieces, between
 * which pdfmake may break. No character is inserted.
 */
export function splitLongRuns(pieces: { text: string; noWrap?: true }[]): { text: string; noWrap?: true }[] {
  const out: { text: string; noWrap?: true }[] = [];
  for (const piece of pieces) {
    if (piece.text.length <= MAX_UNBROKEN_RUN) {
      out.push(piece);
      continue;
    }
    const breaks = piece.noWrap ? new Set<number>() : lineBreakerBreaks(piece.text);
    let start = 0;
    let offset = 0;
    let run = 0;
    for (const ch of piece.text) {
      if (breaks.has(offset)) run = 0;
      if (run >= MAX_UNBROKEN_RUN) {
        out.push({ text: piece.text.slice(start, offset) });
        start = offset;
        run = 0;
      }
      offset += ch.length;
      run++;
    }
    out.push({ text: piece.text.slice(start) });
  }
  return out;
}

function segmentKinsoku(text: string): { text: string; noWrap?: true }[] {
  if (!hasCjk(text)) return [{ text }];
  const breaks = lineBreakerBreaks(text);
  const pieces: { text: string; noWrap?: true }[] = [];
  let plain = '';
  let pos = 0;
  for (const unit of breakUnits(text)) {
    const start = pos;
    pos += unit.length;
    let inner = false;
    for (let i = start + 1; i < pos && !inner; i++) inner = breaks.has(i);
    if (inner) {
      if (plain) pieces.push({ text: plain });
      plain = '';
      pieces.push({ text: unit, noWrap: true });
    } else {
      plain += unit;
    }
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}

/**
 * Text as printed: exactly the Doc's text (normalisation is the model's
 * work), once every character is known to be drawable.
 */
export function printable(text: string): string {
  const missing = missingChars(text);
  if (missing.length > 0) throw new MissingGlyphError(missing, text);
  return text;
}

/** Punctuation that Noto Sans SC draws full-width unless asked for proportional widths. */
const PROPORTIONAL_IN_EN = /[\u2018\u2019\u201C\u201D\u2014\u2026\u00B7]/u;

/** IR inline runs → an array of pdfmake inline text nodes. */
export function inlineNodes(spans: Inline | undefined, lang: Lang): InlineNode[] {
  const nodes: InlineNode[] = [];
  for (const span of spans ?? []) {
    const style: Record<string, unknown> = {};
    if (span.strong) style.bold = true;
    if (span.em) style.italics = true;
    if (span.code) style.color = '#3b4652';
    if (span.href) {
      style.link = span.href;
      style.decoration = 'underline';
    }
    const text = printable(span.text);
    // In English, quotes, dashes and ellipses take their proportional (Latin)
    // widths; the CJK face draws them full-width by default.
    if (lang === 'en' && PROPORTIONAL_IN_EN.test(text)) style.fontFeatures = ['pwid'];
    for (const piece of segment(text)) nodes.push({ ...piece, ...style });
  }
  return nodes;
}

/** Plain text of inline runs as printed (for outlines and metadata). */
export function plainText(spans: Inline | undefined): string {
  return (spans ?? []).map((s) => printable(s.text)).join('');
}

export type { TextNode };
