import type { Doc } from '../ir/types.js';

/** Every output format. Adding one: a backend folder under src/render and one line in registry.ts. */
export const OUTPUT_FORMATS = ['html', 'pdf', 'docx', 'pptx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderContext {
  /** Seconds since the epoch used for every date written into a file (SOURCE_DATE_EPOCH or the article date). */
  epoch: number;
}

/** A backend turns a Doc into the bytes of one file. */
export interface Backend {
  format: OutputFormat;
  /** File extension without the dot. */
  extension: string;
  /** Which products this backend renders (e.g. pptx renders slides only). */
  products: readonly Doc['product'][];
  render(doc: Doc, ctx: RenderContext): Promise<Uint8Array>;
}
