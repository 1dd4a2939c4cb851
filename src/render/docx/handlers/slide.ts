import type { SlideBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { inlineRuns } from '../runs.js';
import { compact, para, type BodyChild, type DocxState } from '../state.js';

/** A slide is a landscape page: its headline (Chinese, then English over a rule) and its blocks. */
export function slide(b: SlideBlock, outer: DocxState): BodyChild[] {
  const first = b.number === 1;
  const st: DocxState = { ...outer, density: b.density ?? 'normal' };
  const heading =
    b.layout === 'title'
      ? []
      : [
          para(st, compact(st) ? P.slideCompactTitle : P.slideTitle, inlineRuns(b.title.zh, 'zh'), { pageBreakBefore: !first }),
          para(st, compact(st) ? P.slideCompactTitleEn : P.slideTitleEn, inlineRuns(b.title.en, 'en')),
        ];
  const body = st.all(b.children);
  if (heading.length === 0 && !first) {
    // A title slide still starts a new page.
    body.unshift(para(st, P.normal, [], { pageBreakBefore: true, spacing: { after: 0 } }));
  }
  return [...heading, ...body];
}
