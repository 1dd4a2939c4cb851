/**
 * Citations a reader can follow: the visible "¶3.2" marks of every product,
 * each a run linking to the paragraph in the reading edition, and the
 * "Sources cited" appendix that makes a printed summary or checklist stand
 * alone. Marks are the citable blocks' readable numbers, never their ids.
 */
import { allParagraphs, type Article, type Citable, type Span as ModelSpan } from '../src/model/types.js';
import type { Block, DocProduct, Inline, MarginNote, Span } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline, fixedId } from './format.js';
import { citableBlock, inlineOf } from './body.js';

/** Citable blocks by id, with their position in the article. */
export interface CiteIndex {
  get(id: string): { citable: Citable; order: number } | undefined;
}

const indexes = new WeakMap<Article, Map<string, { citable: Citable; order: number }>>();

export function citeIndex(article: Article): CiteIndex {
  let map = indexes.get(article);
  if (!map) {
    map = new Map(allParagraphs(article).map((c, order) => [c.id, { citable: c, order }]));
    indexes.set(article, map);
  }
  return map;
}

/** Cited ids that exist, once each, in article order. */
export function inArticleOrder(article: Article, ids: Iterable<string>): string[] {
  const idx = citeIndex(article);
  return [...new Set(ids)].filter((id) => idx.get(id)).sort((a, b) => idx.get(a)!.order - idx.get(b)!.order);
}

/** The readable mark of a citable block: "3.2". */
export function markOf(article: Article, id: string): string {
  return citeIndex(article).get(id)?.citable.mark ?? id;
}

export interface CiteOptions {
  /** Ids the Doc holds itself (its appendix): runs to them carry `local`. */
  local?: ReadonlySet<string>;
  /**
   * Write a run of 3 or more consecutive blocks of one section as one range
   * ("¶3.1–3.11", linking to its first block). Default: true.
   */
  ranges?: boolean;
}

/** One cite run: "¶3.2" (or a range "¶3.1–3.11"), linking to the reading edition. */
function run(article: Article, first: string, last: string | undefined, local?: ReadonlySet<string>): Span {
  const a = markOf(article, first);
  const text = last ? `\u00B6${a}\u2013${markOf(article, last)}` : `\u00B6${a}`;
  return { text, role: 'cite', ref: { product: 'reading', anchor: first, ...(last ? { last } : {}), ...(local?.has(first) ? { local: first } : {}) } };
}

/** The cite runs of ids, in article order, separated by ", ". */
export function citeRuns(article: Article, ids: Iterable<string>, options: CiteOptions = {}): Inline {
  const idx = citeIndex(article);
  const sorted = inArticleOrder(article, ids);
  const groups: string[][] = [];
  for (const id of sorted) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    const cur = idx.get(id)!;
    if (g && prev && idx.get(prev)!.order + 1 === cur.order && idx.get(prev)!.citable.sectionId === cur.citable.sectionId) g.push(id);
    else groups.push([id]);
  }
  const out: Inline = [];
  for (const g of groups) {
    const spans = options.ranges !== false && g.length >= 3 ? [run(article, g[0], g[g.length - 1], options.local)] : g.map((id) => run(article, id, undefined, options.local));
    for (const s of spans) {
      if (out.length > 0) out.push({ text: ', ' });
      out.push(s);
    }
  }
  return out;
}

/** A source line led by its label ("出处 / Source ¶1.1, ¶2.3"), or undefined when nothing is cited. */
export function labelledSource(article: Article, ids: Iterable<string>, options: CiteOptions = {}): Inline | undefined {
  const runs = citeRuns(article, ids, options);
  if (runs.length === 0) return undefined;
  return [{ text: `${LABELS.sourceLine.zh} / ${LABELS.sourceLine.en} ` }, ...runs];
}

/**
 * The citations of one Doc: every source line it prints goes through `line`,
 * which records the blocks it cites; `appendix` then holds each of them once,
 * in article order, and the runs link to it (`local`) in paged formats.
 */
export class Citations {
  private readonly cited = new Set<string>();

  constructor(
    private readonly article: Article,
    private readonly product: DocProduct,
  ) {}

  /**
   * The visible source line of an item; its blocks go into the appendix.
   * `inAppendix: false` for a citation of a whole section (its summary), whose
   * text is the reading edition's, not the appendix's.
   */
  line(ids: readonly string[], inAppendix = true): Inline | undefined {
    const present = inArticleOrder(this.article, ids);
    if (present.length === 0) return undefined;
    if (inAppendix) for (const id of present) this.cited.add(id);
    return citeRuns(this.article, present, inAppendix ? { local: this.cited } : {});
  }

  /** Ids the appendix holds. */
  get ids(): ReadonlySet<string> {
    return this.cited;
  }

  /** "引用原文 / Sources cited": every cited block once, in article order, on paper only. */
  appendix(): Block[] {
    if (this.cited.size === 0) return [];
    const idx = citeIndex(this.article);
    const children: Block[] = inArticleOrder(this.article, this.cited).map((id) => {
      const c = idx.get(id)!.citable;
      const back = { text: `\u00B6${c.mark}`, role: 'cite' as const, ref: { product: 'reading' as const, anchor: c.id } };
      // A footnote the passage refers to comes with it, so the printed copy has the note its mark points to.
      const spans = c.kind === 'table' ? [...c.head, ...c.rows.flat()].flat() : c.spans;
      const footnotes: MarginNote[] = spans
        .filter((s, i, all) => s.footnote && idx.get(s.footnote) && all.findIndex((x) => x.footnote === s.footnote) === i)
        .map((s) => ({
          label: { zh: [{ text: `${LABELS.footnoteNote.zh} ${s.text}` }], en: [{ text: `${LABELS.footnoteNote.en} ${s.text}` }] },
          text: { zh: inlineOf((idx.get(s.footnote!)!.citable as { spans: ModelSpan[] }).spans) },
          ref: { product: 'reading' as const, anchor: s.footnote! },
        }));
      return citableBlock(c, [{ label: biInline(LABELS.inContext), text: { zh: [back] }, ref: { product: 'reading', anchor: c.id } }, ...footnotes], new Map());
    });
    void this.product;
    return [
      {
        type: 'group',
        id: fixedId(this.article, 'sources-cited'),
        media: 'print',
        cites: [...this.cited],
        children: [{ type: 'heading', level: 1, id: fixedId(this.article, 'sources-cited-heading'), text: biInline(LABELS.sourcesCited), cites: [] }, ...children],
      },
    ];
  }
}
