/**
 * A list: each item with a number disc (counting from `start`) in the number
 * column, or an accent bar; its tags before its text, its citations under
 * it, then its nested blocks indented by the number column.
 */
import { slideSpec } from '../../../theme/theme.js';
import { stack, translate, type Drawn } from '../draw.js';
import type { Handler } from '../../state.js';
import { itemGap, type PptxState } from '../state.js';
import { item } from './item.js';

export const list: Handler<PptxState, 'list', Drawn> = (b, env) =>
  stack(
    b.items.map((it, i) => {
      const head = item(env, { ...(b.ordered ? { marker: String((b.start ?? 1) + i) } : {}), text: it.text, ...(it.tags ? { tags: it.tags } : {}), ...(it.source ? { source: it.source } : {}) });
      if (!it.children || it.children.length === 0) return head;
      const indent = slideSpec.body.marker;
      const nested = stack({ ...env, width: env.width - indent }.all(it.children), itemGap(env));
      const body: Drawn = { h: nested.h, items: translate(nested.items, indent, 0) };
      return head.h > 0 ? stack([head, body], itemGap(env)) : body;
    }),
    itemGap(env),
  );
