/** A recommendation beside a box (filled when done), with its actor and horizon. */
import { COLOR, GAP, SIZE } from '../constants.js';
import { runs } from '../inline.js';
import type { Handler } from '../../state.js';
import { sz, bodyParas, markedRow, firstLineOf, type PptxState } from '../state.js';
import type { Drawn, Item, Run } from '../draw.js';

export const checkItem: Handler<PptxState, 'checkItem', Drawn> = (b, env) => {
  const { width } = env;
  const paras = bodyParas({ zh: b.zh, en: b.en }, b.cites, env);
  const metaRuns: Run[] = [
    ...runs(b.actor?.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
    ...runs(b.horizon?.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: ` · ${r.text}` })),
    ...runs(b.actor?.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: `  ${r.text}` })),
    ...runs(b.horizon?.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: ` · ${r.text}` })),
  ];
  if (metaRuns.length > 0) paras.push({ runs: metaRuns });
  const first = firstLineOf(paras);
  const s = 12 * env.scale;
  const box: Item = {
    kind: 'rect',
    x: 0,
    y: (first - s) / 2,
    w: s,
    h: s,
    line: { color: COLOR.accent, width: 1.25 },
    ...(b.checked ? { fill: COLOR.accent } : {}),
  };
  return markedRow([box], GAP.markerColumn * env.scale, paras, width);
};

