/** A bulleted or numbered list; on slides a item's ¶ citations follow its Chinese line. */
import type { ListBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { sz, isSlide, slideT, bodySize, biStack, citeLine, blockGap, type Node, type PdfState } from '../state.js';

export const list: Handler<PdfState, 'list', Node> = (b, st) => {
  // On slides a item's ¶ citations follow its Chinese line; on pages they get a line of their own.
  const slideItem = (it: ListBlock['items'][number]): Node[] => {
    const [zh, ...rest] = biStack(it.text, st);
    if (!zh || it.cites.length === 0) return [...biStack(it.text, st), ...citeLine(it.cites, st)];
    const cite = citeLine(it.cites, st)[0];
    return [{ ...zh, text: [...(zh.text as Node[]), { text: `  ${cite.text as string}`, fontSize: cite.fontSize, color: theme.colors.muted }] }, ...rest];
  };
  const items = b.items.map((it) => ({
    stack: isSlide(st) ? slideItem(it) : [...biStack(it.text, st), ...citeLine(it.cites, st)],
    margin: [0, 0, 0, sz(isSlide(st) ? slideT(st).gap : 4, st)],
  }));
  return {
    [b.ordered ? 'ol' : 'ul']: items,
    markerColor: theme.colors.accent,
    fontSize: bodySize('zh', st),
    margin: [0, 0, 0, blockGap(st)],
  };
};
