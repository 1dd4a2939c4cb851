/**
 * How a timeline event shows a date the text does not state plainly: the
 * date label carries the mark (`2022年12月（推断）` / `December 2022 (inferred)`,
 * `2024年12月（存疑）` / `December 2024 (uncertain)`) and the editors' note
 * follows the event's text after a bold `注：` / `Note:`, or, where the timeline is
 * drawn in narrow columns (slides), stands under it with the marked date.
 * A plain date stays as it is.
 */
import type { Bi, TimelineEvent } from '../src/model/types.js';
import type { BiInline, ParagraphBlock } from '../src/ir/types.js';
import { formatDate } from '../src/theme/format.js';
import { CERTAINTY_LABELS, LABELS } from '../src/theme/labels.js';
import { FW } from './format.js';

/** The event's date for display, with the certainty mark when there is one. */
export function eventDateLabel(event: Pick<TimelineEvent, 'date' | 'certainty'>): Bi {
  const date = formatDate(event.date);
  if (!event.certainty) return date;
  const mark = CERTAINTY_LABELS[event.certainty.level];
  return { zh: `${date.zh}${FW.open}${mark.zh}${FW.close}`, en: `${date.en} (${mark.en})` };
}

/** The event's text, followed by the editors' note when the date is inferred or uncertain (unless `withNote` is false). */
export function eventText(event: Pick<TimelineEvent, 'text' | 'certainty'>, withNote = true): BiInline {
  if (!event.certainty || !withNote) return { zh: [{ text: event.text.zh }], en: [{ text: event.text.en }] };
  const note = event.certainty.note;
  return {
    zh: [{ text: event.text.zh }, { text: `${LABELS.note.zh}${FW.colon}`, strong: true }, { text: note.zh }],
    en: [{ text: `${event.text.en} ` }, { text: `${LABELS.note.en}: `, strong: true }, { text: note.en }],
  };
}

/** The notes of the events with an inferred or uncertain date, each after its marked date: one note paragraph per language. */
export function certaintyNotes(events: readonly Pick<TimelineEvent, 'date' | 'certainty' | 'cites'>[]): ParagraphBlock[] {
  const marked = events.filter((e) => e.certainty);
  if (marked.length === 0) return [];
  const line = (lang: 'zh' | 'en'): ParagraphBlock => ({
    type: 'paragraph',
    lang,
    role: 'note',
    text: marked.flatMap((e, i) => [
      ...(i > 0 && lang === 'en' ? [{ text: ' ' }] : []),
      { text: `${eventDateLabel(e)[lang]}${lang === 'zh' ? FW.colon : ': '}`, strong: true },
      { text: e.certainty!.note[lang] },
    ]),
    // The events in the figure above cite their paragraphs; the notes are the editors' own.
    cites: [],
  });
  return [line('zh'), line('en')];
}
