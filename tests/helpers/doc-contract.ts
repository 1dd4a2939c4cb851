/**
 * What every Doc a template makes must satisfy (src/ir/types.ts), as a list
 * of problems (empty when the Doc is valid), for template and backend tests:
 * - every id (block, item, event, passage, footnote, slide) is unique;
 * - every `ref` into the Doc's own product names an id the Doc holds;
 * - every `local` names an id the Doc holds;
 * - every citation run (`role: 'cite'`) links to the reading edition at a
 *   citable block of the article, and shows that block's mark ("¶3.2", or a
 *   range "¶3.1–3.11" starting at it);
 * - every footnote reference links to a footnote of the article;
 * - no run is empty unless it is the only run of its text.
 * Also: the text of a Doc in reading order (`docTexts`), every passage-like
 * block in order (`passagesOf`), and every run (`runsOf`).
 */
import type { Article } from '../../src/model/types.js';
import { allParagraphs } from '../../src/model/types.js';
import type { Block, Doc, Inline, MarginNote, Span } from '../../src/ir/types.js';

const bi = (b: { zh?: Inline; en?: Inline } | undefined): Inline[] => (b ? [b.zh ?? [], b.en ?? []] : []);
const notes = (ns: readonly MarginNote[] | undefined): Inline[] => (ns ?? []).flatMap((n) => [...bi(n.label), ...bi(n.text)]);

/** Every inline of a block (its own, not its children's), with the refs of its notes. */
function inlinesOf(b: Block): Inline[] {
  switch (b.type) {
    case 'title':
      return [...bi(b.title), ...bi(b.subtitle), ...b.meta.flatMap((m) => [...bi(m.label), ...bi(m.value)])];
    case 'heading':
      return bi(b.text);
    case 'paragraph':
      return [b.text];
    case 'pair':
      return [b.zh, b.en, ...bi(b.tags), b.source ?? []];
    case 'list':
      return b.items.flatMap((it) => [...bi(it.text), it.source ?? [], ...bi(it.tags)]);
    case 'checkItem':
      return [b.zh, b.en, ...bi(b.actor), ...bi(b.horizon), ...(b.tags ?? []).flatMap(bi), b.source ?? []];
    case 'progress':
      return bi(b.label);
    case 'table':
      return [...bi(b.caption), ...b.columns.flatMap((c) => bi(c.text)), ...b.rows.flat().flatMap((c) => [...bi(c.text), c.source ?? []]), ...notes(b.notes)];
    case 'callout':
      return bi(b.title);
    case 'group':
    case 'quote':
      return [];
    case 'figure':
      return [...bi(b.caption), ...b.events.flatMap((e) => [...bi(e.dateLabel), ...bi(e.text), ...bi(e.note), e.source ?? []])];
    case 'slide':
      return [...bi(b.title), ...bi(b.notes), b.notesSource ?? [], b.source ?? []];
    case 'passage':
      return [b.text, ...notes(b.notes)];
    case 'footnotes':
      return b.items.flatMap((it) => [it.text, ...notes(it.notes)]);
  }
}

/** Child blocks of a block (groups, callouts, quotes, slides, list items). */
export function childrenOf(b: Block): Block[] {
  if ('children' in b) return b.children;
  if (b.type === 'list') return b.items.flatMap((it) => it.children ?? []);
  return [];
}

/** Every block of a Doc, depth first, in reading order. */
export function blocksOf(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...blocksOf(childrenOf(b))]);
}

/** Every run of a Doc. */
export function runsOf(doc: Doc): Span[] {
  return blocksOf(doc.blocks).flatMap((b) => inlinesOf(b).flat());
}

/** Every anchor of a Doc: block, item, event, passage and footnote ids. */
export function idsOf(doc: Doc): string[] {
  const ids: string[] = [];
  for (const b of blocksOf(doc.blocks)) {
    if (b.id) ids.push(b.id);
    if (b.type === 'list') for (const it of b.items) if (it.id) ids.push(it.id);
    if (b.type === 'figure') for (const e of b.events) if (e.id) ids.push(e.id);
    if (b.type === 'footnotes') for (const it of b.items) ids.push(it.id);
    if (b.type === 'table') for (const row of b.rows) for (const c of row) if (c.id) ids.push(c.id);
  }
  return ids;
}

/** Citable-like blocks in reading order: passages, tables with a mark, footnote items — as `{ id, mark, text }`. */
export function passagesOf(blocks: readonly Block[]): { id: string; mark: string; text: string }[] {
  const plain = (inl: Inline) => inl.map((s) => s.text).join('');
  const out: { id: string; mark: string; text: string }[] = [];
  for (const b of blocksOf(blocks)) {
    if (b.type === 'passage') out.push({ id: b.id, mark: b.mark, text: plain(b.text) });
    if (b.type === 'table' && b.mark && b.id) {
      const rows = [b.columns.map((c) => plain(c.text.zh ?? [])), ...b.rows.map((r) => r.map((c) => plain(c.text.zh ?? [])))];
      out.push({ id: b.id, mark: b.mark, text: rows.map((r) => r.join(' | ')).join('\n') });
    }
    if (b.type === 'footnotes') for (const it of b.items) out.push({ id: it.id, mark: it.mark ?? '', text: plain(it.text) });
  }
  return out;
}

/** Problems of a Doc made from `article` (empty when it keeps the contract). */
export function contractProblems(doc: Doc, article: Article): string[] {
  const problems: string[] = [];
  const ids = idsOf(doc);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate id ${id}`);
    seen.add(id);
  }
  const citables = new Map(allParagraphs(article).map((c) => [c.id, c]));
  for (const s of runsOf(doc)) {
    if (s.ref) {
      if (s.ref.product === doc.product && !seen.has(s.ref.anchor)) problems.push(`ref to #${s.ref.anchor} of its own product, which the Doc does not hold ("${s.text}")`);
      if (s.ref.local !== undefined && !seen.has(s.ref.local)) problems.push(`local #${s.ref.local}, which the Doc does not hold ("${s.text}")`);
    }
    if (s.role === 'cite') {
      const c = s.ref ? citables.get(s.ref.anchor) : undefined;
      if (!s.ref || s.ref.product !== 'reading') problems.push(`cite "${s.text}" does not link to the reading edition`);
      else if (!c) problems.push(`cite "${s.text}" links to ${s.ref.anchor}, not a citable block of the article`);
      else if (s.text !== `\u00B6${c.mark}` && !s.text.startsWith(`\u00B6${c.mark}\u2013`)) problems.push(`cite "${s.text}" does not show the mark ¶${c.mark} of ${c.id}`);
    }
    if (s.role === 'noteref') {
      const c = s.ref ? citables.get(s.ref.anchor) : undefined;
      if (!c || c.kind !== 'footnote') problems.push(`footnote reference "${s.text}" does not link to a footnote`);
    }
  }
  for (const b of blocksOf(doc.blocks)) {
    for (const inl of inlinesOf(b)) if (inl.length > 1 && inl.some((s) => s.text === '')) problems.push(`empty run in a ${b.type}`);
    if (b.type === 'passage' && !citables.has(b.id)) problems.push(`passage ${b.id} is not a citable block of the article`);
  }
  return problems;
}

/** The Doc's text, every run in reading order (for fidelity checks). */
export function docText(doc: Doc): string {
  return runsOf(doc)
    .map((s) => s.text)
    .join('\n');
}
