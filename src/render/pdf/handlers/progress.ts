/** The progress label with the count of the items (none ticked on paper). */
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { inlineNodes } from '../inline.js';
import { blockGap, type Node, type PdfState } from '../state.js';

export const progress: Handler<PdfState, 'progress', Node> = (b, st) => ({
  text: [
    ...inlineNodes(b.label.zh, 'zh'),
    ' / ',
    ...inlineNodes(b.label.en, 'en'),
    `:  0 / ${b.total}`,
  ],
  ...STYLES.meta,
  margin: [0, 0, 0, blockGap(st)],
});
