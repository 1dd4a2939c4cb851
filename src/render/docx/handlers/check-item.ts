import { CheckBox } from 'docx';
import type { BiInline, ChecklistItemBlock } from '../../../ir/types.js';
import { CHECKBOX, C, P } from '../constants.js';
import { hasText, textRun, type Piece } from '../runs.js';
import { para, runs, slide, type BodyChild, type DocxState } from '../state.js';
import { tagRuns } from './pair.js';

/**
 * A recommendation: a Word check box (a content control, empty unless the Doc
 * says checked) with the Chinese text, the English under it, its tags, the
 * actor and horizon when the item shows them itself (not when its group's
 * headings do), and its source line. The item's lines stay together and on
 * one page; the last but one item also stays with the last, so the last is
 * never alone on a page.
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
  const lines: { style: string; pieces: Piece[] }[] = [
    { style: onSlide ? P.slideCheckItem : P.checkItem, pieces: [{ kind: 'raw' as const, child: box }, textRun('\t', 'en'), ...runs(st, b.zh, 'zh')] },
    { style: onSlide ? P.slideCheckItemEn : P.checkItemEn, pieces: runs(st, b.en, 'en') },
  ];
  const tags = (b.tags ?? []).filter((t) => hasText(t.zh) || hasText(t.en));
  const meta = onSlide ? P.slideCheckMeta : P.checkMeta;
  if (tags.length) lines.push({ style: meta, pieces: tags.flatMap((t, i) => [...(i ? [textRun('  ', 'en')] : []), ...tagRuns(st, t)]) });
  const who = [...label(b.actor), ...(b.actor && b.horizon ? [textRun(' · ', 'en')] : []), ...label(b.horizon)];
  if (who.length) lines.push({ style: meta, pieces: who });
  if (hasText(b.source)) lines.push({ style: meta, pieces: runs(st, b.source, 'en') });
  const keepLast = st.keepWithNext.has(b.id);
  return lines
    .filter((l) => l.pieces.length > 0)
    .map((l, i, all) => para(st, l.style, l.pieces, { keepLines: true, keepNext: i < all.length - 1 || keepLast }));
}
