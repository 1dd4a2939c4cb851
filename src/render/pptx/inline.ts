/**
 * IR inline content → drawing runs and paragraphs. Each run is tagged with
 * its language: Chinese runs are set in the CJK face, English runs in the
 * Latin face (a character the Latin face lacks, such as Han inside English,
 * becomes a Chinese run of its own, so no office suite picks a face for it).
 * Span roles set the style (a citation small and linked, a tag small and
 * bold, a footnote reference raised); refs become slide jumps or links to the
 * article's other files (see `Ref` in the IR).
 */
import type { BiInline, Inline, Lang, Ref, Span } from '../../ir/types.js';
import { COLOR, PITCH, TYPE } from './constants.js';
import type { Link, Para, Run } from './draw.js';
import { latinHas } from './measure.js';

export interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

/** How refs resolve in this deck. */
export interface Links {
  /** A ref → a slide jump (its anchor is on a slide of this deck) or a link to the article's file. */
  ref(ref: Ref): Link | undefined;
}

/** Only web and mail links become hyperlinks. */
export function safeHref(href: string | undefined): string | undefined {
  return href && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

/** Round a size to half a point, never below `floor`. */
export function sized(size: number, floor: number): number {
  return Math.max(floor, Math.round(size * 2) / 2);
}

/** Parts of English text by face: [text, set in the Latin face], kept per text. */
const faceParts = new Map<string, [string, boolean][]>();

function partsByFace(text: string): [string, boolean][] {
  let parts = faceParts.get(text);
  if (!parts) {
    parts = [];
    let cur = '';
    let latin = true;
    for (const ch of text) {
      const l = latinHas(ch);
      if (cur !== '' && l !== latin) {
        parts.push([cur, latin]);
        cur = '';
      }
      latin = l;
      cur += ch;
    }
    if (cur !== '') parts.push([cur, latin]);
    if (faceParts.size > 20_000) faceParts.clear();
    faceParts.set(text, parts);
  }
  return parts;
}

/** Split an English run where the Latin face has no glyph (Han, CJK punctuation): those parts become Chinese runs. */
function byFace(run: Run): Run[] {
  if (run.lang !== 'en') return [run];
  const parts = partsByFace(run.text);
  if (parts.length === 1 && parts[0][1]) return [run];
  return parts.map(([text, latin]) => ({ ...run, text, lang: latin ? 'en' : 'zh' }));
}

function spanRun(s: Span, lang: Lang, style: RunStyle, links: Links | undefined): Run {
  const href = safeHref(s.href);
  const link: Link | undefined = href ? { url: href } : s.ref ? links?.ref(s.ref) : undefined;
  const small = Math.min(style.size, TYPE.small);
  const run: Run = {
    // Line breaks inside a span are spaces: paragraphs are the template's.
    text: s.text.includes('\n') || s.text.includes('\r') ? s.text.replace(/\s*[\r\n]+\s*/g, ' ') : s.text,
    lang,
    size: style.size,
    color: style.color,
    ...(style.bold || s.strong ? { bold: true } : {}),
    ...(style.italic || s.em ? { italic: true } : {}),
  };
  switch (s.role) {
    case 'cite':
      run.size = small;
      run.color = COLOR.muted;
      break;
    case 'tag':
      run.size = small;
      run.color = COLOR.accent;
      run.bold = true;
      break;
    case 'noteref':
      run.superscript = true;
      break;
    case 'term':
      run.underline = 'dotted';
      break;
    case 'mark':
      run.color = COLOR.accent;
      break;
  }
  if (link) {
    run.link = link;
    if (s.role !== 'cite') run.color = COLOR.accent;
  }
  return run;
}

/**
 * A linked run as one run per word (each with its trailing spaces). Each
 * becomes a hyperlink field of its own in LibreOffice, so lines break
 * between the words of a link as they do in text; a link without spaces
 * (a citation, "第5页") stays one run, kept whole (measure.ts).
 */
export function fieldParts(run: Run): Run[] {
  if (!run.link || run.nowrap) return [run];
  const parts = run.text.match(/\s*\S+\s*/g);
  return !parts || parts.length <= 1 ? [run] : parts.map((text) => ({ ...run, text }));
}

/** Runs of one inline sequence in one language (empty spans dropped). */
export function runs(content: Inline | undefined, lang: Lang, style: RunStyle, links?: Links): Run[] {
  return (content ?? [])
    .map((s) => spanRun(s, lang, style, links))
    .filter((r) => r.text.length > 0)
    .flatMap(byFace)
    .flatMap(fieldParts);
}

/** Plain text of inline content. */
export function plain(content: Inline | undefined): string {
  return (content ?? []).map((s) => s.text).join('');
}

export type PitchKind = keyof typeof PITCH;

/** A paragraph of runs, its line pitch from its largest run (Chinese lines a little taller than English ones). */
export function para(rs: Run[], kind: PitchKind, extra: Partial<Omit<Para, 'runs' | 'lineHeight'>> = {}): Para {
  const pitch = rs.reduce((m, r) => Math.max(m, r.size * PITCH[kind][r.lang]), 0);
  return { runs: rs, lineHeight: Math.round(pitch * 100) / 100, ...extra };
}

export interface BiStyle {
  zh: RunStyle;
  en: RunStyle;
  kind: PitchKind;
  /** Space between the Chinese and the English paragraph. */
  gap?: number;
  align?: Para['align'];
}

/** Chinese paragraph then English paragraph (either may be absent). */
export function biParas(text: BiInline | undefined, style: BiStyle, links?: Links): Para[] {
  const out: Para[] = [];
  const zh = runs(text?.zh, 'zh', style.zh, links);
  const en = runs(text?.en, 'en', style.en, links);
  const align = style.align ? { align: style.align } : {};
  if (zh.length > 0) out.push(para(zh, style.kind, { ...align, ...(en.length > 0 && style.gap ? { spaceAfter: style.gap } : {}) }));
  if (en.length > 0) out.push(para(en, style.kind, align));
  return out;
}

/** Chinese then English runs on one line, `sep` between them (labels, tags). */
export function biLine(text: BiInline | undefined, style: RunStyle, sep: string, links?: Links): Run[] {
  const zh = runs(text?.zh, 'zh', style, links);
  const en = runs(text?.en, 'en', style, links);
  if (zh.length === 0 || en.length === 0) return [...zh, ...en];
  // The same words in both languages (an acronym, an outlet) are shown once.
  if (plain(text?.zh) === plain(text?.en)) return zh;
  return [...zh, { ...en[0], text: sep, link: undefined }, ...en];
}
