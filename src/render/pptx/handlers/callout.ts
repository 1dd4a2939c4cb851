/** A tinted box with an accent bar: the title, then the children. */
import type { CalloutBlock } from '../../../ir/types.js';
import { COLOR, GAP } from '../constants.js';
import type { Handler } from '../../state.js';
import { stack, translate, type Drawn } from '../draw.js';
import { biParas } from '../inline.js';
import { bodySize, itemGap, textBox, type PptxState } from '../state.js';

const FILL: Record<CalloutBlock['tone'], string> = { key: COLOR.accentSoft, info: COLOR.panel, note: COLOR.panel };
const BAR = 4;

export const callout: Handler<PptxState, 'callout', Drawn> = (b, env) => {
  const pad = GAP.calloutPad * env.scale;
  const innerW = env.width - 2 * pad - BAR;
  const size = bodySize(env);
  const parts: Drawn[] = [];
  if (b.title) {
    parts.push(
      textBox(
        biParas(b.title, { zh: { size: size.zh, color: COLOR.accent, bold: true }, en: { size: size.en, color: COLOR.accent, bold: true }, kind: 'body' }, env.links),
        innerW,
      ),
    );
  }
  parts.push(...{ ...env, width: innerW }.all(b.children));
  const inner = stack(parts, itemGap(env));
  const h = inner.h + 2 * pad;
  return {
    h,
    items: [
      { kind: 'rect', x: 0, y: 0, w: env.width, h, fill: FILL[b.tone] },
      { kind: 'rect', x: 0, y: 0, w: BAR, h, fill: COLOR.accent },
      ...translate(inner.items, BAR + pad, pad),
    ],
  };
};
