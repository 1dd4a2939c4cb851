/** Running text at the size of its role. */
import type { ParagraphBlock } from '../../../ir/types.js';
import { COLOR, SIZE } from '../constants.js';
import type { Handler } from '../../state.js';
import { runs } from '../inline.js';
import { sz, textBox, type PptxState } from '../state.js';
import type { Drawn } from '../draw.js';

const PARAGRAPH_STYLE: Record<NonNullable<ParagraphBlock['role']>, { zh: number; en: number; muted: boolean }> = {
  body: { zh: SIZE.bodyZh, en: SIZE.bodyEn, muted: false },
  lead: { zh: SIZE.bodyZh + 1, en: SIZE.bodyEn + 1, muted: false },
  note: { zh: SIZE.small, en: SIZE.small, muted: true },
  meta: { zh: SIZE.small, en: SIZE.small, muted: true },
};

export const paragraph: Handler<PptxState, 'paragraph', Drawn> = (b, env) => {
  const { width } = env;
  const style = PARAGRAPH_STYLE[b.role ?? 'body'];
  const color = style.muted ? COLOR.muted : b.lang === 'zh' ? COLOR.zh : COLOR.en;
  return textBox([{ runs: runs(b.text, b.lang, { size: sz(style[b.lang], env), color }) }], width);
};

