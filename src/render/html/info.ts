/** What the HTML backend renders, declared once (the registry and the backend both read it): every product and the site's index page. */
import type { BackendInfo } from '../types.js';

export const info = {
  format: 'html',
  extension: 'html',
  products: ['summary', 'checklist', 'slides', 'reading', 'index'],
} as const satisfies BackendInfo;
