import { CheckBox, TabStopType } from 'docx';
import type { BiInline, ChecklistItemBlock } from '../../../ir/types.js';
import { slideSpec } from '../../../theme/theme.js';
import { CHECKBOX, C, P, twip } from '../constants.js';
import { hasText, textRun, type Piece } from '../runs.js';
import { bodyStyles, slideBody } from '../slide-styles.js';
import { after, itemGap, para, runs, slide, type BodyChild, type DocxState } from '../state.js';
import { tagRuns } from './pair.js';

/**
 * A recommendation: a Word check box (a content control, empty unless the Doc
 * says checked), the item's number (`marker`, the one the reading edition's
 * notes name) and the Chinese text, the English under it, its tags, the
 * actor and horizon when the item shows them itself (not when its group's
 * headings do), and its source line. The item's lines stay together and on
 * one page; the last but one item also stays with the last, so the last is
 * never alone on a page. On a slide the box and number stand in the marker
 * column, the text at the slide's body sizes, the small lines in its note
 * style, and the slide's gap follows.
 */
export function checkItem(b: ChecklistItemBlock, st: DocxState): BodyChild[] {
  const label = (l: BiInline | undefined): Piece[] => {
    if (!l) return [];
    const zh = runs(st, l.zh, 'zh');
    const en = runs(st, l.en, 'en', { style: C.en });
    return zh.length && en.length ? [...zh, textRun(' ', 'en'), ...en] : [...zh, ...en];
  };
  const box = new CheckBox({
    alias: b.id,
    checked: b.checked,
    checkedState: { value: CHECKBOX.checked, font: CHECKBOX.font },
    uncheckedState: { value: CHECKBOX.unchecked, font: CHECKBOX.font },
  });
  const onSlide = slide(st);
  const number: Piece[] = b.marker ? [textRun(b.marker, 'en', { style: C.marker }), textRun(' ', 'en')] : [];
  const body = bodyStyles(st.density);
  const lines: { style: string; pieces: Piece[] }[] = [
    { style: onSlide ? body.zh : P.checkItem, pieces: [{ kind: 'raw' as const, child: box }, textRun('\t', 'en'), ...number, ...runs(st, b.zh, 'zh')] },
    { style: onSlide ? body.en : P.checkItemEn, pieces: runs(st, b.en, 'en') },
  ];
  const tags = (b.tags ?? []).filter((t) => hasText(t.zh) || hasText(t.en));
  const meta = onSlide ? body.note : P.checkMeta;
  if (tags.length) lines.push({ style: meta, pieces: tags.flatMap((t, i) => [...(i ? [textRun('  ', 'en')] : []), ...tagRuns(st, t)]) });
  const who = [...label(b.actor), ...(b.actor && b.horizon ? [textRun(' · ', 'en')] : []), ...label(b.horizon)];
  if (who.length) lines.push({ style: meta, pieces: who });
  if (hasText(b.source)) lines.push({ style: meta, pieces: runs(st, b.source, 'en') });
  const keepLast = st.keepWithNext.has(b.id);
  const shown = lines.filter((l) => l.pieces.length > 0);
  if (!onSlide) return shown.map((l, i, all) => para(st, l.style, l.pieces, { keepLines: true, keepNext: i < all.length - 1 || keepLast }));
  const column = twip(slideSpec.body.marker);
  const gap = itemGap(st);
  return shown.map((l, i, all) =>
    para(st, l.style, l.pieces, {
      indent: i === 0 ? { left: column, hanging: column } : { left: column },
      ...(i === 0 ? { tabStops: [{ type: TabStopType.LEFT, position: column }] } : {}),
      ...after(i === all.length - 1 ? gap : i === 0 ? slideBody(st.density).between : 0),
    }),
  );
}
