/**
 * Directive-level reading shared by the body and the editorial layer:
 * attributes (unknown names with a suggestion), ids, cites, and the
 * bilingual `::zh[…]` / `::en[…]` texts of an item.
 */
import type { Paragraph as MdParagraph, RootContent } from 'mdast';
import type { ContainerDirective, Directives, LeafDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import { attributeSources, valueTokens, type AttributeSource } from './attributes.js';
import { reportUnknownDirective } from './inline.js';
import { normalizeZhPunctuation } from '../text/normalize.js';
import { didYouMean, report, shorten, span, type Ctx, type Place } from './report.js';
import type { RuleId } from './rules.js';
import type { Citable } from './types.js';
import { describe, plainText, walk } from './tree.js';

export { describe };

export const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Where `briefwright fix` inserts a generated id: `insert` (with `ID` standing for the id) at `offset` of the decoded text. */
export interface Insertion {
  offset: number;
  /** Text to insert, `ID` standing for the id, e.g. `:p{#ID}`, `#ID ` or `::table{#ID}\n`. */
  template: string;
}

/** A citable block still waiting for its generated id. */
export interface PendingId {
  block: Citable;
  /** `<section-id>-<P>` (or `lede-<P>`). */
  base: string;
  column: number;
  /** Null when the id cannot be written at this place (`fix` says so). */
  insertion: Insertion | null;
}

/** A generated id, for the `missing-id` note and for `briefwright fix`. */
export interface GeneratedId {
  id: string;
  line: number;
  column: number;
  /** What `fix` inserts where; null when it cannot be written automatically. */
  insertion: { offset: number; text: string } | null;
}

/** Ids in use and cites to resolve, collected while reading the file. */
export interface Registry {
  ids: Map<string, { kind: string; line: number }>;
  cites: { id: string; place: Place }[];
  /** Ids of citable blocks (paragraphs, list items, tables, footnotes), explicit or generated. */
  citableIds: Set<string>;
  /** Generated ids among them. */
  generatedIds: Set<string>;
  /**
   * Ids written inside a construct that was refused with an error: known, so
   * that cites to them do not add a second error for the same mistake.
   */
  refusedIds: Set<string>;
  /** Citable blocks without an id, in document order (ids are generated once every explicit id is known). */
  pending: PendingId[];
  generated: GeneratedId[];
  /**
   * Where each editorial item opens (`:::takeaway{#tk-1 …}` → its first colon),
   * by id; a slide's points as `<slide-id>/point-<k>` (k from 1). For messages
   * about an item's text after the model (`check`'s slot lengths).
   */
  places: Map<string, { line: number; column: number }>;
}

export function createRegistry(): Registry {
  return { ids: new Map(), cites: [], citableIds: new Set(), generatedIds: new Set(), refusedIds: new Set(), pending: [], generated: [], places: new Map() };
}

/** Place of a directive's opening marker and name, e.g. `:::takeaway`. */
export function openingPlace(ctx: Ctx, node: Directives): Place | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return node.position;
  let i = start;
  while (ctx.text[i] === ':') i++;
  return span(ctx, start, i + node.name.length);
}

/** The directive's attributes with their places; unknown names are reported. */
export function checkAttributes(ctx: Ctx, node: Directives, allowed: readonly string[]): Map<string, AttributeSource> {
  const sources = attributeSources(ctx.text, node);
  const colons = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
  for (const key of Object.keys(node.attributes ?? {})) {
    if (allowed.includes(key)) continue;
    const src = sources.get(key);
    const place = src ? span(ctx, src.start, src.end) : openingPlace(ctx, node);
    const shown = key === 'id' ? '#id' : key === 'class' ? '.class' : key;
    const valid = allowed.length === 0 ? ' (it takes none)' : didYouMean(key, allowed);
    report(ctx, 'unknown-attribute', `Unknown attribute \`${shown}\` on \`${colons}${node.name}\`${valid}`, place);
  }
  return sources;
}

/** Place of an attribute's value (or of the directive when not found). */
export function valuePlace(ctx: Ctx, node: Directives, src: AttributeSource | undefined): Place | undefined {
  return src ? span(ctx, src.valueStart, src.valueEnd) : openingPlace(ctx, node);
}

/** Check and register an id; returns it when usable. */
export function registerId(ctx: Ctx, reg: Registry, node: Directives, sources: Map<string, AttributeSource>, kind: string): string | undefined {
  const id = node.attributes?.id;
  if (id === undefined || id === null || id === '') {
    report(ctx, 'missing-item-id', `${kind.charAt(0).toUpperCase()}${kind.slice(1)} has no id: add \`{#id}\``, openingPlace(ctx, node));
    return undefined;
  }
  const claimed = claimId(ctx, reg, id, kind, node.position?.start.line ?? 0, valuePlace(ctx, node, sources.get('id')));
  if (claimed && node.position) reg.places.set(claimed, { line: node.position.start.line, column: node.position.start.column });
  return claimed;
}

/** Check an explicit id and claim it for `kind`; undefined (and an error) when invalid or taken. */
export function claimId(ctx: Ctx, reg: Registry, id: string, kind: string, line: number, place: Place | undefined): string | undefined {
  if (!ID.test(id)) {
    report(ctx, 'invalid-id', `Invalid id \`${shorten(id)}\`: use lowercase letters, digits and hyphens`, place);
    // Known anyway: a cite of the same spelling is not a second mistake.
    reg.refusedIds.add(id);
    return undefined;
  }
  const previous = reg.ids.get(id);
  if (previous) {
    report(ctx, 'duplicate-id', `Duplicate id \`${id}\`: already used by the ${previous.kind} on line ${previous.line}`, place);
    return undefined;
  }
  reg.ids.set(id, { kind, line });
  return id;
}

/** Read `cites="a b"`: tokens are kept for cross-reference checks. */
export function readCites(ctx: Ctx, reg: Registry, node: Directives, sources: Map<string, AttributeSource>, required: boolean, what: string): string[] {
  const src = sources.get('cites');
  const raw = node.attributes?.cites;
  if (raw === undefined || raw === null || raw.trim() === '') {
    if (required) report(ctx, 'missing-cites', `${what} cites no paragraph: add \`cites="paragraph-id"\``, openingPlace(ctx, node));
    return [];
  }
  const tokens = src ? valueTokens(src) : raw.split(/\s+/).filter(Boolean).map((token) => ({ token, start: -1, end: -1 }));
  for (const t of tokens) {
    const place = t.start >= 0 ? span(ctx, t.start, t.end) : openingPlace(ctx, node);
    reg.cites.push({ id: t.token, place: place ?? { line: 1, column: 1 } });
  }
  return tokens.map((t) => t.token);
}

/** An enumerated attribute: reports a missing or unknown value. */
export function readEnum<T extends string>(ctx: Ctx, node: Directives, sources: Map<string, AttributeSource>, key: string, values: readonly T[], rule: RuleId): T | undefined {
  const value = node.attributes?.[key];
  if (value === undefined || value === null || value === '') {
    report(ctx, 'missing-attribute', `\`:::${node.name}\` needs \`${key}=\` (one of ${values.join(', ')})`, openingPlace(ctx, node));
    return undefined;
  }
  if (!(values as readonly string[]).includes(value)) {
    report(ctx, rule, `Unknown ${key} \`${shorten(value)}\`${didYouMean(value, values)} (expected one of ${values.join(', ')})`, valuePlace(ctx, node, sources.get(key)));
    return undefined;
  }
  return value as T;
}

/** Pairs of text slots that must appear together: Chinese first, then English. */
export const SLOT_PAIRS: Record<string, [string, string]> = {
  text: ['zh', 'en'],
  def: ['def-zh', 'def-en'],
  note: ['note-zh', 'note-en'],
};

const isZhSlot = (slot: string) => slot === 'zh' || slot.endsWith('-zh');

export interface TextsResult {
  texts: Record<string, string>;
  /** Container directives found among the children, for the caller. */
  containers: ContainerDirective[];
}

/**
 * Read the bilingual texts of an item: one `::slot[…]` per slot, each
 * non-empty; a Chinese text needs its English counterpart and the reverse.
 */
export function readTexts(ctx: Ctx, node: ContainerDirective, pairs: readonly (keyof typeof SLOT_PAIRS)[], what: string, optional: readonly string[] = []): TextsResult {
  const slots = pairs.flatMap((p) => SLOT_PAIRS[p]);
  const texts: Record<string, string> = {};
  const seen = new Map<string, LeafDirective>();
  const containers: ContainerDirective[] = [];
  for (const child of node.children as RootContent[]) {
    readTextChild(ctx, child, slots, texts, seen, containers, node, what);
  }
  for (const p of pairs) {
    const [zh, en] = SLOT_PAIRS[p];
    const hasZh = seen.get(zh);
    const hasEn = seen.get(en);
    if (hasZh && !hasEn) report(ctx, 'missing-en', `\`::${zh}\` has no English counterpart: add \`::${en}[…]\``, openingPlace(ctx, hasZh));
    if (hasEn && !hasZh) report(ctx, 'missing-zh', `\`::${en}\` has no Chinese counterpart: add \`::${zh}[…]\``, openingPlace(ctx, hasEn));
    if (!hasZh && !hasEn && !optional.includes(p)) report(ctx, 'empty-text', `${what} has no text: add \`::${zh}[…]\` and \`::${en}[…]\``, openingPlace(ctx, node));
  }
  return { texts, containers };
}

function readTextChild(
  ctx: Ctx,
  child: RootContent,
  slots: string[],
  texts: Record<string, string>,
  seen: Map<string, LeafDirective>,
  containers: ContainerDirective[],
  parent: ContainerDirective,
  what: string,
): void {
  if (child.type === 'leafDirective') {
    if (!slots.includes(child.name)) {
      reportUnknownDirective(ctx, child, '::', slots, openingPlace(ctx, child));
      return;
    }
    checkAttributes(ctx, child, []);
    if (seen.has(child.name)) {
      report(ctx, 'duplicate-text', `Second \`::${child.name}\` in ${what}: keep exactly one`, openingPlace(ctx, child));
      return;
    }
    seen.set(child.name, child);
    checkPlainInline(ctx, child, `\`::${child.name}[…]\``);
    const text = plainText(child).replace(/\s+/g, ' ').trim();
    if (text === '') {
      report(ctx, 'empty-text', `Empty \`::${child.name}[]\`: write the text between the brackets`, child.position);
      return;
    }
    texts[child.name] = isZhSlot(child.name) ? normalizeZhPunctuation(text) : text;
    return;
  }
  // Raw HTML is reported by `checkRawContent` (safety.ts) and dropped.
  if (child.type === 'html') return;
  if (child.type === 'containerDirective') {
    containers.push(child);
    return;
  }
  if (child.type === 'paragraph' && (child as MdParagraph & { data?: { directiveLabel?: boolean } }).data?.directiveLabel) {
    report(ctx, 'unexpected-content', `\`:::${parent.name}\` takes no [label]: put the text in \`::zh[…]\` / \`::en[…]\``, child.position);
    return;
  }
  report(ctx, 'unexpected-content', `Unexpected ${describe(child)} in ${what}: write its text as \`::zh[…]\` and \`::en[…]\` lines`, child.position);
}

/**
 * Texts read as plain strings (editorial texts, headings) keep the words of
 * links, emphasis and code; a footnote reference there would be lost, so it
 * is reported instead.
 */
export function checkPlainInline(ctx: Ctx, node: Node, what: string): void {
  walk(node, (n) => {
    if (n.type === 'footnoteReference') {
      const label = (n as unknown as { label?: string }).label ?? '';
      report(ctx, 'unexpected-content', `Footnote reference \`[^${shorten(label)}]\` in ${what}: footnotes belong in the body text; write the note's words here instead`, n.position);
    }
  });
}

