import { describe, expect, it } from 'vitest';
import { HORIZONS, HORIZON_LABELS } from '../../src/model/types.js';
import type { Article } from '../../src/model/types.js';
import type { ChecklistItemBlock, GroupBlock } from '../../src/ir/types.js';
import { LABELS } from '../../src/theme/labels.js';
import { checklist } from '../../templates/checklist.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, loadRealArticle, plain, testArticles, walk } from './articles.js';

const articles = await testArticles();

describe.each(articles)('checklist template (%s)', (_name, article) => {
  const doc = checklist(deepFreeze(structuredClone(article)));
  const blocks = walk(doc.blocks);
  const items = blocks.filter((b): b is ChecklistItemBlock => b.type === 'checkItem');

  it('opens with the title block and, on screen only, a progress counter over every recommendation', () => {
    expect(doc.page).toBe('a4');
    expect(doc.blocks[0].type).toBe('title');
    const progress = blocks.find((b) => b.type === 'progress');
    expect(progress?.type === 'progress' && progress.total).toBe(article.recommendations.length);
    expect(progress?.media).toBe('screen');
  });

  it('has every recommendation exactly once, bilingual, unchecked, with its cites and a source line of marks', () => {
    expect(items.map((i) => i.id).sort()).toEqual(article.recommendations.map((r) => r.id).sort());
    for (const r of article.recommendations) {
      const it = items.find((i) => i.id === r.id)!;
      expect([plain(it.zh), plain(it.en)]).toEqual([r.text.zh, r.text.en]);
      expect(it.cites).toEqual(r.cites);
      expect(it.checked).toBe(false);
      expect((it.source ?? []).filter((s) => s.role === 'cite').every((s) => s.ref?.product === 'reading' && r.cites.includes(s.ref.anchor) && s.ref.local === s.ref.anchor)).toBe(true);
    }
  });

  it("tags each item in words as the article's own or the editors' inference, faithfully to its kind", () => {
    for (const r of article.recommendations) {
      const it = items.find((i) => i.id === r.id)!;
      const want = r.kind === 'explicit' ? LABELS.explicit : LABELS.implicit;
      expect(it.tags?.map((t) => [plain(t.zh), plain(t.en)])).toEqual([[want.zh, want.en]]);
    }
    if (article.recommendations.length > 0) expect(blocks.some((b) => b.type === 'pair' && plain(b.zh) === LABELS.tagLegend.zh)).toBe(true);
  });

  it('orders items by actor then horizon, keeping source order within a group, numbered 1 to n in that order', () => {
    const rank = (r: Article['recommendations'][number]) => article.actors.findIndex((a) => a.id === r.actor) * 10 + HORIZONS.indexOf(r.horizon);
    const expected = article.recommendations
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
      .map((x) => x.r.id);
    expect(items.map((i) => i.id)).toEqual(expected);
    expect(items.map((i) => i.marker)).toEqual(items.map((_, k) => String(k + 1)));
  });

  it('shows actor and horizon once per group, in its headings (level 1 and 2), never under each item', () => {
    const groups = doc.blocks.filter((b): b is GroupBlock => b.type === 'group' && b.media !== 'print');
    const actorsPresent = article.actors.filter((a) => article.recommendations.some((r) => r.actor === a.id));
    expect(groups).toHaveLength(actorsPresent.length);
    groups.forEach((g, i) => {
      const h = g.children[0];
      expect(h.type === 'heading' && [h.level, plain(h.text.zh), plain(h.text.en)]).toEqual([1, actorsPresent[i].zh, actorsPresent[i].en]);
      for (const sub of g.children.slice(1)) {
        expect(sub.type).toBe('group');
        if (sub.type !== 'group') continue;
        const sh = sub.children[0];
        expect(sh.type === 'heading' && sh.level).toBe(2);
        const horizon = HORIZONS.find((x) => sh.type === 'heading' && plain(sh.text.en) === HORIZON_LABELS[x].en)!;
        const mine = sub.children.filter((c): c is ChecklistItemBlock => c.type === 'checkItem');
        expect(mine.length).toBeGreaterThan(0);
        for (const it of mine) {
          const r = article.recommendations.find((x) => x.id === it.id)!;
          expect([r.actor, r.horizon]).toEqual([actorsPresent[i].id, horizon]);
        }
      }
    });
    expect(items.every((i) => i.actor === undefined && i.horizon === undefined)).toBe(true);
  });

  it('ends, on paper, with the cited paragraphs', () => {
    const last = doc.blocks[doc.blocks.length - 1];
    if (article.recommendations.length === 0) return;
    expect(last.type === 'group' && last.media).toBe('print');
  });
});

it('skips actors with no recommendation', () => {
  const a = structuredClone(sampleArticle);
  a.recommendations = a.recommendations.filter((r) => r.actor === 'japan');
  const groups = checklist(a).blocks.filter((b) => b.type === 'group' && b.media !== 'print');
  expect(groups).toHaveLength(1);
  expect(groups[0].id).toBe('group-japan');
});

it('the real article: the recommendations on the DICAS channel sit under the actor its front matter declares', async () => {
  const real = await loadRealArticle();
  const group = checklist(real).blocks.find((b) => b.type === 'group' && b.id === 'group-us-administration');
  expect(group?.type).toBe('group');
  if (group?.type !== 'group') return;
  const h = group.children[0];
  expect(h.type === 'heading' && `${plain(h.text.zh)} / ${plain(h.text.en)}`).toBe('美国新政府（经DICAS） / New US administration via DICAS');
  expect(walk(group.children).flatMap((b) => (b.type === 'checkItem' ? [b.id] : []))).toEqual(['rec-14', 'rec-15', 'rec-16']);
});
