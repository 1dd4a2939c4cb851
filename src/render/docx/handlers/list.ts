import type { Paragraph } from 'docx';
import type { ListBlock } from '../../../ir/types.js';
import { LIST_INDENT, NUM, P, twip } from '../constants.js';
import { citeRuns, inlineRuns } from '../runs.js';
import { enStyle, para, slide, zhStyle, type BodyChild, type DocxState } from '../state.js';

/** A Word list (bullets, or numbers restarting per list); each item's English on an indented line under it. */
export function list(b: ListBlock, st: DocxState): BodyChild[] {
  const instance = b.ordered ? ++st.lists.ordered : 0;
  const reference = b.ordered ? NUM.ordered : NUM.bullet;
  return b.items.flatMap((item) => {
    const paras: Paragraph[] = [];
    const hasEn = (item.text.en ?? []).length > 0;
    if (item.text.zh) {
      // On slides the ¶ citations follow the Chinese line, as in the other formats.
      const pieces = [...inlineRuns(item.text.zh, 'zh'), ...(hasEn && !slide(st) ? [] : citeRuns(item.cites))];
      paras.push(para(st, slide(st) ? zhStyle(st) : P.listZh, pieces, { numbering: { reference, level: 0, instance } }));
    }
    if (hasEn) {
      const pieces = [...inlineRuns(item.text.en, 'en'), ...(slide(st) && item.text.zh ? [] : citeRuns(item.cites))];
      paras.push(para(st, slide(st) ? enStyle(st) : P.listEn, pieces, { indent: { left: twip(LIST_INDENT.left) } }));
    }
    return paras;
  });
}
