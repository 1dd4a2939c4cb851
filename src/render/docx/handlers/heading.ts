import type { HeadingBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { biRuns, citeRuns } from '../runs.js';
import { para, type BodyChild, type DocxState } from '../state.js';

/** Word's Heading 1–3 (so the outline and the table of contents find them), both languages on one line. */
export function heading(b: HeadingBlock, st: DocxState): BodyChild[] {
  const style = b.level === 1 ? P.h1 : b.level === 2 ? P.h2 : P.h3;
  return [para(st, style, [...biRuns(b.text), ...citeRuns(b.cites)])];
}
