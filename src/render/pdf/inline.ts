/**
 * Inline runs (IR `Span[]`) → pdfmake text nodes, each in the face of its
 * script, with Chinese line breaking.
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
import type { Inline, Lang, Span } from '../../ir/types.js';
import { breakUnits } from '../../text/kinsoku.js';
import { hasCjk, isCjk } from '../../text/unicode.js';
import { CJK_FAMILY, LATIN_FAMILY, hasGlyph, lineHeight, missingChars, parsedFace, type Face, type Family } from './fonts.js';

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
 * Characters of each piece a run longer than `MAX_UNBROKEN_RUN` is cut into.
 * pdfmake sizes a row's star columns by the widest piece of their text (its
 * minimum width): when two such pieces no longer fit side by side, it gives
 * each column that width and the row runs off the page. A piece of 8
 * characters is at most 8 em wide (≈ 85 pt in A4 body text, 176 pt at the
 * largest slide body size), less than any column shares a row with.
 */
export const LONG_RUN_PIECE = 8;

/**
 * pdfmake cannot break a word wider than the line: it runs off the page. A
 * run longer than `MAX_UNBROKEN_RUN` between break opportunities (a pasted
 * URL, a hash, a hostile 5,000-character token) is cut into pieces of
 * `LONG_RUN_PIECE` characters, between which pdfmake may break (and, inside
 * a line, sets them one after the other like the run). No character is inserted.
 */
export function splitLongRuns(pieces: { text: string; noWrap?: true }[]): { text: string; noWrap?: true }[] {
  const out: { text: string; noWrap?: true }[] = [];
  for (const piece of pieces) {
    if (piece.text.length <= MAX_UNBROKEN_RUN) {
      out.push(piece);
      continue;
    }
    const breaks = piece.noWrap ? new Set<number>() : lineBreakerBreaks(piece.text);
    // Unbroken stretches longer than the limit are cut every LONG_RUN_PIECE characters.
    const stretches: [number, number][] = [];
    let from = 0;
    for (const b of [...[...breaks].sort((x, y) => x - y), piece.text.length]) {
      if (b > from) stretches.push([from, b]);
      from = b;
    }
    let start = 0;
    for (const [a, b] of stretches) {
      if ([...piece.text.slice(a, b)].length <= MAX_UNBROKEN_RUN) continue;
      let offset = a;
      let count = 0;
      for (const ch of piece.text.slice(a, b)) {
        if (count === LONG_RUN_PIECE) {
          out.push({ text: piece.text.slice(start, offset) });
          start = offset;
          count = 0;
        }
        offset += ch.length;
        count++;
      }
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
 * work), once every character is known to be drawable by one of the faces.
 */
export function printable(text: string): string {
  const missing = missingChars(text);
  if (missing.length > 0) throw new MissingGlyphError(missing, text);
  return text;
}

/**
 * Characters English text sets in the CJK face: Han, kana, Hangul, bopomofo,
 * CJK punctuation and full-width forms (`isCjk`), except the Latin
 * punctuation `isCjk` also counts (“ ” ‘ ’ — … ·), which English sets in the
 * Latin face at its proportional widths.
 */
const LATIN_IN_EN = new Set([...'\u201C\u201D\u2018\u2019\u2014\u2026\u00B7']);

/** The face a character of `lang` text is set in; whitespace follows the text around it (null). */
function familyOf(ch: string, lang: Lang, latinStyle: Face): Family | null {
  if (ch === ' ' || ch === '\n' || ch === '\t') return null;
  const cp = ch.codePointAt(0)!;
  if (lang === 'zh') return hasGlyph('sc-regular', cp) || !hasGlyph(latinStyle, cp) ? CJK_FAMILY : LATIN_FAMILY;
  if (isCjk(ch) && !LATIN_IN_EN.has(ch)) return CJK_FAMILY;
  return hasGlyph(latinStyle, cp) ? LATIN_FAMILY : CJK_FAMILY;
}

/**
 * `text` cut into runs of one face: Chinese in the CJK face (with any
 * character it lacks in the Latin face), English in the Latin face with Han
 * and CJK punctuation in the CJK face. Joining the runs gives back the text.
 */
export function scriptRuns(text: string, lang: Lang, latinStyle: Face = 'latin-regular'): { text: string; family: Family }[] {
  const runs: { text: string; family: Family }[] = [];
  const base: Family = lang === 'zh' ? CJK_FAMILY : LATIN_FAMILY;
  for (const ch of text) {
    const last = runs[runs.length - 1];
    const family = familyOf(ch, lang, latinStyle) ?? last?.family ?? base;
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}

/** Size of CJK text inside English text relative to the English (the faces' ascender ratio, ≈ 0.92). */
export function cjkInLatinScale(): number {
  return parsedFace('latin-regular').ascent / parsedFace('sc-regular').ascent;
}

/** How an inline run of a role is drawn, relative to the text around it. */
export interface RoleStyle {
  /** Font size as a share of the surrounding text's. */
  scale?: number;
  color?: string;
  bold?: boolean;
  italics?: boolean;
  sup?: boolean;
  decoration?: string;
  decorationStyle?: string;
}

/** Where a `ref` leads in this PDF: a named destination of the file, or another product's file. */
export type LinkTarget = { destination: string } | { uri: string };

export interface InlineOptions {
  /** Font size of the text the runs sit in (role sizes are relative to it). */
  size?: number;
  /** Least size of a run drawn smaller for its role. */
  minSize?: number;
  /** CSS-like line height (× font size): each run gets the pdfmake line height that gives it in its own face. */
  css?: number;
  /** Resolves a span's `ref` (see links.ts); without it, refs draw as plain text. */
  link?: (ref: NonNullable<Span['ref']>) => LinkTarget;
  /** Styles of span roles (see roles in state.ts). */
  roles?: Partial<Record<NonNullable<Span['role']>, RoleStyle>>;
  /**
   * The runs end a text whose last characters are kept together
   * (`TAIL_CHARS`), so that its last line never holds one or two characters
   * alone ("序。"): a Chinese paragraph, a table cell, a margin note
   * (`TextOptions.tail` in state.ts).
   */
  paragraph?: boolean;
}

/** Characters at the end of a Chinese paragraph kept on one line. */
export const TAIL_CHARS = 4;

/**
 * Pieces of the last run of a Chinese paragraph: as `segment` gives them,
 * except that its last kinsoku units, up to `TAIL_CHARS` characters, form one
 * `noWrap` piece. Only text without spaces is glued (an English sentence may
 * end with a short word).
 */
export function segmentWithTail(text: string): { text: string; noWrap?: true }[] {
  let tailStart = text.length;
  while (tailStart > 0 && !/\s/u.test(text[tailStart - 1]) && text.length - tailStart < 4 * MAX_UNBROKEN_RUN) tailStart--;
  if (!hasCjk(text.slice(tailStart))) return segment(text);
  const units = breakUnits(text.slice(tailStart));
  let tail = '';
  while (units.length > 1 && [...tail].length < TAIL_CHARS) tail = units.pop()! + tail;
  if (tail === '' || tail.length > MAX_UNBROKEN_RUN) return segment(text);
  const head = text.slice(0, text.length - tail.length);
  return [...segment(head), { text: tail, noWrap: true }];
}

/** IR inline runs → pdfmake inline text nodes, each in the face of its script. */
export function inlineNodes(spans: Inline | undefined, lang: Lang, opts: InlineOptions = {}): InlineNode[] {
  const nodes: InlineNode[] = [];
  const list = spans ?? [];
  list.forEach((span, index) => {
    const style: Record<string, unknown> = {};
    const role = span.role ? opts.roles?.[span.role] : undefined;
    const bold = Boolean(span.strong || role?.bold);
    const italics = Boolean(span.em || role?.italics);
    if (bold) style.bold = true;
    if (italics) style.italics = true;
    if (span.code) style.color = '#3b4652';
    if (role?.color) style.color = role.color;
    if (role?.sup) style.sup = true;
    if (role?.decoration) {
      style.decoration = role.decoration;
      if (role.decorationStyle) style.decorationStyle = role.decorationStyle;
    }
    if (role?.scale !== undefined && opts.size !== undefined) {
      style.fontSize = Math.round(Math.max(opts.size * role.scale, Math.min(opts.size, opts.minSize ?? 0)) * 100) / 100;
    }
    if (span.href) {
      style.link = span.href;
      style.decoration = 'underline';
    }
    if (span.ref && opts.link) {
      const target = opts.link(span.ref);
      if ('destination' in target) style.linkToDestination = target.destination;
      else style.link = target.uri;
    }
    const text = printable(span.text);
    const latinStyle: Face = bold ? (italics ? 'latin-boldItalic' : 'latin-bold') : italics ? 'latin-italic' : 'latin-regular';
    const runs = scriptRuns(text, lang, latinStyle);
    runs.forEach((run, r) => {
      const last = opts.paragraph && lang === 'zh' && index === list.length - 1 && r === runs.length - 1;
      // A run kept on one line (a date: `nowrap`, set by the templates) is one piece that never breaks. So is
      // a citation mark ("¶3.2–3.5" would break after its dash): one piece is one link annotation, as in HTML.
      const nowrap = span.nowrap === true || (span.role === 'cite' && [...span.text].length <= MAX_UNBROKEN_RUN);
      const pieces = nowrap ? [{ text: run.text, noWrap: true as const }] : run.family !== CJK_FAMILY ? splitLongRuns([{ text: run.text }]) : last ? segmentWithTail(run.text) : segment(run.text);
      const face: Record<string, unknown> = { font: run.family };
      if (opts.css !== undefined) face.lineHeight = lineHeight(opts.css, run.family);
      // Han inside English at the size whose ascender is the Latin face's: the line keeps its baseline and height.
      const base = (style.fontSize as number | undefined) ?? opts.size;
      if (lang === 'en' && run.family === CJK_FAMILY && base !== undefined) face.fontSize = Math.round(base * cjkInLatinScale() * 100) / 100;
      for (const piece of pieces) nodes.push({ ...piece, ...style, ...face });
    });
  });
  return nodes;
}

/** Width in points of inline runs set on one line at `size` (each script run in its face, kerned as laid out). */
export function textWidth(spans: Inline | undefined, lang: Lang, size: number, bold = false): number {
  let width = 0;
  for (const span of spans ?? []) {
    const strong = bold || Boolean(span.strong);
    const latin: Face = strong ? (span.em ? 'latin-boldItalic' : 'latin-bold') : span.em ? 'latin-italic' : 'latin-regular';
    for (const run of scriptRuns(printable(span.text), lang, latin)) {
      const face: Face = run.family === CJK_FAMILY ? (strong ? 'sc-bold' : 'sc-regular') : latin;
      const font = parsedFace(face);
      const at = lang === 'en' && run.family === CJK_FAMILY ? size * cjkInLatinScale() : size;
      const advance = (font.layout(run.text) as unknown as { positions: { xAdvance: number }[] }).positions.reduce((s, p) => s + p.xAdvance, 0);
      width += (advance / font.unitsPerEm) * at;
    }
  }
  return width;
}

/** Plain text of inline runs as printed (for outlines and metadata). */
export function plainText(spans: Inline | undefined): string {
  return (spans ?? []).map((s) => printable(s.text)).join('');
}

export type { TextNode };
