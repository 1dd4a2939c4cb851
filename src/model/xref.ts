/**
 * Cross-references: every cited id must be the id of a citable block
 * (paragraph, list item, table, footnote). A cite of a generated id works but
 * is warned about (`unstable-cite`): it moves when text is inserted before it.
 */
import type { Registry } from './items.js';
import { didYouMean, hasFatal, report, shorten, type Ctx } from './report.js';

/** Ids written in any `{…}` attribute block of the text (`{#x}`, `{#x label-en=…}`). */
function writtenIds(text: string): Set<string> {
  const out = new Set<string>();
  const re = /\{[^{}\n]{0,400}?#([A-Za-z0-9][A-Za-z0-9-]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
  return out;
}

export function checkCites(ctx: Ctx, reg: Registry): void {
  let ids: string[] | undefined;
  // A file that already has an error may have refused the block an id was written on
  // (an unknown container around paragraphs, say): a cite of that id is not a second mistake.
  let salvaged: Set<string> | undefined;
  const failing = hasFatal(ctx.file);
  for (const cite of reg.cites) {
    if (reg.citableIds.has(cite.id)) {
      if (reg.generatedIds.has(cite.id)) {
        const line = reg.ids.get(cite.id)?.line ?? 0;
        report(ctx, 'unstable-cite', `\`${cite.id}\` is a generated id (the block on line ${line} has none written): run \`briefwright fix\` so this cite keeps pointing at it`, cite.place);
      }
      continue;
    }
    if (reg.refusedIds.has(cite.id)) continue;
    if (failing) {
      salvaged ??= writtenIds(ctx.text);
      if (salvaged.has(cite.id)) continue;
    }
    const other = reg.ids.get(cite.id);
    ids ??= [...reg.citableIds];
    const reason = other
      ? `\`${cite.id}\` is the id of a ${other.kind}, not of a citable block: cite paragraph, list item, table or footnote ids`
      : `Unknown paragraph id \`${shorten(cite.id)}\` in cites${didYouMean(cite.id, ids)}`;
    report(ctx, 'unknown-cite', reason, cite.place);
  }
}
