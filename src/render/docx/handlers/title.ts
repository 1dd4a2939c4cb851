import { TableRow } from 'docx';
import type { BiInline, TitleBlock } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { C, P, T, twip } from '../constants.js';
import { hasText, plain, textRun, type Piece } from '../runs.js';
import { COVER, SP, sizedPair } from '../slide-styles.js';
import { after, cell, noBorders, para, runs, slide, splitWidth, table, type BodyChild, type DocxState } from '../state.js';

/** A value printed once when both languages say the same. */
const sameInBoth = (v: BiInline) => hasText(v.zh) && hasText(v.en) && plain(v.zh) === plain(v.en);

/** Both languages of a short text on one line: Chinese, a space, English (once when the two read the same). */
function oneLine(st: DocxState, text: BiInline, enStyle?: string): Piece[] {
  if (sameInBoth(text)) return runs(st, text.en, 'en');
  const zh = runs(st, text.zh, 'zh');
  const en = runs(st, text.en, 'en', enStyle ? { style: enStyle } : {});
  return zh.length && en.length ? [...zh, textRun(' ', 'en'), ...en] : [...zh, ...en];
}

/**
 * The title block of a title slide, as the slide geometry says: the title
 * at the slide's title size (Chinese, the space between, English), the
 * product on one line a gap below, then a gap and a border-less row per
 * fact: its label (both languages on one line) in the label column, with 8
 * points before the value, its value (both languages on one line, once when
 * they read the same), rows the meta gap apart.
 */
function cover(b: TitleBlock, st: DocxState): BodyChild[] {
  const t = slideSpec.title;
  const size = sizedPair(COVER, st.titleSize ?? t.sizes[0]);
  const lines: { style: string; pieces: Piece[]; before: number }[] = [];
  if (hasText(b.title.zh)) lines.push({ style: size.zh, pieces: runs(st, b.title.zh, 'zh'), before: 0 });
  if (hasText(b.title.en)) lines.push({ style: size.en, pieces: runs(st, b.title.en, 'en'), before: lines.length ? t.between : 0 });
  if (b.subtitle) lines.push({ style: SP.coverSubtitle, pieces: oneLine(st, b.subtitle, C.en), before: lines.length ? t.gap : 0 });
  // Each gap is the space after the line above it (a table has no space before).
  const out: BodyChild[] = lines.map((l, i) => para(st, l.style, l.pieces, after(i < lines.length - 1 ? lines[i + 1].before : b.meta.length ? t.gap : 0)));
  if (b.meta.length === 0) return out;
  const m = t.meta;
  const widths = [twip(m.labelWidth), st.width - twip(m.labelWidth)];
  const rows = b.meta.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(st, [para(st, SP.coverLabel, oneLine(st, row.label))], widths[0], { margins: { top: 0, bottom: twip(m.gap), left: 0, right: twip(8) } }),
          cell(st, [para(st, SP.coverValue, oneLine(st, row.value, C.en))], widths[1], { margins: { top: 0, bottom: twip(m.gap), left: 0, right: 0 } }),
        ],
      }),
  );
  return [...out, table(rows, widths, T.plain, { borders: noBorders })];
}

/**
 * Title, English title, product name, then the facts of the article as a
 * border-less two-column table: the label (Chinese, then English, each in its
 * own run with a space between) beside the value (once when both languages
 * say the same, else Chinese over English), so nothing runs together.
 */
export function title(b: TitleBlock, st: DocxState): BodyChild[] {
  if (slide(st)) return cover(b, st);
  const out: BodyChild[] = [];
  if (hasText(b.title.zh)) out.push(para(st, P.title, runs(st, b.title.zh, 'zh')));
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
    const values = sameInBoth(m.value) ? [para(st, P.meta, runs(st, m.value.en, 'en'))] : langs.map((l) => para(st, P.meta, runs(st, m.value[l], l, l === 'en' ? { style: C.en } : {})));
    return new TableRow({ cantSplit: true, children: [cell(st, [para(st, P.meta, label)], wl), cell(st, values, wv)] });
  });
  out.push(table(rows, [wl, wv], T.plain, { borders: noBorders }));
  return out;
}
