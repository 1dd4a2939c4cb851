/**
 * Inline content → Word runs. Every run names its fonts (Latin face for
 * ascii/hAnsi, the CJK face for eastAsia) and its languages (en-US for Latin,
 * zh-CN for East Asian text) explicitly, and Chinese runs carry the eastAsia
 * font hint so shared punctuation (“ ” · —) is drawn from the CJK face.
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

/** Fonts of one run in a given language. */
export function runFonts(lang: Lang, code = false) {
  const base = code ? { ...FONTS, ascii: MONO_FONT, hAnsi: MONO_FONT } : FONTS;
  return lang === 'zh' ? { ...base, hint: 'eastAsia' } : base;
}

/** One plain run of text in a language. */
export function textRun(text: string, lang: Lang, opts: RunOptions & { span?: Span } = {}): TextRun {
  const span = opts.span;
  return new TextRun({
    text,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.bold || span?.strong ? { bold: true } : {}),
    ...(span?.em ? { italics: true } : {}),
    font: runFonts(lang, span?.code),
    language: LANGUAGE,
  });
}

/** Runs of one span: English text is split so curly quotes get a Latin face (see LATIN_PUNCTUATION). */
export function spanRuns(text: string, lang: Lang, opts: RunOptions & { span?: Span } = {}): TextRun[] {
  if (lang !== 'en' || opts.span?.code || !LATIN_PUNCTUATION.test(text)) return [textRun(text, lang, opts)];
  return text
    .split(LATIN_PUNCTUATION)
    .filter((piece) => piece !== '')
    .map((piece) => {
      if (!LATIN_PUNCTUATION.test(piece)) return textRun(piece, lang, opts);
      const span = opts.span;
      return new TextRun({
        text: piece,
        ...(opts.style ? { style: opts.style } : {}),
        ...(opts.bold || span?.strong ? { bold: true } : {}),
        ...(span?.em ? { italics: true } : {}),
        font: { ...FONTS, ascii: LATIN_PUNCTUATION_FONT, hAnsi: LATIN_PUNCTUATION_FONT },
        language: LANGUAGE,
      });
    });
}

/** Runs of inline content; links become Word hyperlinks (external or to a bookmark). */
export function inlineRuns(inline: Inline | undefined, lang: Lang, opts: RunOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const span of inline ?? []) {
    if (span.text === '') continue;
    if (span.href) {
      const children = spanRuns(span.text, lang, { ...opts, style: C.hyperlink, span });
      out.push(
        span.href.startsWith('#')
          ? new InternalHyperlink({ anchor: span.href.slice(1), children })
          : new ExternalHyperlink({ link: span.href, children }),
      );
    } else {
      out.push(...spanRuns(span.text, lang, { ...opts, span }));
    }
  }
  return out;
}

/** Plain text of inline content. */
export function plain(inline: Inline | undefined): string {
  return (inline ?? []).map((s) => s.text).join('');
}

/** Both languages on one line: Chinese, a space, English in the English character style. */
export function biRuns(text: BiInline, opts: RunOptions = {}, sep = ' '): ParagraphChild[] {
  const zh = inlineRuns(text.zh, 'zh', opts);
  const en = inlineRuns(text.en, 'en', { ...opts, style: opts.style ?? C.en });
  if (zh.length && en.length) return [...zh, textRun(sep, 'en', opts), ...en];
  return [...zh, ...en];
}

/** ` ¶ a, b` after a block's text; nothing when there are no citations. */
export function citeRuns(cites: readonly string[]): ParagraphChild[] {
  if (cites.length === 0) return [];
  return [textRun(`  ${CITE_MARK} ${cites.join(', ')}`, 'en', { style: C.cite })];
}
