/**
 * Recommendations checklist (A4): title block, on screen a done/total
 * counter (paper shows the empty boxes only), a legend of the two tags, then
 * every recommendation as a numbered check item, grouped by the article's
 * declared actors (in their order; level-1 headings) and then by horizon
 * (level 2) — actor and horizon in the group headings, once — each item tagged as the article's own or the
 * editors' inference, with its source line; on paper the "Sources cited"
 * appendix. Empty groups are left out.
 */
import { HORIZONS, HORIZON_LABELS } from '../src/model/types.js';
import type { Actor, Article, Horizon } from '../src/model/types.js';
import type { Block, ChecklistItemBlock, Doc, GroupBlock } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline, docMeta, fixedId, inline, titleBlock, uniq } from './format.js';
import { Citations } from './cite.js';
import { kindLabel, numberedRecommendations, type NumberedRecommendation } from './recommendations.js';

export function checkItem(n: NumberedRecommendation, cite?: Citations): ChecklistItemBlock {
  const source = cite?.line(n.rec.cites);
  return {
    type: 'checkItem',
    id: n.rec.id,
    marker: String(n.number),
    zh: inline(n.rec.text.zh),
    en: inline(n.rec.text.en),
    tags: [biInline(kindLabel(n.rec))],
    checked: false,
    cites: n.rec.cites,
    ...(source ? { source } : {}),
  };
}

/** Recommendations of one actor, grouped by horizon; null when the actor has none. */
export function actorGroup(article: Article, actor: Actor, cite?: Citations): GroupBlock | null {
  const mine = numberedRecommendations(article).filter((n) => n.rec.actor === actor.id);
  if (mine.length === 0) return null;
  const horizonGroups = HORIZONS.map((h: Horizon): GroupBlock | null => {
    const items = mine.filter((n) => n.rec.horizon === h);
    if (items.length === 0) return null;
    return {
      type: 'group',
      id: fixedId(article, `group-${actor.id}-${h}`),
      cites: uniq(items.flatMap((n) => n.rec.cites)),
      children: [{ type: 'heading', level: 2, text: biInline(HORIZON_LABELS[h]), cites: [] }, ...items.map((n) => checkItem(n, cite))],
    };
  }).filter((g): g is GroupBlock => g !== null);
  return {
    type: 'group',
    id: fixedId(article, `group-${actor.id}`),
    cites: uniq(mine.flatMap((n) => n.rec.cites)),
    children: [{ type: 'heading', level: 1, text: biInline(actor), cites: [] }, ...horizonGroups],
  };
}

export function checklist(article: Article): Doc {
  const cite = new Citations(article, 'checklist');
  const groups = article.actors.map((a) => actorGroup(article, a, cite)).filter((g): g is GroupBlock => g !== null);
  const blocks: Block[] = [
    titleBlock(article, 'checklist'),
    { type: 'progress', id: fixedId(article, 'progress'), media: 'screen', total: article.recommendations.length, label: biInline(LABELS.progress), reset: { label: biInline(LABELS.resetChecks), confirm: biInline(LABELS.resetConfirm) }, cites: [] },
    ...(article.recommendations.length > 0 ? [{ type: 'pair' as const, zh: inline(LABELS.tagLegend.zh), en: inline(LABELS.tagLegend.en), cites: [] }] : []),
    ...groups,
    ...cite.appendix(),
  ];
  return { product: 'checklist', page: 'a4', meta: docMeta(article, 'checklist'), blocks };
}
