/**
 * The one Markdown processor of the project: CommonMark + GFM tables,
 * footnotes, strikethrough and task-list items (`gfm.ts`) + YAML front
 * matter + generic directives. Syntax only — no transforms, no rendering.
 *
 * Container directives (`:::name{…}` … `:::`) are costly for the directive
 * extension (each one runs a nested document tokenizer, about 2 ms apiece),
 * and an article has a hundred of them. `parseMarkdown` therefore finds the
 * top-level fences itself, lets the parser read each opening fence as a leaf
 * directive (same name, label and attributes, same offsets), and nests the
 * nodes back into `containerDirective` nodes. Whenever the fast path cannot
 * be sure it is equivalent, it falls back to the processor's own parsing;
 * `tests/parse` checks both give the same tree.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Point } from 'unist';
import { location, remarkDirective, remarkFrontmatter, remarkParse, unified, VFile } from '../vendor/markdown.js';
import { remarkGfmSubset } from './gfm.js';
import { labelEnd } from './label.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).use(remarkGfmSubset).freeze();

/** Parse with the processor alone (reference behaviour, slower on container directives). */
export function parseMarkdownDirect(file: VFile): Root {
  return processor.parse(file);
}

interface Fence {
  open: boolean;
  colons: number;
  /** Offset of the first colon. */
  start: number;
  /** Offset of the end of the fence line (before the line ending). */
  end: number;
}

/** Offsets of the lines of `text` (start, end without line ending). */
function* lines(text: string): Generator<[number, number]> {
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    yield [start, end];
    if (nl >= text.length) return;
    start = nl + 1;
  }
}

/**
 * Find top-level container fences and mask them: an opening `:::name…`
 * becomes ` ::name…` (a leaf directive at the same offset + 1), a closing
 * `:::` becomes blanks. Returns null when the fast path does not apply.
 */
export function maskFences(text: string): { masked: string; fences: Fence[] } | null {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return null; // bare CR line endings
  const fences: Fence[] = [];
  const out: string[] = [];
  let last = 0;
  let inFrontMatter = text.startsWith('---');
  let first = true;
  /** Containers open at this line (an estimate: a closing fence closes one). */
  let depth = 0;
  for (const [start, end] of lines(text)) {
    const line = text.slice(start, end);
    if (first) {
      first = false;
      if (inFrontMatter) continue;
    }
    if (inFrontMatter) {
      if (/^---\s*$/.test(line)) inFrontMatter = false;
      continue;
    }
    // Fenced code would need container-aware closing; the format has none, so let the parser read it.
    if (/^ {0,3}(?:`{3,}|~{3,})/.test(line)) return null;
    const m = /^(:{3,})(.*)$/.exec(line);
    if (!m) {
      if (/^ {1,}:{3}/.test(line) || /^\s*[-*+>]|^\s*\d+[.)]/.test(line) && line.includes(':::')) return null;
      // A definition (`[^1]: …`, `[x]: url`) inside a container is seen only there by the
      // processor's nested reading, at the top level by the fast one: let the processor read it.
      if (depth > 0 && /^ {0,3}\[/.test(line) && line.includes(']:')) return null;
      continue;
    }
    const colons = m[1].length;
    const rest = m[2];
    if (rest.trim() === '') {
      depth = Math.max(0, depth - 1);
      fences.push({ open: false, colons, start, end });
      out.push(text.slice(last, start), ' '.repeat(end - start));
      last = end;
      continue;
    }
    // Only names the directive extension accepts start with a non-space, non-punctuation character.
    if (colons > 5 || !/^[^\s\p{P}\p{S}]/u.test(rest)) return null;
    depth++;
    fences.push({ open: true, colons, start, end });
    out.push(text.slice(last, start), ' '.repeat(colons - 2));
    last = start + colons - 2;
  }
  out.push(text.slice(last));
  return { masked: out.join(''), fences };
}

/** The fast reading of container directives, or null when it does not apply. */
export function parseMarkdownFast(file: VFile): Root | null {
  const text = String(file.value ?? '');
  const mask = maskFences(text);
  if (mask === null || mask.fences.length === 0) return null;
  const tree = processor.parse(new VFile({ path: file.path, value: mask.masked }));
  return nestContainers(tree, mask.fences, text);
}

/** Parse the file's text into mdast (with positions). */
export function parseMarkdown(file: VFile): Root {
  return parseMarkdownFast(file) ?? processor.parse(file);
}

interface Open {
  node: ContainerDirective;
  colons: number;
}

/** Rebuild container directives around the masked fences; null if the tree does not line up. */
function nestContainers(tree: Root, fences: Fence[], text: string): Root | null {
  const loc = location(text);
  const point = (offset: number): Point => {
    const p = loc.toPoint(offset)!;
    return { line: p.line, column: p.column, offset };
  };
  const opening = new Map<number, Fence>();
  for (const f of fences) if (f.open) opening.set(f.start + f.colons - 2, f);
  const closing = fences.filter((f) => !f.open);
  let nextClose = 0;

  const root: Root = { ...tree, children: [] };
  const stack: Open[] = [];
  const parentChildren = () => (stack.length > 0 ? (stack[stack.length - 1].node.children as RootContent[]) : root.children);

  /** Apply closing fences that come before `offset`: the outermost container they can close ends there. */
  const closeBefore = (offset: number) => {
    while (nextClose < closing.length && closing[nextClose].start < offset) {
      const f = closing[nextClose++];
      const at = stack.findIndex((o) => o.colons <= f.colons);
      if (at < 0) return false; // a stray fence: the parser would have read it as text
      // The container the fence closes ends after it; containers nested in it end where the fence line starts.
      stack.splice(at).forEach((o, i) => {
        o.node.position = { start: o.node.position!.start, end: point(i === 0 ? f.end : f.start) };
      });
    }
    return true;
  };

  // A top-level node that runs across a fence (e.g. a list continuing over the blanked
  // closing line) would be read differently by the parser: use its own reading instead.
  let f = 0;
  for (const child of tree.children) {
    const start = child.position?.start.offset ?? 0;
    const end = child.position?.end.offset ?? 0;
    while (f < fences.length && fences[f].start < start) f++;
    if (f < fences.length && fences[f].start < end && !(fences[f].open && fences[f].start + fences[f].colons - 2 === start)) return null;
  }

  for (const child of tree.children) {
    const start = child.position?.start.offset ?? -1;
    if (!closeBefore(start)) return null;
    const fence = opening.get(start);
    if (fence) {
      if (child.type !== 'leafDirective') return null;
      opening.delete(start);
      const leaf = child as LeafDirective;
      const node: ContainerDirective = {
        type: 'containerDirective',
        name: leaf.name,
        attributes: leaf.attributes,
        children: [],
        position: { start: point(fence.start), end: point(text.length) },
      };
      const open = fence.start + fence.colons + leaf.name.length;
      if (text[open] === '[') {
        const close = labelEnd(text, open);
        if (close < 0) return null;
        const label: Paragraph = {
          type: 'paragraph',
          data: { directiveLabel: true } as Paragraph['data'],
          children: leaf.children,
          position: { start: point(open), end: point(close) },
        };
        node.children.push(label);
      }
      parentChildren().push(node);
      stack.push({ node, colons: fence.colons });
      continue;
    }
    parentChildren().push(child);
  }
  if (!closeBefore(text.length + 1)) return null;
  if (opening.size > 0) return null; // an opening fence was not read as a top-level leaf directive
  // Unclosed containers end where the document ends, as with the parser's own reading.
  for (const o of stack) o.node.position = { start: o.node.position!.start, end: point(text.length) };
  return root;
}
