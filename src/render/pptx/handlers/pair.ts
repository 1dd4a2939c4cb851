/** A point: its marker (number disc, term or bar) and the Chinese, the English, each led by its tag, and its citations. */
import type { Handler } from '../../state.js';
import type { Drawn } from '../draw.js';
import type { PptxState } from '../state.js';
import { item } from './item.js';

export const pair: Handler<PptxState, 'pair', Drawn> = (b, env) =>
  item(env, { ...(b.marker ? { marker: b.marker } : {}), text: { zh: b.zh, en: b.en }, ...(b.tags ? { tags: b.tags } : {}), ...(b.source ? { source: b.source } : {}) });
