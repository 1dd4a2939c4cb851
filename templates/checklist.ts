/**
 * Recommendations checklist (A4): title block, a done/total counter, then
 * every recommendation as a check item, grouped by actor then horizon in the
 * order of the article's declared actors and of HORIZONS. Empty groups are left out.
 */
import { HORIZONS, HORIZON_LABELS } from '../src/model/types.js';
import type { Actor, Article, Horizon, Recommendation } from '../src/model/types.js';
import type { Block, ChecklistItemBlock, Doc, GroupBlock } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline, docMeta, inline, titleBlock, uniq } from './format.js';

export function checkItem(rec: Recommendation, actor: Actor): ChecklistItemBlock {
  return {
    type: 'checkItem',
    id: rec.id,
    zh: inline(rec.text.zh),
    en: inline(rec.text.en),
    actor: biInline(actor),
    horizon: biInline(HORIZON_LABELS[rec.horizon]),
    checked: false,
    cites: rec.cites,
  };
}

/** Recommendations of one actor, grouped by horizon; null when the actor has none. */
export function actorGroup(actor: Actor, recs: readonly Recommendation[]): GroupBlock | null {
  const mine = recs.filter((r) => r.actor === actor.id);
  if (mine.length === 0) return null;
  const horizonGroups = HORIZONS.map((h: Horizon): GroupBlock | null => {
    const items = mine.filter((r) => r.horizon === h);
    if (items.length === 0) return null;
    return {
      type: 'group',
      id: `group-${actor.id}-${h}`,
      cites: uniq(items.flatMap((r) => r.cites)),
      children: [{ type: 'heading', level: 3, text: biInline(HORIZON_LABELS[h]), cites: [] }, ...items.map((r) => checkItem(r, actor))],
    };
  }).filter((g): g is GroupBlock => g !== null);
  return {
    type: 'group',
    id: `group-${actor.id}`,
    cites: uniq(mine.flatMap((r) => r.cites)),
    children: [{ type: 'heading', level: 2, text: biInline(actor), cites: [] }, ...horizonGroups],
  };
}

export function checklist(article: Article): Doc {
  const groups = article.actors.map((a) => actorGroup(a, article.recommendations)).filter((g): g is GroupBlock => g !== null);
  const blocks: Block[] = [
    titleBlock(article, 'checklist'),
    { type: 'progress', id: 'progress', total: article.recommendations.length, label: biInline(LABELS.progress), cites: [] },
    ...groups,
  ];
  return { product: 'checklist', page: 'a4', meta: docMeta(article, 'checklist'), blocks };
}
