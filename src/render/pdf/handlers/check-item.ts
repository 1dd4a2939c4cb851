/**
 * A recommendation with an empty box to tick: its number (`marker`, the one
 * the summary and the reading edition's notes name), its Chinese and
 * English, its tags, actor and horizon when the item shows them itself, its
 * citation line.
 * Kept whole on one page.
 */
import type { BiInline } from '../../../ir/types.js';
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { slideSpec } from '../slide-spec.js';
import { CHECKBOX_SIZE, LINE, STYLES } from '../constants.js';
import { blockGap, bodySize, inset, isSlide, langText, runs, slideT, smallSize, sourceLine, tagLine, textNode, unit, type Node, type PdfState } from '../state.js';

/** A drawn box, empty (or ticked), of side `s`. */
export function checkbox(checked: boolean, s = CHECKBOX_SIZE, top = 3): Node {
  const shapes: Node[] = [{ type: 'rect', x: 0.5, y: 0.5, w: s, h: s, r: 1.5, lineWidth: 1, lineColor: theme.colors.ink }];
  if (checked) {
    shapes.push({
      type: 'polyline',
      lineWidth: 1.5,
      lineColor: theme.colors.accent,
      points: [
        { x: 2.5, y: s / 2 + 0.5 },
        { x: s / 2, y: s - 2 },
        { x: s - 1.5, y: 2.5 },
      ],
    });
  }
  return { canvas: shapes, width: s + 2, margin: [0, top, 0, 0] };
}

/** Actor and horizon as one small line: each in Chinese and English. */
function whoWhen(actor: BiInline | undefined, horizon: BiInline | undefined, st: PdfState): Node[] {
  const size = smallSize(st);
  const parts = [actor, horizon].filter((x): x is BiInline => Boolean(x && (x.zh?.length || x.en?.length)));
  if (parts.length === 0) return [];
  const text: Node[] = [];
  parts.forEach((p, i) => {
    if (i > 0) text.push(...runs([{ text: '  ·  ' }], 'en', st, size, LINE.small));
    text.push(...runs(p.zh, 'zh', st, size, LINE.small));
    if (p.zh?.length && p.en?.length) text.push(...runs([{ text: ' / ' }], 'en', st, size, LINE.small));
    text.push(...runs(p.en, 'en', st, size, LINE.small));
  });
  return [{ text, fontSize: size, color: theme.colors.muted, margin: [0, 1, 0, 0] }];
}

export const checkItem: Handler<PdfState, 'checkItem', Node> = (b, st) => {
  const slide = isSlide(st);
  const side = slide ? Math.round(slideT(st).body * 0.9) : CHECKBOX_SIZE;
  const stack: Node[] = [
    ...tagLine(b.tags, st, { margin: [0, 0, 0, 1] }),
    langText(b.zh, 'zh', st, { id: b.id }),
    langText(b.en, 'en', st, { margin: [0, 1, 0, 0] }),
    ...whoWhen(b.actor, b.horizon, st),
    ...sourceLine(b.source, st, { margin: [0, 1, 0, 0] }),
  ];
  const hasTags = (b.tags ?? []).some((t) => t.zh?.length || t.en?.length);
  const tagHeight = hasTags ? smallSize(st) * 1.3 + 1 : 0;
  const top = (slide ? slideT(st).body * 0.3 : 3) + tagHeight;
  // The item's number (the one the summary and the reading edition's notes name), beside its Chinese line.
  const size = bodySize('zh', st);
  // Set as the Chinese line is (its face and line height), so both share a baseline.
  const number: Node[] = b.marker
    ? [{ width: slide ? slideSpec.body.marker : 18, stack: [textNode([{ text: b.marker }], 'zh', st, { fontSize: size, bold: true, color: STYLES.marker.color })], margin: [0, tagHeight, 0, 0] }]
    : [];
  return unit(st, inset({ columns: [checkbox(b.checked, side, top), ...number, { width: '*', stack }], columnGap: slide ? 10 : 8 }, st.indent, 0, 0, blockGap(st)), 'keep');
};
