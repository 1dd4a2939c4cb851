/** Units and shared values of the stylesheet, all derived from the theme. */
import { theme } from '../../../theme/theme.js';
import { BOLD_CLASSES, BOLD_TAGS, SLIDE_FRAME } from '../constants.js';

export const c = theme.colors;
export const s = theme.size;
/** Points → CSS px on an A4 page. */
export const px = (pt: number) => `${+((pt * 4) / 3).toFixed(2)}px`;
/** Points of the slide page → CSS px inside the 1280-px slide frame. */
export const spx = (pt: number) => `${+((pt * SLIDE_FRAME.width) / theme.pages.slide.width).toFixed(2)}px`;

/** Chinese (and the page as a whole): the CJK face. */
export const cjkFamily = `"${theme.fonts.cjk}",sans-serif`;
/** English: the Latin face first, the CJK face for any Han inside it. */
export const enFamily = `"${theme.fonts.en}","${theme.fonts.cjk}",sans-serif`;

/** Every selector drawn bold: exactly the contexts whose text goes into the bold subsets (document.ts). */
export const boldSelector = [...BOLD_TAGS, ...[...BOLD_CLASSES].map((k) => `.${k}`)].join(',');

/** The visually hidden pattern (kept for assistive technology). */
export const srOnly = 'position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
