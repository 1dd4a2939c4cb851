/** The timeline. */
import type { TimelineFigure } from '../../../ir/types.js';
import { slideTimeline } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { COLOR, SIZE } from '../constants.js';
import { stack, type Drawn, type Item, type Para } from '../draw.js';
import { biParas, plain, runs } from '../inline.js';
import { textHeight } from '../measure.js';
import { sz, repeatsTitle, textBox, bodyParas, type PptxState, type Env } from '../state.js';

/**
 * Timeline: a horizontal axis with a disc per event. With four or more
 * events the labels alternate above and below the axis, so each label may be
 * two slots wide; dates sit next to the axis, the event text further out.
 */
export const figure: Handler<PptxState, 'figure', Drawn> = (b, env) => {
  const { width } = env;
  const n = b.events.length;
  const parts: Drawn[] = [];
  const caption = plain(b.caption.zh);
  if (caption && !repeatsTitle(caption, env)) {
    parts.push(
      textBox(
        [
          {
            runs: [
              ...runs(b.caption.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
              ...runs(b.caption.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r, i) =>
                i === 0 ? { ...r, text: ` ${r.text}` } : r,
              ),
            ],
          },
        ],
        width,
      ),
    );
  }
  if (n === 0) return stack(parts, 0);
  // Alternating labels get two slots each; with many events one row of narrow columns can be shorter: take the shorter.
  const drawn = [timelineAxis(b, width, env, true), timelineAxis(b, width, env, false)];
  parts.push(n >= 4 && drawn[0].h <= drawn[1].h ? drawn[0] : drawn[1]);
  return stack(parts, 8 * env.scale);
};

/** The axis with a disc per event and its labels, alternating above and below or all below. */
function timelineAxis(b: TimelineFigure, width: number, env: Env, alternate: boolean): Drawn {
  const n = b.events.length;
  const slot = width / n;
  // Each label may use the room up to its same-side neighbours' slots (one slot each way when alternating).
  const reach = alternate ? slot - 5 : slot / 2 - (env.density === 'compact' ? 2 : 5);
  const dot = 12 * env.scale;
  const tick = 10 * env.scale;
  // Label sizes at scale 1: a compact slide's are the theme's compact timeline sizes at its starting scale.
  const z = env.density === 'compact' ? slideTimeline('compact') : null;
  const k = z ? 1 / (env.startScale ?? 1) : 1;
  const size = z
    ? { date: z.zh * k, zh: z.zh * k, en: z.en * k }
    : { date: SIZE.timelineDate, zh: SIZE.timelineZh, en: SIZE.timelineEn };
  const labels = b.events.map((e, i) => {
    const cx = slot * (i + 0.5);
    const x = Math.max(0, cx - reach);
    const w = Math.min(width, cx + reach) - x;
    // Centred under the disc unless the slide edge cut the label short on one side.
    const align: Para['align'] = cx - reach < 0 ? 'left' : cx + reach > width ? 'right' : 'center';
    const paras: Para[] = [
      ...biParas(e.dateLabel, {
        zh: { size: sz(size.date, env), color: COLOR.accent, bold: true },
        en: { size: sz(size.en, env), color: COLOR.accent },
      }).map((p) => ({ ...p, align })),
      ...bodyParas(e.text, e.cites, env, { zh: size.zh, en: size.en }).map((p) => ({ ...p, align })),
    ];
    if (paras.length > 0) paras[0] = { ...paras[0], spaceAfter: 3 * env.scale };
    const above = alternate && i % 2 === 0;
    return { paras, cx, x, w, above, h: textHeight(paras, w) };
  });
  const aboveH = Math.max(0, ...labels.filter((l) => l.above).map((l) => l.h));
  const belowH = Math.max(0, ...labels.filter((l) => !l.above).map((l) => l.h));
  const axisY = aboveH + (aboveH > 0 ? tick : 0) + dot / 2;
  const items: Item[] = [{ kind: 'line', x: 0, y: axisY, w: width, h: 0, color: COLOR.muted, width: 1.5 }];
  for (const l of labels) {
    const y = l.above ? aboveH - l.h : axisY + dot / 2 + tick;
    const tickY = l.above ? aboveH : axisY + dot / 2;
    items.push({ kind: 'line', x: l.cx, y: tickY, w: 0, h: tick, color: COLOR.rule, width: 1 });
    items.push({ kind: 'ellipse', x: l.cx - dot / 2, y: axisY - dot / 2, w: dot, h: dot, fill: COLOR.accent, line: { color: COLOR.white, width: 1.5 } });
    items.push({ kind: 'text', x: l.x, y, w: l.w, h: l.h, paras: l.paras, valign: l.above ? 'bottom' : 'top' });
  }
  return { h: axisY + dot / 2 + tick + belowH, items };
}

