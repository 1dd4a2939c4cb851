/**
 * Articles of many shapes for the deck's no-overflow property, made from a
 * real article by fast-check: titles of 1–120 characters, 1–9 sections,
 * 0–20 recommendations, 0–15 timeline events, 0–20 glossary terms, 1–8
 * takeaways, slide points of every length, the original's optional fields on
 * or off. (The shared generator of the templates branch,
 * tests/helpers/shapes.ts, replaces this one when it lands.)
 */
import fc from 'fast-check';
import type { Article, Bi, Recommendation, Term, TimelineEvent } from '../../../src/model/types.js';

const ZH = '美日同盟防务采购合作工业界出口管制协同作战飞机滑翔段拦截器共同生产与开发的新渠道';
const EN = ['alliance', 'co-production', 'export', 'controls', 'industry', 'Japan’s', '“unique”', 'requirements', 'interceptor', 'acquisition', 'partnership', 'framework'];

const zhText = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ZH[(seed * 7 + i * 3) % ZH.length]).join('');
const enText = (words: number, seed: number) =>
  Array.from({ length: words }, (_, i) => EN[(seed * 5 + i) % EN.length])
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());
const bi = (zhLen: number, seed: number): Bi => ({ zh: zhText(Math.max(1, zhLen), seed), en: enText(Math.max(1, Math.round(zhLen / 2.2)), seed) });

/** `n` items from a list, repeated (with fresh ids) when the list is shorter. */
function take<T extends { id: string }>(list: readonly T[], n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => (list.length ? { ...list[i % list.length], id: `${list[i % list.length].id}-s${i}` } : make(i)));
}

export interface Shape {
  title: number;
  sections: number;
  takeaways: number;
  recommendations: number;
  events: number;
  terms: number;
  /** Length (Chinese characters) of each editorial text. */
  text: number;
  original: boolean;
}

export const shape: fc.Arbitrary<Shape> = fc.record({
  title: fc.integer({ min: 1, max: 120 }),
  sections: fc.integer({ min: 1, max: 9 }),
  takeaways: fc.integer({ min: 1, max: 8 }),
  recommendations: fc.integer({ min: 0, max: 20 }),
  events: fc.integer({ min: 0, max: 15 }),
  terms: fc.integer({ min: 0, max: 20 }),
  text: fc.integer({ min: 4, max: 90 }),
  original: fc.boolean(),
});

/** The base article reshaped. Every id stays unique; cites point to paragraphs the article has. */
export function reshape(base: Article, s: Shape): Article {
  const cite = base.sections[0].paragraphs[0].id;
  const sections = Array.from({ length: s.sections }, (_, i) => {
    const from = base.sections[i % base.sections.length];
    return i < base.sections.length ? from : { ...from, id: `${from.id}-s${i}`, number: i + 1, paragraphs: [], blocks: [], title: bi(8 + (i % 20), i), summary: bi(s.text, i) };
  });
  const recommendations: Recommendation[] = take<Recommendation>(base.recommendations, s.recommendations, (i) => ({
    id: `rec-s${i}`,
    text: bi(s.text, i),
    actor: base.actors[0].id,
    horizon: 'now',
    kind: i % 2 ? 'implicit' : 'explicit',
    cites: [cite],
  })).map((r, i) => ({ ...r, text: bi(s.text, i) }));
  const events: TimelineEvent[] = take(base.timeline, s.events, (i) => ({ id: `ev-s${i}`, date: `${2000 + i}`, text: bi(s.text, i), cites: [cite] })).map((e, i) => ({
    ...e,
    date: `${2010 + i}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    text: bi(Math.min(s.text, 40), i),
  }));
  const glossary: Term[] = take(base.glossary, s.terms, (i) => ({ id: `term-s${i}`, term: `T${i}`, name: bi(8, i), definition: bi(s.text, i), cites: [cite] }));
  return {
    ...base,
    title: bi(s.title, 1),
    original: s.original ? { ...base.original, title: enText(Math.ceil(s.title / 8), 2), url: 'https://example.org/analysis/a-very-long-address-of-the-original-article', date: '2024-11-20' } : { outlet: base.original.outlet, author: base.original.author },
    sections,
    takeaways: take(base.takeaways, s.takeaways, (i) => ({ id: `tk-s${i}`, text: bi(s.text, i), cites: [cite] })).map((t, i) => ({ ...t, text: bi(s.text, i) })),
    recommendations,
    timeline: events,
    glossary,
    slides: base.slides.map((o) => ({ ...o, points: o.points.map((p, i) => ({ ...p, text: bi(s.text, i) })) })),
  };
}
