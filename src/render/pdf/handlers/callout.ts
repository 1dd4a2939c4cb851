/**
 * A shaded callout with an accent rule on its left. On A4 it is a column of
 * rows (its title, then each child), each a one-row table of the same
 * shading, so that the box may break between its children and each child
 * moves or splits by the flow's rules (flow.ts); on a slide, one box.
 */
import { onPaper } from '../../../ir/media.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { biStack, blockGap, inset, isSlide, leftRuled, textLength, unit, MAX_KEEP_TEXT, type Node, type PdfState } from '../state.js';

function box(content: Node[], fill: string, top: number, bottom: number): Node {
  return leftRuled({ stack: content, fillColor: fill }, { width: 3, color: theme.colors.accent }, { left: 10, right: 10, top, bottom });
}

export const callout: Handler<PdfState, 'callout', Node> = (b, st) => {
  const fill = b.tone === 'key' ? theme.colors.accentSoft : theme.colors.panel;
  if (b.id) st.pending.push(b.id);
  const inner: PdfState = { ...st, nested: true, indent: 0 };
  const title = b.title ? biStack(b.title, st, { bold: true }) : [];
  if (isSlide(st)) {
    return { ...box([...(title.length ? [{ stack: title, margin: [0, 0, 0, 4] }] : []), ...inner.all(b.children)], fill, 8, 2), margin: [0, 0, 0, blockGap(st)] };
  }
  const rows: Node[] = [];
  const children = b.children.filter(onPaper);
  const count = children.length + (title.length ? 1 : 0);
  const row = (content: Node[], kind: 'heading' | 'keep' | 'text') => {
    const i = rows.length;
    const node = box(content, fill, i === 0 ? 8 : 0, i === count - 1 ? 2 : 0);
    rows.push(unit(st, inset(node, st.indent, 0, 0, i === count - 1 ? blockGap(st) : 0), kind));
  };
  if (title.length) row([{ stack: title, margin: [0, 0, 0, 4] }], 'heading');
  for (const c of children) row(inner.one(c), textLength(c) <= MAX_KEEP_TEXT ? 'keep' : 'text');
  return rows;
};
