/**
 * Helpers shared by the templates: inline builders, the article's metadata
 * lines and the title block. Dates and labels come from the theme
 * (`src/theme/`), which the backends read too. Everything here is pure and
 * deterministic.
 */
import type { Article, Bi } from '../src/model/types.js';
import type { BiInline, DocMeta, Inline, ProductName, TitleBlock } from '../src/ir/types.js';
import { formatDate } from '../src/theme/format.js';
import { LABELS } from '../src/theme/labels.js';

/** Plain text as one inline run. */
export function inline(text: string): Inline {
  return [{ text }];
}

/** A bilingual string as bilingual inline content. */
export function biInline(b: Bi): BiInline {
  return { zh: inline(b.zh), en: inline(b.en) };
}

/** Full-width punctuation for Chinese template strings, written as escapes so no tool folds them to ASCII. */
export const FW = {
  colon: '\uFF1A',
  comma: '\uFF0C',
  open: '\uFF08',
  close: '\uFF09',
  semicolon: '\uFF1B',
  period: '\u3002',
} as const;

/** The licence line of an article, in both languages. */
export function licenceLine(article: Article): Bi {
  return {
    zh: LABELS.licence.zh.replace('{publisher}', article.publisher.zh),
    en: LABELS.licence.en.replace('{publisher}', article.publisher.en),
  };
}

export interface MetaLine {
  label: Bi;
  value: Bi;
  /** Link target of the value (the original's address). */
  href?: string;
}

/** Label/value lines describing the article and its original. */
export function articleMetaLines(article: Article): MetaLine[] {
  const o = article.original;
  const lines: MetaLine[] = [
    { label: LABELS.publisher, value: article.publisher },
    { label: LABELS.date, value: formatDate(article.date) },
    { label: LABELS.author, value: o.author },
    { label: LABELS.outlet, value: { zh: o.outlet, en: o.outlet }, href: o.url },
  ];
  if (o.title) lines.push({ label: LABELS.originalTitle, value: { zh: o.title, en: o.title } });
  if (o.url) lines.push({ label: LABELS.originalUrl, value: { zh: o.url, en: o.url }, href: o.url });
  if (o.date) lines.push({ label: LABELS.originalDate, value: formatDate(o.date) });
  return lines;
}

/** The title block: both titles, the product name, publisher, date, original author and outlet. */
export function titleBlock(article: Article, product: ProductName): TitleBlock {
  const meta = articleMetaLines(article).map((l) => ({
    label: biInline(l.label),
    value: l.href
      ? { zh: [{ text: l.value.zh, href: l.href }], en: [{ text: l.value.en, href: l.href }] }
      : biInline(l.value),
  }));
  return {
    type: 'title',
    id: 'title',
    title: biInline(article.title),
    subtitle: biInline(LABELS[product]),
    meta,
    cites: [],
  };
}

/** Document metadata shared by every product of an article. */
export function docMeta(article: Article, product: ProductName): DocMeta {
  return {
    articleId: article.slug,
    title: biInline(article.title),
    shortTitle: biInline(article.shortTitle),
    author: article.publisher.zh,
    subject: `${LABELS[product].zh} / ${LABELS[product].en}`,
    keywords: article.keywords.flatMap((k) => [k.zh, k.en]),
    date: article.date,
    lang: 'zh-Hans',
  };
}

/** Unique ids in first-seen order. */
export function uniq(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/** Events sorted by ISO date (stable: equal dates keep source order). */
export function byDate<T extends { date: string }>(events: readonly T[]): T[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i)).map((x) => x.e);
}
