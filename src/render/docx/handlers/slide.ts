import { CommentRangeEnd, CommentRangeStart, CommentReference, HeightRule, Table, TableRow, TextRun, VerticalAlign } from 'docx';
import { onPaper } from '../../../ir/media.js';
import type { Block, PairBlock, SlideBlock } from '../../../ir/types.js';
import { slideContent, slideSpec, type SizePair } from '../../../theme/theme.js';
import { P, T, twip } from '../constants.js';
import { hasText, raw, type Piece } from '../runs.js';
import { bodyRoom, sourceHeight } from '../slide-measure.js';
import { HEADLINE, HEADLINE_RULE, HEADLINE_RULE_PT, SECTION, SP, sizedPair } from '../slide-styles.js';
import { after, anchor, cell, noBorders, para, runs, sourceLine, table, type BodyChild, type DocxState } from '../state.js';
import { columnRows } from './pair.js';

/** Height of the one-point paragraphs that open and close a centred slide (see `SP.spacer`). */
const SPACER_PT = 1;
/** Points a centred box leaves free on its page: room for the applications' rounding. */
const SLACK_PT = 4;

/** Items of a slide the template counts a gap between: pairs and list items (a checklist's items too). */
function itemCount(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + (b.type === 'pair' || b.type === 'checkItem' ? 1 : b.type === 'list' ? b.items.length : 0), 0);
}

/**
 * Content centred in a box of at least `height` points as wide as the slide's
 * content: a border-less one-cell table whose row is that tall, its content
 * centred vertically (the row grows if the content is taller).
 */
function centred(st: DocxState, content: BodyChild[], height: number): BodyChild {
  const row = new TableRow({
    cantSplit: true,
    height: { value: twip(Math.max(0, height)), rule: HeightRule.ATLEAST },
    children: [cell(st, content, st.width, { verticalAlign: VerticalAlign.CENTER, margins: { top: 0, bottom: 0, left: 0, right: 0 } })],
  });
  return table([row], [st.width], T.plain, { borders: noBorders });
}

/**
 * Title lines, Chinese over English, `between` apart and `below` under the
 * last, which carries `border` when given; the first line's pieces pass
 * through `wrap` (the notes' mark) and it takes `first` (the page break).
 */
function titleLines(st: DocxState, b: SlideBlock, styles: { zh: string; en: string }, between: number, below: number, opts: { wrap?: (p: Piece[]) => Piece[]; first?: { pageBreakBefore: boolean }; border?: typeof HEADLINE_RULE } = {}): BodyChild[] {
  const langs = (['zh', 'en'] as const).filter((l) => hasText(b.title[l]));
  return langs.map((l, i) => {
    const last = i === langs.length - 1;
    const own = runs(st, b.title[l], l);
    return para(st, styles[l], i === 0 && opts.wrap ? opts.wrap(own) : own, {
      ...(i === 0 ? opts.first ?? {} : {}),
      ...after(last ? below - (opts.border ? HEADLINE_RULE_PT : 0) : between),
      ...(last && opts.border ? { border: { bottom: opts.border } } : {}),
    });
  });
}

/** The slide's children, consecutive pairs of a `columns` slide as the rows of one table. */
function body(st: DocxState, children: readonly Block[]): BodyChild[] {
  if (st.layout !== 'columns') return st.all(children);
  const out: BodyChild[] = [];
  let run: PairBlock[] = [];
  const flush = () => {
    if (run.length) out.push(...columnRows(run, st));
    run = [];
  };
  for (const c of children) {
    if (c.type === 'pair' && onPaper(c)) {
      anchor(st, c.id);
      run.push(c);
    } else {
      flush();
      out.push(...st.one(c));
    }
  }
  flush();
  return out;
}

/**
 * A slide is a landscape page drawn as the theme's slide geometry says
 * (`slideSpec`: the sizes, exact line pitches, gaps and column widths the
 * slides template fits content by), by its layout:
 * - `title`: the title block (its title at the slide's `titleSize`), centred
 *   on the page;
 * - `section`: the slide's title large (`titleSize`), any pairs below it,
 *   centred on the page;
 * - `statement`: the headline, then its pair large, centred in the room the
 *   template measured under the headline;
 * - `columns`, `points` (`content`), `checklist`, `timeline`, `glossary`,
 *   `closing`: the headline, then the content as its blocks draw it on a
 *   slide.
 * The headline is the Chinese title over the English at the slide's
 * `titleSize`, over a thin rule, the headline's space under it; the slide's
 * small source line closes it. The speaker notes and their sources become a
 * Word comment on the headline: a handout keeps one page per slide, and the
 * notes sit beside the slide in Word's margin (and in its comments pane, and
 * in a PDF export with comments in the margin) without taking the slide's
 * room. Nothing is shrunk: a slide the template decided fits, fits.
 */
export function slide(b: SlideBlock, outer: DocxState): BodyChild[] {
  const first = b.number === 1;
  const layout = b.layout === 'content' ? 'points' : b.layout;
  const density = b.density ?? 'normal';
  const st: DocxState = { ...outer, density, layout, items: { left: itemCount(b.children) }, ...(b.titleSize ? { titleSize: b.titleSize } : {}) };
  const notes = [
    ...(['zh', 'en'] as const).filter((l) => hasText(b.notes?.[l])).map((l) => ({ style: P.commentText, pieces: runs(st, b.notes![l], l) })),
    ...(hasText(b.notesSource) ? [{ style: P.commentText, pieces: runs(st, b.notesSource, 'en') }] : []),
  ];
  const id = notes.length ? st.comments.length : -1;
  const mark: Piece[] = id < 0 ? [] : [raw(new CommentRangeStart(id)), raw(new CommentRangeEnd(id)), raw(new TextRun({ children: [new CommentReference(id)] }))];
  const wrap = (pieces: Piece[]): Piece[] => (id < 0 ? pieces : [mark[0], ...pieces, ...mark.slice(1)]);
  const brk = { pageBreakBefore: !first };
  const source = sourceLine(st, b.source, SP.source);
  const out: BodyChild[] = [];
  if (layout === 'title' || layout === 'section') {
    // A point-tall paragraph opens the page (the page break, the slide's bookmark), another closes it; the notes' mark goes on the first line of text.
    out.push(para(st, SP.spacer, [], brk));
    if (id >= 0) st.comments.push({ id, children: notes.map((n) => para(st, n.style, n.pieces)) });
    st.around!.current = id >= 0 ? wrap : null;
    const content = layout === 'title' ? st.all(b.children) : section(st, b);
    // No line of text took the mark: it stays on the opening paragraph's page, in a paragraph of its own.
    if (st.around!.current) {
      st.around!.current = null;
      content.push(para(st, SP.spacer, wrap([])));
    }
    const room = slideContent.height - 2 * SPACER_PT - SLACK_PT - sourceHeight(b.source);
    out.push(centred(st, content, room), para(st, SP.spacer, []), ...source);
    return out;
  }
  const size: SizePair = b.titleSize ?? (density === 'compact' ? slideSpec.headline.sizes[slideSpec.headline.sizes.length - 1] : slideSpec.headline.sizes[0]);
  const h = slideSpec.headline;
  const headline = titleLines(st, b, sizedPair(HEADLINE, size), h.between, h.after, { wrap, first: brk, border: HEADLINE_RULE });
  // A slide without a title still starts its page (and holds its bookmark and the notes' mark).
  out.push(...(headline.length ? headline : [para(st, SP.spacer, wrap([]), brk)]));
  if (id >= 0) st.comments.push({ id, children: notes.map((n) => para(st, n.style, n.pieces)) });
  if (layout === 'statement') {
    // Centred in the room the template measured for the body (the box only centres: it never holds content back).
    out.push(centred(st, body(st, b.children), bodyRoom(b, size) - SPACER_PT - SLACK_PT));
  } else out.push(...body(st, b.children));
  out.push(...source);
  // A slide that ends with a table (a timeline, a glossary without a source line) ends with a point-tall paragraph instead of the one Word would add.
  if (out[out.length - 1] instanceof Table) out.push(para(st, SP.spacer, []));
  return out;
}

/** A divider: its title at the slide's size, the divider's gap, then its pairs (Chinese over English). */
function section(st: DocxState, b: SlideBlock): BodyChild[] {
  const s = slideSpec.section;
  const size = b.titleSize ?? s.sizes[0];
  const title = titleLines(st, b, sizedPair(SECTION, size), s.between, b.children.some(onPaper) ? s.gap : 0);
  return [...title, ...st.all(b.children)];
}
