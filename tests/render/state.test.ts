/** The render-state shape the backends share: one handler per block type, an unknown fallback, `all` in order. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/ir/types.js';
import { walk, type Handlers, type Walk } from '../../src/render/state.js';

interface S extends Walk<string> {
  depth: number;
}

const text = (s: string) => [{ text: s }];
// Two handlers are enough to watch the walk (a backend's table has one per type: the type checks it).
const handlers = {
  paragraph: (b: { text: { text: string }[] }, st: S) => `p:${b.text[0].text}@${st.depth}`,
  group: (b: { children: Block[] }, st: S) => [`group@${st.depth}`, ...{ ...st, depth: st.depth + 1 }.all(b.children)],
} as unknown as Handlers<S, string>;

describe('walk', () => {
  const st: S = { ...walk<S, string>(handlers, (b) => `unknown:${b.type}`), depth: 0 };
  const blocks = [
    { type: 'paragraph', lang: 'zh', text: text('a'), cites: [] },
    { type: 'group', cites: [], children: [{ type: 'paragraph', lang: 'zh', text: text('b'), cites: [] }, { type: 'mystery', cites: [] }] },
  ] as unknown as Block[];

  it('renders each block with its handler, in order; a copy of the state walks its children with its own fields', () => {
    expect(st.all(blocks)).toEqual(['p:a@0', 'group@0', 'p:b@1', 'unknown:mystery']);
  });

  it('sends a type without a handler to unknown, never to a handler inherited from Object', () => {
    expect(st.one({ type: 'toString', cites: [] } as unknown as Block)).toEqual(['unknown:toString']);
  });
});
