/**
 * Inline content → the pieces of a Word paragraph. A piece says what a run
 * holds and how it is set (language, character style, bold); `toChildren`
 * makes the docx runs, and `boldText` reads from the same pieces which text
 * Word draws in the bold face, so the bold subset comes from what the
 * backend set, not from reading its XML back.
 *
 * Every run names its fonts (Latin face for ascii/hAnsi, the CJK face for
 * eastAsia) and its languages (en-US for Latin, zh-CN for East Asian text)
 * explicitly, and Chinese runs carry the eastAsia font hint so shared
 * punctuation (“ ” · —) is drawn from the CJK face.
 */
import { ExternalHyperlink, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { BiInline, Inline, Lang, Span } from '../../ir/types.js';
import { C, CITE_MARK, LANGUAGE, LATIN_PUNCTUATION, LATIN_PUNCTUATION_FONT, MONO_FONT } from './constants.js';
import { FONTS } from './styles.js';

export interface RunOptions {
  /** Character style id. */
  style?: string;
  bold?: boolean;
}

/** A run of text before it becomes a docx TextRun. */
export interface TextPiece extends RunOptions {
  kind: 'text';
  text: string;
  lang: Lang;
  /** The span it comes from (strong, em, code). */
  span?: Span;
  /** Curly quotes, dashes, ellipses in English, set in a Latin face (see LATIN_PUNCTUATION). */
  latinPunctuation?: boolean;
}

/** A hyperlink around runs: external (`https://…`) or to a bookmark (`#id`). */
export interface LinkPiece {
  kind: 'link';
  href: string;
  runs: TextPiece[];
}

/** Something else a paragraph holds (a check box, a page-number field): no text of the document's. */
export interface RawPiece {
  kind: 'raw';
  child: ParagraphChild;
}

export type Piece = TextPiece | LinkPiece | RawPiece;

/** Fonts of one run in a given language. */
export function runFonts(lang: Lang, code = false) {
  const base = code ? { ...FONTS, ascii: MONO_FONT, hAnsi: MONO_FONT } : FONTS;
  return lang === 'zh' ? { ...base, hint: 'eastAsia' } : base;
}

/** One plain run of text in a language. */
export function textRun(text: string, lang: Lang, opts: RunOptions & { span?: Span } = {}): TextPiece {
  return { kind: 'text', text, lang, ...opts };
}

/** A piece that is not text of the document (a field, a check box). */
export function raw(child: ParagraphChild): RawPiece {
  return { kind: 'raw', child };
}

/** Runs of one span: English text is split so curly quotes get a Latin face (see LATIN_PUNCTUATION). */
export function spanRuns(text: string, lang: Lang, opts: RunOptions & { span?: Span } = {}): TextPiece[] {
  if (lang !== 'en' || opts.span?.code || !LATIN_PUNCTUATION.test(text)) return [textRun(text, lang, opts)];
  return text
    .split(LATIN_PUNCTUATION)
    .filter((piece) => piece !== '')
    .map((piece) => ({ ...textRun(piece, lang, opts), ...(LATIN_PUNCTUATION.test(piece) ? { latinPunctuation: true } : {}) }));
}

/** Runs of inline content; links become Word hyperlinks (external or to a bookmark). */
export function inlineRuns(inline: Inline | undefined, lang: Lang, opts: RunOptions = {}): Piece[] {
  const out: Piece[] = [];
  for (const span of inline ?? []) {
    if (span.text === '') continue;
    if (span.href) out.push({ kind: 'link', href: span.href, runs: spanRuns(span.text, lang, { ...opts, style: C.hyperlink, span }) });
    else out.push(...spanRuns(span.text, lang, { ...opts, span }));
  }
  return out;
}

/** Plain text of inline content. */
export function plain(inline: Inline | undefined): string {
  return (inline ?? []).map((s) => s.text).join('');
}

/** Both languages on one line: Chinese, a space, English in the English character style. */
export function biRuns(text: BiInline, opts: RunOptions = {}, sep = ' '): Piece[] {
  const zh = inlineRuns(text.zh, 'zh', opts);
  const en = inlineRuns(text.en, 'en', { ...opts, style: opts.style ?? C.en });
  if (zh.length && en.length) return [...zh, textRun(sep, 'en', opts), ...en];
  return [...zh, ...en];
}

/** ` ¶ a, b` after a block's text; nothing when there are no citations. */
export function citeRuns(cites: readonly string[]): Piece[] {
  if (cites.length === 0) return [];
  return [textRun(`  ${CITE_MARK} ${cites.join(', ')}`, 'en', { style: C.cite })];
}

function docxRun(p: TextPiece): TextRun {
  const span = p.span;
  return new TextRun({
    text: p.text,
    ...(p.style ? { style: p.style } : {}),
    ...(p.bold || span?.strong ? { bold: true } : {}),
    ...(span?.em ? { italics: true } : {}),
    font: p.latinPunctuation ? { ...FONTS, ascii: LATIN_PUNCTUATION_FONT, hAnsi: LATIN_PUNCTUATION_FONT } : runFonts(p.lang, span?.code),
    language: LANGUAGE,
  });
}

/** The docx children of a paragraph's pieces. */
export function toChildren(pieces: readonly Piece[]): ParagraphChild[] {
  return pieces.map((p) => {
    if (p.kind === 'raw') return p.child;
    if (p.kind === 'text') return docxRun(p);
    const children = p.runs.map(docxRun);
    return p.href.startsWith('#') ? new InternalHyperlink({ anchor: p.href.slice(1), children }) : new ExternalHyperlink({ link: p.href, children });
  });
}

/**
 * The text of `pieces` that Word draws bold in a paragraph whose style is
 * bold (`paragraphBold`) or not: a run is bold when it says so, its span is
 * strong, its character style is bold (`boldStyle`) or its paragraph's is.
 */
export function boldText(pieces: readonly Piece[], paragraphBold: boolean, boldStyle: (id: string) => boolean): string {
  const bold = (p: TextPiece) => paragraphBold || p.bold === true || p.span?.strong === true || (p.style !== undefined && boldStyle(p.style));
  return pieces
    .flatMap((p) => (p.kind === 'text' ? [p] : p.kind === 'link' ? p.runs : []))
    .filter(bold)
    .map((p) => p.text)
    .join('');
}
