/**
 * Where each bilingual text of the article is written in the source, so a
 * finding points at the offending words: the `[…]` of every `::zh` / `::en`
 * (and `::def-*`, `::note-*`) line, section headings and sub-headings,
 * paragraph labels, table captions, attribute values, and the `zh` / `en`
 * scalars of the front matter.
 *
 * Keys: `item:<id>:<slot>` (takeaway, recommendation, term, event, slide),
 * `item:<slide>:point:<n>:<lang>`, `item:<slide>:notes:<lang>`,
 * `summary:<section>:<lang>`, `heading:<section>:<lang>`, `attr:<id>:<name>`;
 * body blocks, whose id may be generated, by the line they start on:
 * `subheading:<line>:<lang>`, `label:<line>:<lang>` (paragraph or list
 * item), `caption:<line>:<lang>` (the table's line, after its `::table`).
 */
import type { Heading, Paragraph as MdParagraph, Root, Table as MdTable, Yaml } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Node, Parent } from 'unist';
import { isMap, isScalar, isSeq, parseDocument, type YamlNode } from '../../vendor/markdown.js';
import { attributeSources } from '../attributes.js';
import { frontMatterSource } from '../frontmatter.js';
import type { Ctx } from '../report.js';
import { walk } from '../tree.js';

export interface Slot {
  start: number;
  end: number;
}

const ITEMS = new Set(['takeaway', 'recommendation', 'term', 'event', 'slide']);

/** Offsets of a node's children (the text between the brackets), or of the node. */
function inner(node: Parent): Slot | undefined {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  if (first !== undefined && last !== undefined) return { start: first, end: last };
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s !== undefined && e !== undefined ? { start: s, end: e } : undefined;
}

function leaves(node: Parent): LeafDirective[] {
  return node.children.filter((c): c is LeafDirective => c.type === 'leafDirective');
}

const put = (map: Map<string, Slot>, key: string, slot: Slot | undefined) => {
  if (slot && !map.has(key)) map.set(key, slot);
};

/** Slots of every bilingual text written in Markdown (the front matter is read by `frontMatterPairs`). */
export function textSlots(text: string, tree: Root): Map<string, Slot> {
  const map = new Map<string, Slot>();
  let section: string | undefined;
  walk(tree, (node: Node, parent?: Parent, index?: number) => {
    if (node.type === 'heading') {
      const h = node as Heading;
      const en = h.children.find((c): c is TextDirective => c.type === 'textDirective' && (c as TextDirective).name === 'en');
      let key: string | undefined;
      if (h.depth === 2) {
        section = en?.attributes?.id ?? undefined;
        key = section && `heading:${section}`;
      } else key = `subheading:${h.position?.start.line}`;
      if (key && en) {
        put(map, `${key}:en`, inner(en));
        const start = h.children[0]?.position?.start.offset;
        const end = en.position?.start.offset;
        if (start !== undefined && end !== undefined && end > start) put(map, `${key}:zh`, { start, end });
      }
      return false;
    }
    if (node.type === 'paragraph') {
      const p = node as MdParagraph;
      const first = p.children[0];
      const strong = p.children[1];
      if (first?.type === 'textDirective' && (first as TextDirective).name === 'p' && strong?.type === 'strong') {
        const line = p.position?.start.line;
        put(map, `label:${line}:zh`, inner(strong));
        const src = attributeSources(text, first as TextDirective).get('label-en');
        if (src) put(map, `label:${line}:en`, { start: src.valueStart, end: src.valueEnd });
      }
      return false;
    }
    if (node.type === 'table') {
      const caption = parent && index !== undefined ? parent.children[index - 1] : undefined;
      if (caption?.type === 'leafDirective' && (caption as LeafDirective).name === 'table') {
        const line = (node as MdTable).position?.start.line;
        put(map, `caption:${line}:zh`, inner(caption as LeafDirective));
        const src = attributeSources(text, caption as LeafDirective).get('en');
        if (src) put(map, `caption:${line}:en`, { start: src.valueStart, end: src.valueEnd });
      }
      return false;
    }
    if (node.type !== 'containerDirective') return;
    const d = node as ContainerDirective;
    if (d.name === 'summary' && section) {
      for (const leaf of leaves(d)) put(map, `summary:${section}:${leaf.name}`, inner(leaf));
      return false;
    }
    const id = d.attributes?.id;
    if (!ITEMS.has(d.name) || !id) return;
    for (const leaf of leaves(d)) put(map, `item:${id}:${leaf.name}`, inner(leaf));
    for (const [name, src] of attributeSources(text, d)) put(map, `attr:${id}:${name}`, { start: src.valueStart, end: src.valueEnd });
    let point = 0;
    for (const c of d.children) {
      if (c.type !== 'containerDirective') continue;
      const key = c.name === 'point' ? `item:${id}:point:${point++}` : c.name === 'notes' ? `item:${id}:notes` : undefined;
      if (key) for (const leaf of leaves(c)) put(map, `${key}:${leaf.name}`, inner(leaf));
    }
    return false;
  });
  return map;
}

/** A bilingual text of the front matter (any map with `zh` and `en`), with its slots. */
export interface FrontPair {
  what: string;
  zh: string;
  en: string;
  zhSlot: Slot;
  enSlot: Slot;
}

/** Every `{zh, en}` map of the front matter: title, short title, publisher, author, keywords, actors… */
export function frontMatterPairs(ctx: Ctx, tree: Root): FrontPair[] {
  const yamlNode = tree.children[0];
  if (!yamlNode || yamlNode.type !== 'yaml') return [];
  const { yaml, base } = frontMatterSource(ctx, yamlNode as Yaml);
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return [];
  const out: FrontPair[] = [];
  const stack: [YamlNode, string][] = [[doc.contents as YamlNode, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item as YamlNode, `${path}[${i}]`]));
    } else if (isMap(node)) {
      const value = (key: string) => node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
      const zh = value('zh');
      const en = value('en');
      if (isScalar(zh) && isScalar(en) && typeof zh.value === 'string' && typeof en.value === 'string' && zh.range && en.range) {
        out.push({
          what: `\`${path}\``,
          zh: zh.value,
          en: en.value,
          zhSlot: { start: base + zh.range[0], end: base + zh.range[1] },
          enSlot: { start: base + en.range[0], end: base + en.range[1] },
        });
      }
      for (const p of node.items) {
        if (isScalar(p.key) && p.value) stack.push([p.value as YamlNode, path ? `${path}.${String(p.key.value)}` : String(p.key.value)]);
      }
    }
  }
  return out.reverse();
}
