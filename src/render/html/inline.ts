/**
 * Inline content → hast: formatted runs, bilingual pairs of runs, citations.
 * Text always goes into text nodes (the serialiser escapes it); links keep
 * only http(s), mailto and #fragment targets.
 */
import { h } from '../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { BiInline, Inline, Span } from '../../ir/types.js';
import { SAFE_LINK } from './constants.js';

export function safeHref(href: string | undefined): string | null {
  return href !== undefined && SAFE_LINK.test(href.trim()) ? href.trim() : null;
}

export function span(s: Span): ElementContent {
  let node: ElementContent = { type: 'text', value: s.text };
  if (s.code) node = h('code', [node]);
  if (s.em) node = h('em', [node]);
  if (s.strong) node = h('strong', [node]);
  const href = safeHref(s.href);
  if (href) node = h('a', { href }, [node]);
  return node;
}

export function inline(runs: Inline | undefined): ElementContent[] {
  return (runs ?? []).map(span);
}

export function plainText(runs: Inline | undefined): string {
  return (runs ?? []).map((s) => s.text).join('');
}

/**
 * Both languages of a BiInline as sibling elements: Chinese first, English
 * after it with `lang="en"`. Empty sides are left out.
 */
export function bi(b: BiInline, tag = 'span', className = ''): ElementContent[] {
  const out: ElementContent[] = [];
  const cls = (lang: string) => [className, lang].filter(Boolean).join(' ');
  // A language-neutral string (a name, an acronym) given identically on both sides is shown once.
  if (b.zh?.length && b.en?.length && plainText(b.zh) === plainText(b.en)) return [h(tag, { className: cls('same') }, inline(b.zh))];
  if (b.zh?.length) out.push(h(tag, { className: cls('zh') }, inline(b.zh)));
  if (b.en?.length) {
    // A space between inline siblings keeps "中文 English" apart in text and copy-paste.
    if (out.length && tag === 'span') out.push({ type: 'text', value: ' ' });
    out.push(h(tag, { className: cls('en'), lang: 'en' }, inline(b.en)));
  }
  return out;
}

/** "¶ id" citations of a block; nothing when it cites nothing. */
export function cites(ids: readonly string[] | undefined): ElementContent[] {
  if (!ids || ids.length === 0) return [];
  return [h('span', { className: 'cites' }, ids.map((id) => h('span', { className: 'cite' }, `¶ ${id}`)))];
}
