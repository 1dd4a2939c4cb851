/**
 * The HTML backend: one self-contained page per product (summary, checklist,
 * slides) with its fonts, style and script inline and a strict CSP.
 */
import type { Backend } from '../types.js';
import { renderHtml } from './document.js';
import { info } from './info.js';

export { renderHtml } from './document.js';

export const backend: Backend = {
  ...info,
  async render(doc) {
    return new TextEncoder().encode(await renderHtml(doc));
  },
};
