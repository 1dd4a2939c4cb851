/**
 * The editorial layer: one handler per container directive, each turning a
 * `:::name{…}` block into a typed item of the model (or reporting why not).
 */
import type { ContainerDirective } from 'mdast-util-directive';
import {
  DEFAULT_ACTORS,
  HORIZONS,
  SLIDE_KINDS,
  type Actor,
  type Bi,
  type Recommendation,
  type SlideOutline,
  type SlidePoint,
  type Takeaway,
  type Term,
  type TimelineEvent,
} from './types.js';
import { isValidDate } from './frontmatter.js';
import { checkAttributes, openingPlace, readCites, readEnum, readTexts, registerId, valuePlace, type Registry } from './items.js';
import type { AttributeSource } from './attributes.js';
import { reportUnknownDirective } from './inline.js';
import { readCertainty } from './certainty.js';
import { didYouMean, report, shorten, type Ctx } from './report.js';

export const RECOMMENDATION_KINDS = ['explicit', 'implicit'] as const;

/** Collected editorial items, in source order. */
export interface Editorial {
  takeaways: Takeaway[];
  recommendations: Recommendation[];
  glossary: Term[];
  timeline: TimelineEvent[];
  slides: SlideOutline[];
}

export function emptyEditorial(): Editorial {
  return { takeaways: [], recommendations: [], glossary: [], timeline: [], slides: [] };
}

const bi = (t: Record<string, string>, zh = 'zh', en = 'en'): Bi | undefined =>
  t[zh] !== undefined && t[en] !== undefined ? { zh: t[zh], en: t[en] } : undefined;

/** Nested containers are not allowed in this item. */
function noContainers(ctx: Ctx, containers: ContainerDirective[], what: string, allowed: readonly string[] = []): void {
  for (const c of containers) {
    if (allowed.includes(c.name)) continue;
    if (KNOWN_CONTAINERS.includes(c.name)) report(ctx, 'misplaced-directive', `\`:::${c.name}\` cannot appear inside ${what}`, openingPlace(ctx, c));
    else reportUnknownDirective(ctx, c, ':::', allowed.length > 0 ? allowed : KNOWN_CONTAINERS, openingPlace(ctx, c));
  }
}

/** What the editorial items are checked against. */
export interface EditorialOptions {
  /**
   * Actors `actor=` may name: the declared ones, or the defaults when the
   * source declares none (`declared: false`); undefined when the front
   * matter's actors could not be read (then `actor=` is not checked).
   */
  actors?: { list: readonly Actor[]; declared: boolean };
}

type Handler = (ctx: Ctx, reg: Registry, node: ContainerDirective, out: Editorial, options: EditorialOptions) => void;

/** `actor=`: one of the actors of the file, with a suggestion otherwise. */
function readActor(ctx: Ctx, node: ContainerDirective, src: Map<string, AttributeSource>, options: EditorialOptions): string | undefined {
  const value = node.attributes?.actor;
  const actors = options.actors;
  const ids = (actors?.list ?? DEFAULT_ACTORS).map((a) => a.id);
  if (value === undefined || value === null || value === '') {
    report(ctx, 'missing-attribute', `\`:::${node.name}\` needs \`actor=\` (one of ${ids.join(', ')})`, openingPlace(ctx, node));
    return undefined;
  }
  if (actors === undefined || ids.includes(value)) return value;
  const byLabel = actors.list.find((a) => a.zh === value || a.en.toLowerCase() === value.toLowerCase());
  const hint = byLabel ? `; did you mean \`${byLabel.id}\` (${byLabel.en})?` : didYouMean(value, ids);
  const list = actors.declared ? `the actors declared in the front matter: ${ids.join(', ')}` : `the default actors ${ids.join(', ')}, or declare this article's actors in the front matter \`actors:\``;
  report(ctx, 'unknown-actor', `Unknown actor \`${shorten(value)}\`${hint} (expected one of ${list})`, valuePlace(ctx, node, src.get('actor')));
  return undefined;
}

export const editorialHandlers: Record<string, Handler> = {
  takeaway(ctx, reg, node, out) {
    const what = '`:::takeaway`';
    const src = checkAttributes(ctx, node, ['id', 'cites']);
    const id = registerId(ctx, reg, node, src, 'takeaway');
    const cites = readCites(ctx, reg, node, src, true, what);
    const { texts, containers } = readTexts(ctx, node, ['text'], what);
    noContainers(ctx, containers, what);
    const text = bi(texts);
    if (id && text) out.takeaways.push({ id, text, cites });
  },

  recommendation(ctx, reg, node, out, options) {
    const what = '`:::recommendation`';
    const src = checkAttributes(ctx, node, ['id', 'actor', 'horizon', 'kind', 'cites']);
    const id = registerId(ctx, reg, node, src, 'recommendation');
    const actor = readActor(ctx, node, src, options);
    const horizon = readEnum(ctx, node, src, 'horizon', HORIZONS, 'unknown-horizon');
    const kind = readEnum(ctx, node, src, 'kind', RECOMMENDATION_KINDS, 'unknown-kind');
    const cites = readCites(ctx, reg, node, src, true, what);
    const { texts, containers } = readTexts(ctx, node, ['text'], what);
    noContainers(ctx, containers, what);
    const text = bi(texts);
    if (id && text && actor && horizon && kind) out.recommendations.push({ id, text, actor, horizon, kind, cites });
  },

  term(ctx, reg, node, out) {
    const what = '`:::term`';
    const src = checkAttributes(ctx, node, ['id', 'term', 'cites']);
    const id = registerId(ctx, reg, node, src, 'term');
    const term = node.attributes?.term?.replace(/\s+/g, ' ').trim();
    if (!term) report(ctx, 'missing-attribute', '`:::term` needs `term="…"` (the acronym or short name as printed)', openingPlace(ctx, node));
    const cites = readCites(ctx, reg, node, src, true, what);
    const { texts, containers } = readTexts(ctx, node, ['text', 'def'], what);
    noContainers(ctx, containers, what);
    const name = bi(texts);
    const definition = bi(texts, 'def-zh', 'def-en');
    if (id && term && name && definition) out.glossary.push({ id, term, name, definition, cites });
  },

  event(ctx, reg, node, out) {
    const what = '`:::event`';
    const src = checkAttributes(ctx, node, ['id', 'date', 'as-written', 'certainty', 'cites']);
    const id = registerId(ctx, reg, node, src, 'event');
    let date = node.attributes?.date?.trim();
    if (!date) report(ctx, 'missing-attribute', '`:::event` needs `date=` (YYYY, YYYY-MM or YYYY-MM-DD)', openingPlace(ctx, node));
    else if (!isValidDate(date, 'any')) {
      report(ctx, 'invalid-date', `Invalid date \`${shorten(date)}\`: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD`, valuePlace(ctx, node, src.get('date')));
      date = undefined;
    }
    const asWritten = node.attributes?.['as-written']?.replace(/\s+/g, ' ').trim();
    const cites = readCites(ctx, reg, node, src, true, what);
    const { texts, containers } = readTexts(ctx, node, ['text', 'note'], what, ['note']);
    noContainers(ctx, containers, what);
    const certainty = readCertainty(ctx, node, src, texts);
    const text = bi(texts);
    if (id && date && text) out.timeline.push({ id, date, ...(asWritten ? { asWritten } : {}), text, cites, ...(certainty ? { certainty } : {}) });
  },

  slide(ctx, reg, node, out) {
    const what = '`::::slide`';
    const src = checkAttributes(ctx, node, ['id', 'kind', 'cites']);
    const id = registerId(ctx, reg, node, src, 'slide');
    const kind = readEnum(ctx, node, src, 'kind', SLIDE_KINDS, 'unknown-kind');
    const cites = readCites(ctx, reg, node, src, false, what);
    const { texts, containers } = readTexts(ctx, node, ['text'], what);
    noContainers(ctx, containers, what, ['point', 'notes']);
    const points: SlidePoint[] = [];
    let notes: Bi | undefined;
    let notesSeen = false;
    for (const c of containers) {
      if (c.name === 'point') {
        if (id && c.position) reg.places.set(`${id}/point-${points.length + 1}`, { line: c.position.start.line, column: c.position.start.column });
        const psrc = checkAttributes(ctx, c, ['cites']);
        const pcites = readCites(ctx, reg, c, psrc, false, '`:::point`');
        const { texts: pt, containers: pc } = readTexts(ctx, c, ['text'], '`:::point`');
        noContainers(ctx, pc, '`:::point`');
        const text = bi(pt);
        if (text) points.push({ text, cites: pcites });
      } else if (c.name === 'notes') {
        checkAttributes(ctx, c, []);
        if (notesSeen) {
          report(ctx, 'duplicate-text', 'Second `:::notes` in the slide: keep exactly one', openingPlace(ctx, c));
          continue;
        }
        notesSeen = true;
        const { texts: nt, containers: nc } = readTexts(ctx, c, ['text'], '`:::notes`');
        noContainers(ctx, nc, '`:::notes`');
        notes = bi(nt);
      }
    }
    if (!notesSeen) report(ctx, 'slide-notes-missing', 'Slide has no speaker notes: add `:::notes` with `::zh[…]` and `::en[…]`', openingPlace(ctx, node));
    const title = bi(texts);
    if (id && kind && title && notes) out.slides.push({ id, kind, title, points, notes, cites });
  },
};

/** Every container directive name of the format (for suggestions). */
export const KNOWN_CONTAINERS: readonly string[] = ['summary', ...Object.keys(editorialHandlers), 'point', 'notes'];
