/**
 * The DOCX backend (docx 9): IR blocks → Word body through one handler per
 * block type (handlers/), on named styles derived from the theme, with the
 * CJK face embedded as subsets (regular: the document's characters; bold:
 * those set in bold), packed so the bytes depend only on the Doc and the
 * build epoch (package.ts).
 */
import type { Doc } from '../../ir/types.js';
import type { Backend, RenderContext } from '../types.js';
import { info } from './info.js';
import { packDocx } from './package.js';

export { buildDocument } from './document.js';
export { handlers } from './handlers/index.js';

export async function renderDocx(doc: Doc, ctx: RenderContext): Promise<Uint8Array> {
  return packDocx(doc, ctx.epoch);
}

export const backend: Backend = {
  ...info,
  render: renderDocx,
};
