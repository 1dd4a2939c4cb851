/** Running text in the style of its role. */
import { theme } from '../../../theme/theme.js';
import type { Handler } from '../../state.js';
import { STYLES } from '../constants.js';
import { sz, langText, type Node, type PdfState } from '../state.js';

export const paragraph: Handler<PdfState, 'paragraph', Node> = (b, st) => {
  const role = b.role ?? 'body';
  const roleStyle = role === 'lead' ? STYLES.lead : role === 'note' ? STYLES.note : role === 'meta' ? STYLES.meta : {};
  const base = langText(b.text, b.lang, st);
  const size = 'fontSize' in roleStyle ? sz(roleStyle.fontSize as number, st) : (base.fontSize as number);
  return { ...base, ...roleStyle, fontSize: size, margin: [0, 0, 0, sz(theme.spacing.paragraph, st)] };
};
