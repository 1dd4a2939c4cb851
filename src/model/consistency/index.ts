/**
 * The zh/en consistency step of the model: every bilingual text of the
 * article compared with itself (dates, numbers, acronyms, glossary
 * abbreviations) and every timeline date against the paragraphs it cites.
 * Findings are warnings at the offending words; `check --strict` makes them
 * errors. The comparisons are plain functions over strings and the Article
 * (compare.ts, events.ts); this file only finds the words in the source.
 */
import type { Root } from 'mdast';
import { allParagraphs, type Article } from '../types.js';
import { report, span, type Ctx, type Place } from '../report.js';
import { comparePair } from './compare.js';
import { eventFindings, orderFindings } from './events.js';
import { articlePairs } from './pairs.js';
import { frontMatterPairs, textSlots, type Slot } from './places.js';
import { abbreviations } from './terms.js';

/** Number of times `word` occurs in `text` before `index`. */
function occurrence(text: string, word: string, index: number): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0 && i < index; i = text.indexOf(word, i + 1)) n++;
  return n;
}

/** The place of the `n`-th `word` inside a slot of the source (the whole slot when not found there). */
export function locate(ctx: Ctx, slot: Slot | undefined, word: string, n: number): Place | undefined {
  if (!slot) return undefined;
  const raw = ctx.text.slice(slot.start, slot.end);
  let i = raw.indexOf(word);
  for (let k = 0; k < n && i >= 0; k++) i = raw.indexOf(word, i + 1);
  return i >= 0 ? span(ctx, slot.start + i, slot.start + i + word.length) : span(ctx, slot.start, slot.end);
}

export function checkConsistency(ctx: Ctx, tree: Root, article: Article): void {
  const slots = textSlots(ctx.text, tree);
  const context = { date: article.date, glossary: article.glossary, abbreviations: abbreviations(article.glossary) };
  const texts = [
    ...frontMatterPairs(ctx, tree),
    ...articlePairs(article).map((p) => ({ what: p.what, zh: p.zh, en: p.en, zhSlot: slots.get(p.zhKey), enSlot: slots.get(p.enKey) })),
  ];
  for (const t of texts) {
    for (const f of comparePair(t.zh, t.en, context)) {
      const own = f.lang === 'zh' ? t.zh : t.en;
      const place = locate(ctx, f.lang === 'zh' ? t.zhSlot : t.enSlot, f.text, occurrence(own, f.text, f.index));
      report(ctx, f.rule, `In ${t.what}, ${f.reason}`, place);
    }
  }
  const paragraphs = new Map(allParagraphs(article).map((p) => [p.id, p]));
  for (const f of [...eventFindings(article, paragraphs), ...orderFindings(article.timeline)]) {
    const slot = slots.get(`attr:${f.event.id}:${f.attribute}`);
    report(ctx, f.rule, f.reason, slot ? span(ctx, slot.start, slot.end) : undefined);
  }
}
