/**
 * Inline content: formatted runs (`Span`) of a paragraph, and the check that
 * every text directive in the file is one the format knows.
 */
import type { PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Node, Parent } from 'unist';
import type { Span } from './types.js';
import { normalizeZhPunctuation } from '../text/normalize.js';
import { isCjk } from '../text/unicode.js';
import { didYouMean, nearest, report, shorten, span, type Ctx, type Place } from './report.js';
import { describe, walk } from './tree.js';

type Marks = Pick<Span, 'strong' | 'em' | 'code' | 'href' | 'footnote'>;

/** Footnote references met while reading the body: each gets its number on first sight. */
export interface FootnoteRefs {
  /** The id and number of the footnote a reference names (`identifier` as in mdast). */
  ref(identifier: string): { id: string; number: number };
}

/** Text directives and where they may appear. */
export const TEXT_DIRECTIVES = ['p', 'en'] as const;

/** Join soft line breaks: nothing between two CJK characters, one space otherwise; a tab reads as a space. */
export function joinLines(value: string): string {
  return value
    .replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, (m, offset: number, all: string) => {
      const before = all[offset - 1];
      const after = all[offset + m.length];
      return isCjk(before) && isCjk(after) ? '' : ' ';
    })
    .replace(/\t/g, ' ');
}

/** Only http(s), mailto and `#anchor` link targets survive into the model. */
export function safeHref(url: string): string | undefined {
  return /^(?:https?:\/\/|mailto:|#)/i.test(url) ? url : undefined;
}

type InlineHandler = (node: Node, marks: Marks, push: (text: string, marks: Marks) => void, ctx: Ctx, notes: FootnoteRefs | undefined) => Marks | null;

/** One handler per inline node type: return the marks for its children, or null to skip them. */
const inlineHandlers: Record<string, InlineHandler> = {
  text: (node, marks, push) => {
    push(joinLines((node as unknown as { value: string }).value), marks);
    return null;
  },
  inlineCode: (node, marks, push) => {
    push((node as unknown as { value: string }).value, { ...marks, code: true });
    return null;
  },
  break: (_node, marks, push) => {
    push('\n', marks);
    return null;
  },
  strong: (_node, marks) => ({ ...marks, strong: true }),
  emphasis: (_node, marks) => ({ ...marks, em: true }),
  // Strikethrough and reference links are reported by `checkRawContent` (safety.ts); their words are kept.
  delete: (_node, marks) => marks,
  linkReference: (_node, marks) => marks,
  footnoteReference: (node, marks, push, _ctx, notes) => {
    if (notes) {
      const { id, number } = notes.ref((node as unknown as { identifier: string }).identifier);
      push(String(number), { ...marks, footnote: id });
    }
    return null;
  },
  link: (node, marks) => {
    const href = safeHref((node as unknown as { url: string }).url);
    return href === undefined ? marks : { ...marks, href };
  },
  // Text directives are reported by `checkTextDirectives`; their text is not body text.
  textDirective: () => null,
  // Raw HTML and images are reported by `checkRawContent` (safety.ts) and dropped.
  html: () => null,
  image: () => null,
  imageReference: () => null,
};

const unknownInline: InlineHandler = (node, _marks, _push, ctx) => {
  const p = node.position;
  report(ctx, 'unexpected-content', `Unexpected ${describe(node)} in body text: write plain text, **bold**, *italic*, \`code\`, [links](https://…) or footnote references [^1]`, p);
  return null;
};

const sameMarks = (a: Marks, b: Marks) => a.strong === b.strong && a.em === b.em && a.code === b.code && a.href === b.href && a.footnote === undefined && b.footnote === undefined;

/**
 * Flatten phrasing content into spans; the joined text is normalised as
 * Chinese (full-width punctuation), which keeps every span's length.
 */
export function toSpans(nodes: PhrasingContent[], ctx: Ctx, notes?: FootnoteRefs): Span[] {
  const raw: { text: string; marks: Marks }[] = [];
  const push = (text: string, marks: Marks) => {
    if (text === '') return;
    const last = raw[raw.length - 1];
    if (last && sameMarks(last.marks, marks)) last.text += text;
    else raw.push({ text, marks });
  };
  const stack: [Node, Marks][] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push([nodes[i], {}]);
  while (stack.length > 0) {
    const [node, marks] = stack.pop()!;
    const handler = inlineHandlers[node.type] ?? unknownInline;
    const childMarks = handler(node, marks, push, ctx, notes);
    if (childMarks === null) continue;
    const children = (node as Parent).children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], childMarks]);
  }
  // Trim the paragraph's outer whitespace.
  if (raw.length > 0) {
    raw[0].text = raw[0].text.replace(/^\s+/, '');
    raw[raw.length - 1].text = raw[raw.length - 1].text.replace(/\s+$/, '');
  }
  const kept = raw.filter((r) => r.text !== '');
  const normalised = normalizeZhPunctuation(kept.map((r) => r.text).join(''));
  let offset = 0;
  return kept.map((r) => {
    const text = normalised.slice(offset, offset + r.text.length);
    offset += r.text.length;
    return {
      text,
      ...(r.marks.strong ? { strong: true } : {}),
      ...(r.marks.em ? { em: true } : {}),
      ...(r.marks.code ? { code: true } : {}),
      ...(r.marks.href ? { href: r.marks.href } : {}),
      ...(r.marks.footnote ? { footnote: r.marks.footnote } : {}),
    };
  });
}

/** True for a directive name that is really Chinese (or other non-Latin) text after a half-width colon. */
export function looksLikeText(name: string): boolean {
  return /^[^\x00-\x7f]/.test(name);
}

/** Where the text directive starts and where its name ends (the part to underline). */
function namePlace(ctx: Ctx, node: TextDirective) {
  const start = node.position?.start.offset ?? 0;
  return span(ctx, start, start + 1 + Math.min(node.name.length, 40));
}

/** Report a directive name the format does not know, with the right advice. */
export function reportUnknownDirective(ctx: Ctx, node: { name: string; position?: Node['position'] }, colons: string, candidates: readonly string[], place: Place | undefined = node.position) {
  const shown = node.name.length > 12 ? `${node.name.slice(0, 12)}…` : node.name;
  if (looksLikeText(node.name)) {
    report(ctx, 'half-width-colon', `Half-width colon before \`${shown}\` starts a directive: use the full-width colon '：' or escape it as '\\:'`, place);
  } else {
    const hint = didYouMean(node.name, candidates);
    let other = '';
    if (hint === '') {
      if (colons !== ':' && /^(?:quote|blockquote|cite|citation)$/i.test(node.name)) other = '; for a block quote, start each line with `> `';
      else if (colons !== ':') other = ` (the format's directives here: ${candidates.join(', ')})`;
      else other = "; if this is a literal colon, escape it as '\\:'";
    }
    report(ctx, 'unknown-directive', `Unknown directive \`${colons}${shorten(node.name, 24)}\`${hint}${other}`, place);
  }
}

/**
 * Every text directive must be `:p` opening a body paragraph or `:en` in a
 * section heading; anything else is reported (most often a half-width colon
 * in Chinese text).
 */
export function checkTextDirectives(ctx: Ctx, tree: Root): void {
  walk(tree, (node, parent, index) => {
    if (node.type !== 'textDirective') return;
    const d = node as TextDirective;
    if (d.name === 'p' && parent?.type === 'paragraph' && index === 0) return;
    if (d.name === 'en' && parent?.type === 'heading') return;
    if (d.name === 'p' || d.name === 'en') {
      const where = d.name === 'p' ? 'at the very start of a body paragraph' : 'in a section heading (`## 标题 :en[Title]{#id}`)';
      report(ctx, 'misplaced-directive', `\`:${d.name}\` is only allowed ${where}`, namePlace(ctx, d));
      return;
    }
    reportUnknownDirective(ctx, d, ':', TEXT_DIRECTIVES, namePlace(ctx, d));
  });
}

/**
 * `[^label]` with no `[^label]: …` anywhere stays text for the parser: report
 * it, with the nearest defined label. An escaped `\[^x]` is text by choice.
 */
export function checkFootnoteText(ctx: Ctx, tree: Root, labels: readonly string[]): void {
  walk(tree, (node) => {
    if (node.type !== 'text') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const slice = ctx.text.slice(start, end);
    const re = /\[\^([^\]\s]{1,64})\]/g;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      let backslashes = 0;
      while (m.index - 1 - backslashes >= 0 && slice[m.index - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 1) continue;
      const at = start + m.index;
      // Another number is not a typo of a number.
      const near = /^\d+$/.test(m[1]) ? undefined : nearest(m[1], labels);
      const hint = near === undefined ? '' : ` (or correct the label: did you mean \`[^${near}]\`?)`;
      report(ctx, 'unknown-footnote', `Footnote \`[^${shorten(m[1])}]\` has no note: add \`[^${shorten(m[1])}]: …\` on a line of its own${hint}`, span(ctx, at, at + m[0].length));
    }
  });
}
