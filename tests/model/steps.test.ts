/** Each model step on its own, on a small parsed document. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { ContainerDirective } from 'mdast-util-directive';
import { parseMarkdown } from '../../src/parse/index.js';
import { createCtx } from '../../src/model/report.js';
import { readFrontMatter } from '../../src/model/frontmatter.js';
import { readBody } from '../../src/model/body.js';
import { createRegistry, readTexts } from '../../src/model/items.js';
import { checkCites } from '../../src/model/xref.js';
import { checkRawCharacters } from '../../src/model/decoded.js';
import { refusedCharacters } from '../../src/text/unicode-policy.js';

function setup(text: string) {
  const file = new VFile({ path: 'source/t-1.md', value: text });
  const ctx = createCtx(file, text);
  return { file, ctx, tree: parseMarkdown(file) };
}
const rules = (file: VFile) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

const FRONT = `---
slug: t-1
title: {zh: 标题, en: Title}
short_title: {zh: 短, en: Short}
publisher: {zh: 砺道智库, en: Lidao}
date: 2025-01-10
original: {outlet: CSIS, author: {zh: 作者, en: Author}, date: 2024}
keywords: [{zh: 同盟, en: Alliance}]
---
`;

describe('readFrontMatter', () => {
  it('reads the fields, with defaults for the optional ones', () => {
    const { ctx, tree, file } = setup(FRONT);
    const read = readFrontMatter(ctx, tree, file.path);
    expect(read.actors).toBe('default');
    expect(read.value).toEqual({
      slug: 't-1',
      title: { zh: '标题', en: 'Title' },
      shortTitle: { zh: '短', en: 'Short' },
      publisher: { zh: '砺道智库', en: 'Lidao' },
      date: '2025-01-10',
      original: { outlet: 'CSIS', author: { zh: '作者', en: 'Author' }, date: '2024' },
      languages: ['zh-Hans', 'en'],
      keywords: [{ zh: '同盟', en: 'Alliance' }],
    });
    expect(file.messages).toEqual([]);
  });
  it('reports an empty bilingual value and a list where a map is expected', () => {
    const { ctx, tree, file } = setup(FRONT.replace('{zh: 短, en: Short}', '{zh: 短, en: ""}').replace('keywords: [{zh: 同盟, en: Alliance}]', 'keywords: alliance'));
    expect(readFrontMatter(ctx, tree, file.path).value).toBeNull();
    expect(rules(file)).toEqual(['4:22 front-matter-field-missing', '8:11 front-matter-field-type']);
  });
  it('reads declared actors in order, and reports a malformed list without blocking the rest', () => {
    const ok = setup(FRONT.replace('---\n', '---\nactors:\n  - { id: seoul, zh: 韩国政府, en: South Korean government }\n  - { id: congress, zh: 美国国会, en: US Congress }\n'));
    expect(readFrontMatter(ok.ctx, ok.tree, ok.file.path).actors).toEqual({
      declared: [
        { id: 'seoul', zh: '韩国政府', en: 'South Korean government' },
        { id: 'congress', zh: '美国国会', en: 'US Congress' },
      ],
    });
    expect(ok.file.messages).toEqual([]);
    for (const bad of ['actors: []', 'actors: seoul', 'actors:\n  - { id: a, zh: 甲 }', 'actors:\n  - { id: a, zh: 甲, en: A }\n  - { id: a, zh: 乙, en: B }']) {
      const b = setup(FRONT.replace('---\n', `---\n${bad}\n`));
      const read = readFrontMatter(b.ctx, b.tree, b.file.path);
      expect([read.value, read.actors], bad).toEqual([null, 'invalid']);
      expect(b.file.messages.length, bad).toBe(1);
    }
  });
});

describe('readBody', () => {
  it('splits lede, sections, lists, labels and normalises Chinese punctuation', () => {
    const text = `${FRONT}
:p{#lede-1}导语,第一段。

## 进化 :en[Evolution]{#evolution}

:::summary
::zh[摘要。]
::en[Summary.]
:::

:p{#evolution-1 label-en="Label"}**标签(L)**：正文。

- :p{#evolution-2}第一项
- :p{#evolution-3}第二项
`;
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const { ctx, tree, file } = setup(text);
    const reg = createRegistry();
    const body = readBody(ctx, reg, tree);
    expect(file.messages).toEqual([]);
    expect(body.lede.paragraphs.map((p) => [p.id, p.text, p.sectionId, p.mark])).toEqual([['lede-1', '导语，第一段。', null, '0.1']]);
    const [s] = body.sections;
    expect([s.id, s.number, s.title, s.summary]).toEqual(['evolution', 1, { zh: '进化', en: 'Evolution' }, { zh: '摘要。', en: 'Summary.' }]);
    expect(s.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list']);
    const p = s.paragraphs[0];
    expect(p.kind === 'paragraph' && p.label).toEqual({ zh: '标签（L）', en: 'Label' });
    expect(p.kind === 'paragraph' && p.spans).toEqual([{ text: '标签（L）', strong: true }, { text: '：正文。' }]);
    expect(s.paragraphs.slice(1).map((x) => [x.id, x.kind, x.line, x.mark])).toEqual([
      ['evolution-2', 'item', lineOf('#evolution-2'), '1.2'],
      ['evolution-3', 'item', lineOf('#evolution-3'), '1.3'],
    ]);
    expect([...reg.citableIds]).toEqual(['lede-1', 'evolution-1', 'evolution-2', 'evolution-3']);
  });
});

describe('readBody: every body structure as its own typed block', () => {
  const text = `${FRONT}
导语没有编号。[^b]

## 进化 :en[Evolution]{#evolution}

:::summary
::zh[摘要。]
::en[Summary.]
:::

### 小节 :en[Sub]{#sub}

> :p{#evolution-1}引用一。
>
> 引用二[^a]。

3. :p{#evolution-3}第三项
   - 嵌套项
4. 第四项

::table[表]{#tbl en="Table"}
| 甲 | 乙 |
| :-- | --: |
| 1 |

[^a]: 注一。

[^b]: 注二。
`;
  const { ctx, tree, file } = setup(text);
  const reg = createRegistry();
  const body = readBody(ctx, reg, tree);

  it('reads the blocks with no diagnostic but the unstable ids to come', () => {
    expect(file.messages).toEqual([]);
    const [s] = body.sections;
    expect(s.blocks.map((b) => b.kind)).toEqual(['heading', 'quote', 'list', 'table', 'footnote', 'footnote']);
    const [h, q, l, t] = s.blocks;
    expect(h).toEqual({ kind: 'heading', depth: 3, zh: '小节', en: 'Sub', id: 'sub', line: h.line });
    expect(q.kind === 'quote' && q.blocks.map((b) => b.kind === 'paragraph' && [b.id, b.quoted, b.text])).toEqual([
      ['evolution-1', true, '引用一。'],
      ['', true, '引用二2。'],
    ]);
    expect(l.kind === 'list' && [l.ordered, l.start, l.items.map((i) => [i.text, i.lists.map((n) => [n.ordered, n.items.map((x) => x.text)])])]).toEqual([
      true,
      3,
      [
        ['第三项', [[false, ['嵌套项']]]],
        ['第四项', []],
      ],
    ]);
    expect(t.kind === 'table' && [t.id, t.caption, t.align, t.head.map((c) => c[0]?.text), t.rows.map((r) => r.map((c) => c.map((x) => x.text).join('')))]).toEqual([
      'tbl',
      { zh: '表', en: 'Table' },
      ['left', 'right'],
      ['甲', '乙'],
      [['1', '']],
    ]);
  });

  it('numbers citable blocks S.P in document order and footnotes by first reference', () => {
    const marks = (ps: { id: string; mark: string; kind: string }[]) => ps.map((p) => `${p.kind}:${p.id || '?'}:${p.mark}`);
    expect(marks(body.lede.paragraphs)).toEqual(['paragraph:?:0.1']);
    expect(marks(body.sections[0].paragraphs)).toEqual([
      'paragraph:evolution-1:1.1',
      'paragraph:?:1.2',
      'item:evolution-3:1.3',
      'item:?:1.4',
      'item:?:1.5',
      'table:tbl:1.6',
      'footnote:fn-a:1.7',
      'footnote:fn-b:1.8',
    ]);
    const notes = body.sections[0].paragraphs.filter((p) => p.kind === 'footnote');
    // [^b] is referred to first (in the lede), so it is note 1.
    expect(notes.map((n) => n.kind === 'footnote' && [n.label, n.number])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    const lede = body.lede.paragraphs[0];
    expect(lede.kind === 'paragraph' && lede.spans).toEqual([{ text: '导语没有编号。' }, { text: '1', footnote: 'fn-b' }]);
  });

  it('queues the blocks without an id for generated ids, with where fix writes them', () => {
    expect(reg.pending.map((p) => [p.base, p.insertion?.template])).toEqual([
      ['lede-1', ':p{#ID}'],
      ['evolution-2', ':p{#ID}'],
      ['evolution-4', ':p{#ID}'],
      ['evolution-5', ':p{#ID}'],
    ]);
    for (const p of reg.pending) expect(text.slice(p.insertion!.offset).startsWith(p.block.text.slice(0, 2))).toBe(true);
  });
});

describe('readTexts', () => {
  it('reads one text per slot and reports duplicates and stray content', () => {
    const { ctx, tree, file } = setup(':::term{#x}\n::zh[名]\n::en[Name]\n::def-zh[定义]\n::def-en[Definition]\n::en[Again]\nstray\n:::\n');
    const node = tree.children[0] as ContainerDirective;
    const { texts } = readTexts(ctx, node, ['text', 'def'], '`:::term`');
    expect(texts).toEqual({ zh: '名', en: 'Name', 'def-zh': '定义', 'def-en': 'Definition' });
    expect(rules(file)).toEqual(['6:1 duplicate-text', '7:1 unexpected-content']);
  });
});

describe('checkCites', () => {
  it('accepts paragraph ids and reports others, naming what a non-paragraph id is', () => {
    const { ctx, file } = setup('x');
    const reg = createRegistry();
    reg.citableIds.add('a-1');
    reg.ids.set('a-1', { kind: 'paragraph', line: 1 });
    reg.ids.set('sec', { kind: 'section', line: 2 });
    reg.cites.push({ id: 'a-1', place: { line: 1, column: 1 } }, { id: 'sec', place: { line: 3, column: 5 } }, { id: 'a-2', place: { line: 4, column: 2 } });
    checkCites(ctx, reg);
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
      [3, 5, 'unknown-cite', '`sec` is the id of a section, not of a citable block: cite paragraph, list item, table or footnote ids'],
      [4, 2, 'unknown-cite', 'Unknown paragraph id `a-2` in cites; did you mean `a-1`?'],
    ]);
  });
});

describe('checkRawCharacters', () => {
  it('reports each undrawable character at its line and column, astral ones as one character', () => {
    const text = 'ok 中文\n😀 and \u{20000}\n';
    expect(refusedCharacters(text, { allow: '\n', font: true }).map((u) => u.codePoint)).toEqual([0x1f600, 0x20000]);
    const { ctx, file } = setup(text);
    checkRawCharacters(ctx);
    expect(file.messages.map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : ''} ${m.reason}`)).toEqual([
      "2:1-2:3 The project font cannot draw '😀' (U+1F600)",
      "2:8-2:10 The project font cannot draw '𠀀' (U+20000)",
    ]);
  });
});
