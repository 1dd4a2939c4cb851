/** What the PPTX backend renders, declared once (the registry and the backend both read it): slides only. */
import type { BackendInfo } from '../types.js';

export const info = {
  format: 'pptx',
  extension: 'pptx',
  products: ['slides'],
} as const satisfies BackendInfo;
