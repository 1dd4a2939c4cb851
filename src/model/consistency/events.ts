/**
 * Timeline dates against the text: an event's date must be given by the
 * paragraphs it cites — its year written out, or a relative date that
 * resolves to it (`去年5月` against the article's date; `次年12月` against the
 * year named before it) — unless the event is marked `certainty=inferred`.
 * A fiscal year (`2025财年`, `FY2025`) is not the date of an event. The
 * products print the timeline sorted by date: an event listed after a later
 * one does not stand where the source puts it, and is often misdated.
 */
import type { Article, Citable, TimelineEvent } from '../types.js';
import { anchorOf, zhDateMentions, type Anchor, type DateMention } from './dates.js';

export interface EventFinding {
  rule: 'event-date-unsupported' | 'event-fiscal-year' | 'timeline-order';
  event: TimelineEvent;
  /** The attribute the message points at. */
  attribute: 'date' | 'as-written';
  reason: string;
}

const FISCAL = /财年|财政年度|会计年度|\bFY\s?\d{4}\b|\bfiscal\b/i;

interface Resolved {
  year: number;
  month?: number;
  day?: number;
  fiscal: boolean;
  text: string;
}

/**
 * Calendar positions of a paragraph's date mentions. A month without a year
 * takes the year last named before it in the paragraph, or else the last
 * such month on or before the article's date (`4月10日` in a January 2025
 * article is 10 April 2024).
 */
export function resolveMentions(mentions: readonly DateMention[], anchor: Anchor | undefined): Resolved[] {
  const out: Resolved[] = [];
  let lastYear: number | undefined;
  for (const m of mentions) {
    let year = m.year;
    if (year === undefined && m.month !== undefined) {
      if (lastYear !== undefined) year = lastYear;
      else if (anchor) year = m.month * 100 + (m.day ?? 1) <= anchor.month * 100 + anchor.day ? anchor.year : anchor.year - 1;
    }
    if (year === undefined) continue;
    if (!m.fiscal) lastYear = year;
    out.push({ year, ...(m.month !== undefined ? { month: m.month } : {}), ...(m.day !== undefined ? { day: m.day } : {}), fiscal: m.fiscal, text: m.text });
  }
  return out;
}

/** `2024`, `2024-05`, `2024-04-10` as parts. */
function parts(iso: string): { year: number; month?: number; day?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return undefined;
  return { year: Number(m[1]), ...(m[2] ? { month: Number(m[2]) } : {}), ...(m[3] ? { day: Number(m[3]) } : {}) };
}

const iso = (r: Resolved) => `${r.year}${r.month !== undefined ? `-${String(r.month).padStart(2, '0')}` : ''}${r.month !== undefined && r.day !== undefined ? `-${String(r.day).padStart(2, '0')}` : ''}`;

/** Whether a mention gives the date at the date's precision. */
export function gives(r: Resolved, date: { year: number; month?: number; day?: number }): boolean {
  return r.year === date.year && (date.month === undefined || r.month === date.month) && (date.day === undefined || r.day === date.day);
}

/** Problems with the dates of the article's timeline. */
export function eventFindings(article: Article, paragraphs: ReadonlyMap<string, Citable>): EventFinding[] {
  const anchor = anchorOf(article.date);
  const out: EventFinding[] = [];
  for (const event of article.timeline) {
    const date = parts(event.date);
    if (!date) continue;
    const mentions = event.cites.flatMap((id) => {
      const p = paragraphs.get(id);
      return p ? resolveMentions(zhDateMentions(p.text, anchor), anchor) : [];
    });
    const calendar = mentions.filter((m) => !m.fiscal);
    const fiscal = mentions.filter((m) => m.fiscal && m.year === date.year);
    const given = calendar.some((m) => gives(m, date));
    if (event.asWritten !== undefined && FISCAL.test(event.asWritten)) {
      out.push({ rule: 'event-fiscal-year', event, attribute: 'as-written', reason: `Event \`${event.id}\` is dated by a fiscal year (\`${event.asWritten}\`), which is not the date of an event` });
      continue;
    }
    if (!given && fiscal.length > 0) {
      out.push({ rule: 'event-fiscal-year', event, attribute: 'date', reason: `Event date \`${event.date}\` comes from a fiscal year (\`${fiscal[0].text}\`), which is not the date of an event` });
      continue;
    }
    if (given || event.certainty?.level === 'inferred') continue;
    const found = [...new Set(calendar.map(iso))];
    const what = found.length === 0 ? 'they give no date' : `they give ${found.join(', ')}`;
    out.push({
      rule: 'event-date-unsupported',
      event,
      attribute: 'date',
      reason: `Event date \`${event.date}\` is not given by the cited paragraphs (${what}): cite the paragraph that gives it, or mark the event \`certainty=inferred\` with a note`,
    });
  }
  return out;
}

/**
 * A date as the days it spans, as sortable numbers: `2024-05` is
 * 20240501–20240531, `2024` is 20240101–20241231. One date is later than
 * another when it starts after the other ends: `2024` and `2024-05` are
 * neither before nor after each other.
 */
function daySpan(iso: string): { start: number; end: number } | undefined {
  const d = parts(iso);
  if (!d) return undefined;
  const at = (month: number, day: number) => d.year * 10_000 + month * 100 + day;
  return { start: at(d.month ?? 1, d.day ?? 1), end: at(d.month ?? 12, d.day ?? 31) };
}

/**
 * Events listed after a later one: each is reported with the first event
 * before it that is later, where it belongs. The latest start so far only
 * grows along the list, so that first event is where it first passes the
 * event's end (a binary search: a long timeline costs no more than sorting).
 */
export function orderFindings(timeline: readonly TimelineEvent[]): EventFinding[] {
  const out: EventFinding[] = [];
  const latestStart: number[] = [];
  let latest = -Infinity;
  timeline.forEach((event, i) => {
    const days = daySpan(event.date);
    if (days && latest > days.end) {
      let lo = 0;
      let hi = i - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (latestStart[mid] > days.end) hi = mid;
        else lo = mid + 1;
      }
      const later = timeline[lo];
      out.push({
        rule: 'timeline-order',
        event,
        attribute: 'date',
        reason: `Event \`${event.id}\` (${event.date}) is listed after \`${later.id}\` (${later.date}): the products print the timeline by date, so it will not stand here; check its date, or move it before \`${later.id}\``,
      });
    }
    if (days) latest = Math.max(latest, days.start);
    latestStart.push(latest);
  });
  return out;
}
