import { TabStopType, TableRow } from 'docx';
import type { BiInline, Inline, Lang, PairBlock } from '../../../ir/types.js';
import { C, P, T, twip } from '../constants.js';
import { hasText, textRun, type Piece, type TextPiece } from '../runs.js';
import { SP, bodyStyles, slideBody } from '../slide-styles.js';
import { after, cell, enStyle, itemGap, noBorders, para, runs, slide, sourceLine, splitWidth, table, zhStyle, type BodyChild, type DocxState } from '../state.js';
import { KEEP_WHOLE_CHARS, slideSpec } from '../../../theme/theme.js';

/** Small labels (explicit / inferred) on one line: Chinese, a space, English. */
export function tagRuns(st: DocxState, tags: BiInline | undefined): Piece[] {
  if (!tags) return [];
  const zh = runs(st, tags.zh, 'zh', { style: C.roleTag });
  const en = runs(st, tags.en, 'en', { style: C.roleTag });
  return zh.length && en.length ? [...zh, textRun(' ', 'en'), ...en] : [...zh, ...en];
}

/** Pieces set in a character style, whatever their own (links keep theirs inside). */
const restyle = (pieces: Piece[], style: string): Piece[] => pieces.map((p) => (p.kind === 'text' ? { ...p, style } : p.kind === 'link' ? { ...p, runs: p.runs.map((r): TextPiece => ({ ...r, style })) } : p));

/**
 * A tag before the text of its language (`ListItem.tags`, `PairBlock.tags`):
 * on a slide its text small, bold and accented in a tinted box a no-break
 * space wider each side, then a space (the template leaves `tagPad` points
 * for the box and the space); on a page in the Tag style, then a space.
 */
export function leadingTag(st: DocxState, tag: Inline | undefined, lang: Lang): Piece[] {
  if (!hasText(tag)) return [];
  if (!slide(st)) return [...runs(st, tag, lang, { style: C.roleTag }), textRun(' ', lang)];
  const style = bodyStyles(st.density).tag;
  const pad = textRun('\u00A0', lang, { style });
  return [pad, ...restyle(runs(st, tag, lang), style), pad, textRun(' ', lang)];
}

/** Chinese over English on a slide, each led by its tag, with the number (a marker) in a column of its own. */
export function stackedItem(st: DocxState, zh: Inline | undefined, en: Inline | undefined, tags: BiInline | undefined, marker?: string): BodyChild[] {
  const b = slideBody(st.density);
  const langs = (['zh', 'en'] as const).filter((l) => (l === 'zh' ? hasText(zh) : hasText(en)));
  const column = marker !== undefined ? twip(slideSpec.body.marker) : 0;
  const gap = itemGap(st);
  return langs.map((l, i) => {
    const first = i === 0;
    const lead: Piece[] = first && marker !== undefined ? [textRun(marker, 'en', { style: C.marker }), textRun('\t', 'en')] : [];
    const indent = column ? { indent: first ? { left: column, hanging: column } : { left: column }, ...(first ? { tabStops: [{ type: TabStopType.LEFT, position: column }] } : {}) } : {};
    const last = i === langs.length - 1;
    return para(st, l === 'zh' ? zhStyle(st) : enStyle(st), [...lead, ...leadingTag(st, tags?.[l], l), ...runs(st, l === 'zh' ? zh : en, l)], { ...indent, ...after(last ? gap : b.between) });
  });
}

/** `statement`: one pair, large: Chinese, the statement's space, English. */
function statement(b: PairBlock, st: DocxState): BodyChild[] {
  itemGap(st);
  const s = slideSpec.statement;
  const out: BodyChild[] = [];
  if (hasText(b.zh)) out.push(para(st, SP.statementZh, [...leadingTag(st, b.tags?.zh, 'zh'), ...runs(st, b.zh, 'zh')], after(hasText(b.en) ? s.between : 0)));
  if (hasText(b.en)) out.push(para(st, SP.statementEn, [...leadingTag(st, b.tags?.en, 'en'), ...runs(st, b.en, 'en')]));
  return out;
}

/**
 * `columns`: pairs as the rows of one border-less table, Chinese in the left
 * column, English in the right, each as wide as the template measured
 * (half the content width less half the gutter; the gutter is the cells'
 * inner margins), rows the slide's gap apart.
 */
export function columnRows(pairs: readonly PairBlock[], st: DocxState): BodyChild[] {
  const gutter = twip(slideSpec.columns.gutter / 2);
  const widths = splitWidth(st.width, [1, 1]);
  const rows = pairs.map((p) => {
    const gap = twip(itemGap(st));
    // A number (not the template's: its columns are unnumbered) before the Chinese.
    const number = (l: 'zh' | 'en') => (p.marker && (l === 'zh' || !hasText(p.zh)) ? [textRun(p.marker, 'en', { style: C.marker }), textRun(' ', 'en')] : []);
    const side = (l: 'zh' | 'en') => para(st, l === 'zh' ? zhStyle(st) : enStyle(st), [...number(l), ...leadingTag(st, p.tags?.[l], l), ...runs(st, p[l], l)]);
    return new TableRow({
      cantSplit: true,
      children: [
        cell(st, [side('zh'), ...sourceLine(st, p.source, SP.source)], widths[0], { margins: { top: 0, bottom: gap, left: 0, right: gutter } }),
        cell(st, [side('en')], widths[1], { margins: { top: 0, bottom: gap, left: gutter, right: 0 } }),
      ],
    });
  });
  return rows.length ? [table(rows, widths, T.plain, { borders: noBorders })] : [];
}

/**
 * Chinese and English: side by side (a border-less table) on pages, with
 * tags on a small line above and the source line small below. On a slide as
 * the slide geometry draws its layout: one large pair (`statement`), a row
 * of two columns (`columns`), or Chinese over English (`points`, `section`,
 * `closing`), a number column when marked, each language led by its tag.
 */
export function pair(b: PairBlock, st: DocxState): BodyChild[] {
  if (slide(st)) {
    if (st.layout === 'statement') return [...statement(b, st), ...sourceLine(st, b.source, SP.source)];
    if (st.layout === 'columns') return columnRows([b], st);
    return [...stackedItem(st, b.zh, b.en, b.tags, b.marker), ...sourceLine(st, b.source, SP.source)];
  }
  const marker = b.marker ? [textRun(`${b.marker}  `, 'en', { style: C.marker })] : [];
  const tags = hasText(b.tags?.zh) || hasText(b.tags?.en) ? [para(st, P.tags, tagRuns(st, b.tags), { keepNext: true })] : [];
  // A short pair moves whole to the next page with its source line; a long one (a section summary) may break across
  // pages, so it flows instead of leaving the page's rest blank (the PDF's rule: flow.ts `keep`).
  const short = [...(b.zh ?? []), ...(b.en ?? [])].reduce((n, s) => n + s.text.length, 0) <= KEEP_WHOLE_CHARS;
  // The reading edition, as its PDF: Chinese over English (its boxes then break across pages as text does; a
  // table nested in a box's cell moves whole in LibreOffice, leaving the page before it part blank).
  const stacked = st.links.product === 'reading';
  const keep = (short && hasText(b.source)) || b.keepWithNext ? { keepNext: true } : {};
  // In reading order, so the pair's bookmark opens on its text (where a link to it should land), not on its source line.
  // Stacked, a short pair's Chinese also stays on the page of its English, with or without a source line below.
  const zh = para(st, zhStyle(st), [...marker, ...runs(st, b.zh, 'zh')], stacked && short && hasText(b.en) ? { keepNext: true } : keep);
  const en = para(st, enStyle(st), runs(st, b.en, 'en'), keep);
  const source = sourceLine(st, b.source, P.source);
  if (stacked) return [...tags, zh, en, ...source];
  const [wz, we] = splitWidth(st.width, [1, 1]);
  return [...tags, table([new TableRow({ cantSplit: short, children: [cell(st, [zh], wz), cell(st, [en], we)] })], [wz, we], T.plain, { borders: noBorders }), ...source];
}
