/**
 * The timeline: down a slide (a row per event: date | rule and dot | event,
 * as the template measured it), or down an A4 page (date | rule and dot | event, one flow unit
 * per event). The rule is drawn first and the dots over it: on A4 the rule
 * is the shading of the middle column, which pdfmake paints under the cell's
 * content, so consecutive rows make one continuous rule under the dots.
 */
import type { TimelineFigure } from '../../../ir/types.js';
import { columnDates } from '../../../theme/fit.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { CONTENT_WIDTH, LINE, STYLES, TIMELINE_DOT, TIMELINE_RULE } from '../constants.js';
import { plainText, textWidth } from '../inline.js';
import { slideSpec } from '../slide-spec.js';
import { biStack, blockGap, inset, isSlide, slideT, smallSize, sourceLine, textNode, unit, type Node, type PdfState } from '../state.js';

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

/**
 * Timeline on a slide, as the slide geometry says: a row per event, the date
 * (Chinese over English, bold, each on one line) in a column as wide as the
 * widest date, then a rule with a dot on it, then the event's Chinese,
 * English and note.
 */
function timelineRows(b: TimelineFigure, st: PdfState): Node {
  const t = slideSpec.timeline;
  const dateWidth = Math.ceil(Math.max(1, ...columnDates(b).flatMap((l) => [textWidth(l.zh, 'zh', t.date.zh, true), textWidth(l.en, 'en', t.date.en, true)]))) + 1;
  const side = (t.rule - TIMELINE_RULE) / 2;
  const body = b.events.map((e, i) => {
    const last = i === b.events.length - 1;
    const date: Node[] = [];
    if (e.dateLabel.zh?.length) date.push(textNode(e.dateLabel.zh, 'zh', st, { fontSize: t.date.zh, css: t.line.zh, bold: true, color: theme.colors.accent, noWrap: true }));
    if (e.dateLabel.en?.length) date.push(textNode(e.dateLabel.en, 'en', st, { fontSize: t.date.en, css: t.line.en, bold: true, color: theme.colors.muted, noWrap: true }));
    const text: Node[] = [];
    if (e.text.zh?.length) text.push(textNode(e.text.zh, 'zh', st, { fontSize: t.zh, css: t.line.zh, id: e.id, paragraph: true }));
    if (e.text.en?.length) text.push(textNode(e.text.en, 'en', st, { fontSize: t.en, css: t.line.en, ...(e.text.zh?.length ? {} : { id: e.id }) }));
    if (e.note) text.push(...biStack(e.note, st, { fontSize: t.note, css: t.line.note, color: theme.colors.muted }));
    text.push(...sourceLine(e.source, st, { margin: [0, 1, 0, 0] }));
    const dotY = (t.date.zh * t.line.zh) / 2;
    return [
      { stack: date },
      { text: '' },
      { canvas: [{ type: 'ellipse', x: TIMELINE_RULE / 2, y: dotY, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }], fillColor: theme.colors.rule },
      { text: '' },
      { stack: text, ...(last ? {} : {}) },
    ];
  });
  return {
    table: { widths: [dateWidth, side, TIMELINE_RULE, side, '*'], body },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: (row: number) => (row === b.events.length - 1 ? 0 : t.gap),
    },
  };
}

/** Vertical timeline for A4: date, a rule with a dot per event, the event text; one flow unit per event. */
function timelineDown(b: TimelineFigure, st: PdfState): Node[] {
  const out: Node[] = [];
  if (b.id) st.pending.push(b.id);
  const repeatsHeading = plainText(b.caption.zh) === st.lastHeading;
  if (!repeatsHeading && (b.caption.zh?.length || b.caption.en?.length)) {
    out.push(unit(st, inset({ stack: biStack(b.caption, st, { ...STYLES.caption, css: LINE.small }) }, st.indent, 0, 0, 4), 'heading'));
  }
  const size = theme.size.body;
  // The date column as wide as the widest date (each date on one line), within bounds.
  const widest = Math.max(...b.events.flatMap((e) => [textWidth(e.dateLabel.zh, 'zh', theme.size.meta, true), textWidth(e.dateLabel.en, 'en', theme.size.meta, true)]));
  const dateWidth = Math.min(180, Math.max(60, Math.ceil(widest) + 1));
  b.events.forEach((e, i) => {
    const last = i === b.events.length - 1;
    const date = biStack(e.dateLabel, st, { fontSize: theme.size.meta, bold: true, color: theme.colors.accent, alignment: 'right', css: LINE.heading, noWrap: true });
    const dot: Node = { canvas: [{ type: 'ellipse', x: TIMELINE_RULE / 2, y: 8, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }] };
    const row: Node = {
      table: {
        widths: [dateWidth, TIMELINE_RULE, '*'],
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
    };
    out.push(unit(st, inset(row, st.indent, 0, 0, last ? blockGap(st) : 0), 'keep'));
  });
  return out;
}

export const figure: Handler<PdfState, 'figure', Node> = (b, st) => {
  if (isSlide(st)) {
    if (b.id) st.pending.push(b.id);
    return timelineRows(b, st);
  }
  return timelineDown(b, st);
};
