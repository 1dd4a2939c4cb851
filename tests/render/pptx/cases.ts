/**
 * The decks the PPTX tests read back: the kitchen-sink Doc (every layout and
 * element), the sample article and both real articles through the current
 * slides template.
 */
import path from 'node:path';
import type { Doc, SlideBlock } from '../../../src/ir/types.js';
import { loadArticle } from '../../../src/model/index.js';
import { backend } from '../../../src/render/pptx/index.js';
import { slides } from '../../../templates/slides.js';
import { sampleArticle } from '../../helpers/sample-article.js';
import { kitchenSink } from './kitchen-sink.js';
import { readPptx, type PptxRead } from './read.js';

export const EPOCH = 1736467200; // 2025-01-10T00:00:00Z

export interface Case {
  name: string;
  doc: Doc;
  bytes: Uint8Array;
  read: PptxRead;
  /** A real article through the current template. */
  real: boolean;
}

export const REAL = ['us-japan-acquisition', 'allied-cloud-interoperability'] as const;

async function build(name: string, doc: Doc, real = false): Promise<Case> {
  const bytes = await backend.render(doc, { epoch: EPOCH });
  return { name, doc, bytes, read: readPptx(bytes), real };
}

export async function realDoc(slug: string): Promise<Doc> {
  const { article, file } = await loadArticle(path.resolve('source', `${slug}.md`));
  if (!article) throw new Error(`source/${slug}.md did not load: ${file.messages.map(String).join('\n')}`);
  return slides(article);
}

export async function buildCases(): Promise<Case[]> {
  return [
    await build('kitchen-sink', kitchenSink),
    await build('sample', slides(sampleArticle)),
    ...(await Promise.all(REAL.map(async (slug) => build(slug, await realDoc(slug), true)))),
  ];
}

export const slideBlocks = (doc: Doc) => doc.blocks.filter((b): b is SlideBlock => b.type === 'slide' && b.media === undefined);
