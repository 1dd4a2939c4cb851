import type { Doc, DocProduct } from '../ir/types.js';
import type { OutputFormat } from './registry.js';

export type { OutputFormat };

export interface RenderContext {
  /** Seconds since the epoch used for every date written into a file (SOURCE_DATE_EPOCH or the article date). */
  epoch: number;
}

/**
 * What a backend declares once, in its own `info.ts`: its format, its file
 * extension (without the dot) and the products it renders (e.g. pptx renders
 * slides only). The registry lists these without loading the backends, so
 * planning a build stays cheap.
 */
export interface BackendInfo {
  format: string;
  extension: string;
  products: readonly DocProduct[];
}

/** A backend turns a Doc into the bytes of one file. */
export interface Backend extends BackendInfo {
  format: OutputFormat;
  render(doc: Doc, ctx: RenderContext): Promise<Uint8Array>;
  /** Optional: get ready to render (parse fonts, set up shaping) before the first Doc arrives. */
  warm?(): void | Promise<void>;
}
