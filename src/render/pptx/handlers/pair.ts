/** A point: its marker (number disc, term or bar) and the Chinese, the English, its tags and citations. */
import type { Handler } from '../../state.js';
import type { Drawn } from '../draw.js';
import type { PptxState } from '../state.js';
import { item } from './item.js';

export const pair: Handler<PptxState, 'pair', Drawn> = (b, env) =>
  item(env, { marker: b.marker, text: { zh: b.zh, en: b.en }, tags: [b.tags], source: b.source });
