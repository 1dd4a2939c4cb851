/**
 * Display helpers shared by the three templates: date formatting in both
 * languages, inline builders, the fixed bilingual labels and the title block.
 * Everything here is pure and deterministic.
 */
import type { Article, Bi } from '../src/model/types.js';
import type { BiInline, DocMeta, Inline, ProductName, TitleBlock } from '../src/ir/types.js';

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Format an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) for display:
 * `2024年4月10日` / `10 April 2024`, `2024年4月` / `April 2024`, `2024年` / `2024`.
 */
export function formatDate(iso: string): Bi {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${iso}"`);
  const year = Number(m[1]);
  if (m[2] === undefined) return { zh: `${year}年`, en: `${year}` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`month out of range in "${iso}"`);
  if (m[3] === undefined) return { zh: `${year}年${month}月`, en: `${MONTHS_EN[month - 1]} ${year}` };
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw new RangeError(`day out of range in "${iso}"`);
  return { zh: `${year}年${month}月${day}日`, en: `${day} ${MONTHS_EN[month - 1]} ${year}` };
}

/** Plain text as one inline run. */
export function inline(text: string): Inline {
  return [{ text }];
}

/** A bilingual string as bilingual inline content. */
export function biInline(b: Bi): BiInline {
  return { zh: inline(b.zh), en: inline(b.en) };
}

/** Fixed bilingual labels used by the templates. */
export const LABELS = {
  publisher: { zh: '发布机构', en: 'Publisher' },
  date: { zh: '日期', en: 'Date' },
  author: { zh: '原文作者', en: 'Original author' },
  outlet: { zh: '原文出处', en: 'Original outlet' },
  originalTitle: { zh: '原文标题', en: 'Original title' },
  originalUrl: { zh: '原文链接', en: 'Original URL' },
  originalDate: { zh: '原文日期', en: 'Original date' },
  summary: { zh: '双语摘要', en: 'Bilingual summary' },
  checklist: { zh: '建议清单', en: 'Recommendations checklist' },
  slides: { zh: '幻灯片简报', en: 'Slide brief' },
  takeaways: { zh: '核心要点', en: 'Key takeaways' },
  sections: { zh: '各部分摘要', en: 'Section summaries' },
  glossary: { zh: '术语表', en: 'Glossary' },
  timeline: { zh: '时间线', en: 'Timeline' },
  term: { zh: '术语', en: 'Term' },
  name: { zh: '名称', en: 'Name' },
  definition: { zh: '释义', en: 'Definition' },
  progress: { zh: '完成进度', en: 'Progress' },
  actor: { zh: '行为方', en: 'Actor' },
  horizon: { zh: '时间范围', en: 'Horizon' },
  recommendation: { zh: '建议', en: 'Recommendation' },
  licence: {
    // Full-width punctuation from escapes, so no editor or tool can fold it to ASCII.
    // Only what the front matter says (the publisher) and the font's licence, which must ship with the files.
    zh: '中文译文由{publisher}发布\u3002字体\uFF1ANoto Sans SC\uFF0CSIL Open Font License 1.1\u3002',
    en: 'Chinese translation published by {publisher}. Font: Noto Sans SC, SIL Open Font License 1.1.',
  },
} as const satisfies Record<string, Bi>;

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
