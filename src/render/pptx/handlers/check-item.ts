/**
 * A recommendation: its number (`marker`) in a disc in the number column,
 * a box to tick (filled when done), then its Chinese and English, each led
 * by its tags, and a small line: actor and horizon, citations.
 */
import type { BiInline, Inline } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { COLOR } from '../constants.js';
import { biLine } from '../inline.js';
import type { Handler } from '../../state.js';
import { bodyParas, disc, firstLineOf, markedRow, metaLine, smallSize, type PptxState } from '../state.js';
import type { Drawn, Item, Run } from '../draw.js';

/** Several tags as one: each language's labels, a space apart. */
function joinTags(tags: readonly BiInline[] | undefined): BiInline | undefined {
  const list = (tags ?? []).filter((t) => t.zh?.length || t.en?.length);
  if (list.length === 0) return undefined;
  const lang = (l: 'zh' | 'en'): Inline => list.flatMap((t, i) => [...(i > 0 && t[l]?.length ? [{ text: ' ' }] : []), ...(t[l] ?? [])]);
  return { zh: lang('zh'), en: lang('en') };
}

/** Side of the box to tick, and the space after it. */
const BOX = { side: 13, after: 9 };

export const checkItem: Handler<PptxState, 'checkItem', Drawn> = (b, env) => {
  const size = smallSize(env);
  const facts: Run[] = [];
  for (const f of [b.actor, b.horizon]) {
    const rs = biLine(f, { size, color: COLOR.muted, small: size }, ' ', env.links);
    if (rs.length === 0) continue;
    if (facts.length > 0) facts.push({ text: ' · ', lang: 'en', size, color: COLOR.muted });
    facts.push(...rs);
  }
  const paras = bodyParas(env, { zh: b.zh, en: b.en }, joinTags(b.tags), metaLine(env, { facts, ...(b.source ? { source: b.source } : {}) }));
  const first = firstLineOf(paras);
  const numberW = b.marker ? slideSpec.body.marker : 0;
  const marker: Item[] = b.marker ? disc(b.marker, first) : [];
  const box: Item = {
    kind: 'rect',
    x: numberW + 1,
    y: (first - BOX.side) / 2,
    w: BOX.side,
    h: BOX.side,
    line: { color: COLOR.accent, width: 1.5 },
    ...(b.checked ? { fill: COLOR.accent } : {}),
  };
  return markedRow([...marker, box], numberW + 1 + BOX.side + BOX.after, paras, env.width);
};
