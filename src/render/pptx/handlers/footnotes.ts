/** Footnotes: each label and text on a small line. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { para, runs } from '../inline.js';
import { smallSize, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const footnotes: Handler<PptxState, 'footnotes', Drawn> = (b, env) => {
  const size = smallSize(env);
  return textBox(
    b.items.map((it) => para([{ text: `${it.label}  `, lang: 'en', size, color: COLOR.accent, bold: true }, ...runs(it.text, 'zh', { size, color: COLOR.muted }, env.links)], 'small')),
    env.width,
    'small',
  );
};
