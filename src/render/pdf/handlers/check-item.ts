/** A drawn checkbox beside the recommendation, its English and its actor, horizon and citations. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CHECKBOX_SIZE, CITE_MARK, STYLES } from '../constants.js';
import { inlineNodes } from '../inline.js';
import { langText, blockGap, type Node, type PdfState } from '../state.js';

/** A drawn, empty (or ticked) checkbox. */
export function checkbox(checked: boolean): Node {
  const s = CHECKBOX_SIZE;
  const shapes: Node[] = [{ type: 'rect', x: 0.5, y: 0.5, w: s, h: s, r: 1.5, lineWidth: 1, lineColor: theme.colors.ink }];
  if (checked) {
    shapes.push({
      type: 'polyline',
      lineWidth: 1.5,
      lineColor: theme.colors.accent,
      points: [
        { x: 2.5, y: s / 2 + 0.5 },
        { x: s / 2, y: s - 2 },
        { x: s - 1.5, y: 2.5 },
      ],
    });
  }
  return { canvas: shapes, width: s + 2, margin: [0, 3, 0, 0] };
}

export const checkItem: Handler<PdfState, 'checkItem', Node> = (b, st) => {
  const tags: Node = {
    text: [
      ...(b.actor ? [...inlineNodes(b.actor.zh, 'zh'), ' / ', ...inlineNodes(b.actor.en, 'en')] : []),
      ...(b.actor && b.horizon ? [' · '] : []),
      ...(b.horizon ? [...inlineNodes(b.horizon.zh, 'zh'), ' / ', ...inlineNodes(b.horizon.en, 'en')] : []),
      ...(b.cites.length ? [`   ${CITE_MARK} ${b.cites.join(', ')}`] : []),
    ],
    ...STYLES.cites,
    margin: [0, 2, 0, 0],
  };
  return {
    columns: [
      checkbox(b.checked),
      { width: '*', stack: [langText(b.zh, 'zh', st), langText(b.en, 'en', st), tags] },
    ],
    columnGap: 8,
    id: `item-${b.id}`,
    unbreakable: true,
    margin: [0, 0, 0, blockGap(st)],
  };
};
