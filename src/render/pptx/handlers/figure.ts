/**
 * The timeline, as the slide geometry draws it (`slideSpec.timeline`): a row
 * per event, top to bottom: the date (Chinese over English, bold, each on ONE
 * line, never broken) in a column as wide as the slide's widest date, a
 * vertical rule with a disc per event (`rule` points wide), then the event's
 * Chinese, its English and its certainty note (each language, small). The
 * date column is measured as the office suite sets the dates (LibreOffice
 * puts space between Han and digits), so it may be a little wider than the
 * template's estimate, and the text column narrower.
 */
import type { TimelineFigure } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { COLOR } from '../constants.js';
import { stack, type Drawn, type Item, type Para } from '../draw.js';
import { biLine, para, plain, runs } from '../inline.js';
import { naturalWidth } from '../measure.js';
import { metaLine, textBox, typeOf, type PptxState } from '../state.js';

type Event = TimelineFigure['events'][number];

/** Diameter of an event's disc. */
const DOT = 10;

/** The date of an event: Chinese bold accent over English bold muted, each kept on one line. */
function dateParas(e: Pick<Event, 'dateLabel'>, env: PptxState): Para[] {
  const t = slideSpec.timeline;
  const out: Para[] = [];
  const zh = runs(e.dateLabel.zh?.map((s) => ({ ...s, nowrap: true })), 'zh', { size: t.date.zh, color: COLOR.accent, bold: true }, env.links);
  const en = runs(e.dateLabel.en?.map((s) => ({ ...s, nowrap: true })), 'en', { size: t.date.en, color: COLOR.muted, bold: true }, env.links);
  if (zh.length > 0) out.push(para(zh, t.date.zh * t.line.zh));
  if (en.length > 0) out.push(para(en, t.date.en * t.line.en));
  return out;
}

/** The event's Chinese and English, its certainty note in each language, and its citations. */
function textParas(e: Event, env: PptxState): Para[] {
  const t = slideSpec.timeline;
  const small = typeOf(env).small;
  const out: Para[] = [];
  const zh = runs(e.text.zh, 'zh', { size: t.zh, color: COLOR.zh, small }, env.links);
  const en = runs(e.text.en, 'en', { size: t.en, color: COLOR.en, small }, env.links);
  if (zh.length > 0) out.push(para(zh, t.zh * t.line.zh));
  if (en.length > 0) out.push(para(en, t.en * t.line.en));
  for (const lang of ['zh', 'en'] as const) {
    const rs = runs(e.note?.[lang], lang, { size: t.note, color: COLOR.muted, small: t.note }, env.links);
    if (rs.length > 0) out.push(para(rs, t.note * t.line.note));
  }
  const meta = metaLine(env, { source: e.source });
  if (meta) out.push({ ...meta, spaceBefore: 1 });
  return out;
}

const widest = (paras: Para[]) => Math.max(0, ...paras.map((p) => naturalWidth(p.runs)));

export const figure: Handler<PptxState, 'figure', Drawn> = (b, env) => {
  const t = slideSpec.timeline;
  const parts: Drawn[] = [];
  // On a timeline slide the headline names the figure (the geometry has no caption line); elsewhere the caption, unless it repeats the headline.
  const caption = plain(b.caption.zh);
  if (env.layout !== 'timeline' && caption && !(env.slideTitle !== undefined && env.slideTitle.startsWith(caption))) {
    const ty = typeOf(env);
    const rs = biLine(b.caption, { size: ty.small, color: COLOR.muted, small: ty.small }, '  ', env.links);
    if (rs.length > 0) parts.push(textBox([para(rs, ty.small * ty.line.small)], env.width, 'small'));
  }
  if (b.events.length === 0) return stack(parts, 0);
  const dates = b.events.map((e) => dateParas(e, env));
  // The date column as wide as the widest date, set on one line (of the whole timeline, when it runs over several slides).
  const aligned = (b.alignDates ?? []).map((dateLabel) => dateParas({ dateLabel }, env));
  const dateW = Math.ceil(Math.max(...[...dates, ...aligned].map(widest))) + 1;
  const ruleX = dateW + t.rule / 2;
  const textX = dateW + t.rule;
  const textW = env.width - textX;
  const rows = b.events.map((e, i) => {
    const d = textBox(dates[i], dateW, 'body');
    const text = textBox(textParas(e, env), textW, 'body', textX, 0);
    const first = dates[i][0]?.lineHeight ?? text.items[0]?.h ?? 0;
    const dot: Item = { kind: 'ellipse', x: ruleX - DOT / 2, y: first / 2 - DOT / 2, w: DOT, h: DOT, fill: COLOR.accent, line: { color: COLOR.white, width: 1.5 } };
    return { h: Math.max(d.h, text.h), items: [dot, ...d.items, ...text.items], first };
  });
  const drawn = stack(rows, t.gap);
  const firstY = rows[0].first / 2;
  const last = rows[rows.length - 1];
  const lastY = drawn.h - last.h + last.first / 2;
  const spine: Item = { kind: 'line', x: ruleX, y: firstY, w: 0, h: Math.max(0, lastY - firstY), color: COLOR.rule, width: 2 };
  parts.push({ h: drawn.h, items: [spine, ...drawn.items] });
  return stack(parts, 6);
};
