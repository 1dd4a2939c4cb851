import { AlignmentType, BorderStyle, LineRuleType, TableRow } from 'docx';
import type { FigureBlock, Inline } from '../../../ir/types.js';
import { slideSpec, theme } from '../../../theme/theme.js';
import { C, P, T, hex, twip } from '../constants.js';
import { biRuns, textRun } from '../runs.js';
import { autospaceWidth, slideDateWidth, textWidth } from '../slide-measure.js';
import { SP } from '../slide-styles.js';
import { anchor, biParagraphs, cell, none, noBorders, para, repeatsHeading, slide, sourceLine, table, type BodyChild, type DocxState } from '../state.js';

type Event = FigureBlock['events'][number];

const plain = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');

/** An event's text, its certainty note and its source line, small under it. */
function eventBody(st: DocxState, e: Event, styles: { zh: string; en: string }, small: string): BodyChild[] {
  return [...biParagraphs(st, e.text, styles), ...(e.note ? biParagraphs(st, e.note, { zh: small, en: small }) : []), ...sourceLine(st, e.source, small)];
}

/** The event's dot: the timeline's mark, set in the CJK face (the Latin face has none). */
const dotPieces = () => [{ ...textRun('●', 'zh', { style: C.marker }), cjkSymbol: true }];

/**
 * A timeline on a slide, as the slide geometry draws it: a row per event,
 * the date (Chinese over English, each on one line) in a column as wide as
 * the template measured the widest date, then the rule (`timeline.rule`
 * points: a rail with the event's dot against it, and space), then the
 * event's Chinese, English and certainty note in the rest, rows the
 * timeline's gap apart. The rail is the right border of the dot's cell,
 * unbroken from row to row (the gap is the cells' bottom margin).
 */
function slideTimeline(b: FigureBlock, st: DocxState): BodyChild[] {
  const t = slideSpec.timeline;
  const rail = { style: BorderStyle.SINGLE, size: 12, color: hex(theme.colors.rule) };
  const dateW = twip(slideDateWidth(b));
  const half = twip(t.rule / 2);
  const widths = [dateW, half, half, st.width - dateW - 2 * half];
  const rows = b.events.map((e, i) => {
    const gap = i < b.events.length - 1 ? twip(t.gap) : 0;
    const margins = { top: 0, bottom: gap, left: 0, right: 0 };
    anchor(st, e.id);
    const dates = biParagraphs(st, e.dateLabel, { zh: SP.timelineDate, en: SP.timelineDateEn });
    const text = [...biParagraphs(st, e.text, { zh: SP.timelineZh, en: SP.timelineEn }), ...(e.note ? biParagraphs(st, e.note, { zh: SP.timelineNote, en: SP.timelineNote }) : []), ...sourceLine(st, e.source, SP.source)];
    const dot = para(st, SP.timelineDot, dotPieces());
    return new TableRow({
      cantSplit: true,
      children: [
        cell(st, dates, widths[0], { margins }),
        cell(st, [dot], widths[1], { margins, borders: { top: none, bottom: none, left: none, right: rail } }),
        cell(st, [], widths[2], { margins }),
        cell(st, text, widths[3], { margins }),
      ],
    });
  });
  return rows.length ? [table(rows, widths, T.plain, { borders: noBorders })] : [];
}

/** Width of the date column on a page: the widest date (bold, on one line, the Chinese with its autospace) and the cell's margins, within bounds. */
function pageDateWidth(b: FigureBlock, total: number): number {
  const size = theme.size.meta;
  const zh = (t: string) => textWidth(t, size, 'zh', true) + autospaceWidth(t, size);
  const widest = Math.max(0, ...b.events.map((e) => Math.max(zh(plain(e.dateLabel.zh)), textWidth(plain(e.dateLabel.en), size, 'en', true))));
  // The plain table's cell margins (4 pt a side) and a point to spare.
  return Math.min(twip(180), Math.max(twip(60), twip(Math.ceil(widest) + 9)), Math.floor(total / 3));
}

/** The timeline as a figure: a dated rail (on pages down the page, on slides a row per event); each event's id is a bookmark on its date. */
export function figure(b: FigureBlock, st: DocxState): BodyChild[] {
  if (slide(st)) return slideTimeline(b, st);
  const accent = { style: BorderStyle.SINGLE, size: 18, color: hex(theme.colors.accent) };
  const dot = () => para(st, P.tableEn, dotPieces(), { alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 0, line: 200, lineRule: LineRuleType.EXACT } });
  const tight = { top: 0, bottom: 0, left: 0, right: 0 };
  // Caption; then dates (each on one line: the column as wide as the widest), a vertical rail with a dot per event against it, texts.
  // A caption that only repeats the heading above it (the summary's 时间线 Timeline) is left out, as in the PDF.
  const caption = repeatsHeading(b.caption, st) ? [] : [para(st, P.caption, biRuns(b.caption, { links: st.links }))];
  const dateW = pageDateWidth(b, st.width);
  const railW = twip(16);
  const widths = [dateW, railW, st.width - dateW - railW];
  const rows = b.events.map((e) => {
    anchor(st, e.id);
    const dates = biParagraphs(st, e.dateLabel, { zh: P.timelineDate, en: P.tableEn });
    return new TableRow({
      cantSplit: true,
      children: [
        cell(st, dates, widths[0]),
        cell(st, [dot()], widths[1], { borders: { left: none, top: none, bottom: none, right: accent }, margins: tight }),
        cell(st, eventBody(st, e, { zh: P.tableZh, en: P.tableEn }, P.timelineNote), widths[2]),
      ],
    });
  });
  return [...caption, table(rows, widths, T.plain, { borders: noBorders })];
}
