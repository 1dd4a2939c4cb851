/**
 * Body blocks: one handler per mdast block type, each turning a node into a
 * typed block of the model (`BodyBlock`) or reporting, with the rule that
 * says what to write instead, why the format does not take it. Used for the
 * content of sections (and the lede) and, recursively, of block quotes.
 *
 * Citable blocks are numbered ("S.P") as they are read, in document order,
 * and get their id: the one the editor wrote, or — once every explicit id of
 * the file is known — a generated one (`ids.ts`).
 */
import type { Blockquote, FootnoteDefinition, Heading, List as MdList, Paragraph as MdParagraph, RootContent, Table as MdTable, TableCell } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { BodyBlock, BodyPart, Citable, Footnote, List, ListItem, Paragraph, Quote, Span, SubHeading, Table } from './types.js';
import { attributeBlockStart } from './attributes.js';
import { toSpans, type FootnoteRefs } from './inline.js';
import { checkAttributes, checkPlainInline, claimId, openingPlace, valuePlace, type Insertion, type Registry } from './items.js';
import { report, shorten, span, type Ctx } from './report.js';
import { LIMITS } from './rules.js';
import { describe, plainText } from './tree.js';

/** The part of the body being read: the lede or a section. */
export interface Part extends BodyPart {
  sectionId: string | null;
  /** First part of generated ids: the section id, `lede`, or `s<N>` for a section without a valid id. */
  base: string;
}

/** Footnotes of the file: ids by identifier (known before reading), numbers in order of first reference. */
export interface Notes extends FootnoteRefs {
  ids: Map<string, string>;
  numbers: Map<string, number>;
  /** Definitions read, to number the unreferenced ones last (with the place of their label). */
  blocks: { identifier: string; block: Footnote; place: ReturnType<typeof span> }[];
}

export interface BodyState {
  ctx: Ctx;
  reg: Registry;
  part: Part;
  notes: Notes;
}

/** A sequence of blocks being read: the part's top level or a quote's content. */
export interface Flow {
  out: BodyBlock[];
  quoted: boolean;
  /** A `::table[…]{…}` caption waiting for its table. */
  caption: LeafDirective | null;
}

/** Footnote id of a label: `[^1]` → `fn-1`, `[^Note_A]` → `fn-note-a`. */
export const footnoteId = (label: string) => `fn-${label.toLowerCase().replace(/_/g, '-')}`;

/** Labels footnotes may have (their id must be a valid id). */
export const FOOTNOTE_LABEL = /^[A-Za-z0-9_-]{1,64}$/;

export function createNotes(definitions: { identifier: string; label: string }[]): Notes {
  const ids = new Map<string, string>();
  for (const d of definitions) if (!ids.has(d.identifier)) ids.set(d.identifier, footnoteId(d.label));
  const numbers = new Map<string, number>();
  return {
    ids,
    numbers,
    blocks: [],
    ref(identifier) {
      let number = numbers.get(identifier);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(identifier, number);
      }
      return { id: ids.get(identifier) ?? footnoteId(identifier), number };
    },
  };
}

/** Place of a node's first line. */
export function firstLine(ctx: Ctx, node: Node) {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const nl = ctx.text.indexOf('\n', start);
  return span(ctx, start, nl >= 0 && nl < end ? (ctx.text[nl - 1] === '\r' ? nl - 1 : nl) : end);
}

const lineOf = (node: Node) => node.position?.start.line ?? 0;
const spansText = (spans: Span[]) => spans.map((x) => x.text).join('');

/**
 * Number a citable block, give it its explicit id or queue it for a generated
 * one, and list it in the part. `explicit`: the id written (undefined: none
 * written; null: written but refused with an error).
 */
function addCitable<T extends Citable>(s: BodyState, flow: Flow, node: Node, block: Omit<T, 'id' | 'generatedId' | 'mark' | 'sectionId' | 'quoted' | 'line'>, explicit: string | null | undefined, insertion: Insertion | null): T {
  const position = s.part.paragraphs.length + 1;
  const full = {
    id: explicit ?? '',
    generatedId: false,
    mark: `${s.part.number}.${position}`,
    sectionId: s.part.sectionId,
    quoted: flow.quoted,
    line: lineOf(node),
    ...block,
  } as unknown as T;
  if (typeof explicit === 'string') s.reg.citableIds.add(explicit);
  else if (explicit === undefined) s.reg.pending.push({ block: full, base: `${s.part.base}-${position}`, column: node.position?.start.column ?? 1, insertion });
  s.part.paragraphs.push(full);
  return full;
}

interface Opening {
  explicit: string | null | undefined;
  insertion: Insertion | null;
  label?: { zh: string; en: string };
  spans: Span[];
}

/**
 * The text of a paragraph-like block and its optional `:p{#id label-en="…"}`
 * opening. A bold opening followed by a colon is a label and needs `label-en`.
 */
function readOpening(s: BodyState, node: MdParagraph, kind: string): Opening {
  const { ctx, reg } = s;
  const first = node.children[0];
  const start = node.position?.start.offset ?? 0;
  let explicit: string | null | undefined;
  let insertion: Insertion | null = { offset: start, template: ':p{#ID}' };
  let rest = node.children;
  let labelEn: string | undefined;
  let labelEnPlace = node.position as ReturnType<typeof span> | undefined;
  let directive: TextDirective | undefined;
  if (first && first.type === 'textDirective' && (first as TextDirective).name === 'p') {
    directive = first as TextDirective;
    rest = node.children.slice(1);
    const sources = checkAttributes(ctx, directive, ['id', 'label-en']);
    if (directive.children.length > 0) report(ctx, 'unexpected-content', '`:p` takes no [label]: write the text after `:p{#id}`', directive.position);
    const raw = directive.attributes?.id;
    if (raw === undefined || raw === null || raw === '') {
      const open = attributeBlockStart(ctx.text, directive);
      const end = directive.position?.end.offset ?? start + 2;
      insertion = open >= 0 ? { offset: open + 1, template: ctx.text[open + 1] === '}' ? '#ID' : '#ID ' } : { offset: end, template: '{#ID}' };
    } else {
      insertion = null;
      explicit = claimId(ctx, reg, raw, kind, lineOf(node), valuePlace(ctx, directive, sources.get('id'))) ?? null;
    }
    const l = directive.attributes?.['label-en'];
    if (typeof l === 'string') {
      labelEn = l.replace(/\s+/g, ' ').trim();
      const src = sources.get('label-en');
      labelEnPlace = src ? span(ctx, src.start, src.end) : (directive.position as ReturnType<typeof span>);
    }
  }
  const spans = toSpans(rest, ctx, s.notes);
  const text = spansText(spans);
  if (text === '') report(ctx, 'empty-text', `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${typeof explicit === 'string' ? ` \`${explicit}\`` : ''} has no text`, directive?.position ?? node.position);
  const labelZh = spans[0]?.strong && /^[:：]/.test(spans[1]?.text ?? '') ? spans[0].text.trim() : undefined;
  if (labelZh && !labelEn) {
    const strong = rest[0];
    const how = directive ? 'add `label-en="…"` to `:p`' : 'start the paragraph with `:p{label-en="…"}`';
    report(ctx, 'missing-en', `Label \`${shorten(labelZh)}\` has no English: ${how}`, strong?.position ?? node.position);
  }
  if (labelEn !== undefined && !labelZh) {
    if (labelEn === '') report(ctx, 'empty-text', 'Empty `label-en`: write the English label', labelEnPlace);
    else report(ctx, 'missing-zh', '`label-en` needs a Chinese label: open the paragraph with `**标签**：`', labelEnPlace);
  }
  return { explicit, insertion, ...(labelZh && labelEn ? { label: { zh: labelZh, en: labelEn } } : {}), spans };
}

function readParagraph(s: BodyState, flow: Flow, node: MdParagraph): void {
  const o = readOpening(s, node, 'paragraph');
  const p = addCitable<Paragraph>(s, flow, node, { kind: 'paragraph', ...(o.label ? { label: o.label } : {}), text: spansText(o.spans), spans: o.spans }, o.explicit, o.insertion);
  flow.out.push(p);
}

/** What the format says about a block it does not take inside `where`. */
function refuse(s: BodyState, node: RootContent, where: string): void {
  const { ctx } = s;
  switch (node.type) {
    case 'html':
    case 'definition':
      return; // reported by safety.ts
    case 'code': {
      const fenced = /^ {0,3}(?:`{3}|~{3})/.test(ctx.text.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 6));
      const reason = fenced
        ? 'Code block: sources hold no code blocks; write the text as a paragraph (inline `code` is fine)'
        : 'Text indented by four spaces or more is read as a code block: remove the indentation';
      report(ctx, 'code-block', reason, firstLine(ctx, node));
      return;
    }
    case 'thematicBreak':
      report(ctx, 'thematic-break', 'Horizontal rule: sources hold none; delete it, or open a new section with `## 标题 :en[Title]{#id}`', firstLine(ctx, node));
      return;
    case 'heading':
      report(ctx, 'unexpected-content', `Heading inside ${where}: headings belong at the top level of the body`, firstLine(ctx, node));
      return;
    default:
      report(ctx, 'unexpected-content', `Unexpected ${describe(node)} inside ${where}: ${where === 'a list item' ? 'an item holds one paragraph and nested lists' : 'write it after the block it is in'}`, firstLine(ctx, node));
  }
}

function readList(s: BodyState, flow: Flow, node: MdList): List {
  const list: List = {
    kind: 'list',
    ordered: node.ordered === true,
    ...(node.ordered && typeof node.start === 'number' && node.start !== 1 ? { start: node.start } : {}),
    items: [],
    line: lineOf(node),
  };
  for (const item of node.children) {
    if (typeof item.checked === 'boolean') {
      report(s.ctx, 'unsupported-markup', `Task-list checkbox \`[${item.checked ? 'x' : ' '}]\`: sources hold no checkboxes; write the item's text without it (or \`\\[ \\]\` for literal brackets)`, firstLine(s.ctx, item));
    }
    const [first, ...rest] = item.children;
    let li: ListItem | undefined;
    if (first && first.type === 'paragraph') {
      const o = readOpening(s, first, 'list item');
      li = addCitable<ListItem>(s, flow, first, { kind: 'item', ...(o.label ? { label: o.label } : {}), text: spansText(o.spans), spans: o.spans, lists: [] }, o.explicit, o.insertion);
      list.items.push(li);
    } else {
      report(s.ctx, 'empty-text', `List item has no text: write it after the ${list.ordered ? 'number' : 'bullet'}`, firstLine(s.ctx, item));
    }
    for (const child of first && first.type === 'paragraph' ? rest : item.children) {
      if (child.type === 'list') {
        const nested = readList(s, flow, child);
        if (li) li.lists.push(nested);
      } else if (child.type === 'paragraph') {
        report(s.ctx, 'unexpected-content', 'Second paragraph in a list item: an item holds one paragraph; start a new item, or end the list and write a paragraph', firstLine(s.ctx, child));
      } else refuse(s, child, 'a list item');
    }
  }
  return list;
}

function readQuote(s: BodyState, flow: Flow, node: Blockquote): void {
  const quote: Quote = { kind: 'quote', blocks: [], line: lineOf(node) };
  const inner: Flow = { out: quote.blocks, quoted: true, caption: null };
  for (const child of node.children) readFlowNode(s, inner, child, 'a block quote');
  endFlow(s, inner);
  if (node.children.length === 0) report(s.ctx, 'empty-text', 'Empty block quote: write the quoted words after `> `', firstLine(s.ctx, node));
  flow.out.push(quote);
}

/** The place where `fix` writes a caption line with the id before a table, or null where a line cannot be added safely. */
function captionInsertion(ctx: Ctx, node: MdTable): Insertion | null {
  const start = node.position?.start.offset ?? 0;
  const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
  const prefix = ctx.text.slice(lineStart, start);
  if (!/^[ \t>]*$/.test(prefix)) return null;
  const nl = ctx.text.indexOf('\n', start);
  const eol = nl > 0 && ctx.text[nl - 1] === '\r' ? '\r\n' : '\n';
  return { offset: lineStart, template: `${prefix}::table{#ID}${eol}` };
}

function readTable(s: BodyState, flow: Flow, node: MdTable): void {
  const { ctx, reg } = s;
  const caption = flow.caption;
  flow.caption = null;
  const [headRow, ...bodyRows] = node.children;
  const columns = headRow?.children.length ?? 0;
  if (columns > LIMITS.maxTableColumns) {
    report(ctx, 'table-too-wide', `Table with ${columns} columns: at most ${LIMITS.maxTableColumns}`, firstLine(ctx, node));
    return;
  }
  const cell = (c: TableCell | undefined) => (c ? toSpans(c.children, ctx, s.notes) : []);
  const head = Array.from({ length: columns }, (_, i) => cell(headRow?.children[i]));
  const rows = bodyRows.map((row) => {
    if (row.children.length > columns) {
      const extra = row.children[columns];
      report(ctx, 'unexpected-content', `Table row has ${row.children.length} cells but the header has ${columns}: add header cells, or remove the extra cells (they would not be shown)`, extra.position);
    }
    return Array.from({ length: columns }, (_, i) => cell(row.children[i]));
  });
  const align = Array.from({ length: columns }, (_, i) => node.align?.[i] ?? null);

  let explicit: string | null | undefined;
  let insertion: Insertion | null = captionInsertion(ctx, node);
  let captionBi: { zh: string; en: string } | undefined;
  if (caption) {
    const sources = checkAttributes(ctx, caption, ['id', 'en']);
    checkPlainInline(ctx, caption, '`::table[…]`');
    const zh = plainText(caption).replace(/\s+/g, ' ').trim();
    const enRaw = caption.attributes?.en;
    const en = typeof enRaw === 'string' ? enRaw.replace(/\s+/g, ' ').trim() : '';
    const enSrc = sources.get('en');
    if (zh !== '' && en === '') report(ctx, 'missing-en', 'Table caption has no English: add `en="…"` to `::table`', openingPlace(ctx, caption));
    if (zh === '' && en !== '') report(ctx, 'missing-zh', 'Table caption has no Chinese: write it in the brackets, `::table[中文标题]{…}`', enSrc ? span(ctx, enSrc.start, enSrc.end) : openingPlace(ctx, caption));
    if (zh !== '' && en !== '') captionBi = { zh, en };
    const raw = caption.attributes?.id;
    if (raw === undefined || raw === null || raw === '') {
      const open = attributeBlockStart(ctx.text, caption);
      const end = caption.position?.end.offset ?? 0;
      insertion = open >= 0 ? { offset: open + 1, template: ctx.text[open + 1] === '}' ? '#ID' : '#ID ' } : { offset: end, template: '{#ID}' };
    } else {
      insertion = null;
      explicit = claimId(ctx, reg, raw, 'table', lineOf(caption), valuePlace(ctx, caption, sources.get('id'))) ?? null;
    }
  }
  const text = [head, ...rows].map((r) => r.map(spansText).join(' | ')).join('\n');
  const table = addCitable<Table>(s, flow, node, { kind: 'table', ...(captionBi ? { caption: captionBi } : {}), align, head, rows, text }, explicit, insertion);
  flow.out.push(table);
}

function readFootnote(s: BodyState, flow: Flow, node: FootnoteDefinition, where: string | null): void {
  const { ctx, reg } = s;
  if (where !== null) {
    report(ctx, 'unexpected-content', `Footnote inside ${where}: write \`[^label]: …\` at the start of a line of its own`, firstLine(ctx, node));
    return;
  }
  const label = node.label ?? node.identifier;
  const start = node.position?.start.offset ?? 0;
  const labelPlace = span(ctx, start + 2, start + 2 + label.length);
  let explicit: string | null = null;
  if (!FOOTNOTE_LABEL.test(label)) {
    report(ctx, 'invalid-id', `Footnote label \`${shorten(label)}\`: use letters, digits, \`-\` and \`_\` (\`[^1]\`, \`[^note-a]\`)`, labelPlace);
  } else {
    explicit = claimId(ctx, reg, footnoteId(label), 'footnote', lineOf(node), labelPlace) ?? null;
  }
  const [first, ...rest] = node.children;
  let spans: Span[] = [];
  if (first && first.type === 'paragraph') {
    const lead = first.children[0];
    let children = first.children;
    if (lead && lead.type === 'textDirective' && (lead as TextDirective).name === 'p') {
      report(ctx, 'misplaced-directive', `A footnote takes its id from its label (\`[^${shorten(label)}]\` → \`${footnoteId(label)}\`): remove \`:p{…}\``, openingPlace(ctx, lead as TextDirective));
      children = first.children.slice(1);
    }
    spans = toSpans(children, ctx, s.notes);
  }
  if (spansText(spans) === '') report(ctx, 'empty-text', `Footnote \`[^${shorten(label)}]\` has no text`, firstLine(ctx, node));
  for (const child of first && first.type === 'paragraph' ? rest : node.children) {
    if (child.type === 'paragraph') report(ctx, 'unexpected-content', 'Second paragraph in a footnote: a footnote holds one paragraph', firstLine(ctx, child));
    else refuse(s, child, 'a footnote');
  }
  const block = addCitable<Footnote>(s, flow, node, { kind: 'footnote', label, number: 0, spans, text: spansText(spans) }, explicit, null);
  s.notes.blocks.push({ identifier: node.identifier, block, place: labelPlace });
  flow.out.push(block);
}

export function readSubHeading(s: BodyState, flow: Flow, node: Heading): void {
  const { ctx, reg } = s;
  const en = node.children.find((c): c is TextDirective => c.type === 'textDirective' && (c as TextDirective).name === 'en');
  checkPlainInline(ctx, node, 'a heading');
  const zh = plainText({ ...node, children: node.children.filter((c) => c !== en) } as Heading).replace(/\s+/g, ' ').trim();
  const heading: SubHeading = { kind: 'heading', depth: node.depth as 3 | 4, zh, line: lineOf(node) };
  if (zh === '') report(ctx, 'missing-zh', 'Sub-heading has no Chinese text', firstLine(ctx, node));
  if (en) {
    const sources = checkAttributes(ctx, en, ['id']);
    const enText = plainText(en).replace(/\s+/g, ' ').trim();
    if (enText !== '') heading.en = enText;
    const raw = en.attributes?.id;
    if (typeof raw === 'string' && raw !== '') {
      const id = claimId(ctx, reg, raw, 'heading', lineOf(node), valuePlace(ctx, en, sources.get('id')));
      if (id) heading.id = id;
    }
  }
  flow.out.push(heading);
}

/** A caption that no table followed. */
function flushCaption(s: BodyState, flow: Flow): void {
  if (!flow.caption) return;
  report(s.ctx, 'misplaced-directive', '`::table[…]` captions the table on the next line: put it right before a table', openingPlace(s.ctx, flow.caption));
  flow.caption = null;
}

/** End of a sequence of blocks. */
export function endFlow(s: BodyState, flow: Flow): void {
  flushCaption(s, flow);
}

/**
 * Read one block of a part's top level (`where` null) or of a quote. Returns
 * false for node types this module does not handle (the caller's: section
 * headings, editorial directives).
 */
export function readFlowNode(s: BodyState, flow: Flow, node: RootContent, where: string | null = null): boolean {
  // A caption captions the next block; an HTML comment in between is nothing.
  if (node.type !== 'table' && node.type !== 'html') flushCaption(s, flow);
  switch (node.type) {
    case 'paragraph':
      readParagraph(s, flow, node);
      return true;
    case 'list':
      flow.out.push(readList(s, flow, node));
      return true;
    case 'blockquote':
      readQuote(s, flow, node);
      return true;
    case 'table':
      readTable(s, flow, node);
      return true;
    case 'footnoteDefinition':
      readFootnote(s, flow, node, where);
      return true;
    case 'heading':
      if (where === null) return false; // the sections' reader
      refuse(s, node, where);
      return true;
    case 'leafDirective': {
      if (node.name === 'table') {
        flow.caption = node;
        return true;
      }
      if (where !== null) {
        report(s.ctx, 'misplaced-directive', `\`::${shorten(node.name, 12)}\` cannot appear inside ${where}`, openingPlace(s.ctx, node));
        return true;
      }
      return false;
    }
    case 'html':
    case 'definition':
    case 'yaml':
      return true; // html and definitions are reported by safety.ts; the front matter by frontmatter.ts
    case 'containerDirective':
      if (where !== null) {
        report(s.ctx, 'misplaced-directive', `\`:::${shorten(node.name, 12)}\` cannot appear inside ${where}`, openingPlace(s.ctx, node));
        return true;
      }
      return false;
    case 'code':
    case 'thematicBreak':
      refuse(s, node, where ?? 'the body');
      return true;
    default:
      return false;
  }
}

/** Number the footnotes nobody refers to after the referenced ones, and warn about them. */
export function finishFootnotes(s: BodyState): void {
  for (const { identifier, block, place } of s.notes.blocks) {
    let number = s.notes.numbers.get(identifier);
    if (number === undefined) {
      if (FOOTNOTE_LABEL.test(block.label)) report(s.ctx, 'unused-footnote', `Footnote \`[^${shorten(block.label)}]\` is never referred to: add \`[^${shorten(block.label)}]\` where it belongs in the text, or delete it`, place);
      number = s.notes.numbers.size + 1;
      s.notes.numbers.set(identifier, number);
    }
    block.number = number;
  }
}
