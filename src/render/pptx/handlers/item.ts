/**
 * One bilingual item (a point, a list item, a term): how the slide's layout
 * sets it, as the slide geometry measures it (`slideSpec`):
 * - stacked, Chinese over English, each led by its tag, in the column right
 *   of the number column (`body.marker`) when numbered, else the whole width
 *   with an accent bar hanging in the margin (`points`, `checklist`,
 *   `section`, `closing`);
 * - side by side on a `columns` slide: Chinese in the left column, English in
 *   the right (`columns.gutter` apart), its marker hanging in the margin;
 * - large on a `statement` slide (`slideSpec.statement`), its marker hanging
 *   in the margin;
 * - a term card on a `glossary` slide (a pair whose marker is the term).
 */
import type { BiInline, Inline } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { CHROME, COLOR } from '../constants.js';
import type { Drawn, Para } from '../draw.js';
import { biParas, para, runs } from '../inline.js';
import { balancedWidth } from '../measure.js';
import { barMarker, bodyParas, bodyStyle, disc, firstLineOf, labelMarker, markedRow, metaLine, numberMarker, textBox, typeOf, type Marker, type PptxState } from '../state.js';

export interface ItemParts {
  marker?: string;
  text: BiInline;
  tags?: BiInline;
  source?: Inline;
}

const numeric = (m: string | undefined): m is string => m !== undefined && /^\d{1,3}$/.test(m);

/** A marker hanging in the left margin: a number disc, or an accent bar. */
function hanging(marker: string | undefined, firstLine: number): Marker {
  if (numeric(marker)) return { w: 0, items: disc(marker, firstLine, -(CHROME.disc + 6)) };
  return barMarker(firstLine);
}

/** Chinese | English: the Chinese with its tag on the left, the English with its tag and the citations on the right. */
function sideBySide(env: PptxState, it: ItemParts): Drawn {
  const style = bodyStyle(env, it.tags);
  const zhParas = biParas({ zh: it.text.zh }, style, env.links);
  const enParas = biParas({ en: it.text.en }, style, env.links);
  // A text marker (a term) heads both columns in bold.
  if (it.marker && !numeric(it.marker)) {
    const label = (lang: 'zh' | 'en') => para(runs([{ text: it.marker as string }], lang, { ...style[lang], color: COLOR.accent, bold: true }), style[lang].size * style[lang].line);
    zhParas.unshift(label('zh'));
    enParas.unshift(label('en'));
  }
  const meta = metaLine(env, { source: it.source });
  if (meta) {
    if (enParas.length > 0) enParas[enParas.length - 1] = { ...enParas[enParas.length - 1], spaceAfter: 2 };
    enParas.push(meta);
  }
  const m = it.marker && !numeric(it.marker) ? { w: 0, items: [] } : hanging(it.marker, firstLineOf(zhParas.length > 0 ? zhParas : enParas));
  const gutter = slideSpec.columns.gutter;
  const colW = (env.width - gutter) / 2;
  const zh = textBox(zhParas, colW, 'body', 0, 0);
  const en = textBox(enParas, colW, 'body', colW + gutter, 0);
  return { h: Math.max(zh.h, en.h), items: [...m.items, ...zh.items, ...en.items] };
}

/** One pair large: Chinese over English at the statement sizes, lines of even length. */
function statement(env: PptxState, it: ItemParts): Drawn {
  const s = slideSpec.statement;
  const t = typeOf(env);
  const paras = biParas(
    it.text,
    {
      zh: { size: s.zh, color: COLOR.zh, line: s.line.zh, small: t.small },
      en: { size: s.en, color: COLOR.en, line: s.line.en, small: t.small },
      gap: s.between,
      ...(it.tags ? { tags: it.tags } : {}),
    },
    env.links,
  );
  const meta = metaLine(env, { source: it.source });
  if (meta) {
    if (paras.length > 0) paras[paras.length - 1] = { ...paras[paras.length - 1], spaceAfter: 4 };
    paras.push(meta);
  }
  if (paras.length === 0) return { h: 0, items: [] };
  const m = hanging(it.marker, firstLineOf(paras));
  // Even lines, never more of them than in the whole width.
  const width = balancedWidth(paras, env.width, env.width * 0.7);
  const text = textBox(paras, width);
  return { h: text.h, items: [...m.items, ...text.items] };
}

/** A term card: the term in bold accent with its Chinese name on the same line, the English name under it. */
function termCard(env: PptxState, it: ItemParts): Drawn {
  const style = bodyStyle(env);
  const lang = /\p{Script=Han}/u.test(it.marker as string) ? 'zh' : 'en';
  // The term at the size of the Chinese it heads.
  const term = runs([{ text: it.marker as string }], lang, { ...style.zh, color: COLOR.accent, bold: true });
  const paras = bodyParas(env, it.text, it.tags, metaLine(env, { source: it.source }));
  const zh = it.text.zh && it.text.zh.length > 0 ? paras.shift() : undefined;
  const head: Para = zh ? { ...zh, runs: [...term, { ...zh.runs[0], text: '  ', link: undefined }, ...zh.runs] } : para(term, style.zh.size * style.zh.line);
  return textBox([head, ...paras], env.width);
}

/** One item as the slide's layout sets it. */
export function item(env: PptxState, it: ItemParts): Drawn {
  if (env.layout === 'columns') return sideBySide(env, it);
  if (env.layout === 'statement') return statement(env, it);
  if (env.layout === 'glossary' && it.marker && !numeric(it.marker)) return termCard(env, it);
  const paras = bodyParas(env, it.text, it.tags, metaLine(env, { source: it.source }));
  if (paras.length === 0) return { h: 0, items: [] };
  const first = firstLineOf(paras);
  const m: Marker = numeric(it.marker)
    ? numberMarker(it.marker, first, slideSpec.body.marker)
    : it.marker
      ? labelMarker(it.marker, first, env, env.width)
      : barMarker(first);
  return markedRow(m.items, m.w, paras, env.width);
}

