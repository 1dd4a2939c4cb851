/**
 * The placeholder texts of the `init` skeleton (`src/build/scaffold.ts`
 * writes them from here), and the check that flags any of them still in a
 * source (`placeholder-text`). A field is flagged when its whole text, with
 * whitespace collapsed and Chinese punctuation made full-width, is one of
 * these; a real article that happens to contain the words is not. The texts
 * are worded so that no real article would use one as a whole field (no
 * bare "第一部分" or "Author").
 */
import type { Root } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import type { Node } from 'unist';
import { attributeSources } from './attributes.js';
import { normalizeZhPunctuation } from '../text/normalize.js';
import { report, span, type Ctx, type Place } from './report.js';
import { plainText, walk } from './tree.js';

/**
 * Where a placeholder holds the skeleton's month (`2025年6月`, from its
 * date): the skeleton's event cites that paragraph, which gives the event's
 * date as the timeline rules ask.
 */
export const MONTH = '{month}';

/** A placeholder with the month of `date` (YYYY-MM-DD) written in. */
export function withMonth(text: string, date: string): string {
  return text.replace(MONTH, `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`);
}

/** Every placeholder of the skeleton, by where it appears. */
export const PLACEHOLDER = {
  title: { zh: '文章的中文标题', en: 'English title of the article' },
  shortTitle: { zh: '文章的短标题', en: 'Short English title' },
  outlet: 'Name of the original outlet',
  author: { zh: '原文作者', en: 'Author of the original' },
  keyword: { zh: '关键词一', en: 'Keyword one' },
  actorA: { id: 'actor-a', zh: '行动方甲', en: 'Actor A' },
  actorB: { id: 'actor-b', zh: '行动方乙', en: 'Actor B' },
  lede: '导语第一段。请用原文的中文译文替换本段。',
  section: { zh: '第一节的标题', en: 'Title of section one' },
  summary: { zh: '本部分的摘要，两到四句。', en: 'A two-to-four sentence summary of this part.' },
  paragraph1: '第一部分的第一段。',
  label: { zh: '段落小标题', en: 'Paragraph label' },
  paragraph2: '第一部分的第二段。',
  subHeading: { zh: '小节的标题', en: 'Title of the sub-section' },
  quote: '被引用的一段原话。',
  ordered: ['编号列表的第一项。', '编号列表的第二项。'],
  bullet: `列表中的一段，提到${MONTH}的一件事。`,
  table: { zh: '表格的标题', en: 'Title of the table' },
  cells: ['第一列', '第二列', '第一行第一格', '第一行第二格'],
  footnoteRef: '带脚注的一段。',
  footnote: '脚注的内容。',
  takeaways: [
    { zh: '第一条要点。', en: 'The first takeaway.' },
    { zh: '第二条要点。', en: 'The second takeaway.' },
    { zh: '第三条要点。', en: 'The third takeaway.' },
  ],
  recommendation: { zh: '一条政策建议。', en: 'A policy recommendation.' },
  term: { term: 'ACRONYM', zh: '术语全称', en: 'Full name of the term', defZh: '一句话解释这个术语。', defEn: 'A one-sentence explanation of the term.' },
  event: { zh: '一个事件。', en: 'An event.' },
  slideTitle: { zh: '文章的中文标题', en: 'English title of the article' },
  slidePartMore: { zh: '第一节（续）', en: 'Section one, continued' },
  point: { zh: '这一页的一个要点。', en: 'One point of this slide.' },
  notes: { zh: '这一页的演讲者备注。', en: 'Speaker notes for this slide.' },
} as const;

/** Placeholders of earlier skeletons that no real article would use as a whole field. */
const LEGACY = ['文章标题', 'Article Title', '短标题', 'Short Title', 'Sub-topic', '这一页的一个要点。'];

/** The comparable form of a text: whitespace collapsed, Chinese punctuation full-width. */
export function comparable(text: string): string {
  return normalizeZhPunctuation(text.replace(/\s+/g, ' ').trim());
}

function collect(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(comparable(value));
  else if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'id') collect(v, out);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ALL: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  collect(PLACEHOLDER, out);
  collect(LEGACY, out);
  // Headline of the skeleton's paragraph with a label, as the model reads it.
  out.add(comparable(`${PLACEHOLDER.label.zh}：${PLACEHOLDER.paragraph2}`));
  return out;
})();

/** The placeholders compared as they are. */
const TEXTS: ReadonlySet<string> = new Set([...ALL].filter((t) => !t.includes(MONTH)));

/** The placeholders that hold a month, with any month written in. */
const WITH_MONTH: readonly RegExp[] = [...ALL]
  .filter((t) => t.includes(MONTH))
  .map((t) => new RegExp(`^${t.split(MONTH).map(escapeRegExp).join('\\d{4}年\\d{1,2}月')}$`, 'u'));

/** True when a text is one of the skeleton's placeholders. */
export function isPlaceholder(text: string): boolean {
  if (text.trim() === '') return false;
  const c = comparable(text);
  return TEXTS.has(c) || WITH_MONTH.some((r) => r.test(c));
}

const warn = (ctx: Ctx, text: string, place: Place | undefined) =>
  report(ctx, 'placeholder-text', `Placeholder text \`${text.length > 30 ? `${text.slice(0, 30)}…` : text}\` from the \`init\` skeleton: replace it with the article's own text`, place);

/** Text of a node without its directives (the `:p{…}` opening, the `:en[…]` of a heading). */
function ownText(node: Node): string {
  let out = '';
  walk(node, (n) => {
    if (n !== node && (n.type === 'textDirective' || n.type === 'leafDirective' || n.type === 'containerDirective')) return false;
    const v = (n as { value?: unknown }).value;
    if ((n.type === 'text' || n.type === 'inlineCode') && typeof v === 'string') out += v;
  });
  return out;
}

/** Warn for each body text, heading, editorial text and text attribute that is still a skeleton placeholder. */
export function checkPlaceholders(ctx: Ctx, tree: Root): void {
  walk(tree, (node) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        // A directive label is read with its directive.
        if ((node as { data?: { directiveLabel?: boolean } }).data?.directiveLabel) return;
        const text = ownText(node);
        if (isPlaceholder(text)) warn(ctx, comparable(text), node.position);
        return;
      }
      case 'textDirective':
      case 'leafDirective':
      case 'containerDirective': {
        const d = node as unknown as Directives;
        if (d.type !== 'containerDirective') {
          const label = plainText(d);
          if (isPlaceholder(label)) warn(ctx, comparable(label), d.position);
        }
        const attrs = d.attributes ?? {};
        for (const key of ['term', 'label-en', 'en']) {
          const value = attrs[key];
          if (typeof value !== 'string' || !isPlaceholder(value)) continue;
          const src = attributeSources(ctx.text, d).get(key);
          warn(ctx, comparable(value), src ? span(ctx, src.valueStart, src.valueEnd) : d.position);
        }
        return;
      }
    }
  });
}
