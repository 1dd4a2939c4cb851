/**
 * The DOCX handler table: one handler per IR block type, each in its own
 * file, and the fallback for a type this backend does not know, which keeps
 * whatever text it can find so nothing is silently lost.
 */
import type { BiInline, Inline } from '../../../ir/types.js';
import type { Handlers, Unknown } from '../../state.js';
import { P } from '../constants.js';
import { para, runs, type BodyChild, type DocxState } from '../state.js';
import { callout } from './callout.js';
import { checkItem } from './check-item.js';
import { figure } from './figure.js';
import { footnotes } from './footnotes.js';
import { group } from './group.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { pair } from './pair.js';
import { paragraph } from './paragraph.js';
import { passage } from './passage.js';
import { progress } from './progress.js';
import { quote } from './quote.js';
import { slide } from './slide.js';
import { table } from './table.js';
import { title } from './title.js';

export const handlers: Handlers<DocxState, BodyChild> = {
  title, heading, paragraph, pair, list, checkItem, progress, table, callout, group, figure, slide, passage, quote, footnotes,
};

/** Unknown block types: keep any bilingual text found on the block. */
export const unknown: Unknown<DocxState, BodyChild> = (block, st) => {
  st.unknown.push(block.type);
  const texts: Inline[] = [];
  for (const key of ['text', 'title', 'zh', 'en']) {
    const v = block[key];
    if (Array.isArray(v)) texts.push(v as Inline);
    else if (v && typeof v === 'object') for (const side of Object.values(v as BiInline)) if (Array.isArray(side)) texts.push(side);
  }
  return texts.map((t) => para(st, P.normal, runs(st, t, /\p{Script=Han}/u.test(t.map((s) => s.text).join('')) ? 'zh' : 'en')));
};
