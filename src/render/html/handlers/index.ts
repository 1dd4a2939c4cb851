/**
 * IR blocks → hast: one handler per block type (each in the file of its
 * kind), a fallback for types this backend does not know (their text is
 * kept, marked with the type), and the small state they share.
 */
import { h } from '../../../vendor/html.js';
import type { Element, ElementContent } from 'hast';
import type { Block, Doc, DocProduct } from '../../../ir/types.js';
import { walk, type Handlers, type Unknown, type Walk } from '../../state.js';
import { bi, inline } from '../inline.js';
import { checkItem, progress } from './checklist.js';
import { list } from './list.js';
import { footnotes, passage, quote } from './reading.js';
import { slide } from './slide.js';
import { table } from './table.js';
import { callout, group, heading, pair, paragraph, title } from './text.js';
import { figure } from './timeline.js';

export interface HtmlContext extends Walk<ElementContent> {
  doc: Doc;
  /** The page's product: a Ref to it is `#anchor`, to another `<product>.html#anchor`. */
  own: DocProduct;
  /** Unique element id from a wanted id (suffixes repeats); undefined when none is wanted. */
  id(wanted: string | undefined): string | undefined;
  /** Number of slides in the deck. */
  slideCount: number;
  /**
   * The open headings as (IR level, HTML level), the page's h1 (or a slide's
   * h2) at the bottom: a heading is drawn one HTML level under the nearest
   * open heading of a smaller IR level, so the outline never skips a level.
   */
  outline: { ir: number; html: number }[];
  /** The Chinese text of the last heading drawn: a caption that only repeats it is kept for assistive technology alone. */
  lastHeading: string;
}

export const handlers: Handlers<HtmlContext, ElementContent> = {
  title,
  heading,
  paragraph,
  pair,
  list,
  checkItem,
  progress,
  table,
  callout,
  group,
  figure,
  slide,
  passage,
  quote,
  footnotes,
};

/** Fallback: keep any text the block holds, visibly marked with its type. */
export const unknownBlock: Unknown<HtmlContext, ElementContent> = (block, ctx) => {
  const b = block as { type?: unknown; children?: unknown; text?: unknown; id?: string };
  const inner: ElementContent[] = [];
  if (Array.isArray(b.text)) inner.push(h('p', inline(b.text, ctx.own)));
  else if (b.text && typeof b.text === 'object') inner.push(...bi(b.text, 'p', '', ctx.own));
  if (Array.isArray(b.children)) inner.push(...ctx.all(b.children as Block[]));
  return [h('div', { className: 'unknown-block', dataBlockType: String(b.type), id: ctx.id(b.id) }, inner)];
};

/** Add a class to an element (text and comments are wrapped in a span first). */
function withClass(node: ElementContent, cls: string): Element {
  const el: Element = node.type === 'element' ? node : h('span', [node]);
  const prev = el.properties.className;
  el.properties.className = [...(Array.isArray(prev) ? prev.map(String) : prev ? [String(prev)] : []), cls];
  return el;
}

/** The render state of one page (the shared one/all/unknown shape, src/render/state.ts). */
export function createContext(doc: Doc): HtmlContext {
  const used = new Set<string>();
  const base = walk<HtmlContext, ElementContent>(handlers, unknownBlock);
  return {
    ...base,
    // `media` is drawn by class: print-only blocks are hidden on screen and shown by the print
    // stylesheet; screen-only blocks the other way round (css.ts). So is a lead-in kept with what follows in print.
    one(this: HtmlContext, block: Block): ElementContent[] {
      let out = base.one.call(this, block);
      if (block.media) out = out.map((n) => withClass(n, `media-${block.media}`));
      if (block.keepWithNext) out = out.map((n) => withClass(n, 'keep-with-next'));
      return out;
    },
    doc,
    own: doc.product,
    slideCount: doc.blocks.filter((b) => b.type === 'slide').length,
    outline: [{ ir: 0, html: 1 }],
    lastHeading: '',
    id(wanted) {
      if (!wanted) return undefined;
      let id = wanted;
      for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
      used.add(id);
      return id;
    },
  };
}
