/**
 * The slide geometry this backend draws with: the theme's `slideSpec` (the
 * sizes, line pitches, gaps and column widths the slides template fits
 * content by, src/theme/theme.ts), so that a slide the template decided fits
 * is drawn at the sizes it measured.
 */
export { slideContent, slideSpec, type SizePair } from '../../theme/theme.js';
