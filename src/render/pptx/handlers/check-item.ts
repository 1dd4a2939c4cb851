/** A recommendation beside a box (filled when done), then its small line: tags, actor and horizon, citations. */
import { COLOR } from '../constants.js';
import { biLine } from '../inline.js';
import type { Handler } from '../../state.js';
import { bodyParas, firstLineOf, markedRow, metaLine, smallSize, type PptxState } from '../state.js';
import type { Drawn, Item, Run } from '../draw.js';

export const checkItem: Handler<PptxState, 'checkItem', Drawn> = (b, env) => {
  const size = smallSize(env);
  const facts: Run[] = [];
  for (const f of [b.actor, b.horizon]) {
    const rs = biLine(f, { size, color: COLOR.muted }, ' ', env.links);
    if (rs.length === 0) continue;
    if (facts.length > 0) facts.push({ text: ' · ', lang: 'en', size, color: COLOR.muted });
    facts.push(...rs);
  }
  const paras = bodyParas(env, { zh: b.zh, en: b.en }, metaLine(env, { tags: b.tags, facts, source: b.source }));
  const first = firstLineOf(paras);
  const s = Math.min(first * 0.7, 16 * env.scale);
  const box: Item = {
    kind: 'rect',
    x: 2,
    y: (first - s) / 2,
    w: s,
    h: s,
    line: { color: COLOR.accent, width: 1.5 },
    ...(b.checked ? { fill: COLOR.accent } : {}),
  };
  return markedRow([box], s + 14 * env.scale, paras, env.width);
};
