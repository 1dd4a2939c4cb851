/**
 * Inline content → hast: formatted runs with their roles and links,
 * bilingual pairs of runs. Text always goes into text nodes (the serialiser
 * escapes it); external links keep only http(s), mailto and #fragment
 * targets; a `ref` becomes `#anchor` within the page's own product and
 * `<product>.html#anchor` across products (see `Ref` in src/ir/types.ts).
 */
import { h } from '../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { BiInline, DocProduct, Inline, Ref, Span } from '../../ir/types.js';
import { SAFE_LINK } from './constants.js';

export function safeHref(href: string | undefined): string | null {
  return href !== undefined && SAFE_LINK.test(href.trim()) ? href.trim() : null;
}

/**
 * The href of a Ref seen from a page of product `own`: `#anchor` in the same
 * product, else `<product>.html#anchor`. A range across products says its two
 * ends in the query (`reading.html?range=a,b#a`): the page it opens marks
 * the blocks between them (scripts.ts), and without scripts still goes to `a`.
 */
export function refHref(ref: Ref, own: DocProduct | undefined): string {
  const id = (a: string): string => encodeURIComponent(a).replace(/%2F/gi, '/');
  const anchor = id(ref.anchor);
  if (ref.product === own) return `#${anchor}`;
  const range = ref.last !== undefined && ref.last !== ref.anchor ? `?range=${anchor},${id(ref.last)}` : '';
  return `${ref.product}.html${range}#${anchor}`;
}

/** Text with its hard line breaks (`\n`) as `<br>`. */
function textNodes(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  value.split('\n').forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

/** Class of each span role (the CSS styles them; the words are the Doc's). */
export const ROLE_CLASS: Record<NonNullable<Span['role']>, string> = {
  cite: 'cite',
  noteref: 'noteref',
  term: 'term',
  mark: 'run-mark',
  tag: 'run-tag',
  title: 'work-title',
};

/** One run; `own` is the product of the page it is drawn on (for refs). */
export function span(s: Span, own?: DocProduct): ElementContent {
  let nodes: ElementContent[] = textNodes(s.text);
  if (s.code) nodes = [h('code', nodes)];
  if (s.em) nodes = [h('em', nodes)];
  if (s.strong) nodes = [h('strong', nodes)];
  // The title of a work is a <cite>; a run kept on one line is `nowrap`.
  if (s.role === 'title') nodes = [h('cite', nodes)];
  if (s.nowrap) nodes = [h('span', { className: ['nowrap'] }, nodes)];
  const href = s.ref ? refHref(s.ref, own) : safeHref(s.href);
  const role = s.role ? ROLE_CLASS[s.role] : undefined;
  let node: ElementContent;
  if (href) node = h('a', { href, className: role ? [role] : undefined }, nodes);
  else if (role) node = h('span', { className: [role] }, nodes);
  else node = nodes.length === 1 ? nodes[0] : h('span', nodes);
  // A footnote reference is raised; its link (or text) sits inside the <sup>.
  return s.role === 'noteref' ? h('sup', { className: 'noteref-sup' }, [node]) : node;
}

export function inline(runs: Inline | undefined, own?: DocProduct): ElementContent[] {
  return (runs ?? []).map((s) => span(s, own));
}

export function plainText(runs: Inline | undefined): string {
  return (runs ?? []).map((s) => s.text).join('');
}

/**
 * Both languages of a BiInline as sibling elements: Chinese first, English
 * after it with `lang="en"`. Empty sides are left out.
 */
export function bi(b: BiInline, tag = 'span', className = '', own?: DocProduct): ElementContent[] {
  const out: ElementContent[] = [];
  const cls = (lang: string) => [className, lang].filter(Boolean).join(' ');
  // A language-neutral string (a name, an acronym) given identically on both sides is shown once.
  if (b.zh?.length && b.en?.length && plainText(b.zh) === plainText(b.en)) return [h(tag, { className: cls('same') }, inline(b.zh, own))];
  if (b.zh?.length) out.push(h(tag, { className: cls('zh') }, inline(b.zh, own)));
  if (b.en?.length) {
    // A space between inline siblings keeps "中文 English" apart in text and copy-paste.
    if (out.length && tag === 'span') out.push({ type: 'text', value: ' ' });
    out.push(h(tag, { className: cls('en'), lang: 'en' }, inline(b.en, own)));
  }
  return out;
}

/** True when a BiInline has text on either side. */
export function hasText(b: BiInline | undefined): b is BiInline {
  return !!(b && (b.zh?.length || b.en?.length));
}
