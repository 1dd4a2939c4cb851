import type { ProgressBlock } from '../../../ir/types.js';
import { C, P } from '../constants.js';
import { biRuns, textRun } from '../runs.js';
import { para, type BodyChild, type DocxState } from '../state.js';

/** The progress label with the document's checked / total count. */
export function progress(b: ProgressBlock, st: DocxState): BodyChild[] {
  return [para(st, P.lead, [...biRuns(b.label, { style: C.label }), textRun(`: ${st.checked} / ${b.total}`, 'en')])];
}
