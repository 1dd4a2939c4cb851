/**
 * Inline content → the pieces of a Word paragraph. A piece says what a run
 * holds and how it is set (language, character style, bold, italic);
 * `toChildren` makes the docx runs, and `styledText` reads from the same
 * pieces which text Word draws bold or italic, so each face's subset comes
 * from what the backend set, not from reading its XML back.
 *
 * Every run names its fonts (the Latin face for ascii/hAnsi, the CJK face for
 * eastAsia) and its languages (en-US for Latin, zh-CN for East Asian text)
 * explicitly. Chinese runs carry the eastAsia font hint so shared punctuation
 * (“ ” · —) is drawn from the CJK face; in English runs that punctuation is a
 * run of its own set in the Latin face in every slot (see LATIN_PUNCTUATION).
 *
 * Links: `href` → an external hyperlink; `ref` → an internal hyperlink to a
 * bookmark of this file when it holds the anchor (`local`, or the same
 * product), else an external one to `<product>.docx#<bookmark>`.
 */
import { ExternalHyperlink, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { BiInline, DocProduct, Inline, Lang, Ref, Span } from '../../ir/types.js';
import { C, CJK_FONT, LANGUAGE, LATIN_FACE, LATIN_PUNCTUATION, MONO_FONT, bookmarkName } from './constants.js';
import { FONTS } from './styles.js';

/** What a Doc's links resolve against: its product and every anchor it holds. */
export interface LinkContext {
  product: DocProduct;
  anchors: ReadonlySet<string>;
}

export interface RunOptions {
  /** Character style id. */
  style?: string;
  bold?: boolean;
  /** Resolves `ref` spans; without it they are plain text. */
  links?: LinkContext;
}

/** A run of text before it becomes a docx TextRun. */
export interface TextPiece {
  kind: 'text';
  text: string;
  lang: Lang;
  style?: string;
  bold?: boolean;
  /** The span it comes from (strong, em, code, role). */
  span?: Span;
  /** Punctuation of an English run set in the Latin face in every slot (see LATIN_PUNCTUATION). */
  latinPunctuation?: boolean;
  /** A symbol only the CJK face has (the timeline's ●), set in it in every slot. */
  cjkSymbol?: boolean;
}

/** A hyperlink around runs: external (`href`) or to a bookmark of this file (`anchor`, a bookmark name). */
export interface LinkPiece {
  kind: 'link';
  href?: string;
  anchor?: string;
  runs: TextPiece[];
}

/** Something else a paragraph holds (a check box, a field, a bookmark, a comment mark): no text of the document's. */
export interface RawPiece {
  kind: 'raw';
  child: ParagraphChild;
}

export type Piece = TextPiece | LinkPiece | RawPiece;

/** Character style of a span's role. */
const ROLE_STYLE: Record<NonNullable<Span['role']>, string> = {
  cite: C.roleCite,
  noteref: C.roleNoteref,
  term: C.roleTerm,
  mark: C.roleMark,
  tag: C.roleTag,
  title: C.roleTitle,
};

/** Fonts of one run in a given language. */
export function runFonts(lang: Lang, code = false) {
  const base = code ? { ...FONTS, ascii: MONO_FONT, hAnsi: MONO_FONT } : FONTS;
  return lang === 'zh' ? { ...base, hint: 'eastAsia' } : base;
}

/** One plain run of text in a language. */
export function textRun(text: string, lang: Lang, opts: Pick<RunOptions, 'style' | 'bold'> & { span?: Span } = {}): TextPiece {
  return { kind: 'text', text, lang, ...(opts.style ? { style: opts.style } : {}), ...(opts.bold ? { bold: true } : {}), ...(opts.span ? { span: opts.span } : {}) };
}

/** A piece that is not text of the document (a field, a check box, a bookmark). */
export function raw(child: ParagraphChild): RawPiece {
  return { kind: 'raw', child };
}

/** Runs of one span: English text is split so its shared punctuation gets the Latin face (see LATIN_PUNCTUATION). */
export function spanRuns(text: string, lang: Lang, opts: Pick<RunOptions, 'style' | 'bold'> & { span?: Span } = {}): TextPiece[] {
  if (lang !== 'en' || opts.span?.code || !LATIN_PUNCTUATION.test(text)) return [textRun(text, lang, opts)];
  return text
    .split(LATIN_PUNCTUATION)
    .filter((piece) => piece !== '')
    .map((piece) => ({ ...textRun(piece, lang, opts), ...(LATIN_PUNCTUATION.test(piece) ? { latinPunctuation: true } : {}) }));
}

/** Where a `Ref` leads from a Doc: a bookmark of this file, or another product's file at the bookmark. */
export function refTarget(ref: Ref, links: LinkContext): { anchor: string } | { href: string } {
  if (ref.local && links.anchors.has(ref.local)) return { anchor: bookmarkName(ref.local) };
  if (ref.product === links.product) return { anchor: bookmarkName(ref.anchor) };
  const ext = ref.product === 'index' ? 'html' : 'docx';
  return { href: `${ref.product}.${ext}#${ref.product === 'index' ? ref.anchor : bookmarkName(ref.anchor)}` };
}

/**
 * Text that Word and LibreOffice do not break (a `nowrap` run: a timeline's
 * date): spaces as no-break spaces, hyphens as non-breaking hyphens. Han has
 * no such form: the template leaves room for such a run on one line (the
 * timeline's date column is as wide as its widest date).
 */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00A0').replace(/-/g, '\u2011');
}

/** Runs of inline content; links become Word hyperlinks (external, or to a bookmark), roles character styles. */
export function inlineRuns(inline: Inline | undefined, lang: Lang, opts: RunOptions = {}): Piece[] {
  const out: Piece[] = [];
  for (const span of inline ?? []) {
    if (span.text === '') continue;
    const style = span.role ? ROLE_STYLE[span.role] : span.code ? C.code : opts.style;
    const runs = spanRuns(span.nowrap ? unbreakable(span.text) : span.text, lang, { style: span.href || span.ref ? (span.role ? style : C.hyperlink) : style, bold: opts.bold, span });
    if (span.ref && opts.links) out.push({ kind: 'link', ...refTarget(span.ref, opts.links), runs });
    else if (span.href) out.push({ kind: 'link', href: span.href, runs });
    else out.push(...runs);
  }
  return out;
}

/** Plain text of inline content. */
export function plain(inline: Inline | undefined): string {
  return (inline ?? []).map((s) => s.text).join('');
}

/** True when inline content has some text. */
export const hasText = (inline: Inline | undefined): boolean => (inline ?? []).some((s) => s.text !== '');

/** Both languages on one line: Chinese, a space, English in the English character style. */
export function biRuns(text: BiInline, opts: RunOptions = {}, sep = ' '): Piece[] {
  const zh = inlineRuns(text.zh, 'zh', opts);
  const en = inlineRuns(text.en, 'en', { ...opts, style: opts.style ?? C.en });
  if (zh.length && en.length) return [...zh, textRun(sep, 'en', opts), ...en];
  return [...zh, ...en];
}

/** The language attributes of a run: English punctuation runs say English for East Asian text too. */
const PUNCTUATION_LANGUAGE = { value: LANGUAGE.value, eastAsia: LANGUAGE.value } as const;
const LATIN_EVERYWHERE = { ascii: LATIN_FACE, hAnsi: LATIN_FACE, cs: LATIN_FACE, eastAsia: LATIN_FACE } as const;
const CJK_EVERYWHERE = { ascii: CJK_FONT, hAnsi: CJK_FONT, cs: CJK_FONT, eastAsia: CJK_FONT, hint: 'eastAsia' } as const;

function docxRun(p: TextPiece): TextRun {
  const span = p.span;
  return new TextRun({
    text: p.text,
    ...(p.style ? { style: p.style } : {}),
    ...(p.bold || span?.strong ? { bold: true } : {}),
    ...(span?.em ? { italics: true } : {}),
    font: p.latinPunctuation ? LATIN_EVERYWHERE : p.cjkSymbol ? CJK_EVERYWHERE : runFonts(p.lang, span?.code),
    language: p.latinPunctuation ? PUNCTUATION_LANGUAGE : LANGUAGE,
  });
}

/** The docx children of a paragraph's pieces. */
export function toChildren(pieces: readonly Piece[]): ParagraphChild[] {
  return pieces.map((p) => {
    if (p.kind === 'raw') return p.child;
    if (p.kind === 'text') return docxRun(p);
    const children = p.runs.map(docxRun);
    return p.anchor !== undefined ? new InternalHyperlink({ anchor: p.anchor, children }) : new ExternalHyperlink({ link: p.href!, children });
  });
}

/** Text pieces of a paragraph, links opened. */
const textPieces = (pieces: readonly Piece[]): TextPiece[] => pieces.flatMap((p) => (p.kind === 'text' ? [p] : p.kind === 'link' ? p.runs : []));

/**
 * The text of `pieces` that Word draws bold in a paragraph whose style is
 * bold (`paragraphBold`) or not: a run is bold when it says so, its span is
 * strong, its character style is bold (`boldStyle`) or its paragraph's is.
 */
export function boldText(pieces: readonly Piece[], paragraphBold: boolean, boldStyle: (id: string) => boolean): string {
  return styledText(pieces, paragraphBold, boldStyle).bold;
}

/**
 * The text of `pieces` Word draws bold, italic, and bold italic (see
 * `boldText`): italic when its span is emphasis or its character style is
 * italic (`italicStyle`: a work's title).
 */
export function styledText(pieces: readonly Piece[], paragraphBold: boolean, boldStyle: (id: string) => boolean, italicStyle: (id: string) => boolean = () => false): { bold: string; italic: string; boldItalic: string } {
  const out = { bold: '', italic: '', boldItalic: '' };
  for (const p of textPieces(pieces)) {
    const bold = paragraphBold || p.bold === true || p.span?.strong === true || (p.style !== undefined && boldStyle(p.style));
    const italic = p.span?.em === true || (p.style !== undefined && italicStyle(p.style));
    if (bold) out.bold += p.text;
    if (italic && !bold) out.italic += p.text;
    if (italic && bold) out.boldItalic += p.text;
  }
  return out;
}
