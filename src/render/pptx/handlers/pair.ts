/** A point: its marker (number disc, label or bar) beside the Chinese, the English and the citations. */
import { bodyParas, markedRow, markerFor, firstLineOf, type PptxState } from '../state.js';
import type { Handler } from '../../state.js';
import type { Drawn } from '../draw.js';

export const pair: Handler<PptxState, 'pair', Drawn> = (b, env) => {
  const { width } = env;
  const paras = bodyParas({ zh: b.zh, en: b.en }, b.cites, env);
  const m = markerFor(b.marker, firstLineOf(paras), env);
  return markedRow(m.items, m.w, paras, width);
};

