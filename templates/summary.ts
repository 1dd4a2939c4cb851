/**
 * Bilingual summary (A4): title block (with the original: title, address,
 * date), key takeaways, the editors' summary of each section, the article's
 * own (explicit) recommendations, the glossary, the timeline, and on paper the
 * "Sources cited" appendix. Chinese and English sit side by side in `pair`
 * blocks; each item's small source line cites its paragraphs ("¶3.2"), each
 * mark a link to the reading edition (and, on paper, to the appendix).
 */
import type { Article, TimelineEvent } from '../src/model/types.js';
import type { Block, Doc, PairBlock, TableBlock, TimelineFigure } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline, byDate, docMeta, fixedId, inline, titleBlock, uniq } from './format.js';
import { eventDateLabel, eventText } from './certainty.js';
import { Citations } from './cite.js';
import { kindLabel, numberedRecommendations } from './recommendations.js';
import { sectionTitle } from './reading.js';

export function takeawayBlocks(article: Article, cite?: Citations): Block[] {
  if (article.takeaways.length === 0) return [];
  return [
    { type: 'heading', level: 1, id: fixedId(article, 'takeaways'), text: biInline(LABELS.takeaways), cites: [] },
    {
      type: 'callout',
      tone: 'key',
      cites: uniq(article.takeaways.flatMap((t) => t.cites)),
      children: article.takeaways.map((t, i): PairBlock => {
        const source = cite?.line(t.cites);
        return { type: 'pair', id: t.id, marker: String(i + 1), zh: inline(t.text.zh), en: inline(t.text.en), cites: t.cites, ...(source ? { source } : {}) };
      }),
    },
  ];
}

export function sectionBlocks(article: Article, cite?: Citations): Block[] {
  if (article.sections.length === 0) return [];
  return [
    { type: 'heading', level: 1, id: fixedId(article, 'sections'), text: biInline(LABELS.sections), cites: [] },
    ...article.sections.map((s): Block => {
      const ids = s.paragraphs.map((p) => p.id);
      // The summary of a whole section cites its range; its text is the reading edition's, not the appendix's.
      const source = cite?.line(ids, false);
      return {
        type: 'group',
        id: fixedId(article, `section-${s.id}`),
        cites: ids,
        children: [
          { type: 'heading', level: 2, text: biInline(sectionTitle(s)), cites: [] },
          { type: 'pair', zh: inline(s.summary.zh), en: inline(s.summary.en), cites: ids, ...(source ? { source } : {}) },
        ],
      };
    }),
  ];
}

/** The article's own recommendations (`kind=explicit`), numbered as in the checklist. */
export function explicitBlocks(article: Article, cite?: Citations): Block[] {
  const explicit = numberedRecommendations(article).filter((n) => n.rec.kind === 'explicit');
  if (explicit.length === 0) return [];
  const implicit = article.recommendations.some((r) => r.kind === 'implicit');
  return [
    { type: 'heading', level: 1, id: fixedId(article, 'explicit-recommendations'), text: biInline(LABELS.explicitRecommendations), cites: [] },
    {
      type: 'pair',
      zh: inline(implicit ? `${LABELS.explicitIntro.zh}${LABELS.implicitPointer.zh}` : LABELS.explicitIntro.zh),
      en: inline(implicit ? `${LABELS.explicitIntro.en} ${LABELS.implicitPointer.en}` : LABELS.explicitIntro.en),
      cites: [],
      keepWithNext: true,
    },
    ...explicit.map(({ rec, number, actor }): PairBlock => {
      const source = cite?.line(rec.cites);
      return {
        type: 'pair',
        id: rec.id,
        marker: String(number),
        zh: [{ text: `${actor.zh}\uFF1A`, strong: true }, { text: rec.text.zh }],
        en: [{ text: `${actor.en}: `, strong: true }, { text: rec.text.en }],
        tags: biInline(kindLabel(rec)),
        cites: rec.cites,
        ...(source ? { source } : {}),
      };
    }),
  ];
}

export function glossaryTable(article: Article, cite?: Citations): TableBlock {
  return {
    type: 'table',
    id: fixedId(article, 'glossary-table'),
    caption: biInline(LABELS.glossary),
    columns: [
      { text: biInline(LABELS.term), weight: 1 },
      { text: biInline(LABELS.name), weight: 2 },
      { text: biInline(LABELS.definition), weight: 3 },
    ],
    rows: article.glossary.map((t) => {
      const source = cite?.line(t.cites);
      return [{ text: { zh: inline(t.term) }, id: t.id }, { text: biInline(t.name) }, { text: biInline(t.definition), cites: t.cites, ...(source ? { source } : {}) }];
    }),
    cites: uniq(article.glossary.flatMap((t) => t.cites)),
  };
}

/** Date labels are never broken: each language's label is one `nowrap` run. */
export function dateLabel(e: Pick<TimelineEvent, 'date' | 'certainty'>): { zh: [{ text: string; nowrap: true }]; en: [{ text: string; nowrap: true }] } {
  const d = eventDateLabel(e);
  return { zh: [{ text: d.zh, nowrap: true }], en: [{ text: d.en, nowrap: true }] };
}

/** The timeline as a figure: events in date order, each with its id, marked date, certainty note and source line. */
export function timelineFigure(article: Article, events: readonly TimelineEvent[], cite?: Citations): TimelineFigure {
  return {
    type: 'figure',
    kind: 'timeline',
    caption: biInline(LABELS.timeline),
    events: byDate(events).map((e) => {
      const source = cite?.line(e.cites);
      return {
        id: e.id,
        date: e.date,
        dateLabel: dateLabel(e),
        text: eventText(e, false),
        ...(e.certainty ? { note: { zh: [{ text: `${LABELS.note.zh}\uFF1A`, strong: true }, { text: e.certainty.note.zh }], en: [{ text: `${LABELS.note.en}: `, strong: true }, { text: e.certainty.note.en }] } } : {}),
        cites: e.cites,
        ...(source ? { source } : {}),
      };
    }),
    cites: uniq(events.flatMap((e) => e.cites)),
  };
}

export function summary(article: Article): Doc {
  const cite = new Citations(article, 'summary');
  const blocks: Block[] = [titleBlock(article, 'summary'), ...takeawayBlocks(article, cite), ...sectionBlocks(article, cite), ...explicitBlocks(article, cite)];
  if (article.glossary.length > 0) {
    blocks.push({ type: 'heading', level: 1, id: fixedId(article, 'glossary'), text: biInline(LABELS.glossary), cites: [] }, glossaryTable(article, cite));
  }
  if (article.timeline.length > 0) {
    blocks.push(
      { type: 'heading', level: 1, id: fixedId(article, 'timeline'), text: biInline(LABELS.timeline), cites: [] },
      { ...timelineFigure(article, article.timeline, cite), id: fixedId(article, 'timeline-figure') },
    );
  }
  blocks.push(...cite.appendix());
  return { product: 'summary', page: 'a4', meta: docMeta(article, 'summary'), blocks };
}
