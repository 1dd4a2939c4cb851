/** The processor recognises front matter and the three directive forms, with positions. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';

const source = [
  '---',
  'slug: x',
  '---',
  '',
  ':p{#a-1 label-en="L"}**标签**：正文',
  '',
  ':::takeaway{#tk-1 cites="a-1"}',
  '::zh[中文]',
  '::en[English]',
  ':::',
  '',
].join('\n');

describe('parseMarkdown', () => {
  const tree = parseMarkdown(new VFile({ value: source }));

  it('puts the YAML front matter first, verbatim', () => {
    expect(tree.children[0]).toMatchObject({ type: 'yaml', value: 'slug: x' });
  });

  it('parses text, leaf and container directives with attributes and positions', () => {
    const para = tree.children[1];
    expect(para.type).toBe('paragraph');
    const p = (para as { children: { type: string; name?: string; attributes?: object; position?: { start: { line: number; column: number } } }[] }).children[0];
    expect(p).toMatchObject({ type: 'textDirective', name: 'p', attributes: { id: 'a-1', 'label-en': 'L' } });
    expect(p.position?.start).toMatchObject({ line: 5, column: 1 });
    const box = tree.children[2] as { type: string; name: string; attributes: object; children: { type: string; name: string }[] };
    expect(box).toMatchObject({ type: 'containerDirective', name: 'takeaway', attributes: { id: 'tk-1', cites: 'a-1' } });
    expect(box.children.map((c) => [c.type, c.name])).toEqual([
      ['leafDirective', 'zh'],
      ['leafDirective', 'en'],
    ]);
  });

  it('turns a half-width colon before Chinese text into a directive (which the model reports)', () => {
    const t = parseMarkdown(new VFile({ value: '官网:日前刊载' }));
    const kids = (t.children[0] as { children: { type: string; name?: string }[] }).children;
    expect(kids.map((k) => k.type)).toEqual(['text', 'textDirective']);
    expect(kids[1].name).toBe('日前刊载');
  });
});
