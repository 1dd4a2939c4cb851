/**
 * Bilingual summary (A4): title block, key takeaways, the editors' summary of
 * each section, the glossary as a table and the timeline as a figure. Chinese
 * and English sit side by side in `pair` blocks; every point cites its paragraphs.
 */
import type { Article, TimelineEvent } from '../src/model/types.js';
import type { Block, Doc, TableBlock, TimelineFigure } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline, byDate, docMeta, inline, titleBlock, uniq } from './format.js';
import { eventDateLabel, eventText } from './certainty.js';

export function takeawayBlocks(article: Article): Block[] {
  if (article.takeaways.length === 0) return [];
  return [
    { type: 'heading', level: 1, id: 'takeaways', text: biInline(LABELS.takeaways), cites: [] },
    {
      type: 'callout',
      tone: 'key',
      cites: uniq(article.takeaways.flatMap((t) => t.cites)),
      children: article.takeaways.map((t, i) => ({
        type: 'pair',
        id: t.id,
        marker: String(i + 1),
        zh: inline(t.text.zh),
        en: inline(t.text.en),
        cites: t.cites,
      })),
    },
  ];
}

export function sectionBlocks(article: Article): Block[] {
  if (article.sections.length === 0) return [];
  return [
    { type: 'heading', level: 1, id: 'sections', text: biInline(LABELS.sections), cites: [] },
    ...article.sections.map(
      (s): Block => ({
        type: 'group',
        id: `section-${s.id}`,
        cites: s.paragraphs.map((p) => p.id),
        children: [
          { type: 'heading', level: 2, text: biInline(s.title), cites: [] },
          { type: 'pair', zh: inline(s.summary.zh), en: inline(s.summary.en), cites: s.paragraphs.map((p) => p.id) },
        ],
      }),
    ),
  ];
}

export function glossaryTable(article: Article): TableBlock {
  return {
    type: 'table',
    id: 'glossary-table',
    caption: biInline(LABELS.glossary),
    columns: [
      { text: biInline(LABELS.term), weight: 1 },
      { text: biInline(LABELS.name), weight: 2 },
      { text: biInline(LABELS.definition), weight: 3 },
    ],
    rows: article.glossary.map((t) => [
      { text: { zh: inline(t.term) } },
      { text: biInline(t.name) },
      { text: biInline(t.definition), cites: t.cites },
    ]),
    cites: uniq(article.glossary.flatMap((t) => t.cites)),
  };
}

/** The timeline as a figure; `notes: false` leaves the certainty notes out of the events' text (the caller prints them, see `certaintyNotes`). */
export function timelineFigure(events: readonly TimelineEvent[], notes = true): TimelineFigure {
  return {
    type: 'figure',
    kind: 'timeline',
    caption: biInline(LABELS.timeline),
    events: byDate(events).map((e) => ({
      date: e.date,
      dateLabel: biInline(eventDateLabel(e)),
      text: eventText(e, notes),
      cites: e.cites,
    })),
    cites: uniq(events.flatMap((e) => e.cites)),
  };
}

export function summary(article: Article): Doc {
  const blocks: Block[] = [titleBlock(article, 'summary'), ...takeawayBlocks(article), ...sectionBlocks(article)];
  if (article.glossary.length > 0) {
    blocks.push({ type: 'heading', level: 1, id: 'glossary', text: biInline(LABELS.glossary), cites: [] }, glossaryTable(article));
  }
  if (article.timeline.length > 0) {
    blocks.push(
      { type: 'heading', level: 1, id: 'timeline', text: biInline(LABELS.timeline), cites: [] },
      { ...timelineFigure(article.timeline), id: 'timeline-figure' },
    );
  }
  return { product: 'summary', page: 'a4', meta: docMeta(article, 'summary'), blocks };
}
