/** The title slide's block: product name, both titles, a short rule, then the facts of the article in two columns. */
import { COLOR, SIZE } from '../constants.js';
import { stack, translate, type Drawn, type Para } from '../draw.js';
import type { Handler } from '../../state.js';
import { biParas, plain, runs } from '../inline.js';
import { lineHeight, paraSize } from '../measure.js';
import { sz, textBox, type PptxState } from '../state.js';

export const title: Handler<PptxState, 'title', Drawn> = (b, env) => {
  const { width } = env;
  const parts: Drawn[] = [];
  const sub = biParas(b.subtitle ?? {}, {
    zh: { size: sz(SIZE.titleSlideSubtitle, env), color: COLOR.accent, bold: true },
    en: { size: sz(SIZE.titleSlideSubtitle, env), color: COLOR.accent },
  });
  if (sub.length > 0) {
    // Subtitle on one line: `幻灯片简报 · Slide brief`.
    const line: Para = { runs: sub.flatMap((p, i) => (i === 0 ? p.runs : [{ ...p.runs[0], text: '  ·  ' }, ...p.runs])) };
    parts.push(textBox([line], width));
  }
  parts.push(
    textBox(
      biParas(b.title, {
        zh: { size: sz(SIZE.titleSlideZh, env), color: COLOR.ink, bold: true },
        en: { size: sz(SIZE.titleSlideEn, env), color: COLOR.en },
        gap: 6 * env.scale,
      }),
      width,
    ),
  );
  parts.push({ h: 2, items: [{ kind: 'rect', x: 0, y: 0, w: 64, h: 2, fill: COLOR.accent }] });
  if (b.meta.length > 0) {
    const labelW = Math.min(170, width * 0.3);
    const rows = b.meta.map((m) => {
      const label: Para = {
        runs: [
          ...runs(m.label.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
          ...runs(m.label.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r, i) =>
            i === 0 ? { ...r, text: ` ${r.text}` } : r,
          ),
        ],
      };
      const sameValue = plain(m.value.zh) === plain(m.value.en);
      const value: Para = {
        runs: [
          ...runs(m.value.zh, 'zh', { size: sz(11, env), color: COLOR.ink }),
          ...(sameValue
            ? []
            : runs(m.value.en, 'en', { size: sz(10, env), color: COLOR.en }).map((r, i) => (i === 0 ? { ...r, text: `  ${r.text}` } : r))),
        ],
      };
      if (value.runs.length === 0) value.runs = runs(m.value.en, 'en', { size: sz(10, env), color: COLOR.en });
      const l = textBox([label], labelW - 8);
      const v = textBox([value], width - labelW, labelW, 0);
      // Centre the smaller label on the value's first line.
      const dy = Math.max(0, (lineHeight(paraSize(value)) - lineHeight(paraSize(label))) / 2);
      return { h: Math.max(l.h + dy, v.h), items: [...translate(l.items, 0, dy), ...v.items] };
    });
    parts.push(stack(rows, 3 * env.scale));
  }
  return stack(parts, 14 * env.scale);
};

