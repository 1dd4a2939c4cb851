import type { HeadingBlock } from '../../../ir/types.js';
import { C, P } from '../constants.js';
import { hasText, plain } from '../runs.js';
import { anchorRaw, para, runs, type BodyChild, type DocxState } from '../state.js';

const STYLE = { 1: P.h1, 2: P.h2, 3: P.h3, 4: P.h4 } as const;

/**
 * Word's Heading 1–4 (so the outline and the table of contents find them),
 * both languages on one line. A heading of the table of contents gets a
 * bookmark its entry's page number refers to.
 */
export function heading(b: HeadingBlock, st: DocxState): BodyChild[] {
  const pieces = [...runs(st, b.text.zh, 'zh'), ...(hasText(b.text.zh) && hasText(b.text.en) ? [{ kind: 'text' as const, text: ' ', lang: 'en' as const }] : []), ...runs(st, b.text.en, 'en', { style: C.en })];
  if (st.toc && b.level <= 2 && b.outline !== false) {
    const bookmark = `_Toc${st.toc.length + 1}`;
    anchorRaw(st, bookmark);
    st.toc.push({ level: b.level, text: b.text, bookmark });
  }
  if (st.lastHeading) st.lastHeading.text = plain(b.text.zh);
  return [para(st, STYLE[b.level] ?? P.h4, pieces)];
}
