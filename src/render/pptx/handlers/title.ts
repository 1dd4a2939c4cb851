/**
 * The title block of a title slide, as the slide geometry sets it
 * (`slideSpec.title`): both titles at the slide's title size (`titleSize`,
 * else the largest), a short accent rule in the space under them, the
 * product on one line, then the facts of the article as label / value rows
 * (the label column `meta.labelWidth` wide).
 */
import { slideSpec } from '../../../theme/theme.js';
import { CHROME, COLOR } from '../constants.js';
import type { Drawn, Item } from '../draw.js';
import type { Handler } from '../../state.js';
import { biLine, biParas, para, plain } from '../inline.js';
import { textBox, typeOf, type PptxState } from '../state.js';

export const title: Handler<PptxState, 'title', Drawn> = (b, env) => {
  const t = slideSpec.title;
  const { width } = env;
  const size = env.titleSize ?? t.sizes[0];
  const small = typeOf(env).small;
  const items: Item[] = [];
  let y = 0;
  const head = textBox(
    biParas(b.title, { zh: { size: size.zh, color: COLOR.ink, bold: true, line: t.line, small }, en: { size: size.en, color: COLOR.en, line: t.line, small }, gap: t.between }, env.links),
    width,
    'title',
  );
  items.push(...head.items);
  y += head.h;
  // Under the titles: a short rule in the gap before the product (or the rows).
  const after = y;
  const sub = biLine(b.subtitle, { size: t.subtitle, color: COLOR.accent, small }, ' ', env.links);
  if (sub.length > 0) {
    y += t.gap;
    const box = textBox([para(sub, t.subtitle * slideSpec.body.line.zh)], width, 'small', 0, y);
    items.push(...box.items);
    y += box.h;
  }
  if (b.meta.length > 0) {
    y += t.gap;
    const m = t.meta;
    for (const row of b.meta) {
      const label = biLine(row.label, { size: m.size, color: COLOR.muted, small: m.size }, ' ', env.links);
      const same = plain(row.value.zh) === plain(row.value.en);
      const value = biLine(same ? { zh: row.value.zh } : row.value, { size: m.size, color: COLOR.ink, small: m.size }, ' ', env.links).map((r) => (r.lang === 'en' ? { ...r, color: r.link ? r.color : COLOR.en } : r));
      const l = textBox(label.length > 0 ? [para(label, m.size * m.line)] : [], m.labelWidth - 8, 'small', 0, y);
      const v = textBox(value.length > 0 ? [para(value, m.size * m.line)] : [], width - m.labelWidth, 'body', m.labelWidth, y);
      items.push(...l.items, ...v.items);
      y += Math.max(l.h, v.h) + m.gap;
    }
    y -= m.gap;
  }
  if (y > after) items.push({ kind: 'rect', x: 0, y: after + (t.gap - CHROME.rule.h) / 2, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent });
  return { h: y, items };
};
