/**
 * A bulleted or numbered list (numbered from its `start`), nested lists
 * indented under their item; each item's Chinese and English led by its tag,
 * its citation line under them. On A4 each item is a flow unit; an item whose
 * content is its children (a passage of the reading edition) lets its first
 * passage draw the marker, so that the passage keeps its mark and margin
 * notes in their columns. On a slide the marker column is the slide
 * geometry's. In a table of contents (`pageNumbers`) an item that links to a
 * heading of this Doc ends with the page it is on (pdfmake's `pageReference`,
 * filled in when the pages are drawn, and a link to it).
 */
import type { BiInline } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { theme } from '../../../theme/theme.js';
import { LATIN_FAMILY } from '../fonts.js';
import { slideSpec } from '../slide-spec.js';
import {
  blockGap,
  bodySize,
  isSlide,
  langText,
  markerCell,
  slideT,
  sourceLine,
  textColumn,
  textLength,
  unit,
  MAX_KEEP_TEXT,
  type Node,
  type PdfState,
} from '../state.js';

export const list: Handler<PdfState, 'list', Node> = (b, st) => {
  const slide = isSlide(st);
  if (b.id) st.pending.push(b.id);
  const start = b.start ?? 1;
  const size = bodySize('zh', st);
  const last = start + b.items.length - 1;
  const width = slide ? slideSpec.body.marker : b.ordered ? Math.max(String(last).length + 1, 2) * size * 0.62 : size * 0.9;
  const gap = slide ? 0 : 4;
  const itemGap = slide ? slideT(st).gap : 4;
  const out: Node[] = [];
  b.items.forEach((it, i) => {
    const marker = b.ordered ? `${start + i}.` : '\u2022';
    const lastItem = i === b.items.length - 1;
    const bottom = lastItem && !it.children?.length ? blockGap(st) : itemGap;
    const inner: PdfState = { ...st, indent: st.indent + width + gap };
    const tags = it.tags;
    if (it.text.zh?.length || it.text.en?.length) {
      const content: Node[] = [];
      if (it.text.zh?.length) content.push(langText(it.text.zh, 'zh', st, { id: it.id, tag: tags?.zh }));
      if (it.text.en?.length) content.push(langText(it.text.en, 'en', st, { ...(it.text.zh?.length ? {} : { id: it.id }), tag: tags?.en, margin: [0, it.text.zh?.length && slide ? slideSpec.body.between : 0, 0, 0] }));
      content.push(...sourceLine(it.source, st, { margin: [0, 1, 0, 0] }));
      const cell = { ...markerCell(marker, st, width, size), ...(slide ? { alignment: 'left' } : {}) };
      const page = st.pageNumbers && !slide ? pageNumber(it.text, st, size) : [];
      const row: Node = { columns: [cell, { width: '*', stack: content }, ...page], columnGap: gap, margin: [0, 0, 0, bottom] };
      out.push(unit(st, textColumn(st, row), textLength(it.text) <= MAX_KEEP_TEXT ? 'keep' : 'text'));
      if (it.children?.length) out.push(...inner.all(it.children));
    } else {
      inner.marker = { text: marker, id: it.id, width, indent: st.indent };
      out.push(...inner.all(it.children ?? []));
      // No passage drew the marker (and took the id): the item's id goes to the next text.
      if (inner.marker && it.id) st.pending.push(it.id);
    }
  });
  if (out.length === 0 && b.id) st.pending.splice(st.pending.indexOf(b.id), 1);
  return out;
};

/** The page number column of a contents entry: the page of the first destination in this Doc its text links to. */
function pageNumber(text: BiInline, st: PdfState, size: number): Node[] {
  const target = [...(text.zh ?? []), ...(text.en ?? [])].flatMap((s) => (s.ref ? [st.links.resolve(s.ref)] : [])).find((t) => 'destination' in t);
  if (!target || !('destination' in target)) return [];
  const anchor = target.destination;
  // Room for three digits, on one line; pdfmake sets the number right-aligned in it.
  return [{ width: size * 2.5, text: '000', noWrap: true, pageReference: anchor, alignment: 'right', font: LATIN_FAMILY, fontSize: size, color: theme.colors.muted }];
}
