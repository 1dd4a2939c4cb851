/**
 * The timeline: a horizontal axis with a disc per event (labels alternating
 * above and below when there are four or more, so each may be two slots
 * wide), or, when that does not fit the slide, a vertical spine with the
 * dates in a column of their own. A date is never split: its line is kept
 * whole and an arrangement whose column is too narrow for a date is not used.
 */
import type { TimelineFigure } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { COLOR } from '../constants.js';
import { stack, type Drawn, type Item, type Para } from '../draw.js';
import { biLine, biParas, para, plain, runs } from '../inline.js';
import { balancedWidth, naturalWidth, textHeight } from '../measure.js';
import { bodySize, itemGap, metaLine, smallSize, textBox, type PptxState } from '../state.js';

type Event = TimelineFigure['events'][number];

const INFEASIBLE: Drawn = { h: Number.POSITIVE_INFINITY, items: [] };

/** The date of an event: Chinese bold, English small; on one line when `width` allows, else two; never split. */
function dateParas(e: Event, env: PptxState, align: Para['align'], width: number): Para[] {
  const size = bodySize(env);
  const zh = runs(e.dateLabel.zh, 'zh', { size: size.zh, color: COLOR.accent, bold: true }, env.links).map((r) => ({ ...r, nowrap: true }));
  const en = runs(e.dateLabel.en, 'en', { size: smallSize(env), color: COLOR.accent }, env.links).map((r) => ({ ...r, nowrap: true }));
  const a = align ? { align } : {};
  if (zh.length > 0 && en.length > 0) {
    const one = para([...zh, { ...en[0], text: '  ' }, ...en], 'small', a);
    if (naturalWidth(one.runs) <= width) return [one];
  }
  return [zh, en].filter((rs) => rs.length > 0).map((rs) => para(rs, 'small', a));
}

/** The event's text, then one small line: its certainty note and its citations. */
function textParas(e: Event, env: PptxState, align: Para['align']): Para[] {
  const size = bodySize(env);
  const small = smallSize(env);
  const out = biParas(e.text, { zh: { size: size.zh, color: COLOR.zh }, en: { size: size.en, color: COLOR.en }, kind: 'body', gap: 1, align }, env.links);
  const note = biLine(e.note, { size: small, color: COLOR.muted, italic: true }, ' ', env.links);
  const meta = metaLine(env, { facts: note, source: e.source });
  if (meta) {
    if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1], spaceAfter: 2 };
    out.push(align ? { ...meta, align } : meta);
  }
  return out;
}

const widest = (paras: Para[]) => Math.max(0, ...paras.map((p) => naturalWidth(p.runs)));

/** Axis across the slide, a disc per event, labels above and below (alternate) or all below. */
function horizontal(b: TimelineFigure, env: PptxState, alternate: boolean): Drawn {
  const width = env.width;
  const n = b.events.length;
  const slot = width / n;
  const gap = 12 * env.scale;
  const reach = alternate ? slot - gap / 2 : slot / 2 - gap / 2;
  const dot = 14 * env.scale;
  const tick = 10 * env.scale;
  const labels = [];
  for (const [i, e] of b.events.entries()) {
    const cx = slot * (i + 0.5);
    const x = Math.max(0, cx - reach);
    const w = Math.min(width, cx + reach) - x;
    // Centred on the disc unless the slide edge cut the label short on one side.
    const align: Para['align'] = cx - reach < 0 ? 'left' : cx + reach > width ? 'right' : 'center';
    const dates = dateParas(e, env, align, w);
    if (widest(dates) > w) return INFEASIBLE;
    if (dates.length > 0) dates[dates.length - 1] = { ...dates[dates.length - 1], spaceAfter: 4 * env.scale };
    const paras = [...dates, ...textParas(e, env, align)];
    // Even lines under the disc: the label as narrow as it can be without taking another line.
    const bw = balancedWidth(paras, w, Math.max(widest(dates), w * 0.6));
    const bx = align === 'center' ? cx - bw / 2 : align === 'right' ? x + w - bw : x;
    labels.push({ paras, cx, x: bx, w: bw, above: alternate && i % 2 === 0, h: textHeight(paras, bw) });
  }
  const aboveH = Math.max(0, ...labels.filter((l) => l.above).map((l) => l.h));
  const belowH = Math.max(0, ...labels.filter((l) => !l.above).map((l) => l.h));
  const axisY = aboveH + (aboveH > 0 ? tick : 0) + dot / 2;
  const items: Item[] = [{ kind: 'line', x: 0, y: axisY, w: width, h: 0, color: COLOR.rule, width: 2 }];
  for (const l of labels) {
    const y = l.above ? aboveH - l.h : axisY + dot / 2 + tick;
    items.push({ kind: 'line', x: l.cx, y: l.above ? aboveH : axisY + dot / 2, w: 0, h: tick, color: COLOR.rule, width: 1 });
    items.push({ kind: 'ellipse', x: l.cx - dot / 2, y: axisY - dot / 2, w: dot, h: dot, fill: COLOR.accent, line: { color: COLOR.white, width: 1.5 } });
    items.push({ kind: 'text', role: 'body', x: l.x, y, w: l.w, h: l.h, paras: l.paras, valign: l.above ? 'bottom' : 'top' });
  }
  return { h: axisY + dot / 2 + tick + belowH, items };
}

/**
 * A vertical spine: dates in a column of their own, a disc per event, the
 * text beside it: Chinese over English (`stacked`), or Chinese | English in
 * two columns, which takes fewer lines when the English is long.
 */
function vertical(b: TimelineFigure, env: PptxState, sideBySide: boolean, force = false): Drawn {
  const width = env.width;
  const dates = b.events.map((e) => dateParas(e, env, 'right', 0));
  let dateW = Math.max(...dates.map(widest)) + 2;
  if (dateW > width * 0.3) {
    if (!force) return INFEASIBLE;
    // No arrangement keeps such a date whole: rather than drop the events, the date wraps.
    dateW = width * 0.3;
    for (const d of dates) for (const p of d) p.runs = p.runs.map((r) => ({ ...r, nowrap: false }));
  }
  const dot = 12 * env.scale;
  const spineX = dateW + 14 * env.scale;
  const textX = spineX + dot / 2 + 12 * env.scale;
  const textW = width - textX;
  const gutter = 16 * env.scale;
  const rows = b.events.map((e, i) => {
    const d = textBox(dates[i], dateW);
    const paras = textParas(e, env, 'left');
    let text: Drawn;
    if (sideBySide && paras.length >= 2) {
      const zhW = (textW - gutter) * 0.42;
      const zh = textBox(paras.slice(0, 1), zhW, 'body', textX, 0);
      const en = textBox(paras.slice(1), textW - gutter - zhW, 'body', textX + zhW + gutter, 0);
      text = { h: Math.max(zh.h, en.h), items: [...zh.items, ...en.items] };
    } else text = textBox(paras, textW, 'body', textX, 0);
    const first = dates[i][0]?.lineHeight ?? 0;
    const disc: Item = { kind: 'ellipse', x: spineX - dot / 2, y: (first - dot) / 2, w: dot, h: dot, fill: COLOR.accent, line: { color: COLOR.white, width: 1.5 } };
    return { h: Math.max(d.h, text.h, dot), items: [disc, ...d.items, ...text.items], first };
  });
  const drawn = stack(rows, itemGap(env));
  const firstY = (rows[0]?.first ?? 0) / 2;
  const last = rows.at(-1);
  const lastY = drawn.h - (last?.h ?? 0) + (last?.first ?? 0) / 2;
  const spine: Item = { kind: 'line', x: spineX, y: firstY, w: 0, h: Math.max(0, lastY - firstY), color: COLOR.rule, width: 2 };
  return { h: drawn.h, items: [spine, ...drawn.items] };
}

export const figure: Handler<PptxState, 'figure', Drawn> = (b, env) => {
  const parts: Drawn[] = [];
  const caption = plain(b.caption.zh);
  if (caption && !(env.slideTitle !== undefined && env.slideTitle.startsWith(caption))) {
    parts.push(textBox([para(biLine(b.caption, { size: smallSize(env), color: COLOR.muted }, '  ', env.links), 'small')], env.width, 'small'));
  }
  if (b.events.length === 0) return stack(parts, 0);
  const room = env.room ?? Number.POSITIVE_INFINITY;
  const across = horizontal(b, env, b.events.length >= 4);
  // The axis when it fits, else the shortest arrangement.
  const pick = across.h <= room ? across : [across, vertical(b, env, false), vertical(b, env, true)].reduce((a, c) => (c.h < a.h ? c : a));
  parts.push(Number.isFinite(pick.h) ? pick : vertical(b, env, true, true));
  return stack(parts, 8 * env.scale);
};
