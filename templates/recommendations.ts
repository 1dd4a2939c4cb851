/**
 * Recommendations in the order every product shows them: by the article's
 * declared actors, then by horizon (now, near, long), then as written. Their
 * numbers follow that order, so "建议 3" names the same item in the checklist,
 * the slides, the summary and the reading edition's margin notes.
 */
import { HORIZONS, actorOf, type Actor, type Article, type Bi, type Recommendation } from '../src/model/types.js';
import { LABELS } from '../src/theme/labels.js';

export interface NumberedRecommendation {
  rec: Recommendation;
  /** 1-based, in checklist order. */
  number: number;
  actor: Actor;
}

const cache = new WeakMap<Article, NumberedRecommendation[]>();

export function numberedRecommendations(article: Article): NumberedRecommendation[] {
  const hit = cache.get(article);
  if (hit) return hit;
  const actorRank = (id: string) => article.actors.findIndex((a) => a.id === id);
  const list = article.recommendations
    .map((rec, i) => ({ rec, i }))
    .sort((a, b) => actorRank(a.rec.actor) - actorRank(b.rec.actor) || HORIZONS.indexOf(a.rec.horizon) - HORIZONS.indexOf(b.rec.horizon) || a.i - b.i)
    .map(({ rec }, k) => ({ rec, number: k + 1, actor: actorOf(article, rec.actor) }));
  cache.set(article, list);
  return list;
}

/** The label that says whose recommendation it is: the article's own (explicit) or the editors' inference (implicit). */
export function kindLabel(rec: Pick<Recommendation, 'kind'>): Bi {
  return rec.kind === 'explicit' ? LABELS.explicit : LABELS.implicit;
}
