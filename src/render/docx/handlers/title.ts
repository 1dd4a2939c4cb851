import { TableRow } from 'docx';
import type { BiInline, TitleBlock } from '../../../ir/types.js';
import { C, P, T, twip } from '../constants.js';
import { hasText, plain } from '../runs.js';
import { cell, noBorders, para, runs, slide, splitWidth, table, type BodyChild, type DocxState } from '../state.js';

/** A value printed once when both languages say the same. */
const sameInBoth = (v: BiInline) => hasText(v.zh) && hasText(v.en) && plain(v.zh) === plain(v.en);

/**
 * Title, English title, product name, then the facts of the article as a
 * border-less two-column table: the label (Chinese, then English, each in its
 * own run with a space between) beside the value (once when both languages
 * say the same, else Chinese over English), so nothing runs together.
 */
export function title(b: TitleBlock, st: DocxState): BodyChild[] {
  const out: BodyChild[] = [];
  const onSlide = slide(st);
  if (hasText(b.title.zh)) out.push(para(st, P.title, runs(st, b.title.zh, 'zh'), onSlide ? { spacing: { before: twip(b.meta.length > 4 ? 12 : 48) } } : {}));
  if (hasText(b.title.en)) out.push(para(st, P.subtitle, runs(st, b.title.en, 'en', { style: C.en })));
  if (b.subtitle) {
    const sub = [...runs(st, b.subtitle.zh, 'zh'), ...(hasText(b.subtitle.zh) && hasText(b.subtitle.en) ? [{ kind: 'text' as const, text: ' · ', lang: 'en' as const }] : []), ...runs(st, b.subtitle.en, 'en', { style: C.en })];
    out.push(para(st, P.subtitle, sub));
  }
  if (b.meta.length === 0) return out;
  const [wl, wv] = splitWidth(st.width, [1, 2.6]);
  const rows = b.meta.map((m) => {
    const label = [
      ...runs(st, m.label.zh, 'zh', { style: C.label }),
      ...(hasText(m.label.zh) && hasText(m.label.en) ? [{ kind: 'text' as const, text: ' ', lang: 'en' as const }] : []),
      ...runs(st, m.label.en, 'en', { style: C.en }),
    ];
    const langs = (['zh', 'en'] as const).filter((l) => hasText(m.value[l]));
    const values = sameInBoth(m.value)
      ? [para(st, P.meta, runs(st, m.value.en, 'en'))]
      : onSlide
        ? // A slide has no room for a line per language: both on one line.
          [para(st, P.meta, langs.flatMap((l, i) => [...(i ? [{ kind: 'text' as const, text: '  ', lang: 'en' as const }] : []), ...runs(st, m.value[l], l, l === 'en' ? { style: C.en } : {})]))]
        : langs.map((l) => para(st, P.meta, runs(st, m.value[l], l, l === 'en' ? { style: C.en } : {})));
    return new TableRow({ cantSplit: true, children: [cell(st, [para(st, P.meta, label)], wl), cell(st, values, wv)] });
  });
  out.push(table(rows, [wl, wv], T.plain, { borders: noBorders }));
  return out;
}
