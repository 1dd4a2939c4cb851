/** A block quote: its children beside an accent rule. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { stack, translate, type Drawn } from '../draw.js';
import { itemGap, type PptxState } from '../state.js';

export const quote: Handler<PptxState, 'quote', Drawn> = (b, env) => {
  const indent = 16 * env.scale;
  const inner = stack({ ...env, width: env.width - indent }.all(b.children), itemGap(env) / 2);
  return { h: inner.h, items: [{ kind: 'rect', x: 0, y: 0, w: 3, h: inner.h, fill: COLOR.rule }, ...translate(inner.items, indent, 0)] };
};
