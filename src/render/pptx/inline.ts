/**
 * IR inline content → drawing runs and paragraphs. Each run is tagged with
 * its language: Chinese runs are set in the CJK face, English runs in the
 * Latin face (a character the Latin face lacks, such as Han inside English,
 * becomes a Chinese run of its own, so no office suite picks a face for it).
 * Span roles set the style (a citation small and linked, a tag small and
 * bold, a footnote reference raised, the title of a work in italics); refs
 * become slide jumps or links to the article's other files (see `Ref` in the
 * IR). A `nowrap` run keeps its spaces unbreakable. A linked run is cut into
 * one run per word: LibreOffice sets each hyperlink as one field, which it
 * never breaks, so a long linked title would otherwise move to a line of its
 * own and overflow its box.
 */
import type { BiInline, Inline, Lang, Ref, Span } from '../../ir/types.js';
import { slideSpec } from '../../theme/theme.js';
import { COLOR } from './constants.js';
import type { Link, Para, Run } from './draw.js';
import { latinHas } from './measure.js';

export interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  /** Background of the run's text (bare hex). */
  highlight?: string;
  /** Size of citations and tags inside the text (the slide's small size). */
  small?: number;
}

/** The small size of normal slides, for runs styled without one. */
const SMALL = slideSpec.body.normal.small;

/** How refs resolve in this deck. */
export interface Links {
  /** A ref → a slide jump (its anchor is on a slide of this deck) or a link to the article's file. */
  ref(ref: Ref): Link | undefined;
}

/** Only web and mail links become hyperlinks. */
export function safeHref(href: string | undefined): string | undefined {
  return href && /^(https?:|mailto:)/i.test(href) ? href : undefined;
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

/** A no-break space: the spaces of a run kept on one line. */
const NBSP = '\u00A0';

function spanRun(s: Span, lang: Lang, style: RunStyle, links: Links | undefined): Run {
  const href = safeHref(s.href);
  const link: Link | undefined = href ? { url: href } : s.ref ? links?.ref(s.ref) : undefined;
  const small = Math.min(style.size, style.small ?? SMALL);
  // Line breaks inside a span are spaces: paragraphs are the template's.
  const text = s.text.includes('\n') || s.text.includes('\r') ? s.text.replace(/\s*[\r\n]+\s*/g, ' ') : s.text;
  const run: Run = {
    text: s.nowrap ? text.replace(/ /g, NBSP) : text,
    lang,
    size: style.size,
    color: style.color,
    ...(style.bold || s.strong ? { bold: true } : {}),
    ...(style.italic || s.em ? { italic: true } : {}),
    ...(style.highlight ? { highlight: style.highlight } : {}),
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
    case 'title':
      run.italic = true;
      break;
  }
  if (s.nowrap) run.nowrap = true;
  if (link) {
    run.link = link;
    if (s.role !== 'cite') run.color = COLOR.accent;
  }
  return run;
}

/**
 * A linked run as one run per word: cut after each space, slash and hyphen.
 * Each becomes a hyperlink field of its own in LibreOffice, which never
 * breaks inside a field (and sets the lines of one it must cut, a word wider
 * than its box, closer than their pitch): lines break between the words of a
 * link as they do in text. A link without such a place (a citation, "第5页")
 * stays one run, kept whole (measure.ts).
 */
export function fieldParts(run: Run): Run[] {
  if (!run.link || run.nowrap) return [run];
  const parts: string[] = [];
  let cur = '';
  for (const ch of run.text) {
    const last = cur.at(-1);
    if (last !== undefined && /[\s/-]/.test(last) && !/[\s/-]/.test(ch)) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur !== '') parts.push(cur);
  return parts.length <= 1 ? [run] : parts.map((text) => ({ ...run, text }));
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

/** A paragraph of runs with a fixed line pitch (points; rounded to a hundredth, as the file stores it). */
export function para(rs: Run[], pitch: number, extra: Partial<Omit<Para, 'runs' | 'lineHeight'>> = {}): Para {
  return { runs: rs, lineHeight: Math.round(pitch * 100) / 100, ...extra };
}

/** The style of one language of a bilingual text: its runs' style and its line pitch in ems. */
export interface LangStyle extends RunStyle {
  line: number;
}

export interface BiStyle {
  zh: LangStyle;
  en: LangStyle;
  /** Space between the Chinese and the English paragraph. */
  gap?: number;
  align?: Para['align'];
  /** A label before the text of each language (`PairBlock.tags`, `ListItem.tags`). */
  tags?: BiInline;
}

/**
 * A tag before text: its words small, bold and accented on a tinted box (a
 * highlight), kept on one line, then an en space. An English tag is padded
 * by a no-break space on each side inside its box; a Chinese one is not
 * (LibreOffice puts its Han–Latin space between a pad and the tag, outside
 * the box, which shows as a sliver). Box and space take less than the
 * `tagPad` points the slide geometry leaves for them (`slideSpec.body.tagPad`).
 */
export function tagRuns(tag: Inline | undefined, lang: Lang, small: number, links?: Links): Run[] {
  const style = { size: small, color: COLOR.accent, bold: true, highlight: COLOR.accentSoft };
  const words = runs(tag, lang, { ...style, small }, links).map((r) => ({ ...r, ...style, text: r.text.replace(/ /g, NBSP), nowrap: true }));
  if (words.length === 0) return [];
  if (lang === 'en') {
    // The padding inside the tag's own runs.
    words[0] = { ...words[0], text: NBSP + words[0].text };
    words[words.length - 1] = { ...words[words.length - 1], text: words[words.length - 1].text + NBSP };
  }
  return [...words, { text: '\u2002', lang, size: small, color: COLOR.accent }];
}

/** Chinese paragraph then English paragraph (either may be absent), each led by its tag. */
export function biParas(text: BiInline | undefined, style: BiStyle, links?: Links): Para[] {
  const out: Para[] = [];
  const lead = (lang: Lang) => tagRuns(style.tags?.[lang], lang, style[lang].small ?? SMALL, links);
  const zhText = runs(text?.zh, 'zh', style.zh, links);
  const enText = runs(text?.en, 'en', style.en, links);
  const zh = zhText.length > 0 ? [...lead('zh'), ...zhText] : [];
  const en = enText.length > 0 ? [...lead('en'), ...enText] : [];
  const align = style.align ? { align: style.align } : {};
  if (zh.length > 0) out.push(para(zh, style.zh.size * style.zh.line, { ...align, ...(en.length > 0 && style.gap ? { spaceAfter: style.gap } : {}) }));
  if (en.length > 0) out.push(para(en, style.en.size * style.en.line, align));
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
