/** A heading inside a slide: accent, both languages. */
import { COLOR, GAP } from '../constants.js';
import { biParas } from '../inline.js';
import type { Handler } from '../../state.js';
import { bodySize, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const heading: Handler<PptxState, 'heading', Drawn> = (b, env) => {
  const size = bodySize(env);
  return textBox(
    biParas(
      b.text,
      {
        zh: { size: size.zh + (b.level <= 2 ? 2 : 0), color: COLOR.accent, bold: true },
        en: { size: size.en, color: COLOR.accent },
        kind: 'body',
        gap: GAP.lang * env.scale,
      },
      env.links,
    ),
    env.width,
  );
};
