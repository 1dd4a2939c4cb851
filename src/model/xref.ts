/** Cross-reference checks: every cited id must be the id of a body paragraph. */
import type { Registry } from './items.js';
import { didYouMean, report, type Ctx } from './report.js';

export function checkCites(ctx: Ctx, reg: Registry): void {
  const ids = [...reg.paragraphIds];
  for (const cite of reg.cites) {
    if (reg.paragraphIds.has(cite.id)) continue;
    const other = reg.ids.get(cite.id);
    const reason = other
      ? `\`${cite.id}\` is the id of a ${other.kind}, not of a paragraph: cite paragraph ids`
      : `Unknown paragraph id \`${cite.id}\` in cites${didYouMean(cite.id, ids)}`;
    report(ctx, 'unknown-cite', reason, cite.place);
  }
}
