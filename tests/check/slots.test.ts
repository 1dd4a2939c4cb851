/**
 * `check` warns about editorial texts too long for their slot (text-too-long)
 * at the item's line and column, measured as the templates set them; the real
 * sources have none.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, formatDiagnostics } from '../../src/check.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('text-too-long', () => {
  it('reports each text that cannot fit its slot, at its item, with how much fits', async () => {
    const rel = 'tests/fixtures/text-too-long.md';
    const files = await checkFiles([path.join(root, rel)]);
    const lines = formatDiagnostics(files, { color: false })
      .split('\n')
      .filter((l) => l.endsWith('[text-too-long]'))
      .map((l) => l.slice(l.indexOf(rel) + rel.length + 1));
    expect(lines).toEqual([
      '4:1: warning The short title does not fit the slide footer on one line at 9 pt: about 687 pt where 648 pt fit [text-too-long]',
      '21:1: warning Takeaway `tk-1` is too long for one slide even alone at the smallest body size: about 480 pt tall where 258 pt fit [text-too-long]',
      '36:1: warning The title of slide `slide-long` does not fit 2 lines at the smallest headline size (21/13 pt): Chinese 3 lines (about 60 of its 61 characters fit) [text-too-long]',
      '45:3: warning Point 2 of slide `slide-long` is too long for one slide even alone at the smallest body size: about 463 pt tall where 218 pt fit [text-too-long]',
    ]);
    const m = files[0].messages.find((x) => x.ruleId === 'text-too-long')!;
    expect([m.fatal, m.url]).toEqual([false, 'docs/source-format.md#text-too-long']);
  });

  it('finds nothing in the real sources', async () => {
    const files = await checkFiles(['us-japan-acquisition', 'allied-cloud-interoperability'].map((s) => path.join(root, `source/${s}.md`)));
    expect(files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'text-too-long').map(String))).toEqual([]);
  });
});
