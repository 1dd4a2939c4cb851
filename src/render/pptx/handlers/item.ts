/**
 * One bilingual item (a point, a list item, a term): how the slide's layout
 * sets it. Stacked (Chinese over English) beside its marker; side by side
 * (Chinese | English, each with its tags under it) on a `columns` slide; a
 * term card on a `glossary` slide.
 */
import type { BiInline, Inline } from '../../../ir/types.js';
import { COLOR, GAP } from '../constants.js';
import type { Drawn, Para } from '../draw.js';
import { biParas, para, runs } from '../inline.js';
import { balancedWidth } from '../measure.js';
import { bodyParas, bodySize, firstLineOf, markedRow, markerFor, metaLine, numberMarker, barMarker, smallSize, textBox, type PptxState } from '../state.js';

export interface ItemParts {
  marker?: string;
  text: BiInline;
  tags?: (BiInline | undefined)[];
  source?: Inline;
}

/** Chinese | English: the Chinese and its tags on the left, the English, its tags and the citations on the right. */
function sideBySide(env: PptxState, it: ItemParts): Drawn {
  const size = bodySize(env);
  const numeric = it.marker !== undefined && /^\d{1,3}$/.test(it.marker);
  const zhParas = biParas({ zh: it.text.zh }, { zh: { size: size.zh, color: COLOR.zh }, en: { size: size.en, color: COLOR.en }, kind: 'body' }, env.links);
  const enParas = biParas({ en: it.text.en }, { zh: { size: size.zh, color: COLOR.zh }, en: { size: size.en, color: COLOR.en }, kind: 'body' }, env.links);
  // A text marker (a term) heads both columns in bold.
  if (it.marker && !numeric) {
    const label = (lang: 'zh' | 'en') => para(runs([{ text: it.marker as string }], lang, { size: size[lang], color: COLOR.accent, bold: true }), 'body');
    zhParas.unshift(label('zh'));
    enParas.unshift(label('en'));
  }
  const small = smallSize(env);
  const tag = (lang: 'zh' | 'en'): Para | null => {
    const rs = (it.tags ?? []).flatMap((t) => runs(t?.[lang], lang, { size: small, color: COLOR.accent, bold: true }, env.links));
    return rs.length > 0 ? para(rs, 'small') : null;
  };
  const zhTag = tag('zh');
  const enMeta = metaLine(env, { tags: (it.tags ?? []).map((t) => (t ? { en: t.en } : undefined)), source: it.source });
  const under = (paras: Para[], p: Para | null) => {
    if (!p) return;
    if (paras.length > 0) paras[paras.length - 1] = { ...paras[paras.length - 1], spaceAfter: 3 * env.scale };
    paras.push(p);
  };
  under(zhParas, zhTag);
  under(enParas, enMeta);
  const m = numeric ? numberMarker(it.marker as string, firstLineOf(zhParas), env) : it.marker ? { w: 0, items: [] } : barMarker(firstLineOf(zhParas), env);
  const markerW = Math.max(m.w, 0);
  const colW = (env.width - markerW - GAP.gutter) / 2;
  const zh = textBox(zhParas, colW, 'body', markerW, 0);
  const en = textBox(enParas, colW, 'body', markerW + colW + GAP.gutter, 0);
  const markerH = m.items.reduce((h, x) => Math.max(h, x.y + x.h), 0);
  return { h: Math.max(zh.h, en.h, markerH), items: [...m.items, ...zh.items, ...en.items] };
}

/** A term card: the term in bold accent with its Chinese name on the same line, the English name under it. */
function termCard(env: PptxState, it: ItemParts): Drawn {
  const size = bodySize(env);
  const term = runs([{ text: it.marker as string }], /\p{Script=Han}/u.test(it.marker as string) ? 'zh' : 'en', { size: size.zh, color: COLOR.accent, bold: true });
  const paras = bodyParas(env, it.text, metaLine(env, { tags: it.tags, source: it.source }));
  const zh = it.text.zh && it.text.zh.length > 0 ? paras.shift() : undefined;
  const head = para([...term, ...(zh ? [{ ...zh.runs[0], text: '  ', link: undefined }, ...zh.runs] : [])], 'body', zh?.spaceAfter ? { spaceAfter: zh.spaceAfter } : {});
  return textBox([head, ...paras], env.width);
}

/** One item as the slide's layout sets it. */
export function item(env: PptxState, it: ItemParts): Drawn {
  if (env.layout === 'columns') return sideBySide(env, it);
  if (env.layout === 'glossary' && it.marker && !/^\d{1,3}$/.test(it.marker)) return termCard(env, it);
  const paras = bodyParas(env, it.text, metaLine(env, { tags: it.tags, source: it.source }));
  if (paras.length === 0) return { h: 0, items: [] };
  const m = markerFor(it.marker, firstLineOf(paras), env, env.width);
  // A statement is set large: even lines, no last line of a character or two.
  const width = env.layout === 'statement' ? m.w + balancedWidth(paras, env.width - m.w, (env.width - m.w) * 0.7) : env.width;
  return markedRow(m.items, m.w, paras, width);
}
