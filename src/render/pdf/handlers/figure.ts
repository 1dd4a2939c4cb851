/** The timeline: across a slide, or down an A4 page. */
import type { TimelineFigure } from '../../../ir/types.js';
import { theme, slideTimeline } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { lineHeight, CONTENT_WIDTH, TIMELINE_DOT } from '../constants.js';
import { inlineNodes } from '../inline.js';
import { sz, isSlide, biStack, citeLine, blockGap, type Node, type PdfState } from '../state.js';

/** Horizontal timeline for slides: a rule with one dot per event above equal columns. */
function timelineAcross(b: TimelineFigure, st: PdfState): Node {
  const width = CONTENT_WIDTH.slide;
  const n = Math.max(1, b.events.length);
  const col = width / n;
  const y = TIMELINE_DOT + 2;
  const shapes: Node[] = [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 2, lineColor: theme.colors.rule }];
  b.events.forEach((_, i) => {
    shapes.push({ type: 'ellipse', x: col * i + col / 2, y, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent });
  });
  const z = slideTimeline(st.density);
  return {
    stack: [
      { canvas: shapes, margin: [0, 0, 0, 6] },
      {
        columns: b.events.map((e) => ({
          width: '*',
          stack: [
            { text: [...inlineNodes(e.dateLabel.zh, 'zh')], bold: true, color: theme.colors.accent, fontSize: sz(z.zh, st), alignment: 'center' },
            { text: inlineNodes(e.dateLabel.en, 'en'), color: theme.colors.muted, fontSize: sz(z.en, st), alignment: 'center' },
            { text: inlineNodes(e.text.zh, 'zh'), fontSize: sz(z.zh, st), lineHeight: lineHeight(1.3), alignment: 'center', margin: [0, 4, 0, 0] },
            { text: inlineNodes(e.text.en, 'en'), fontSize: sz(z.en, st), color: theme.colors.en, lineHeight: lineHeight(1.2), alignment: 'center', margin: [0, 2, 0, 0] },
            ...citeLine(e.cites, st, { alignment: 'center', margin: [0, 2, 0, 0], fontSize: sz(z.cite, st) }),
          ],
        })),
        columnGap: z.gap,
      },
    ],
    margin: [0, 8, 0, blockGap(st)],
  };
}

/** Vertical timeline for A4: date, a rule with a dot per event, the event text. */
function timelineDown(b: TimelineFigure, st: PdfState): Node {
  const body = b.events.map((e) => [
    { stack: biStack(e.dateLabel, st, { fontSize: sz(theme.size.meta, st), bold: true, color: theme.colors.accent, lineHeight: lineHeight(1.3) }), alignment: 'right' },
    { canvas: [{ type: 'ellipse', x: 0, y: 7, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }] },
    { stack: [...biStack(e.text, st), ...citeLine(e.cites, st)] },
  ]);
  return {
    stack: [
      {
        table: { widths: [110, 6, '*'], body, dontBreakRows: true },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 1 ? 1.5 : 0),
          vLineColor: () => theme.colors.rule,
          paddingLeft: (i: number) => (i === 1 ? 0 : 8),
          paddingRight: (i: number) => (i === 0 ? 10 : 0),
          paddingTop: () => 3,
          paddingBottom: () => 6,
        },
      },
    ],
    margin: [0, 0, 0, blockGap(st)],
  };
}

export const figure: Handler<PdfState, 'figure', Node> = (b, st) => (isSlide(st) ? timelineAcross(b, st) : timelineDown(b, st));
