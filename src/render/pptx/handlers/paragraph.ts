/** Running text at the size of its role: body and lead at body size, notes and meta lines small. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { para, runs } from '../inline.js';
import { bodySize, smallSize, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const paragraph: Handler<PptxState, 'paragraph', Drawn> = (b, env) => {
  const role = b.role ?? 'body';
  if (role === 'note' || role === 'meta') {
    return textBox([para(runs(b.text, b.lang, { size: smallSize(env), color: COLOR.muted }, env.links), 'small')], env.width, 'small');
  }
  const size = bodySize(env)[b.lang] + (role === 'lead' ? 2 : 0);
  return textBox([para(runs(b.text, b.lang, { size, color: b.lang === 'zh' ? COLOR.zh : COLOR.en }, env.links), 'body')], env.width);
};
