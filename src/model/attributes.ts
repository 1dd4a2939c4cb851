/**
 * Where each attribute of a directive is written in the source. mdast keeps
 * only the attribute values; diagnostics need their exact line:column, so
 * this re-reads the `{…}` block of the directive from the source text.
 */
import type { Directives } from 'mdast-util-directive';
import { labelEnd } from '../parse/label.js';

export interface AttributeSource {
  /** Attribute name as in mdast (`#x` → `id`, `.x` → `class`). */
  key: string;
  value: string;
  /** Offsets of the whole attribute, e.g. `actor=us` or `#rec-1`. */
  start: number;
  end: number;
  /** Offsets of the value (without quotes). */
  valueStart: number;
  valueEnd: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Offset of the `{` that opens the directive's attributes, or -1. */
export function attributeBlockStart(text: string, node: Directives): number {
  let i = node.position?.start.offset ?? -1;
  if (i < 0) return -1;
  while (text[i] === ':') i++;
  i += node.name.length;
  if (text[i] === '[') {
    const end = labelEnd(text, i, { multiline: true });
    i = end < 0 ? text.length : end;
  }
  return text[i] === '{' ? i : -1;
}

/** Tokenise `{…}` starting at `open`; stops at the closing brace. */
export function readAttributeBlock(text: string, open: number): AttributeSource[] {
  const out: AttributeSource[] = [];
  let i = open + 1;
  const stopShort = (c: string | undefined) => c === undefined || isSpace(c) || c === '}' || c === '.' || c === '#' || c === '"' || c === "'";
  while (i < text.length) {
    while (isSpace(text[i])) i++;
    const c = text[i];
    if (c === undefined || c === '}') break;
    const start = i;
    if (c === '#' || c === '.') {
      i++;
      const valueStart = i;
      while (!stopShort(text[i])) i++;
      out.push({ key: c === '#' ? 'id' : 'class', value: text.slice(valueStart, i), start, end: i, valueStart, valueEnd: i });
      continue;
    }
    while (i < text.length && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '}') i++;
    const key = text.slice(start, i);
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '=') {
      out.push({ key, value: '', start, end: i, valueStart: i, valueEnd: i });
      if (i === start) i++;
      continue;
    }
    j++;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const q = text[j];
    let valueStart: number;
    let valueEnd: number;
    if (q === '"' || q === "'") {
      valueStart = j + 1;
      valueEnd = text.indexOf(q, valueStart);
      if (valueEnd < 0) valueEnd = text.length;
      i = valueEnd + 1;
    } else {
      valueStart = j;
      while (j < text.length && !isSpace(text[j]) && text[j] !== '}') j++;
      valueEnd = j;
      i = j;
    }
    out.push({ key, value: text.slice(valueStart, valueEnd), start, end: i, valueStart, valueEnd });
  }
  return out;
}

/** The attributes of a directive with their source offsets (last one wins per key, as in mdast). */
export function attributeSources(text: string, node: Directives): Map<string, AttributeSource> {
  const open = attributeBlockStart(text, node);
  const map = new Map<string, AttributeSource>();
  if (open < 0) return map;
  for (const a of readAttributeBlock(text, open)) map.set(a.key, a);
  return map;
}

/** Offsets of each whitespace-separated token of a value, e.g. the ids in `cites`. */
export function valueTokens(a: AttributeSource): { token: string; start: number; end: number }[] {
  const out: { token: string; start: number; end: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(a.value); m; m = re.exec(a.value)) {
    out.push({ token: m[0], start: a.valueStart + m.index, end: a.valueStart + m.index + m[0].length });
  }
  return out;
}
