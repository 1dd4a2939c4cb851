/** A group: its children, stacked. */
import { GAP } from '../constants.js';
import { stack, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { itemGap, type PptxState } from '../state.js';

export const group: Handler<PptxState, 'group', Drawn> = (b, env) => {
  // A group of items (recommendations of one actor) keeps the item spacing; other groups the block spacing.
  const items = b.children.every((c) => c.type === 'checkItem' || c.type === 'pair');
  return stack(env.all(b.children), items ? itemGap(env) : GAP.block * env.scale + env.extra);
};
