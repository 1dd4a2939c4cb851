/** A list: each item with a number disc (counting from `start`) or a bar, its citations, then its nested blocks indented. */
import { stack, translate, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { itemGap, type PptxState } from '../state.js';
import { GAP } from '../constants.js';
import { item } from './item.js';

export const list: Handler<PptxState, 'list', Drawn> = (b, env) =>
  stack(
    b.items.map((it, i) => {
      const head = item(env, { marker: b.ordered ? String((b.start ?? 1) + i) : undefined, text: it.text, source: it.source });
      if (!it.children || it.children.length === 0) return head;
      const indent = GAP.marker * env.scale;
      const nested = stack({ ...env, width: env.width - indent }.all(it.children), itemGap(env) / 2);
      const body: Drawn = { h: nested.h, items: translate(nested.items, indent, 0) };
      return head.h > 0 ? stack([head, body], itemGap(env) / 2) : body;
    }),
    itemGap(env),
  );
