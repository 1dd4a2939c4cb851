/**
 * Helpers shared by the templates: inline builders, the article's metadata
 * lines and the title block. Dates and labels come from the theme
 * (`src/theme/`), which the backends read too. Everything here is pure and
 * deterministic.
 */
import { allParagraphs, type Article, type Bi, type BodyBlock } from '../src/model/types.js';
import type { BiInline, DocMeta, Inline, ProductName, Span, TitleBlock } from '../src/ir/types.js';
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
  /** The value is the title of a work (the original's title: HTML `<cite>`). */
  work?: boolean;
  /** The line describes the original (author, outlet, title, address, date), not this edition. */
  original?: boolean;
  /** The value is a person's name (see `personName`). */
  person?: boolean;
}

/** Label/value lines describing the article and its original. */
export function articleMetaLines(article: Article): MetaLine[] {
  const o = article.original;
  const lines: MetaLine[] = [
    { label: LABELS.publisher, value: article.publisher },
    { label: LABELS.date, value: formatDate(article.date) },
    { label: LABELS.author, value: o.author, original: true, person: true },
    { label: LABELS.outlet, value: { zh: o.outlet, en: o.outlet }, href: o.url, original: true },
  ];
  if (o.title) lines.push({ label: LABELS.originalTitle, value: { zh: o.title, en: o.title }, href: o.url, work: true, original: true });
  if (o.url) lines.push({ label: LABELS.originalUrl, value: { zh: o.url, en: o.url }, href: o.url, original: true });
  if (o.date) lines.push({ label: LABELS.originalDate, value: formatDate(o.date), original: true });
  return lines;
}

/** A meta line's value as runs of one language (linked, and marked as a work's title, where it is one). */
export function metaValue(l: MetaLine, lang: 'zh' | 'en'): Inline {
  if (l.person) return [personName(l.value[lang], lang)];
  return [{ text: l.value[lang], ...(l.href ? { href: l.href } : {}), ...(l.work ? { role: 'title' as const } : {}) }];
}

/** Longest name kept on one line, in characters: a person's name, not a list of them (the columns leave it room). */
const NAME_ON_ONE_LINE = { zh: 10, en: 24 } as const;

/**
 * A person's name as one run, kept on one line when it is short: a transliterated name breaks at its middle dot
 * otherwise ("格雷格 / ·鲁宾斯坦"), which a browser allows before "·".
 */
export function personName(text: string, lang: 'zh' | 'en'): Span {
  return [...text].length <= NAME_ON_ONE_LINE[lang] ? { text, nowrap: true } : { text };
}

/** Meta lines as the title block's label/value rows. */
export function metaRows(lines: readonly MetaLine[]): TitleBlock['meta'] {
  return lines.map((l) => ({ label: biInline(l.label), value: { zh: metaValue(l, 'zh'), en: metaValue(l, 'en') } }));
}

/** The original the article translates, as one line: "原文：作者，刊物，标题，日期" (the title a linked work). */
export function originalLine(o: { outlet: string; author: Bi; title?: string; url?: string; date?: string }, lang: 'zh' | 'en'): Inline {
  const sep = lang === 'zh' ? FW.comma : ', ';
  const out: Inline = [{ text: lang === 'zh' ? `${LABELS.original.zh}${FW.colon}` : `${LABELS.original.en}: `, strong: true }, personName(o.author[lang], lang), { text: sep }];
  out.push({ text: o.outlet, ...(o.url && !o.title ? { href: o.url } : {}) });
  if (o.title) out.push({ text: sep }, { text: o.title, role: 'title', ...(o.url ? { href: o.url } : {}) });
  if (o.date) out.push({ text: sep }, { text: formatDate(o.date)[lang] });
  return out;
}

/** The title block: both titles, the product name, publisher, date, original author and outlet. */
export function titleBlock(article: Article, product: ProductName, lines: readonly MetaLine[] = articleMetaLines(article)): TitleBlock {
  return {
    type: 'title',
    id: fixedId(article, 'title'),
    title: biInline(article.title),
    subtitle: biInline(LABELS[product]),
    meta: metaRows(lines),
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
    source: docSource(article),
  };
}

/** The original the article translates, for each format's metadata. */
export function docSource(article: Article): NonNullable<DocMeta['source']> {
  const o = article.original;
  return {
    outlet: o.outlet,
    author: o.author.en,
    ...(o.title ? { title: o.title } : {}),
    ...(o.url ? { url: o.url } : {}),
    ...(o.date ? { date: o.date } : {}),
  };
}

/** Every id the article itself uses (sections, sub-headings, citable blocks, editorial items). */
export function articleIds(article: Article): Set<string> {
  const ids = new Set<string>();
  const body = (blocks: readonly BodyBlock[]): void => {
    for (const b of blocks) {
      if (b.kind === 'heading' && b.id) ids.add(b.id);
      if (b.kind === 'quote') body(b.blocks);
    }
  };
  for (const s of article.sections) ids.add(s.id);
  for (const part of [article.lede, ...article.sections]) body(part.blocks);
  for (const p of allParagraphs(article)) ids.add(p.id);
  for (const x of [...article.takeaways, ...article.recommendations, ...article.glossary, ...article.timeline, ...article.slides]) ids.add(x.id);
  return ids;
}

const idCache = new WeakMap<Article, Set<string>>();

/**
 * A fixed anchor of a template (`title`, `takeaways`, `sources-cited`), or,
 * when the article uses that id itself, the same with `_doc` (an underscore no
 * source id can hold), so anchors stay unique in every Doc.
 */
export function fixedId(article: Article, name: string): string {
  let ids = idCache.get(article);
  if (!ids) idCache.set(article, (ids = articleIds(article)));
  return ids.has(name) ? `${name}_doc` : name;
}

/** Unique ids in first-seen order. */
export function uniq(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/** Events sorted by ISO date (stable: equal dates keep source order). */
export function byDate<T extends { date: string }>(events: readonly T[]): T[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i)).map((x) => x.e);
}
