/** The progress label and count. */
import { COLOR, SIZE } from '../constants.js';
import { runs } from '../inline.js';
import type { Handler } from '../../state.js';
import { sz, textBox, type PptxState } from '../state.js';
import type { Drawn, Run } from '../draw.js';

export const progress: Handler<PptxState, 'progress', Drawn> = (b, env) => {
  const { width } = env;
  const size = sz(SIZE.small + 1, env);
  const label: Run[] = [
    ...runs(b.label.zh, 'zh', { size, color: COLOR.muted }),
    ...runs(b.label.en, 'en', { size, color: COLOR.muted }).map((r, i) => (i === 0 ? { ...r, text: ` ${r.text}` } : r)),
    { text: `: 0 / ${b.total}`, lang: 'en', size, color: COLOR.ink, bold: true },
  ];
  return textBox([{ runs: label }], width);
};

