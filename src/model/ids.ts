/**
 * Generated ids for citable blocks the editor gave no id.
 *
 * Scheme (documented in docs/source-format.md, "Generated ids"): the block's
 * section id and its position P among the section's citable blocks —
 * `<section-id>-<P>`, `lede-<P>` before the first section, `s<N>-<P>` in a
 * section N without a valid id. When that id is already taken (by any
 * explicit id of the file, wherever it is, or by an earlier generated id),
 * the first free one of `<base>-2`, `<base>-3`, … is used. Explicit ids are
 * all known before the first id is generated, so a generated id never
 * collides with one; and since it follows the `<section>-<n>` convention,
 * `briefwright fix` can write it into the file as if typed by hand.
 */
import type { Registry } from './items.js';
import { report, type Ctx } from './report.js';

/** Human name of a citable block kind, for messages. */
export const KIND_NAMES = { paragraph: 'paragraph', item: 'list item', table: 'table', footnote: 'footnote' } as const;

/** Give every pending block its generated id; one `missing-id` note per file says how many and how to write them. */
export function assignGeneratedIds(ctx: Ctx, reg: Registry, filePath: string): void {
  for (const p of reg.pending) {
    let id = p.base;
    for (let k = 2; reg.ids.has(id); k++) id = `${p.base}-${k}`;
    reg.ids.set(id, { kind: KIND_NAMES[p.block.kind], line: p.block.line });
    reg.citableIds.add(id);
    reg.generatedIds.add(id);
    p.block.id = id;
    p.block.generatedId = true;
    reg.generated.push({
      id,
      line: p.block.line,
      column: p.column,
      insertion: p.insertion ? { offset: p.insertion.offset, text: p.insertion.template.replace('ID', id) } : null,
    });
  }
  const n = reg.generated.length;
  if (n === 0) return;
  const first = reg.generated[0];
  const blocks = n === 1 ? `A ${KIND_NAMES[reg.pending[0].block.kind]} has` : `${n} paragraphs, list items or tables have`;
  report(
    ctx,
    'missing-id',
    `${blocks} no id and ${n === 1 ? 'gets a generated one' : 'get generated ones'} (the first here: \`${first.id}\`); \`briefwright fix ${filePath}\` writes ${n === 1 ? 'it' : 'them'} into the file`,
    { line: first.line, column: first.column },
  );
}
