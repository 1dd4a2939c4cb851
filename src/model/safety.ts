/**
 * What a source pasted from a web page or a word processor may carry besides
 * text: raw HTML, images and links. Every output is safe by construction:
 *
 * - inline raw HTML is dropped (a warning; the text between the tags stays
 *   as text; comments are dropped silently); an HTML block is an error (its
 *   text would be lost), unless it is only comments;
 * - images are refused: the format has none, and no file a source names is
 *   ever read (so `../../etc/passwd` or an http URL can leak nothing);
 * - a link keeps its target only when it is http(s), mailto or an in-page
 *   `#anchor`; any other (javascript:, data:, vbscript:, file:…) is dropped
 *   with a warning and its text kept.
 *
 * It also reports the Markdown constructs that are parsed but not part of
 * the format wherever they appear: strikethrough and reference-style links
 * (`[text][label]`, `[1]` with a `[1]: …` definition, the definitions).
 *
 * The readers of the body and the editorial layer skip these nodes; this
 * module is the one place that reports them.
 */
import type { Node, Parent } from 'unist';
import type { Root } from 'mdast';
import { safeHref } from './inline.js';
import { report, span, type Ctx } from './report.js';
import { walk } from './tree.js';

const shorten = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Parents whose children are blocks: HTML there is an HTML block. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

/** `<script>` for `<script src=…>`, `</p>` for a closing tag, or the start of the HTML. */
export function htmlTag(value: string): string {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(value.trimStart());
  return m ? `<${m[1]}${m[2].toLowerCase()}>` : shorten(value.trim(), 12);
}

/** True for HTML that is only comments (an editor's note): dropped without a word. */
export function isComment(value: string): boolean {
  return /^(?:\s*<!--[\s\S]*?-->)+\s*$/.test(value);
}

/** The scheme of a link target (`javascript:`), or its start when it has none. */
export function linkScheme(url: string): string {
  const m = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return m ? `${m[1].toLowerCase()}:` : shorten(url.trim(), 20);
}

type Check = (ctx: Ctx, node: Node, parent: Parent | undefined) => void;

/** A reference label that is a number: the editor meant a footnote. */
const numeric = (label: string) => /^\d{1,4}$/.test(label.trim());

const checks: Record<string, Check> = {
  html(ctx, node, parent) {
    const value = (node as unknown as { value: string }).value;
    if (isComment(value)) return;
    if (parent && BLOCK_PARENTS.has(parent.type)) {
      const start = node.position?.start.offset ?? 0;
      const nl = ctx.text.indexOf('\n', start);
      const end = nl < 0 || nl > (node.position?.end.offset ?? start) ? (node.position?.end.offset ?? start) : nl;
      report(ctx, 'html-block', `HTML block \`${htmlTag(value)}\`: sources hold no HTML blocks; write its text as paragraphs, lists or a table`, span(ctx, start, end));
      return;
    }
    report(ctx, 'raw-html', `Raw HTML \`${htmlTag(value)}\` is dropped: write plain text (a literal \`<\` is written \`\\<\`)`, node.position);
  },
  delete(ctx, node) {
    report(ctx, 'unsupported-markup', 'Strikethrough `~~…~~` is not part of the format: delete the struck words, or write the tildes as `\\~\\~`', node.position);
  },
  linkReference(ctx, node) {
    const label = (node as unknown as { label?: string; identifier: string }).label ?? '';
    const reason = numeric(label)
      ? `\`[${shorten(label)}]\` looks like a footnote reference: write \`[^${shorten(label)}]\` (and the note as \`[^${shorten(label)}]: …\`)`
      : `Reference link \`[…][${shorten(label)}]\`: write the link inline, \`[text](https://…)\``;
    report(ctx, 'reference-link', reason, node.position);
  },
  definition(ctx, node) {
    const { label = '', url } = node as unknown as { label?: string; url: string };
    const reason = numeric(label)
      ? `\`[${shorten(label)}]: …\` looks like a footnote: write it as \`[^${shorten(label)}]: …\` and refer to it with \`[^${shorten(label)}]\``
      : `Link reference definition \`[${shorten(label)}]: ${shorten(url, 30)}\`: write the link inline where it is used, \`[text](${shorten(url, 30)})\``;
    report(ctx, 'reference-link', reason, node.position);
  },
  image(ctx, node) {
    const url = (node as unknown as { url: string }).url;
    report(ctx, 'image-not-supported', `Images are not supported and their files are never read: remove \`![…](${shorten(url)})\``, node.position);
  },
  imageReference(ctx, node) {
    report(ctx, 'image-not-supported', 'Images are not supported and their files are never read: remove `![…][…]`', node.position);
  },
  link(ctx, node) {
    const url = (node as unknown as { url: string }).url;
    if (safeHref(url) !== undefined) return;
    report(ctx, 'unsafe-link', `Link target \`${linkScheme(url)}\` is not http(s), mailto or #anchor: the link is dropped, its text kept`, node.position);
  },
};

/** Report every raw HTML node, image, unsafe link target, strikethrough and reference link of the tree. */
export function checkRawContent(ctx: Ctx, tree: Root): void {
  walk(tree, (node, parent) => {
    if (Object.hasOwn(checks, node.type)) checks[node.type](ctx, node, parent);
  });
}
