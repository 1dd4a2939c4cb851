/**
 * The template registry: one pure function `Article → Doc` per product (the
 * products are the IR's `PRODUCTS`), and the site's index page
 * (`landing`). An unknown product name is a typed error, never an undefined
 * call.
 */
import type { Article } from '../src/model/types.js';
import { PRODUCTS, type Doc, type ProductName } from '../src/ir/types.js';
import { summary } from './summary.js';
import { checklist } from './checklist.js';
import { slides } from './slides.js';
import { reading } from './reading.js';

export { PRODUCTS };
export { landing, landingFields, type LandingEntry } from './landing.js';

export type Template = (article: Article) => Doc;

const templates: Record<ProductName, Template> = { summary, checklist, slides, reading };

export class UnknownTemplateError extends Error {
  constructor(readonly name: string) {
    super(`unknown product "${name}" (expected one of: ${PRODUCTS.join(', ')})`);
    this.name = 'UnknownTemplateError';
  }
}

export function isProduct(name: string): name is ProductName {
  return (PRODUCTS as readonly string[]).includes(name);
}

export function getTemplate(name: string): Template {
  if (!isProduct(name)) throw new UnknownTemplateError(name);
  return templates[name];
}
