/**
 * How sure a timeline date is: `certainty=inferred|uncertain` on `:::event`,
 * explained by `::note-zh[…]` and `::note-en[…]` inside it. The attribute
 * needs the note, and the note needs the attribute.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { AttributeSource } from './attributes.js';
import { CERTAINTIES, type Certainty, type CertaintyLevel } from './types.js';
import { openingPlace, valuePlace } from './items.js';
import { didYouMean, report, type Ctx } from './report.js';

/** Read the certainty of an event from its attribute and note texts; undefined when the date is plain (or on error). */
export function readCertainty(ctx: Ctx, node: ContainerDirective, sources: Map<string, AttributeSource>, texts: Record<string, string>): Certainty | undefined {
  const raw = node.attributes?.certainty;
  const hasNote = texts['note-zh'] !== undefined || texts['note-en'] !== undefined;
  if (raw === undefined || raw === null) {
    if (hasNote) report(ctx, 'missing-attribute', '`::note-zh` / `::note-en` explain a date: add `certainty=inferred` or `certainty=uncertain` to the `:::event`', openingPlace(ctx, node));
    return undefined;
  }
  const level = raw.trim();
  if (!(CERTAINTIES as readonly string[]).includes(level)) {
    report(ctx, 'unknown-certainty', `Unknown certainty \`${level}\`${didYouMean(level, CERTAINTIES)} (expected one of ${CERTAINTIES.join(', ')})`, valuePlace(ctx, node, sources.get('certainty')));
    return undefined;
  }
  if (!hasNote) {
    report(ctx, 'certainty-note-missing', `\`certainty=${level}\` needs a note saying why: add \`::note-zh[…]\` and \`::note-en[…]\` to the event`, valuePlace(ctx, node, sources.get('certainty')));
    return undefined;
  }
  const zh = texts['note-zh'];
  const en = texts['note-en'];
  // A note in one language only is reported by readTexts (missing-en / missing-zh).
  if (zh === undefined || en === undefined) return undefined;
  return { level: level as CertaintyLevel, note: { zh, en } };
}
