/** A passage of the article (a reading-edition block on a slide): its mark small, then its text at body size. */
import { COLOR } from '../constants.js';
import type { Handler } from '../../state.js';
import { para, runs } from '../inline.js';
import { textBox, typeOf, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

export const passage: Handler<PptxState, 'passage', Drawn> = (b, env) => {
  const t = typeOf(env);
  const text = runs(b.text, 'zh', { size: t.zh, color: COLOR.zh, small: t.small }, env.links);
  const mark = b.mark ? [{ text: `${b.mark}  `, lang: 'en' as const, size: t.small, color: COLOR.muted }] : [];
  return textBox([para([...mark, ...text], t.zh * t.line.zh)], env.width);
};
