/** A slide nested where blocks are expected: its children, stacked. */
import { stack, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { itemGap, type PptxState } from '../state.js';

export const slide: Handler<PptxState, 'slide', Drawn> = (b, env) => stack(env.all(b.children), itemGap(env));
