/**
 * The article's body as IR blocks, as written: passages (paragraphs, list
 * items, quoted paragraphs, footnotes) with their readable mark and id,
 * sub-headings, quotes, lists (nested, numbered from their `start`), tables,
 * footnotes with references linking to them, and glossary terms marked at
 * their first use. Used by the reading edition and by the "Sources cited"
 * appendix of the summary and the checklist.
 */
import type { Article, BodyBlock, Citable, Footnote, List, Span as ModelSpan, Table, Term } from '../src/model/types.js';
import type { BiInline, Block, FootnotesBlock, Inline, ListBlock, MarginNote, Span, TableBlock } from '../src/ir/types.js';
import { allParagraphs } from '../src/model/types.js';
import { biInline } from './format.js';
import { LABELS } from '../src/theme/labels.js';

/** A glossary term's first use: the span of a citable block and the offsets in it. */
export interface TermUse {
  term: Term;
  span: number;
  start: number;
  end: number;
}

/** First uses by citable id. */
export type TermUses = ReadonlyMap<string, readonly TermUse[]>;

const LATIN_EDGE = /[A-Za-z0-9]/;

/** Strings that name a term in Chinese text: the term as printed, its Chinese name, and a short form in the name's brackets. */
export function termCandidates(t: Term): string[] {
  const out = [t.term, t.name.zh];
  for (const m of t.name.zh.matchAll(/[（(]([^）)]+)[）)]/g)) out.push(m[1].replace(/[“”"‘’']/g, '').trim());
  return [...new Set(out.filter((c) => c.length > 0))].sort((a, b) => b.length - a.length);
}

/** Offset of `needle` in `hay` from `from`, where a Latin edge does not run into a Latin neighbour; -1 if none. */
function findWord(hay: string, needle: string, from: number): number {
  for (let i = hay.indexOf(needle, from); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? '';
    const after = hay[i + needle.length] ?? '';
    const startsLatin = LATIN_EDGE.test(needle[0]);
    const endsLatin = LATIN_EDGE.test(needle[needle.length - 1]);
    if ((!startsLatin || !LATIN_EDGE.test(before)) && (!endsLatin || !LATIN_EDGE.test(after))) return i;
  }
  return -1;
}

const spansOf = (c: Citable): ModelSpan[] => (c.kind === 'table' ? [] : c.spans);

/**
 * Where each glossary term is first used in the body (in document order,
 * footnotes and quotes included, tables not searched), never overlapping
 * another term's use. A term the body never names is not marked.
 */
export function firstUses(article: Article): TermUses {
  const uses = new Map<string, TermUse[]>();
  const citables = allParagraphs(article);
  for (const term of article.glossary) {
    const candidates = termCandidates(term);
    search: for (const c of citables) {
      const spans = spansOf(c);
      const taken = uses.get(c.id) ?? [];
      let best: TermUse | null = null;
      spans.forEach((s, i) => {
        if (s.footnote) return;
        for (const cand of candidates) {
          for (let at = findWord(s.text, cand, 0); at >= 0; at = findWord(s.text, cand, at + 1)) {
            const end = at + cand.length;
            if (taken.some((u) => u.span === i && u.start < end && at < u.end)) continue;
            if (!best || i < best.span || (i === best.span && at < best.start)) best = { term, span: i, start: at, end };
            break;
          }
        }
      });
      if (best) {
        uses.set(c.id, [...taken, best]);
        break search;
      }
    }
  }
  return uses;
}

/** Model runs as IR runs: footnote references link to their note; glossary terms at their first use get `role: 'term'`. */
export function inlineOf(spans: readonly ModelSpan[], uses: readonly TermUse[] = []): Inline {
  const out: Inline = [];
  spans.forEach((s, i) => {
    const base: Span = { text: s.text, ...(s.strong ? { strong: true } : {}), ...(s.em ? { em: true } : {}), ...(s.code ? { code: true } : {}), ...(s.href ? { href: s.href } : {}) };
    if (s.footnote) {
      out.push({ ...base, role: 'noteref', ref: { product: 'reading', anchor: s.footnote } });
      return;
    }
    const mine = uses.filter((u) => u.span === i).sort((a, b) => a.start - b.start);
    let at = 0;
    for (const u of mine) {
      if (u.start > at) out.push({ ...base, text: s.text.slice(at, u.start) });
      out.push({ ...base, text: s.text.slice(u.start, u.end), role: 'term' });
      at = u.end;
    }
    if (at < s.text.length || s.text.length === 0) out.push({ ...base, text: s.text.slice(at) });
  });
  return out;
}

/** What a converted block carries beside its text. */
export interface BodyContext {
  /** Margin notes by citable id. */
  notes: ReadonlyMap<string, readonly MarginNote[]>;
  terms: TermUses;
  /**
   * Notes beside the previous citable block, each with the block it was given
   * in full beside (see `notesOf`); a heading or a new section clears it.
   */
  previous?: Map<string, Placed>;
}

/** The citable block a note stands beside. */
type Placed = Pick<Citable, 'id' | 'mark'>;

const noteKey = (n: MarginNote) => JSON.stringify([n.label, n.ref ?? null]);

/**
 * The margin notes of a citable block. A note that also stands beside the
 * block just before it (an item citing several paragraphs in a row) is given
 * again as its label and "详见第2.3段旁注 / In full beside ¶2.3" only, naming and
 * linking the paragraph it stands beside in full (which may be on the page
 * before), so its text is not repeated paragraph after paragraph and the
 * margin stays about as long as the text.
 */
function notesOf(ctx: BodyContext, block: Placed): MarginNote[] {
  const all = ctx.notes.get(block.id) ?? [];
  const previous = ctx.previous ?? new Map<string, Placed>();
  const next = new Map<string, Placed>();
  const out = all.map((n): MarginNote => {
    const full = previous.get(noteKey(n));
    next.set(noteKey(n), full ?? block);
    return full ? { ...n, text: inFullBeside(full) } : n;
  });
  ctx.previous = next;
  return out;
}

/**
 * "详见第2.3段旁注" / "In full beside ¶2.3", each linking to the paragraph the
 * note stands beside in full (the Chinese names it in words: a "¶" among
 * Chinese is set full width).
 */
function inFullBeside(full: Placed): BiInline {
  const ref = { product: 'reading' as const, anchor: full.id };
  const around = (label: string, mark: Inline[number]): Inline => {
    const [before, after] = label.split('{mark}');
    return [...(before ? [{ text: before }] : []), mark, ...(after ? [{ text: after }] : [])];
  };
  return {
    zh: around(LABELS.inFullBeside.zh, { text: `第${full.mark}段`, ref }),
    en: around(LABELS.inFullBeside.en, { text: `\u00B6${full.mark}`, role: 'cite', ref }),
  };
}

export function tableBlock(t: Table, notes: MarginNote[]): TableBlock {
  return {
    type: 'table',
    id: t.id,
    mark: t.mark,
    ...(t.caption ? { caption: biInline(t.caption) } : {}),
    columns: t.head.map((cell, i) => ({ text: { zh: inlineOf(cell) }, ...(t.align[i] ? { align: t.align[i]! } : {}) })),
    rows: t.rows.map((r) => r.map((cell) => ({ text: { zh: inlineOf(cell) } }))),
    notes,
    cites: [t.id],
  };
}

/** One citable block on its own (the appendix): a passage, or a table. */
export function citableBlock(c: Citable, notes: MarginNote[], terms: TermUses): Block {
  if (c.kind === 'table') return tableBlock(c, notes);
  return { type: 'passage', id: c.id, mark: c.mark, text: inlineOf(c.spans, terms.get(c.id)), notes, cites: [c.id] };
}

function listBlock(l: List, ctx: BodyContext): ListBlock {
  return {
    type: 'list',
    ordered: l.ordered,
    ...(l.ordered && l.start !== undefined && l.start !== 1 ? { start: l.start } : {}),
    items: l.items.map((it) => ({
      text: {},
      cites: [it.id],
      children: [citableBlock(it, notesOf(ctx, it), ctx.terms), ...it.lists.map((n) => listBlock(n, ctx))],
    })),
    cites: l.items.map((it) => it.id),
  };
}

function footnotesBlock(notes: Footnote[], ctx: BodyContext): FootnotesBlock {
  return {
    type: 'footnotes',
    items: notes.map((f) => ({ id: f.id, label: String(f.number), mark: f.mark, text: inlineOf(f.spans, ctx.terms.get(f.id)), notes: notesOf(ctx, f) })),
    cites: notes.map((f) => f.id),
  };
}

/** Body blocks in source order; consecutive footnote definitions make one footnotes block. */
export function bodyBlocks(blocks: readonly BodyBlock[], ctx: BodyContext): Block[] {
  const out: Block[] = [];
  let pending: Footnote[] = [];
  const flush = () => {
    if (pending.length > 0) out.push(footnotesBlock(pending, ctx));
    pending = [];
  };
  for (const b of blocks) {
    if (b.kind === 'footnote') {
      pending.push(b);
      continue;
    }
    flush();
    switch (b.kind) {
      case 'paragraph':
        out.push(citableBlock(b, notesOf(ctx, b), ctx.terms));
        break;
      case 'list':
        out.push(listBlock(b, ctx));
        break;
      case 'quote':
        out.push({ type: 'quote', children: bodyBlocks(b.blocks, ctx), cites: [] });
        break;
      case 'table':
        out.push(tableBlock(b, notesOf(ctx, b)));
        break;
      case 'heading':
        ctx.previous = undefined;
        out.push({
          type: 'heading',
          level: b.depth === 3 ? 2 : 3,
          ...(b.id ? { id: b.id } : {}),
          text: { zh: [{ text: b.zh }], ...(b.en ? { en: [{ text: b.en }] } : {}) },
          cites: [],
        });
        break;
    }
  }
  flush();
  return out;
}
