/**
 * Tables: a caption, column alignment by class (no obsolete `align`
 * attribute), the first cell of each row as its header, a cell's source line
 * under its text. A citable table (reading edition) carries its mark and
 * notes like a passage. Tables of three or more columns in the summary and
 * checklist become stacked cards on a phone (css.ts).
 */
import { h } from '../../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { BiInline, Block, TableBlock } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bi, hasText, plainText } from '../inline.js';
import type { HtmlContext } from './index.js';
import { citable } from './notes.js';
import { biValue, sourceLine } from './text.js';

const alignClass = (a: 'left' | 'center' | 'right' | undefined) => (a && a !== 'left' ? `align-${a}` : undefined);

/** The caption of a table, when it has one. */
export function tableCaption(b: TableBlock, ctx: HtmlContext): Element[] {
  return hasText(b.caption) ? [h('caption', { className: captionShown(b.caption, ctx) ? ['shown'] : undefined }, bi(b.caption, 'span', '', ctx.own))] : [];
}

/**
 * Whether a caption is shown: on a page, unless it only repeats the last heading drawn (the summary's 术语表
 * Glossary), as the PDF and DOCX leave it out; never on a slide, whose title names what it shows. A caption not
 * shown stays for assistive technology.
 */
export function captionShown(caption: BiInline | undefined, ctx: HtmlContext): boolean {
  const zh = plainText(caption?.zh);
  return ctx.own !== 'slides' && !(zh !== '' && zh === ctx.lastHeading);
}

/** The table element of a table block (without its mark and notes). */
export function tableElement(b: TableBlock, ctx: HtmlContext): Element {
  const stack = b.columns.length >= 3 && (ctx.own === 'summary' || ctx.own === 'checklist');
  return h('table', { className: stack ? ['stack'] : undefined }, [
    ...tableCaption(b, ctx),
    h('thead', h('tr', b.columns.map((c) => h('th', { scope: 'col', className: alignClass(c.align) }, bi(c.text, 'span', '', ctx.own))))),
    h(
      'tbody',
      b.rows.map((row) =>
        h(
          'tr',
          row.map((cell, i) =>
            h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined, className: alignClass(b.columns[i]?.align), id: ctx.id(cell.id) }, [
              ...biValue(cell.text, ctx),
              ...sourceLine(cell.source, ctx, 'span'),
            ]),
          ),
        ),
      ),
    ),
  ]);
}

export const table: Handler<HtmlContext, 'table', ElementContent> = (b: Extract<Block, { type: 'table' }>, ctx) => {
  const id = ctx.id(b.id);
  const wrap = (wid: string | undefined) => h('div', { className: 'table-wrap', id: wid }, [tableElement(b, ctx)]);
  if (b.mark || b.notes?.length) return [citable(id, b.mark, [wrap(undefined)], b.notes, ctx, ['passage-table'])];
  return [wrap(id)];
};
