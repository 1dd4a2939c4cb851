/**
 * The DOCX render state (the shared one/all/unknown shape, src/render/state.ts)
 * and the one way a paragraph is made: `para` turns pieces into a Word
 * paragraph and notes which of their text Word will draw bold, for the bold
 * face's subset.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, WidthType } from 'docx';
import type { BiInline, Lang } from '../../ir/types.js';
import { walk, type Walk } from '../state.js';
import { P, type PageKind } from './constants.js';
import { boldText, citeRuns, inlineRuns, toChildren, type Piece } from './runs.js';
import { isBoldStyle } from './styles.js';

export type BodyChild = Paragraph | Table;

export interface DocxState extends Walk<BodyChild> {
  page: PageKind;
  /** Width available to the block, in twips (shrinks inside table cells). */
  width: number;
  /** Count of ordered lists so far (each restarts its numbering). */
  lists: { ordered: number };
  /** Checked items in the Doc, for the progress counter. */
  checked: number;
  /** Block types no handler knew. */
  unknown: string[];
  /** Density of the slide being rendered (slides only). */
  density?: 'normal' | 'compact';
  /** Text set in bold so far (shared by every copy of the state). */
  bold: string[];
}

type ParagraphOptions = Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'style' | 'children'>;

/** A paragraph in `style` holding `pieces`; its bold text is noted in `st.bold`. */
export function para(st: Pick<DocxState, 'bold'>, style: string, pieces: readonly Piece[], extra: ParagraphOptions = {}): Paragraph {
  const bold = boldText(pieces, isBoldStyle(style), isBoldStyle);
  if (bold) st.bold.push(bold);
  return new Paragraph({ style, children: toChildren(pieces), ...extra });
}

export const slide = (st: DocxState) => st.page === 'slide';
export const compact = (st: DocxState) => slide(st) && st.density === 'compact';
export const zhStyle = (st: DocxState) => (compact(st) ? P.slideCompactZh : slide(st) ? P.slideZh : P.zh);
export const enStyle = (st: DocxState) => (compact(st) ? P.slideCompactEn : slide(st) ? P.slideEn : P.en);

/** Paragraphs for each language present, zh first; citations after the last one. */
export function biParagraphs(st: DocxState, text: BiInline, styles: { zh: string; en: string }, cites: readonly string[] = [], lead: Piece[] = []): Paragraph[] {
  const langs = (['zh', 'en'] as Lang[]).filter((l) => (text[l] ?? []).some((s) => s.text !== ''));
  return langs.map((l, i) => para(st, styles[l], [...(i === 0 ? lead : []), ...inlineRuns(text[l], l), ...(i === langs.length - 1 ? citeRuns(cites) : [])]));
}

export const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

export function cell(st: DocxState, children: BodyChild[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  // A cell must end with a paragraph.
  const body = children.length === 0 || children[children.length - 1] instanceof Table ? [...children, para(st, P.tableEn, [])] : children;
  return new TableCell({ children: body, width: { size: width, type: WidthType.DXA }, ...extra });
}

export function table(rows: ConstructorParameters<typeof Table>[0]['rows'], widths: number[], style: string, extra: Partial<ConstructorParameters<typeof Table>[0]> = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    style,
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    ...extra,
  });
}

/** Split a width into parts by weight, summing exactly to the width. */
export function splitWidth(width: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((width * w) / sum));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A fresh state for one Doc's body. */
export function createState(fields: Omit<DocxState, keyof Walk<BodyChild> | 'lists' | 'unknown' | 'bold'>, handlers: Parameters<typeof walk<DocxState, BodyChild>>[0], unknown: Parameters<typeof walk<DocxState, BodyChild>>[1]): DocxState {
  return { ...walk<DocxState, BodyChild>(handlers, unknown), lists: { ordered: 0 }, unknown: [], bold: [], ...fields };
}
