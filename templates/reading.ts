/**
 * The reading edition: the article's full Chinese text, every citable block
 * in order with its readable mark ("3.2") and its id as anchor.
 */
import type { Article, BodyPart, Citable } from '../src/model/types.js';
import type { Block, Doc, Inline } from '../src/ir/types.js';
import { biInline, docMeta, titleBlock } from './format.js';

function passage(c: Citable): Block {
  const text: Inline = 'spans' in c ? c.spans.map((s) => ({ ...s })) : [{ text: c.text }];
  return { type: 'passage', id: c.id, mark: c.mark, text, notes: [], cites: [c.id] };
}

function part(p: BodyPart, heading: Block[]): Block[] {
  return [...heading, ...p.paragraphs.map(passage)];
}

export function reading(article: Article): Doc {
  const blocks: Block[] = [
    titleBlock(article, 'reading'),
    ...part(article.lede, []),
    ...article.sections.flatMap((s) => part(s, [{ type: 'heading', level: 1, id: s.id, text: biInline(s.title), cites: [] }])),
  ];
  return { product: 'reading', page: 'a4', meta: docMeta(article, 'reading'), blocks };
}
