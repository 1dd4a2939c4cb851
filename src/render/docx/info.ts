/** What the DOCX backend renders, declared once (the registry and the backend both read it): every article product. */
import type { BackendInfo } from '../types.js';

export const info = {
  format: 'docx',
  extension: 'docx',
  products: ['summary', 'checklist', 'slides', 'reading'],
} as const satisfies BackendInfo;
