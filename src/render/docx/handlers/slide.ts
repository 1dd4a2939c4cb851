import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun } from 'docx';
import type { SlideBlock } from '../../../ir/types.js';
import { P } from '../constants.js';
import { hasText, raw, type Piece } from '../runs.js';
import { compact, para, runs, sourceLine, type BodyChild, type DocxState } from '../state.js';

/** Headline styles of a slide: section dividers and the closing slide set it larger. */
function headlineStyles(st: DocxState, layout: SlideBlock['layout']): { zh: string; en: string } {
  if (layout === 'section' || layout === 'closing') return { zh: P.slideSectionTitle, en: P.slideSectionTitleEn };
  return compact(st) ? { zh: P.slideCompactTitle, en: P.slideCompactTitleEn } : { zh: P.slideTitle, en: P.slideTitleEn };
}

/**
 * A slide is a landscape page: its headline (Chinese, then English over a
 * rule; none on the title slide, whose title block is its headline), its
 * blocks, and its small source line. The speaker notes and their sources
 * become a Word comment on the headline: a handout keeps one page per slide,
 * and the notes sit beside the slide in Word's margin (and in its comments
 * pane, and in a PDF export with comments in the margin) without taking
 * the slide's room.
 */
export function slide(b: SlideBlock, outer: DocxState): BodyChild[] {
  const first = b.number === 1;
  const st: DocxState = { ...outer, density: b.density ?? 'normal', layout: b.layout };
  const notes = [
    ...(['zh', 'en'] as const).filter((l) => hasText(b.notes?.[l])).map((l) => ({ style: P.commentText, pieces: runs(st, b.notes![l], l) })),
    ...(hasText(b.notesSource) ? [{ style: P.commentText, pieces: runs(st, b.notesSource, 'en') }] : []),
  ];
  const id = notes.length ? st.comments.length : -1;
  const wrap = (pieces: Piece[]): Piece[] =>
    id < 0 ? pieces : [raw(new CommentRangeStart(id)), ...pieces, raw(new CommentRangeEnd(id)), raw(new TextRun({ children: [new CommentReference(id)] }))];
  const styles = headlineStyles(st, b.layout);
  const out: BodyChild[] = [];
  if (b.layout === 'title') {
    // A title slide still starts a new page; its title block is the headline.
    out.push(para(st, P.normal, wrap([]), { pageBreakBefore: !first, spacing: { before: 0, after: 0 } }));
  } else {
    out.push(para(st, styles.zh, wrap(runs(st, b.title.zh, 'zh')), { pageBreakBefore: !first }));
    if (hasText(b.title.en)) out.push(para(st, styles.en, runs(st, b.title.en, 'en')));
  }
  if (id >= 0) st.comments.push({ id, children: notes.map((n) => para(st, n.style, n.pieces)) });
  out.push(...st.all(b.children));
  out.push(...sourceLine(st, b.source, P.slideSource));
  return out;
}
