/**
 * The reading edition (A4): the article's full Chinese text, which every
 * citation of the other products links to. Title block (both titles, the
 * edition, the original), a contents list, the lede, then every section in
 * order: its numbered bilingual heading, the editors' summary (a labelled
 * callout), and every body block as written (see templates/body.ts).
 *
 * Beside each passage, margin notes: the takeaways, recommendations and
 * timeline events that cite it (each linking back to where it stands), and
 * the definition of each glossary term first used in it; on paper, a note's
 * text in Chinese only (`MarginNote.screenOnly`).
 */
import type { Article, Section, Term } from '../src/model/types.js';
import type { Block, Doc, MarginNote } from '../src/ir/types.js';
import { LABELS } from '../src/theme/labels.js';
import { FW, biInline, docMeta, fixedId, titleBlock } from './format.js';
import { bodyBlocks, firstUses, type BodyContext, type TermUses } from './body.js';
import { eventDateLabel, eventText } from './certainty.js';
import { kindLabel, numberedRecommendations } from './recommendations.js';

const numbered = (label: { zh: string; en: string }, n: string) => ({ zh: `${label.zh} ${n}`, en: `${label.en} ${n}` });

/** The note of a glossary term at its first use: "DICAS · 国防工业合作…" and the definition. */
function termNote(article: Article, t: Term): MarginNote {
  const name = (lang: 'zh' | 'en') => (t.name[lang] === t.term ? t.term : `${t.term} \u00B7 ${t.name[lang]}`);
  return {
    label: { zh: [{ text: `${LABELS.termNote.zh}${FW.colon}${name('zh')}` }], en: [{ text: `${LABELS.termNote.en}: ${name('en')}` }] },
    text: biInline(t.definition),
    ref: { product: 'summary', anchor: t.id },
  };
}

/** Margin notes by citable id: every takeaway, recommendation and event that cites it, then the terms first used in it. */
export function marginNotes(article: Article, terms: TermUses): Map<string, MarginNote[]> {
  const notes = new Map<string, MarginNote[]>();
  // On paper a note is its label and its Chinese text: the notes of a paragraph run about three times as long as
  // its text in both languages, twice with Chinese alone (US–Japan, A4); the English is in the HTML and in the
  // item the label links to.
  const add = (ids: readonly string[], note: MarginNote) => {
    for (const id of new Set(ids)) notes.set(id, [...(notes.get(id) ?? []), { ...note, screenOnly: ['en'] }]);
  };
  article.takeaways.forEach((t, i) =>
    add(t.cites, { label: biInline(numbered(LABELS.takeawayNote, String(i + 1))), text: biInline(t.text), ref: { product: 'summary', anchor: t.id } }),
  );
  for (const { rec, number } of [...numberedRecommendations(article)].sort((a, b) => a.number - b.number)) {
    const kind = kindLabel(rec);
    add(rec.cites, {
      label: { zh: [{ text: `${LABELS.recommendationNote.zh} ${number} \u00B7 ${kind.zh}` }], en: [{ text: `${LABELS.recommendationNote.en} ${number} \u00B7 ${kind.en}` }] },
      text: biInline(rec.text),
      ref: { product: 'checklist', anchor: rec.id },
    });
  }
  for (const e of article.timeline) {
    const date = eventDateLabel(e);
    add(e.cites, {
      label: { zh: [{ text: `${LABELS.eventNote.zh} \u00B7 ${date.zh}` }], en: [{ text: `${LABELS.eventNote.en} \u00B7 ${date.en}` }] },
      text: eventText(e),
      ref: { product: 'summary', anchor: e.id },
    });
  }
  for (const [id, uses] of terms) for (const u of uses) add([id], termNote(article, u.term));
  return notes;
}

/** "3 挑战" / "3 Challenges". */
export function sectionTitle(s: Pick<Section, 'number' | 'title'>): { zh: string; en: string } {
  return { zh: `${s.number} ${s.title.zh}`, en: `${s.number} ${s.title.en}` };
}

function contents(article: Article): Block[] {
  if (article.sections.length === 0) return [];
  return [
    {
      type: 'group',
      id: fixedId(article, 'contents'),
      contents: true,
      cites: [],
      children: [
        { type: 'heading', level: 1, outline: false, text: biInline(LABELS.contents), cites: [] },
        {
          type: 'list',
          ordered: false,
          items: article.sections.map((s) => {
            const t = sectionTitle(s);
            const ref = { product: 'reading' as const, anchor: s.id };
            return { text: { zh: [{ text: t.zh, ref }], en: [{ text: t.en, ref: { ...ref } }] }, cites: [] };
          }),
          cites: [],
        },
      ],
    },
  ];
}

function section(s: Section, ctx: BodyContext): Block[] {
  ctx.previous = undefined;
  return [
    { type: 'heading', level: 1, id: s.id, text: biInline(sectionTitle(s)), cites: [] },
    {
      type: 'callout',
      tone: 'info',
      title: biInline(LABELS.sectionSummary),
      children: [{ type: 'pair', zh: [{ text: s.summary.zh }], en: [{ text: s.summary.en }], cites: s.paragraphs.map((p) => p.id) }],
      cites: s.paragraphs.map((p) => p.id),
    },
    ...bodyBlocks(s.blocks, ctx),
  ];
}

export function reading(article: Article): Doc {
  const terms = firstUses(article);
  const ctx: BodyContext = { notes: marginNotes(article, terms), terms };
  const blocks: Block[] = [titleBlock(article, 'reading'), ...contents(article), ...bodyBlocks(article.lede.blocks, ctx), ...article.sections.flatMap((s) => section(s, ctx))];
  return { product: 'reading', page: 'a4', meta: docMeta(article, 'reading'), blocks };
}
