/**
 * Iterative tree helpers: no recursion, so deeply nested inline content
 * cannot exhaust the call stack.
 */
import type { Node, Parent } from 'unist';

export type Visitor = (node: Node, parent: Parent | undefined, index: number) => boolean | void;

/** Pre-order walk; return `false` from the visitor to skip a node's children. */
export function walk(root: Node, visit: Visitor): void {
  const stack: [Node, Parent | undefined, number][] = [[root, undefined, -1]];
  while (stack.length > 0) {
    const [node, parent, index] = stack.pop()!;
    if (visit(node, parent, index) === false) continue;
    const children = (node as Parent).children;
    if (Array.isArray(children)) {
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node as Parent, i]);
    }
  }
}

/** Concatenated text of all `text`/`inlineCode` descendants (like mdast-util-to-string). */
export function plainText(node: Node): string {
  let out = '';
  walk(node, (n) => {
    const v = (n as { value?: unknown }).value;
    if ((n.type === 'text' || n.type === 'inlineCode') && typeof v === 'string') out += v;
  });
  return out;
}

/** Number of nodes of a type in the tree. */
export function countNodes(root: Node, type: string): number {
  let n = 0;
  walk(root, (node) => {
    if (node.type === type) n++;
  });
  return n;
}

/** A short human name for a node type. */
export function describe(node: Node): string {
  const names: Record<string, string> = {
    paragraph: 'text',
    list: 'list',
    heading: 'heading',
    blockquote: 'block quote',
    code: 'code block',
    html: 'HTML',
    thematicBreak: 'horizontal rule',
    table: 'table',
    definition: 'link reference definition',
    footnoteDefinition: 'footnote',
    leafDirective: 'leaf directive',
    containerDirective: 'container directive',
    textDirective: 'text directive',
    footnoteReference: 'footnote reference',
    linkReference: 'reference link',
    imageReference: 'image',
    image: 'image',
    inlineCode: 'code',
    delete: 'strikethrough',
    break: 'line break',
    tableCell: 'table cell',
    tableRow: 'table row',
    listItem: 'list item',
    yaml: 'front matter',
    math: 'math',
  };
  // Own keys only, and never a parser's internal name.
  return Object.hasOwn(names, node.type) ? names[node.type] : 'construct';
}
