/**
 * Characters, checked against the Unicode policy (`src/text/unicode-policy.ts`)
 * twice:
 *
 * 1. in the raw text of the file, each literal character at its place;
 * 2. in every string after it was decoded — YAML scalars (keys and values,
 *    whose double-quoted escapes `\0 \e \b \u202E \U0001F600 …` can write any
 *    character), Markdown text after character references (`&#x202E;`,
 *    `&ZeroWidthSpace;`, `&#0;` …), link targets and directive attributes.
 *    Each escape that writes a refused character is reported at the escape
 *    itself, so the editor sees exactly what to delete.
 *
 * A character is reported once, at the first place found.
 */
import type { Root } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import type { Node } from 'unist';
import { decodeNamedCharacterReference } from '../vendor/markdown.js';
import { describeCodePoint, describeRefusal, refusal, refusedCharacters, ruleFor, type Refusal } from '../text/unicode-policy.js';
import { attributeSources } from './attributes.js';
import { report, span, type Ctx } from './report.js';
import { walk } from './tree.js';

/** At most this many characters are reported one by one per rule; the rest are counted. */
export const MAX_REPORTED = 100;

/** Whitespace controls a source file may hold literally. */
const FILE_WHITESPACE = '\t\n\r';

interface State {
  /** Offsets already reported. */
  at: Set<number>;
  counts: Map<string, number>;
  overflow: Map<string, { count: number; offset: number }>;
}

const states = new WeakMap<object, State>();

function state(ctx: Ctx): State {
  let s = states.get(ctx.file);
  if (!s) {
    s = { at: new Set(), counts: new Map(), overflow: new Map() };
    states.set(ctx.file, s);
  }
  return s;
}

const glyph = (cp: number) => String.fromCodePoint(cp);
const showable = (cp: number) => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(glyph(cp));

/** One refused character at [start, end); `how` says what wrote it when it was an escape. */
function reportCharacter(ctx: Ctx, cp: number, why: Refusal, start: number, end: number, how?: string): void {
  const s = state(ctx);
  if (s.at.has(start)) return;
  s.at.add(start);
  const rule = ruleFor(why);
  const n = (s.counts.get(rule) ?? 0) + 1;
  s.counts.set(rule, n);
  if (n > MAX_REPORTED) {
    s.overflow.set(rule, { count: n - MAX_REPORTED, offset: start });
    return;
  }
  const what = describeCodePoint(cp);
  let reason: string;
  if (how !== undefined) reason = `\`${how}\` writes ${what}, ${describeRefusal(why)}: delete it`;
  else if (why === 'undrawable') reason = `The project font cannot draw ${showable(cp) ? `'${glyph(cp)}' ` : ''}(${what})`;
  else if (why === 'control') reason = `Control character ${what} in the text: delete it`;
  else if (rule === 'invisible-character') reason = `Invisible character ${what} in the text (${describeRefusal(why)}): delete it`;
  else reason = `${what} is ${describeRefusal(why)}: replace it`;
  report(ctx, rule, reason, span(ctx, start, end));
}

/** Report the counts of characters beyond the first `MAX_REPORTED` of each rule. */
export function reportOverflow(ctx: Ctx): void {
  for (const [rule, { count, offset }] of state(ctx).overflow) {
    report(ctx, rule as ReturnType<typeof ruleFor>, `…and ${count} more such characters`, span(ctx, offset, offset + 1));
  }
}

/** Every literal character of the file the policy refuses (tab and line breaks are fine). */
export function checkRawCharacters(ctx: Ctx): void {
  for (const r of refusedCharacters(ctx.text, { allow: FILE_WHITESPACE, font: true })) {
    reportCharacter(ctx, r.codePoint, r.refusal, r.offset, r.offset + r.length);
  }
}

interface Escape {
  start: number;
  end: number;
  codePoints: number[];
}

const backslashesBefore = (text: string, i: number) => {
  let n = 0;
  while (i - 1 - n >= 0 && text[i - 1 - n] === '\\') n++;
  return n;
};

/** Character references in [start, end) of the source, with the code points they write (before any replacement). */
export function characterReferences(text: string, start: number, end: number): Escape[] {
  const out: Escape[] = [];
  const re = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const at = start + m.index;
    if (backslashesBefore(text, at) % 2 === 1) continue;
    let codePoints: number[];
    if (m[1] !== undefined || m[2] !== undefined) {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      codePoints = [cp > 0x10ffff ? 0xfffd : cp];
    } else {
      const decoded = decodeNamedCharacterReference(m[3]);
      if (decoded === false) continue;
      codePoints = [...decoded].map((c) => c.codePointAt(0)!);
    }
    out.push({ start: at, end: at + m[0].length, codePoints });
  }
  return out;
}

const YAML_ESCAPES: Record<string, number> = {
  '0': 0x00, a: 0x07, b: 0x08, t: 0x09, '\t': 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b,
  ' ': 0x20, '"': 0x22, '/': 0x2f, '\\': 0x5c, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029,
};

/** Escapes of a YAML double-quoted scalar in [start, end) of the source, with the code points they write. */
export function yamlEscapes(text: string, start: number, end: number): Escape[] {
  const out: Escape[] = [];
  const re = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const e = m[1];
    const cp = e.length > 1 ? parseInt(e.slice(1), 16) : YAML_ESCAPES[e];
    if (cp === undefined) continue;
    const at = start + m.index;
    const prev = out[out.length - 1];
    // A surrogate pair written as two \u escapes is one character.
    if (prev && prev.end === at && cp >= 0xdc00 && cp <= 0xdfff && prev.codePoints.length === 1 && prev.codePoints[0] >= 0xd800 && prev.codePoints[0] <= 0xdbff) {
      prev.codePoints = [0x10000 + ((prev.codePoints[0] - 0xd800) << 10) + (cp - 0xdc00)];
      prev.end = at + m[0].length;
      continue;
    }
    out.push({ start: at, end: at + m[0].length, codePoints: [cp] });
  }
  return out;
}

/**
 * A decoded string whose source is [start, end): report each escape that
 * wrote a refused character; a refused character neither written by an
 * escape nor present literally (reported by the raw check) is reported at
 * the start of the string.
 */
function checkDecoded(ctx: Ctx, decoded: string, start: number, end: number, escapes: (text: string, start: number, end: number) => Escape[], allow: string): void {
  const refused = refusedCharacters(decoded, { allow, font: true });
  if (refused.length === 0) return;
  const explained = new Set<number>();
  for (const e of escapes(ctx.text, start, end)) {
    for (const cp of e.codePoints) {
      const why = refusal(cp, { allow, font: true });
      if (why === null) continue;
      explained.add(cp);
      reportCharacter(ctx, cp, why, e.start, e.end, ctx.text.slice(e.start, e.end));
    }
  }
  const source = ctx.text.slice(start, end);
  for (const r of refused) {
    if (explained.has(r.codePoint) || source.includes(String.fromCodePoint(r.codePoint))) continue;
    // The parser writes U+FFFD for a NUL and for a reference to a control or a noncharacter (`&#0;`): reported already.
    if (r.refusal === 'replacement' && (explained.size > 0 || source.includes('\0'))) continue;
    // Decoded by a rule this check does not know (a replacement made by the parser, say): still refused.
    reportCharacter(ctx, r.codePoint, r.refusal, start, Math.max(start + 1, end), 'the decoded text');
    explained.add(r.codePoint);
  }
}

/** A YAML scalar (key or value) decoded to `value`, written at [start, end) of the file. */
export function checkYamlScalar(ctx: Ctx, value: string, start: number, end: number, doubleQuoted: boolean): void {
  // Line breaks and tabs in values are the schema's business (single-line fields); here only what escapes write.
  checkDecoded(ctx, value, start, end, doubleQuoted ? yamlEscapes : () => [], FILE_WHITESPACE);
}

const offsets = (node: Node): [number, number] | null => {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
};

/** Every decoded string of the Markdown tree: text, link targets and titles, directive attributes. */
export function checkDecodedMarkdown(ctx: Ctx, tree: Root): void {
  walk(tree, (node) => {
    const where = offsets(node);
    switch (node.type) {
      case 'text': {
        if (where) checkDecoded(ctx, (node as unknown as { value: string }).value, where[0], where[1], characterReferences, FILE_WHITESPACE);
        return;
      }
      case 'link':
      case 'image':
      case 'definition': {
        const { url, title, alt } = node as unknown as { url?: string; title?: string | null; alt?: string | null };
        if (where) for (const v of [url, title, alt]) if (typeof v === 'string') checkDecoded(ctx, v, where[0], where[1], characterReferences, '');
        return;
      }
      case 'textDirective':
      case 'leafDirective':
      case 'containerDirective': {
        const d = node as unknown as Directives;
        const attrs = d.attributes ?? {};
        const keys = Object.keys(attrs);
        if (keys.length === 0) return;
        const sources = attributeSources(ctx.text, d);
        for (const key of keys) {
          const value = attrs[key];
          if (typeof value !== 'string') continue;
          const src = sources.get(key);
          const [s, e] = src ? [src.valueStart, src.valueEnd] : (where ?? [0, 0]);
          checkDecoded(ctx, value, s, e, characterReferences, '');
        }
        return;
      }
    }
  });
}

/**
 * The last line of defence: any string of the built article (span texts may
 * hold '\n' for a hard line break) with a refused character that no check
 * above reported is still an error. Returns true when it found one.
 */
export function checkArticleStrings(ctx: Ctx, value: unknown): boolean {
  let found: { cp: number; why: Refusal } | undefined;
  const visit = (v: unknown) => {
    if (found) return;
    if (typeof v === 'string') {
      const [r] = refusedCharacters(v, { allow: '\n', font: true });
      if (r) found = { cp: r.codePoint, why: r.refusal };
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  if (!found) return false;
  report(ctx, ruleFor(found.why), `The decoded text holds ${describeCodePoint(found.cp)}, ${describeRefusal(found.why)}: find and delete what writes it`, { line: 1, column: 1 });
  return true;
}
