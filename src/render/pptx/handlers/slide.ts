/** A slide nested where blocks are expected: its children, stacked. */
import { GAP } from '../constants.js';
import { stack, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import type { PptxState } from '../state.js';

export const slide: Handler<PptxState, 'slide', Drawn> = (b, env) => stack(env.all(b.children), GAP.block * env.scale);
