/**
 * Editorial texts too long for their slot even when the template splits and
 * shrinks within bounds: what `check` reports as `text-too-long`. Each
 * problem names the item (its id, or `<slide-id>/point-<k>`, or a front-matter
 * key `front:title`) and says how much fits. Measured as the slide template
 * sets the text (templates/slide-fit.ts), so the check and the products agree.
 */
import type { Article, Bi } from '../src/model/types.js';
import type { Block, SlideBlock } from '../src/ir/types.js';
import { slideContent, slideSpec } from '../src/theme/theme.js';
import { LABELS } from '../src/theme/labels.js';
import { articleMetaLines, biInline, byDate } from './format.js';
import { labelledSource } from './cite.js';
import { lineCount, textWidth } from '../src/theme/fit.js';
import { bodyBudget, bodyHeight, fitTitle, fitTitleBlock, timelineDateWidth, timelineHeight } from './slide-fit.js';
import { continuedTitle, glossarySlideTable, recommendationItems, slides } from './slides.js';
import { timelineFigure } from './summary.js';
import { titleBlock } from './format.js';

export interface SlotProblem {
  /** The item: an editorial id, `<slide-id>/point-<k>`, or `front:<key>` for a front-matter field. */
  at: string;
  reason: string;
}

const smallest = <T>(xs: readonly T[]): T => xs[xs.length - 1];

/** Characters of `text` that fit in `lines` lines at `size` (a hint for the message). */
function capacity(text: string, size: number, lang: 'zh' | 'en', lines: number): number {
  let n = 0;
  for (const ch of text) {
    if (lineCount([{ text: text.slice(0, n + ch.length), size, lang, bold: true }], slideContent.width) > lines) break;
    n += ch.length;
  }
  return [...text.slice(0, n)].length;
}

function titleProblem(at: string, title: Bi, what: string): SlotProblem | null {
  const fit = fitTitle(title);
  if (fit.fits) return null;
  const size = smallest(slideSpec.headline.sizes);
  const max = slideSpec.headline.maxLines;
  const over = (['zh', 'en'] as const).filter((l) => fit.lines[l] > max);
  const parts = over.map((l) => {
    const text = title[l];
    return `${l === 'zh' ? 'Chinese' : 'English'} ${fit.lines[l]} lines (about ${capacity(text, size[l], l, max)} of its ${[...text].length} characters fit)`;
  });
  return { at, reason: `${what} does not fit ${max} lines at the smallest headline size (${size.zh}/${size.en} pt): ${parts.join('; ')}` };
}

/** An item alone on a slide of its layout, at the smallest body size, under a continued headline: does it fit? */
function itemProblem(article: Article, at: string, what: string, slideTitle: Bi, layout: Parameters<typeof bodyHeight>[0], blocks: Block[], cites: string[], height?: number): SlotProblem | null {
  const budget = bodyBudget(fitTitle(continuedTitle(slideTitle)), labelledSource(article, cites));
  const h = height ?? bodyHeight(layout, blocks, 'compact');
  if (h <= budget) return null;
  return { at, reason: `${what} is too long for one slide even alone at the smallest body size: about ${Math.ceil(h)} pt tall where ${Math.floor(budget)} pt fit` };
}

/** Every editorial text of the article that cannot fit its slot. */
export function slotProblems(article: Article): SlotProblem[] {
  const out: SlotProblem[] = [];
  const push = (p: SlotProblem | null) => {
    if (p) out.push(p);
  };

  // The title slide: the title and the edition's rows at the smallest title size (the original's rows can move on).
  const lines = articleMetaLines(article);
  if (!fitTitleBlock(titleBlock(article, 'slides', lines.filter((l) => !l.original)))) {
    const s = smallest(slideSpec.title.sizes);
    push({ at: 'front:title', reason: `The title does not fit the title slide even at the smallest title size (${s.zh}/${s.en} pt) with the publisher and date` });
  }
  if (lines.some((l) => l.original) && !fitTitleBlock({ type: 'title', title: biInline(article.shortTitle), subtitle: biInline(LABELS.original), meta: titleBlock(article, 'slides', lines.filter((l) => l.original)).meta, cites: [] })) {
    push({ at: 'front:original', reason: 'The original (author, outlet, title, address, date) does not fit one slide even at the smallest size' });
  }

  // The footer: the short title in both languages and the slide number, on one line.
  const f = slideSpec.footer.size;
  const footer = textWidth(article.shortTitle.zh, f, 'zh') + textWidth(` \u00B7 ${article.shortTitle.en}`, f, 'en') + textWidth('99 / 99', f, 'en') + 24;
  if (footer > slideContent.width) push({ at: 'front:short_title', reason: `The short title does not fit the slide footer on one line at ${f} pt: about ${Math.ceil(footer)} pt where ${slideContent.width} pt fit` });

  // How many slides each outline entry makes (a continued title only matters where a slide continues).
  const deck = slides(article).blocks as SlideBlock[];
  const partCounts: number[] = [];
  for (let pos = 0; pos < deck.length; pos += partCounts[partCounts.length - 1]) partCounts.push(deck[pos].part?.count ?? 1);

  article.slides.forEach((o, i) => {
    const plain = titleProblem(o.id, o.title, `The title of slide \`${o.id}\``);
    push(plain);
    const cont = continuedTitle(o.title);
    if (!plain && (partCounts[i] ?? 1) > 1) push(titleProblem(o.id, cont, `The title of slide \`${o.id}\` as its continuation prints it ("${cont.zh}")`));
    if (o.kind === 'points' || o.kind === 'section') {
      o.points.forEach((p, i) =>
        push(itemProblem(article, `${o.id}/point-${i + 1}`, `Point ${i + 1} of slide \`${o.id}\``, o.title, 'points', [{ type: 'pair', zh: [{ text: p.text.zh }], en: [{ text: p.text.en }], cites: p.cites }], p.cites)),
      );
    }
    if (o.kind === 'takeaways') {
      article.takeaways.forEach((t, i) =>
        push(itemProblem(article, t.id, `Takeaway \`${t.id}\``, o.title, 'points', [{ type: 'pair', marker: String(i + 1), zh: [{ text: t.text.zh }], en: [{ text: t.text.en }], cites: t.cites }], t.cites)),
      );
    }
    if (o.kind === 'recommendations') {
      for (const { number, id, item } of recommendationItems(article)) {
        push(itemProblem(article, id, `Recommendation \`${id}\``, o.title, 'checklist', [{ type: 'list', ordered: true, start: number, items: [item], cites: item.cites }], item.cites));
      }
    }
    if (o.kind === 'timeline') {
      // Every slide's date column is as wide as the timeline's widest date (alignDates): measure each event beside it.
      const widest = timelineDateWidth(timelineFigure(article, byDate(article.timeline)));
      for (const e of article.timeline) {
        const fig = timelineFigure(article, [e]);
        const h = timelineHeight(fig, slideContent.width - widest + timelineDateWidth(fig));
        push(itemProblem(article, e.id, `Event \`${e.id}\``, o.title, 'timeline', [fig], e.cites, h));
      }
    }
    if (o.kind === 'glossary') {
      for (const t of article.glossary) push(itemProblem(article, t.id, `Glossary term \`${t.id}\``, o.title, 'glossary', [glossarySlideTable([t])], t.cites));
    }
  });
  return out;
}
