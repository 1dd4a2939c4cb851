/** A tinted box with an accent bar: the title, then the children. */
import type { CalloutBlock } from '../../../ir/types.js';
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { stack, translate, type Drawn } from '../draw.js';
import { biParas } from '../inline.js';
import { bodyStyle, itemGap, textBox, type PptxState } from '../state.js';

const FILL: Record<CalloutBlock['tone'], string> = { key: COLOR.accentSoft, info: COLOR.panel, note: COLOR.panel };
const BAR = 4;
const PAD = 10;

export const callout: Handler<PptxState, 'callout', Drawn> = (b, env) => {
  const innerW = env.width - 2 * PAD - BAR;
  const parts: Drawn[] = [];
  if (b.title) {
    const style = bodyStyle(env, undefined, { zh: COLOR.accent, en: COLOR.accent });
    parts.push(textBox(biParas(b.title, { ...style, zh: { ...style.zh, bold: true }, en: { ...style.en, bold: true } }, env.links), innerW));
  }
  parts.push(...{ ...env, width: innerW }.all(b.children));
  const inner = stack(parts, itemGap(env));
  const h = inner.h + 2 * PAD;
  return {
    h,
    items: [
      { kind: 'rect', x: 0, y: 0, w: env.width, h, fill: FILL[b.tone] },
      { kind: 'rect', x: 0, y: 0, w: BAR, h, fill: COLOR.accent },
      ...translate(inner.items, BAR + PAD, PAD),
    ],
  };
};
