/**
 * The inline stylesheet, built from the theme: colours, type scale and fonts
 * are never written here as literals. A4 products use pt × 4/3 px; slides use
 * the slide page in points mapped onto the fixed 1280 × 720 px frame.
 */
import type { DocProduct } from '../../../ir/types.js';
import { MARGIN_NOTES_MIN } from '../constants.js';
import { base } from './base.js';
import { checklist, index, page, reading } from './page.js';
import { slides } from './slides.js';
import { timeline, timelinePhone } from './timeline.js';
import { px, s } from './units.js';
import { theme } from '../../../theme/theme.js';

/** `extra`: rules of the document's own (a deck's date-column widths, css/timeline.ts). */
export function stylesheet(product: DocProduct, fontFaces: string, extra = ''): string {
  const parts =
    product === 'slides'
      ? [base, slides, extra]
      : [
          base,
          page,
          timeline(px(s.body), px(12), px(theme.spacing.section)),
          timelinePhone,
          product === 'checklist' ? checklist : '',
          // Passages, quotes and footnotes: the reading edition's body, and any product's print-only appendix of cited passages.
          product === 'index' ? '' : reading(MARGIN_NOTES_MIN),
          product === 'index' ? index : '',
        ];
  return fontFaces + parts.join('').replace(/\n\s*/g, '\n').trim() + '\n';
}
