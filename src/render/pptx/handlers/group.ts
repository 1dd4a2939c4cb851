/** A group: its children, stacked an item gap apart. */
import { stack, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { itemGap, type PptxState } from '../state.js';

export const group: Handler<PptxState, 'group', Drawn> = (b, env) => stack(env.all(b.children), itemGap(env));
