/**
 * The PDF backend: summary and checklist on A4, slides on 16:9 pages, all
 * PDF/A-2b with the project's CJK font embedded as a subset.
 */
import type { Backend } from '../types.js';
import { renderPdf } from './document.js';

export const backend: Backend = {
  format: 'pdf',
  extension: 'pdf',
  products: ['summary', 'checklist', 'slides'],
  render: renderPdf,
};

export { renderPdf };
export { MissingGlyphError } from './inline.js';
