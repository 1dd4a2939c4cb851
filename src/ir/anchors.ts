/**
 * The anchors of a Doc: every id a backend writes as a link target (a block's, a list item's, a timeline
 * event's, a footnote's, a table cell's), in document order. One walk for every backend, so a backend that
 * resolves links (PDF named destinations, DOCX bookmarks, PPTX slide jumps) knows the same ids the others write.
 */
import type { Block } from './types.js';

/**
 * Every anchor id under `blocks`, in document order, of the blocks `shown` keeps (a block it drops is left out
 * with all it holds: e.g. a paged format drops `media: 'screen'` blocks).
 */
export function anchorIds(blocks: readonly Block[], shown: (b: Block) => boolean = () => true, out: string[] = []): string[] {
  for (const b of blocks) {
    if (!shown(b)) continue;
    if (b.id) out.push(b.id);
    switch (b.type) {
      case 'list':
        for (const it of b.items) {
          if (it.id) out.push(it.id);
          if (it.children) anchorIds(it.children, shown, out);
        }
        break;
      case 'figure':
        for (const e of b.events) if (e.id) out.push(e.id);
        break;
      case 'footnotes':
        for (const it of b.items) out.push(it.id);
        break;
      case 'table':
        for (const row of b.rows) for (const c of row) if (c.id) out.push(c.id);
        break;
      default:
        if ('children' in b && Array.isArray(b.children)) anchorIds(b.children, shown, out);
    }
  }
  return out;
}
