/** Running text at the size of its role: body and lead at body size, notes and meta lines small and muted. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { para, runs } from '../inline.js';
import { smallPara, textBox, typeOf, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const paragraph: Handler<PptxState, 'paragraph', Drawn> = (b, env) => {
  const role = b.role ?? 'body';
  if (role === 'note' || role === 'meta') {
    const p = smallPara(b.text, b.lang, env);
    return textBox(p ? [p] : [], env.width, 'small');
  }
  const t = typeOf(env);
  const rs = runs(b.text, b.lang, { size: t[b.lang], color: b.lang === 'zh' ? COLOR.zh : COLOR.en, small: t.small }, env.links);
  return textBox(rs.length > 0 ? [para(rs, t[b.lang] * t.line[b.lang])] : [], env.width);
};
