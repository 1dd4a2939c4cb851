/**
 * The PDF backend: summary and checklist on A4, slides on 16:9 pages, all
 * PDF/A-2b with the project's CJK font embedded as a subset.
 */
import type { Backend } from '../types.js';
import { renderPdf } from './document.js';
import { fontFiles, warmShaping } from './fonts.js';
import { info } from './info.js';

export const backend: Backend = {
  ...info,
  render: renderPdf,
  /** Parse the two 10 MB faces and set up shaping once per thread, before the first document rather than in it. */
  warm() {
    fontFiles();
    warmShaping();
  },
};

export { renderPdf };
export { MissingGlyphError } from './inline.js';
