/** The title block of a cover: the product line, both titles, a short rule, then the facts of the article as label / value rows. */
import { CHROME, COLOR, FLOOR, TYPE } from '../constants.js';
import { stack, translate, type Drawn, type Para } from '../draw.js';
import type { Handler } from '../../state.js';
import { biLine, biParas, para, plain, runs, sized } from '../inline.js';
import { bodySize, smallSize, textBox, type PptxState } from '../state.js';

export const title: Handler<PptxState, 'title', Drawn> = (b, env) => {
  const { width } = env;
  // The cover never grows past its type scale; it shrinks with the slide down to the title floor.
  const s = Math.min(1, env.scale);
  const parts: Drawn[] = [];
  const small = smallSize(env);
  const sub = biLine(b.subtitle, { size: Math.max(small, sized(12 * s, FLOOR.any)), color: COLOR.accent, bold: true }, '  ·  ', env.links);
  if (sub.length > 0) parts.push(textBox([para(sub, 'small')], width, 'small'));
  parts.push(
    textBox(
      biParas(
        b.title,
        {
          zh: { size: sized(TYPE.cover.zh * s, FLOOR.title), color: COLOR.ink, bold: true },
          en: { size: sized(TYPE.cover.en * s, FLOOR.title), color: COLOR.en },
          kind: 'title',
          gap: 8 * s,
        },
        env.links,
      ),
      width,
      'title',
    ),
  );
  parts.push({ h: CHROME.rule.h, items: [{ kind: 'rect', x: 0, y: 0, w: CHROME.rule.w, h: CHROME.rule.h, fill: COLOR.accent }] });
  if (b.meta.length > 0) {
    const labelW = Math.min(150, width * 0.28);
    const value = Math.max(FLOOR.body, bodySize(env).en - 2);
    const rows = b.meta.map((m) => {
      const label: Para = para(biLine(m.label, { size: small, color: COLOR.muted }, ' ', env.links), 'small');
      const same = plain(m.value.zh) === plain(m.value.en);
      const zh = runs(m.value.zh, 'zh', { size: value, color: COLOR.ink }, env.links);
      const en = same ? [] : runs(m.value.en, 'en', { size: value, color: COLOR.en }, env.links);
      const v = textBox([para(zh.length > 0 && en.length > 0 ? [...zh, { ...en[0], text: '  ', link: undefined }, ...en] : [...zh, ...en], 'body')], width - labelW, 'body', labelW, 0);
      const l = textBox([label], labelW - 10, 'small');
      // The smaller label sits on the value's first baseline.
      const dy = Math.max(0, (v.items[0]?.kind === 'text' ? v.items[0].paras[0].lineHeight : 0) - label.lineHeight) * 0.8;
      return { h: Math.max(l.h + dy, v.h), items: [...translate(l.items, 0, dy), ...v.items] };
    });
    parts.push(stack(rows, 4 * s));
  }
  return stack(parts, 14 * s);
};
