/** A heading in the accent colour, both languages. */
import { COLOR, GAP, SIZE } from '../constants.js';
import { biParas } from '../inline.js';
import type { Handler } from '../../state.js';
import { sz, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const heading: Handler<PptxState, 'heading', Drawn> = (b, env) => {
  const { width } = env;
  const zh = b.level === 1 ? SIZE.bodyZh + 2 : SIZE.bodyZh;
  return textBox(
    biParas(b.text, {
      zh: { size: sz(zh, env), color: COLOR.accent, bold: true },
      en: { size: sz(SIZE.bodyEn, env), color: COLOR.accent },
      gap: GAP.para * env.scale,
    }),
    width,
  );
};

