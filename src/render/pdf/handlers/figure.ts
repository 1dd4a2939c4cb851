/**
 * The timeline: across a slide (a rule with a dot per event over equal
 * columns), or down an A4 page (date | rule and dot | event, one flow unit
 * per event). The rule is drawn first and the dots over it: on A4 the rule
 * is the shading of the middle column, which pdfmake paints under the cell's
 * content, so consecutive rows make one continuous rule under the dots.
 */
import type { TimelineFigure } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, STYLES, TIMELINE_DOT, TIMELINE_RULE } from '../constants.js';
import { plainText } from '../inline.js';
import { biStack, blockGap, isSlide, slideT, smallSize, sourceLine, textNode, unit, type Node, type PdfState } from '../state.js';

type Event = TimelineFigure['events'][number];

/** The event's text, its certainty note (small) and its citation line. */
function eventBody(e: Event, st: PdfState, size: { zh: number; en: number }, align: 'left' | 'center'): Node[] {
  const out: Node[] = [];
  if (e.text.zh?.length) out.push(textNode(e.text.zh, 'zh', st, { fontSize: size.zh, id: e.id, alignment: align, paragraph: true }));
  if (e.text.en?.length) out.push(textNode(e.text.en, 'en', st, { fontSize: size.en, alignment: align, margin: [0, 1, 0, 0], ...(e.text.zh?.length ? {} : { id: e.id }) }));
  if (e.note) out.push(...biStack(e.note, st, { fontSize: smallSize(st), css: LINE.note, color: theme.colors.muted, alignment: align, margin: [0, 1, 0, 0] }));
  out.push(...sourceLine(e.source, st, { alignment: align, margin: [0, 1, 0, 0] }));
  return out;
}

/** Most events in one row across a slide (the templates put at most this many on a slide). */
export const EVENTS_ACROSS = 6;

/** Horizontal timeline for slides: a rule with one dot per event above equal columns, rows of at most EVENTS_ACROSS. */
function timelineAcross(b: TimelineFigure, st: PdfState): Node {
  if (b.events.length > EVENTS_ACROSS) {
    const rows = Math.ceil(b.events.length / EVENTS_ACROSS);
    const per = Math.ceil(b.events.length / rows);
    const parts = Array.from({ length: rows }, (_, r) => timelineAcross({ ...b, events: b.events.slice(r * per, (r + 1) * per) }, st));
    return { stack: parts };
  }
  const t = slideT(st);
  const width = CONTENT_WIDTH.slide - st.indent;
  const n = Math.max(1, b.events.length);
  const gap = 12;
  const col = (width - gap * (n - 1)) / n;
  const y = TIMELINE_DOT + 2;
  const shapes: Node[] = [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 2, lineColor: theme.colors.rule }];
  b.events.forEach((_, i) => shapes.push({ type: 'ellipse', x: (col + gap) * i + col / 2, y, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }));
  return {
    stack: [
      { canvas: shapes, margin: [0, 0, 0, 6] },
      {
        columns: b.events.map((e) => ({
          width: '*',
          stack: [
            textNode(e.dateLabel.zh, 'zh', st, { fontSize: t.body, bold: true, color: theme.colors.accent, alignment: 'center', css: LINE.heading }),
            ...(e.dateLabel.en?.length ? [textNode(e.dateLabel.en, 'en', st, { fontSize: t.bodyEn, color: theme.colors.muted, alignment: 'center', css: LINE.heading })] : []),
            { stack: eventBody(e, st, { zh: t.body, en: t.bodyEn }, 'center'), margin: [0, 4, 0, 0] },
          ],
        })),
        columnGap: gap,
      },
    ],
    margin: [st.indent, 4, 0, blockGap(st)],
  };
}

/** Vertical timeline for A4: date, a rule with a dot per event, the event text; one flow unit per event. */
function timelineDown(b: TimelineFigure, st: PdfState): Node[] {
  const out: Node[] = [];
  if (b.id) st.pending.push(b.id);
  const repeatsHeading = plainText(b.caption.zh) === st.lastHeading;
  if (!repeatsHeading && (b.caption.zh?.length || b.caption.en?.length)) {
    out.push(unit(st, { stack: biStack(b.caption, st, { ...STYLES.caption, css: LINE.small }), margin: [st.indent, 0, 0, 4] }, 'heading'));
  }
  const size = theme.size.body;
  b.events.forEach((e, i) => {
    const last = i === b.events.length - 1;
    const date = biStack(e.dateLabel, st, { fontSize: theme.size.meta, bold: true, color: theme.colors.accent, alignment: 'right', css: LINE.heading });
    const dot: Node = { canvas: [{ type: 'ellipse', x: TIMELINE_RULE / 2, y: 8, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }] };
    const row: Node = {
      table: {
        widths: [104, TIMELINE_RULE, '*'],
        body: [[{ stack: date }, { ...dot, fillColor: theme.colors.rule }, { stack: eventBody(e, st, { zh: size, en: size }, 'left') }]],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: (c: number) => (c === 2 ? 12 : 0),
        paddingRight: (c: number) => (c === 0 ? 12 : 0),
        paddingTop: () => (i === 0 ? 0 : 4),
        paddingBottom: () => (last ? 0 : 6),
      },
      margin: [st.indent, 0, 0, last ? blockGap(st) : 0],
    };
    out.push(unit(st, row, 'keep'));
  });
  return out;
}

export const figure: Handler<PdfState, 'figure', Node> = (b, st) => {
  if (isSlide(st)) {
    if (b.id) st.pending.push(b.id);
    return timelineAcross(b, st);
  }
  return timelineDown(b, st);
};
