import { AlignmentType, BorderStyle, LineRuleType, TableRow, VerticalAlign } from 'docx';
import type { FigureBlock } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import { C, P, T, hex } from '../constants.js';
import { biRuns, textRun } from '../runs.js';
import { anchor, biParagraphs, cell, compact, none, noBorders, para, slide, sourceLine, splitWidth, table, type BodyChild, type DocxState } from '../state.js';

type Event = FigureBlock['events'][number];

/** An event's text, its certainty note and its source line, small under it. */
function eventBody(st: DocxState, e: Event, styles: { zh: string; en: string }, small: string): BodyChild[] {
  return [...biParagraphs(st, e.text, styles), ...(e.note ? biParagraphs(st, e.note, { zh: small, en: small }) : []), ...sourceLine(st, e.source, small)];
}

/** The timeline as a figure: a dated rail (vertical on pages, horizontal on slides); each event's id is a bookmark on its date. */
export function figure(b: FigureBlock, st: DocxState): BodyChild[] {
  const accent = { style: BorderStyle.SINGLE, size: 18, color: hex(theme.colors.accent) };
  const dot = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    para(st, P.tableEn, [{ ...textRun('●', 'zh', { style: C.marker }), cjkSymbol: true }], { alignment: align, spacing: { before: 0, after: 0, line: 200, lineRule: LineRuleType.EXACT } });
  const tight = { top: 0, bottom: 0, left: 0, right: 0 };
  const dates = (e: Event, styles: { zh: string; en: string }) => {
    anchor(st, e.id);
    return biParagraphs(st, e.dateLabel, styles);
  };
  if (slide(st)) {
    // Dates over a horizontal rail with a dot per event sitting on it, texts under.
    const n = Math.max(1, b.events.length);
    const widths = splitWidth(st.width, Array(n).fill(1));
    const dateRow = new TableRow({
      cantSplit: true,
      children: b.events.map((e, i) =>
        cell(st, dates(e, { zh: P.slideTimelineDate, en: P.slideTimelineEn }), widths[i], { verticalAlign: VerticalAlign.BOTTOM }),
      ),
    });
    const dotRow = new TableRow({
      cantSplit: true,
      children: b.events.map((_, i) =>
        cell(st, [dot(AlignmentType.CENTER)], widths[i], { borders: { top: none, left: none, right: none, bottom: accent }, verticalAlign: VerticalAlign.BOTTOM, margins: tight }),
      ),
    });
    // Many columns of short lines: the timeline styles' tighter leading (at no smaller a size).
    const text = { zh: P.slideTimelineZh, en: P.slideTimelineEn };
    const side = 20;
    const textRow = new TableRow({
      cantSplit: true,
      children: b.events.map((e, i) => cell(st, eventBody(st, e, text, P.slideNote), widths[i], { margins: { top: 60, bottom: 0, left: side, right: side } })),
    });
    // The slide headline already names the figure.
    return [table([dateRow, dotRow, textRow], widths, T.plain, { borders: noBorders })];
  }
  // Caption; then dates, a vertical rail with a dot per event against it, texts.
  const caption = para(st, P.caption, biRuns(b.caption, { links: st.links }));
  const widths = splitWidth(st.width, [2, 0.4, 7]);
  const rows = b.events.map(
    (e) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(st, dates(e, { zh: P.timelineDate, en: P.tableEn }), widths[0]),
          cell(st, [dot(AlignmentType.RIGHT)], widths[1], { borders: { left: none, top: none, bottom: none, right: accent }, margins: tight }),
          cell(st, eventBody(st, e, { zh: P.tableZh, en: P.tableEn }, P.timelineNote), widths[2]),
        ],
      }),
  );
  return [caption, table(rows, widths, T.plain, { borders: noBorders })];
}
