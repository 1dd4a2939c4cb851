/**
 * The PDF handler table: one handler per IR block type (block → pdfmake
 * content), each in its own file. A block type without a handler falls back
 * to its children (or a visible note), never to silence.
 */
import type { Handlers, Unknown } from '../../state.js';
import { STYLES } from '../constants.js';
import type { Node, PdfState } from '../state.js';
import { callout } from './callout.js';
import { checkItem } from './check-item.js';
import { figure } from './figure.js';
import { group } from './group.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { pair } from './pair.js';
import { paragraph } from './paragraph.js';
import { progress } from './progress.js';
import { slide } from './slide.js';
import { table } from './table.js';
import { title } from './title.js';
import { passage } from './passage.js';
import { quote } from './quote.js';
import { footnotes } from './footnotes.js';

export const handlers: Handlers<PdfState, Node> = {
  title, heading, paragraph, pair, list, checkItem, progress, table, callout, group, figure, slide, passage, quote, footnotes,
};

/** A block of a type this backend does not know: its children, or a visible note. */
export const unknown: Unknown<PdfState, Node> = (block, st) =>
  Array.isArray(block.children) ? st.all(block.children as never) : [{ text: `[${block.type}]`, fontSize: STYLES.note.fontSize, color: STYLES.note.color }];
