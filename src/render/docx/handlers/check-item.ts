import { CheckBox } from 'docx';
import type { BiInline, ChecklistItemBlock } from '../../../ir/types.js';
import { CHECKBOX, P } from '../constants.js';
import { biRuns, citeRuns, inlineRuns, raw, textRun } from '../runs.js';
import { para, type BodyChild, type DocxState } from '../state.js';

/** A Word check box (content control) with the recommendation, its English, then actor, horizon and citations. */
export function checkItem(b: ChecklistItemBlock, st: DocxState): BodyChild[] {
  const label = (l: BiInline) => biRuns(l, {}, ' ');
  const box = new CheckBox({
    alias: b.id,
    checked: b.checked,
    checkedState: { value: CHECKBOX.checked, font: CHECKBOX.font },
    uncheckedState: { value: CHECKBOX.unchecked, font: CHECKBOX.font },
  });
  return [
    para(st, P.checkItem, [raw(box), textRun('\t', 'en'), ...inlineRuns(b.zh, 'zh')]),
    para(st, P.checkItemEn, inlineRuns(b.en, 'en')),
    para(st, P.checkMeta, [...(b.actor ? label(b.actor) : []), ...(b.actor && b.horizon ? [textRun('  ·  ', 'en')] : []), ...(b.horizon ? label(b.horizon) : []), ...citeRuns(b.cites)]),
  ];
}
