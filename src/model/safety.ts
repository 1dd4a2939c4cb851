/**
 * What a source pasted from a web page or a word processor may carry besides
 * text: raw HTML, images and links. Every output is safe by construction:
 *
 * - raw HTML is dropped (a warning; the text between inline tags stays as
 *   text, an HTML block goes as a whole; comments are dropped silently);
 * - images are refused: the format has none, and no file a source names is
 *   ever read (so `../../etc/passwd` or an http URL can leak nothing);
 * - a link keeps its target only when it is http(s), mailto or an in-page
 *   `#anchor`; any other (javascript:, data:, vbscript:, file:…) is dropped
 *   with a warning and its text kept.
 *
 * The readers of the body and the editorial layer skip these nodes; this
 * module is the one place that reports them.
 */
import type { Node } from 'unist';
import type { Root } from 'mdast';
import { safeHref } from './inline.js';
import { report, type Ctx } from './report.js';
import { walk } from './tree.js';

const shorten = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

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

type Check = (ctx: Ctx, node: Node) => void;

const checks: Record<string, Check> = {
  html(ctx, node) {
    const value = (node as unknown as { value: string }).value;
    if (isComment(value)) return;
    report(ctx, 'raw-html', `Raw HTML \`${htmlTag(value)}\` is dropped: write plain text (a literal \`<\` is written \`\\<\`)`, node.position);
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

/** Report every raw HTML node, image and unsafe link target of the tree. */
export function checkRawContent(ctx: Ctx, tree: Root): void {
  walk(tree, (node) => {
    checks[node.type]?.(ctx, node);
  });
}
