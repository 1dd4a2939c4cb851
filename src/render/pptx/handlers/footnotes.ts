/** Footnotes: each label and text on a small line. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { para, runs } from '../inline.js';
import { textBox, typeOf, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const footnotes: Handler<PptxState, 'footnotes', Drawn> = (b, env) => {
  const t = typeOf(env);
  const size = t.small;
  return textBox(
    b.items.map((it) => para([{ text: `${it.label}  `, lang: 'en', size, color: COLOR.accent, bold: true }, ...runs(it.text, 'zh', { size, color: COLOR.muted, small: size }, env.links)], size * t.line.small)),
    env.width,
    'small',
  );
};
