import { describe, expect, it } from 'vitest';
import { actorOf, HORIZONS, HORIZON_LABELS } from '../../src/model/types.js';
import type { Article } from '../../src/model/types.js';
import { checklist } from '../../templates/checklist.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, loadRealArticle, plain, testArticles, walk } from './articles.js';

const articles = await testArticles();

describe.each(articles)('checklist template (%s)', (_name, article) => {
  const doc = checklist(deepFreeze(structuredClone(article)));
  const blocks = walk(doc.blocks);
  const items = blocks.filter((b) => b.type === 'checkItem');

  it('opens with the title block and a progress counter over every recommendation', () => {
    expect(doc.page).toBe('a4');
    expect(doc.blocks[0].type).toBe('title');
    const progress = blocks.find((b) => b.type === 'progress');
    expect(progress?.type === 'progress' && progress.total).toBe(article.recommendations.length);
  });

  it('has every recommendation exactly once, bilingual, with actor, horizon and cites', () => {
    expect(items.map((i) => i.id).sort()).toEqual(article.recommendations.map((r) => r.id).sort());
    for (const r of article.recommendations) {
      const it = items.find((i) => i.id === r.id)!;
      expect(plain(it.zh)).toBe(r.text.zh);
      expect(plain(it.en)).toBe(r.text.en);
      expect(plain(it.actor.zh)).toBe(actorOf(article, r.actor).zh);
      expect(plain(it.horizon.en)).toBe(HORIZON_LABELS[r.horizon].en);
      expect(it.cites).toEqual(r.cites);
      expect(it.checked).toBe(false);
    }
  });

  it('orders items by actor then horizon, keeping source order within a group', () => {
    const rank = (r: Article['recommendations'][number]) => article.actors.findIndex((a) => a.id === r.actor) * 10 + HORIZONS.indexOf(r.horizon);
    const expected = article.recommendations
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
      .map((x) => x.r.id);
    expect(items.map((i) => i.id)).toEqual(expected);
  });

  it('heads each non-empty actor group and horizon subgroup, and no empty group', () => {
    const groups = doc.blocks.filter((b) => b.type === 'group');
    const actorsPresent = article.actors.filter((a) => article.recommendations.some((r) => r.actor === a.id));
    expect(groups).toHaveLength(actorsPresent.length);
    groups.forEach((g, i) => {
      if (g.type !== 'group') return;
      const h = g.children[0];
      expect(h.type === 'heading' && plain(h.text.zh)).toBe(actorsPresent[i].zh);
      for (const sub of g.children.slice(1)) {
        expect(sub.type).toBe('group');
        if (sub.type === 'group') expect(sub.children.some((c) => c.type === 'checkItem')).toBe(true);
      }
    });
  });
});

it('skips actors with no recommendation', () => {
  const a = structuredClone(sampleArticle);
  a.recommendations = a.recommendations.filter((r) => r.actor === 'japan');
  const groups = checklist(a).blocks.filter((b) => b.type === 'group');
  expect(groups).toHaveLength(1);
  expect(groups[0].id).toBe('group-japan');
});

it('the real article: the recommendations on the DICAS channel print the actor its front matter declares', async () => {
  const real = await loadRealArticle();
  expect(real, 'the real article loads').not.toBeNull();
  const items = walk(checklist(real!).blocks).filter((b) => b.type === 'checkItem');
  const shown = items.filter((i) => ['rec-14', 'rec-15', 'rec-16'].includes(i.id)).map((i) => `${plain(i.actor.zh)} / ${plain(i.actor.en)}`);
  expect(shown).toEqual(Array(3).fill('美国新政府（经DICAS） / New US administration via DICAS'));
});
