/** A heading inside a slide: accent, both languages, at body size (bold Chinese). */
import { COLOR } from '../constants.js';
import { biParas } from '../inline.js';
import type { Handler } from '../../state.js';
import { bodyStyle, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const heading: Handler<PptxState, 'heading', Drawn> = (b, env) => {
  const style = bodyStyle(env, undefined, { zh: COLOR.accent, en: COLOR.accent });
  return textBox(biParas(b.text, { ...style, zh: { ...style.zh, bold: true } }, env.links), env.width);
};
