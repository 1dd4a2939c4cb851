/** A list: each item with a number disc or a bar beside it. */
import { GAP } from '../constants.js';
import { stack, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { bodyParas, markedRow, numberMarker, barMarker, firstLineOf, type PptxState } from '../state.js';

export const list: Handler<PptxState, 'list', Drawn> = (b, env) =>
  stack(
    b.items.map((it, i) => {
      // A list item's ¶ citations follow its Chinese line, as in the other formats' slides.
      const paras = bodyParas(it.text, it.cites, env, undefined, 'first');
      const m = b.ordered ? numberMarker(String(i + 1), firstLineOf(paras), env) : barMarker(firstLineOf(paras), env);
      return markedRow(m.items, m.w, paras, env.width);
    }),
    GAP.item * env.scale,
  );

