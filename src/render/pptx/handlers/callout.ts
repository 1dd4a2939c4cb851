/** A filled box with an accent bar: the title, then the children. */
import type { CalloutBlock } from '../../../ir/types.js';
import { COLOR, GAP, SIZE } from '../constants.js';
import type { Handler } from '../../state.js';
import { stack, translate, type Drawn } from '../draw.js';
import { biParas } from '../inline.js';
import { sz, textBox, type PptxState } from '../state.js';

const CALLOUT_FILL: Record<CalloutBlock['tone'], string> = { key: COLOR.accentSoft, info: COLOR.panel, note: COLOR.panel };

export const callout: Handler<PptxState, 'callout', Drawn> = (b, env) => {
  const { width } = env;
  const pad = GAP.calloutPad * env.scale;
  const innerW = width - 2 * pad - GAP.barWidth;
  const parts: Drawn[] = [];
  if (b.title) {
    parts.push(
      textBox(
        biParas(b.title, {
          zh: { size: sz(SIZE.bodyZh, env), color: COLOR.accent, bold: true },
          en: { size: sz(SIZE.bodyEn, env), color: COLOR.accent },
        }),
        innerW,
      ),
    );
  }
  parts.push(...{ ...env, width: innerW }.all(b.children));
  const inner = stack(parts, GAP.item * env.scale);
  const h = inner.h + 2 * pad;
  return {
    h,
    items: [
      { kind: 'rect', x: 0, y: 0, w: width, h, fill: CALLOUT_FILL[b.tone] },
      { kind: 'rect', x: 0, y: 0, w: GAP.barWidth, h, fill: COLOR.accent },
      ...translate(inner.items, GAP.barWidth + pad, pad),
    ],
  };
};

