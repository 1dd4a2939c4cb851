/** A block quote: its children beside a rule. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { stack, translate, type Drawn } from '../draw.js';
import { itemGap, type PptxState } from '../state.js';

const INDENT = 16;

export const quote: Handler<PptxState, 'quote', Drawn> = (b, env) => {
  const inner = stack({ ...env, width: env.width - INDENT }.all(b.children), itemGap(env));
  return { h: inner.h, items: [{ kind: 'rect', x: 0, y: 0, w: 3, h: inner.h, fill: COLOR.rule }, ...translate(inner.items, INDENT, 0)] };
};
