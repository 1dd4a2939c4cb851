/**
 * How tall each slide layout's content is when set as `slideSpec`
 * (src/theme/theme.ts) says, estimated with the conservative text measure of
 * src/theme/fit.ts: what the slide template splits content by, and what
 * `check` warns by. Each function states the drawing it assumes; backends
 * draw that way (sizes, line pitches, gaps, column widths) and so never need
 * to shrink or clip.
 */
import type { Bi } from '../src/model/types.js';
import type { BiInline, Block, Inline, ListItem, PairBlock, SlideLayout, TableBlock, TimelineFigure, TitleBlock } from '../src/ir/types.js';
import { slideContent, slideSpec, type SizePair, type SlideDensity } from '../src/theme/theme.js';
import { SAFETY, autospaceWidth, lineCount, sourceHeight, textWidth, timelineDateWidth, type FitLang, type Run } from '../src/theme/fit.js';

export { SAFETY, sourceHeight, timelineDateWidth };

/** Most items (points, recommendations, events, glossary rows) on one slide. */
export const MAX_ITEMS = 6;

const plain = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');
const runs = (inl: Inline | undefined, size: number, lang: FitLang): Run[] => (inl ?? []).map((s) => ({ text: s.text, size, lang, ...(s.strong ? { bold: true } : {}) }));

/** Height of `n` lines at `size` with pitch `line` (0 lines: 0). */
const tall = (n: number, size: number, line: number) => n * size * line;

export interface HeadlineFit {
  size: SizePair;
  height: number;
  /** False when even the smallest size needs more than `maxLines` lines in a language. */
  fits: boolean;
  lines: { zh: number; en: number };
}

/**
 * The headline of a slide: the Chinese title over the English, each wrapped in
 * the content width, at the largest of `sizes` where each language takes at
 * most `maxLines` lines (else the smallest size, `fits: false`).
 */
export function fitTitle(title: Bi, sizes: readonly SizePair[] = slideSpec.headline.sizes, maxLines: number = slideSpec.headline.maxLines, width = slideContent.width): HeadlineFit {
  const h = slideSpec.headline;
  let last: HeadlineFit | null = null;
  for (const size of sizes) {
    // Headlines are set bold (the English line may be: measured bold too).
    const zh = lineCount([{ text: title.zh, size: size.zh, lang: 'zh', bold: true }], width);
    const en = lineCount([{ text: title.en, size: size.en, lang: 'en', bold: true }], width);
    const height = tall(zh, size.zh, h.line) + h.between + tall(en, size.en, h.line) + h.after;
    last = { size, height, fits: zh <= maxLines && en <= maxLines, lines: { zh, en } };
    if (last.fits) return last;
  }
  return last!;
}

/** Room for the body of a slide with this headline and source line, safety margin taken off. */
export function bodyBudget(headline: HeadlineFit, source: Inline | undefined): number {
  return (slideContent.height - headline.height - sourceHeight(source)) * SAFETY;
}

/** Sizes and pitches of body text at a density. */
function bodyType(density: SlideDensity) {
  const b = slideSpec.body[density];
  const l = slideSpec.body.line;
  return { zh: b.zh, en: b.en, small: b.small, gap: b.gap, lineZh: l.zh, lineEn: l.en, lineSmall: l.small };
}

/** Runs of one language led by its tag (a label box `tagPad` wide around the tag's text). */
function tagged(text: Inline | undefined, tag: Inline | undefined, size: number, small: number, lang: FitLang): Run[] {
  const lead = tag && tag.length > 0 ? [...runs(tag, small, lang), { text: '\u2003'.repeat(Math.ceil(slideSpec.body.tagPad / small)), size: small, lang }] : [];
  return [...lead, ...runs(text, size, lang)];
}

/** One item: Chinese over English, in `width` (tags before the text of their language). */
function stackedHeight(zh: Inline | undefined, en: Inline | undefined, tags: BiInline | undefined, width: number, density: SlideDensity): number {
  const t = bodyType(density);
  const zl = lineCount(tagged(zh, tags?.zh, t.zh, t.small, 'zh'), width);
  const el = lineCount(tagged(en, tags?.en, t.en, t.small, 'en'), width);
  return tall(zl, t.zh, t.lineZh) + (zl > 0 && el > 0 ? slideSpec.body.between : 0) + tall(el, t.en, t.lineEn);
}

/** `points` (and `closing`, `section` below its title): pairs, Chinese over English, a number column when marked. */
export function pairHeight(p: PairBlock, density: SlideDensity, width = slideContent.width): number {
  const w = p.marker ? width - slideSpec.body.marker : width;
  return stackedHeight(p.zh, p.en, p.tags, w, density);
}

/** `statement`: one pair, large. */
export function statementHeight(p: PairBlock, width = slideContent.width): number {
  const s = slideSpec.statement;
  const zl = lineCount(runs(p.zh, s.zh, 'zh'), width);
  const el = lineCount(runs(p.en, s.en, 'en'), width);
  return tall(zl, s.zh, s.line.zh) + s.between + tall(el, s.en, s.line.en);
}

/** `columns`: a row per pair, Chinese in the left column, English in the right. */
export function columnRowHeight(p: PairBlock, density: SlideDensity): number {
  const t = bodyType(density);
  const w = (slideContent.width - slideSpec.columns.gutter) / 2;
  return Math.max(tall(lineCount(tagged(p.zh, p.tags?.zh, t.zh, t.small, 'zh'), w), t.zh, t.lineZh), tall(lineCount(tagged(p.en, p.tags?.en, t.en, t.small, 'en'), w), t.en, t.lineEn));
}

/** Lines a column cell of `columns` takes in each language (for choosing the layout). */
export function columnLines(p: PairBlock, density: SlideDensity): { zh: number; en: number } {
  const t = bodyType(density);
  const w = (slideContent.width - slideSpec.columns.gutter) / 2;
  return { zh: lineCount(runs(p.zh, t.zh, 'zh'), w), en: lineCount(runs(p.en, t.en, 'en'), w) };
}

/** `checklist`: a numbered list item (number column), tags before the text. */
export function listItemHeight(it: ListItem, density: SlideDensity, width = slideContent.width): number {
  return stackedHeight(it.text.zh, it.text.en, it.tags, width - slideSpec.body.marker, density);
}

/** `timeline`: a row per event: the date column, the rule, then Chinese, English and the note (each language) in the rest. */
export function timelineHeight(f: TimelineFigure, width = slideContent.width): number {
  const t = slideSpec.timeline;
  const textW = width - timelineDateWidth(f) - t.rule;
  let h = 0;
  for (const e of f.events) {
    const date = (plain(e.dateLabel.zh) ? t.date.zh * t.line.zh : 0) + (plain(e.dateLabel.en) ? t.date.en * t.line.en : 0);
    const text =
      tall(lineCount(runs(e.text.zh, t.zh, 'zh'), textW), t.zh, t.line.zh) +
      tall(lineCount(runs(e.text.en, t.en, 'en'), textW), t.en, t.line.en) +
      tall(lineCount(runs(e.note?.zh, t.note, 'zh'), textW), t.note, t.line.note) +
      tall(lineCount(runs(e.note?.en, t.note, 'en'), textW), t.note, t.line.note);
    h += Math.max(date, text) + t.gap;
  }
  return Math.max(0, h - t.gap);
}

/** `glossary`: a header row, then a row per term: the term (`termWidth`), then the name, Chinese over English. */
export function glossaryHeight(table: TableBlock, width = slideContent.width): number {
  const g = slideSpec.glossary;
  let h = 0;
  const header = table.columns.length > 0 ? [table.columns.map((c) => ({ text: c.text }))] : [];
  for (const row of [...header, ...table.rows]) {
    const [term, name] = row;
    const nameW = width - g.termWidth;
    // The term is set bold.
    const termH = tall(lineCount([...runs(term?.text.zh, g.term, 'zh'), ...runs(term?.text.en, g.term, 'en')].map((r) => ({ ...r, bold: true })), g.termWidth - 8), g.term, g.line.zh);
    const nameH = tall(lineCount(runs(name?.text.zh, g.zh, 'zh'), nameW), g.zh, g.line.zh) + tall(lineCount(runs(name?.text.en, g.en, 'en'), nameW), g.en, g.line.en);
    h += Math.max(termH, nameH) + g.gap;
  }
  return h;
}

/** A note paragraph (the glossary's source lines, the closing slide's licence): small text. */
function noteHeight(text: Inline, lang: FitLang, density: SlideDensity): number {
  const t = bodyType(density);
  return tall(lineCount(runs(text, t.small, lang), slideContent.width), t.small, t.lineSmall) + 4;
}

/**
 * Height of a slide body (everything under the headline and above the source
 * line) for a layout, at a density.
 */
export function bodyHeight(layout: SlideLayout, blocks: readonly Block[], density: SlideDensity = 'normal'): number {
  const t = bodyType(density);
  let h = 0;
  let items = 0;
  for (const b of blocks) {
    switch (b.type) {
      case 'pair':
        h += layout === 'statement' ? statementHeight(b) : layout === 'columns' ? columnRowHeight(b, density) : pairHeight(b, density);
        items++;
        break;
      case 'list':
        for (const it of b.items) {
          h += listItemHeight(it, density);
          items++;
        }
        break;
      case 'figure':
        h += timelineHeight(b);
        break;
      case 'table':
        h += glossaryHeight(b);
        break;
      case 'paragraph':
        h += noteHeight(b.text, b.lang, density);
        break;
      default:
        // Not put on content slides by the template: a generous guess.
        h += 3 * t.zh * t.lineZh;
    }
  }
  return h + Math.max(0, items - 1) * t.gap;
}

/** Height of a title block set on a `title` slide with its title at `size`. */
export function titleBlockHeight(b: TitleBlock, size: SizePair): number {
  const s = slideSpec.title;
  const w = slideContent.width;
  // The title is set bold.
  const zh = lineCount([{ text: plain(b.title.zh), size: size.zh, lang: 'zh', bold: true }], w);
  const en = lineCount([{ text: plain(b.title.en), size: size.en, lang: 'en', bold: true }], w);
  let h = tall(zh, size.zh, s.line) + s.between + tall(en, size.en, s.line);
  if (b.subtitle) h += s.gap + tall(lineCount([...runs(b.subtitle.zh, s.subtitle, 'zh'), { text: ' ', size: s.subtitle, lang: 'en' }, ...runs(b.subtitle.en, s.subtitle, 'en')], w), s.subtitle, slideSpec.body.line.zh);
  if (b.meta.length > 0) h += s.gap;
  const m = s.meta;
  for (const row of b.meta) {
    const label = lineCount([...runs(row.label.zh, m.size, 'zh'), { text: ' ', size: m.size, lang: 'en' }, ...runs(row.label.en, m.size, 'en')], m.labelWidth - 8);
    const sameValue = plain(row.value.zh) === plain(row.value.en);
    const value = lineCount([...runs(row.value.zh, m.size, 'zh'), ...(sameValue ? [] : [{ text: ' ', size: m.size, lang: 'en' as const }, ...runs(row.value.en, m.size, 'en')])], w - m.labelWidth);
    h += tall(Math.max(label, value), m.size, m.line) + m.gap;
  }
  return h;
}

/**
 * The title size of a title block on a `title` slide: the largest at which
 * the block fits and the title takes at most `title.maxLines` lines a
 * language (wrap before shrinking, but not into a wall of large type); a
 * longer title takes the smallest size, which fits most on a line; null when
 * the block does not fit even then.
 */
export function fitTitleBlock(b: TitleBlock): SizePair | null {
  const fitting = slideSpec.title.sizes.filter((size) => titleBlockHeight(b, size) <= slideContent.height * SAFETY);
  if (fitting.length === 0) return null;
  const w = slideContent.width;
  const lines = (size: SizePair) => Math.max(lineCount([{ text: plain(b.title.zh), size: size.zh, lang: 'zh', bold: true }], w), lineCount([{ text: plain(b.title.en), size: size.en, lang: 'en', bold: true }], w));
  return fitting.find((size) => lines(size) <= slideSpec.title.maxLines) ?? fitting[fitting.length - 1];
}

/** Height of a `section` divider's title at `size`, with the gap under it. */
export function sectionTitleHeight(title: Bi, size: SizePair): number {
  const s = slideSpec.section;
  const w = slideContent.width;
  return tall(lineCount([{ text: title.zh, size: size.zh, lang: 'zh', bold: true }], w), size.zh, s.line) + s.between + tall(lineCount([{ text: title.en, size: size.en, lang: 'en', bold: true }], w), size.en, s.line) + s.gap;
}
