/** Running text in the style of its role. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { LINE, STYLES } from '../constants.js';
import { bodySize, isSlide, langText, slideT, smallSize, textColumn, unit, type Node, type PdfState } from '../state.js';

export const paragraph: Handler<PdfState, 'paragraph', Node> = (b, st) => {
  const role = b.role ?? 'body';
  const slide = isSlide(st);
  const size =
    role === 'note' || role === 'meta'
      ? slide
        ? slideT(st).small
        : role === 'meta'
          ? STYLES.meta.fontSize
          : smallSize(st)
      : role === 'lead'
        ? slide
          ? slideT(st).body
          : STYLES.lead.fontSize
        : bodySize(b.lang, st);
  const small = role === 'note' || role === 'meta';
  const node = langText(b.text, b.lang, st, {
    fontSize: size,
    ...(small ? { css: slide ? slideT(st).lineSmall : LINE.note, color: theme.colors.muted } : {}),
    id: b.id,
    margin: [0, 0, 0, slide ? 4 : theme.spacing.paragraph],
  });
  return unit(st, textColumn(st, node), 'text');
};
