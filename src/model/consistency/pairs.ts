/**
 * Every bilingual text of the article's body and editorial layer, with the
 * keys of its slots in `places.ts`: section titles and summaries, sub-headings
 * with an `:en[…]`, paragraph and list-item labels, table captions,
 * takeaways, recommendations, glossary names and definitions, timeline events
 * and their notes, slide titles, points and notes. (The front matter's pairs,
 * declared actors included, are read from the YAML by `frontMatterPairs`.)
 */
import { shorten } from '../report.js';
import { allParagraphs, type Article, type Bi, type BodyBlock, type SubHeading } from '../types.js';

export interface Pair {
  /** What the text is, for messages: "takeaway `tk-1`". */
  what: string;
  zh: string;
  en: string;
  /** Slot keys of the Chinese and the English text. */
  zhKey: string;
  enKey: string;
}

const pair = (what: string, text: Bi, key: string, zh = 'zh', en = 'en'): Pair => ({ what, zh: text.zh, en: text.en, zhKey: `${key}:${zh}`, enKey: `${key}:${en}` });

/** Sub-headings of a part's blocks, those inside quotes included, in document order. */
function subHeadings(blocks: readonly BodyBlock[]): SubHeading[] {
  return blocks.flatMap((b) => (b.kind === 'heading' ? [b] : b.kind === 'quote' ? subHeadings(b.blocks) : []));
}

export function articlePairs(article: Article): Pair[] {
  const out: Pair[] = [];
  for (const s of article.sections) {
    out.push(pair(`section \`${s.id}\` title`, s.title, `heading:${s.id}`));
    out.push(pair(`section \`${s.id}\` summary`, s.summary, `summary:${s.id}`));
  }
  // Blocks are keyed by their first line: a generated id is not in the source, and no two blocks start on one line.
  for (const h of [article.lede, ...article.sections].flatMap((part) => subHeadings(part.blocks))) {
    if (h.en !== undefined) out.push(pair(`sub-heading \`${h.id ?? shorten(h.zh, 30)}\``, { zh: h.zh, en: h.en }, `subheading:${h.line}`));
  }
  for (const p of allParagraphs(article)) {
    if ((p.kind === 'paragraph' || p.kind === 'item') && p.label) out.push(pair(`label of \`${p.id}\``, p.label, `label:${p.line}`));
    if (p.kind === 'table' && p.caption) out.push(pair(`caption of table \`${p.id}\``, p.caption, `caption:${p.line}`));
  }
  for (const t of article.takeaways) out.push(pair(`takeaway \`${t.id}\``, t.text, `item:${t.id}`));
  for (const r of article.recommendations) out.push(pair(`recommendation \`${r.id}\``, r.text, `item:${r.id}`));
  for (const t of article.glossary) {
    out.push(pair(`term \`${t.id}\` name`, t.name, `item:${t.id}`));
    out.push(pair(`term \`${t.id}\` definition`, t.definition, `item:${t.id}`, 'def-zh', 'def-en'));
  }
  for (const e of article.timeline) {
    out.push(pair(`event \`${e.id}\``, e.text, `item:${e.id}`));
    if (e.certainty) out.push(pair(`note of event \`${e.id}\``, e.certainty.note, `item:${e.id}`, 'note-zh', 'note-en'));
  }
  for (const s of article.slides) {
    out.push(pair(`slide \`${s.id}\` title`, s.title, `item:${s.id}`));
    s.points.forEach((p, i) => out.push(pair(`point ${i + 1} of slide \`${s.id}\``, p.text, `item:${s.id}:point:${i}`)));
    out.push(pair(`notes of slide \`${s.id}\``, s.notes, `item:${s.id}:notes`));
  }
  return out;
}
