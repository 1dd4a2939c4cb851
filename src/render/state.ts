/**
 * The render-state shape every backend shares (after mdast-util-to-hast's
 * `lib/state.js`): a table of handlers, one per IR block type, each in its
 * own file, and a state that renders `one` block with its handler (or with
 * `unknown` when its type has none, so nothing a template adds is silently
 * lost) and `all` blocks in order. A backend adds its own fields to the state
 * (page kind, width, scale …); handlers that render children call
 * `state.all(children)` on the state they were given (or on a copy with other
 * fields), so nested blocks see the right one.
 */
import type { Block, BlockType } from '../ir/types.js';

export interface Walk<Out> {
  /** Render one block: its type's handler, or `unknown`. */
  one(block: Block): Out[];
  /** Render blocks in order. */
  all(blocks: readonly Block[]): Out[];
}

/** A handler: one block of its type, with the state, to what the backend makes of it. */
export type Handler<S, K extends BlockType, Out> = (block: Extract<Block, { type: K }>, state: S) => Out | Out[];

/** One handler per IR block type: a new block type does not compile until every backend has one. */
export type Handlers<S, Out> = { [K in BlockType]: Handler<S, K, Out> };

/** What a backend makes of a block whose type it has no handler for. */
export type Unknown<S, Out> = (block: { type: string } & Record<string, unknown>, state: S) => Out | Out[];

const list = <Out>(out: Out | Out[]): Out[] => (Array.isArray(out) ? out : [out]);

/**
 * `one` and `all` over a handler table, to spread into a backend's state:
 * `{ ...walk(handlers, unknown), page, width }`. Both read the state they are
 * called on (`this`), so a copy of the state with other fields walks with
 * those. `all` may be replaced by a backend that lays out runs of blocks
 * together (the PDF backend keeps a heading with what follows it).
 */
export function walk<S extends Walk<Out>, Out>(handlers: Handlers<S, Out>, unknown: Unknown<S, Out>): Walk<Out> {
  const table = handlers as unknown as Record<string, Handler<S, BlockType, Out> | undefined>;
  return {
    one(this: S, block: Block): Out[] {
      const handler = Object.hasOwn(table, block.type) ? table[block.type] : undefined;
      return list(handler ? handler(block as never, this) : unknown(block as never, this));
    },
    all(this: S, blocks: readonly Block[]): Out[] {
      return blocks.flatMap((b) => this.one(b));
    },
  };
}
