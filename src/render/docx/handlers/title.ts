import type { TitleBlock } from '../../../ir/types.js';
import { C, P, twip } from '../constants.js';
import { biRuns, citeRuns, inlineRuns, textRun } from '../runs.js';
import { para, slide, type BodyChild, type DocxState } from '../state.js';

/** Title, English title, product name, then one label/value line per fact of the article. */
export function title(b: TitleBlock, st: DocxState): BodyChild[] {
  const out = [];
  if (b.title.zh) out.push(para(st, P.title, inlineRuns(b.title.zh, 'zh')));
  if (b.title.en) out.push(para(st, P.subtitle, inlineRuns(b.title.en, 'en', { style: C.en })));
  if (b.subtitle) out.push(para(st, P.subtitle, biRuns(b.subtitle, {}, ' · ')));
  for (const m of b.meta) {
    out.push(
      para(st, P.meta, [
        ...inlineRuns(m.label.zh, 'zh', { style: C.label }),
        textRun(' ', 'en'),
        ...inlineRuns(m.label.en, 'en', { style: C.label }),
        textRun(':', 'zh'),
        ...biRuns(m.value, {}, ' / '),
      ]),
    );
  }
  if (slide(st)) out[0] = para(st, P.title, inlineRuns(b.title.zh, 'zh'), { spacing: { before: twip(48) } });
  return [...out, ...(b.cites.length ? [para(st, P.meta, citeRuns(b.cites))] : [])];
}
