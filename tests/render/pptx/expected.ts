/**
 * What a reader should find on each slide, taken from the Doc's slide blocks
 * (not from the backend): every text a block carries, which of them are body
 * text (set at body size or larger), and every word the Doc holds.
 */
import type { BiInline, Block, Doc, Inline, SlideBlock } from '../../../src/ir/types.js';

export interface Expected {
  zh: string[];
  en: string[];
  /** Strings equal in both languages (e.g. `CSIS`): either language may show them. */
  either: string[];
  /** Body texts (items, points, events, recommendations, body paragraphs): each shown at body size. */
  body: string[];
}

const plain = (i: Inline | undefined) => (i ?? []).map((s) => s.text).join('').replace(/\s*[\r\n]+\s*/g, ' ').trim();

function addBi(out: Expected, b: BiInline | undefined, body = false): void {
  if (!b) return;
  const zh = plain(b.zh);
  const en = plain(b.en);
  if (zh && en && zh === en) out.either.push(zh);
  else {
    if (zh) out.zh.push(zh);
    if (en) out.en.push(en);
  }
  if (body) out.body.push(...[zh, en].filter((s) => s !== ''));
}

function addLine(out: Expected, i: Inline | undefined): void {
  const s = plain(i);
  if (s) out.either.push(s);
}

function walk(block: Block, out: Expected): void {
  if (block.media !== undefined) return;
  switch (block.type) {
    case 'title':
      addBi(out, block.title);
      addBi(out, block.subtitle);
      for (const m of block.meta) {
        addBi(out, m.label);
        addBi(out, m.value);
      }
      break;
    case 'heading':
      addBi(out, block.text);
      break;
    case 'paragraph':
      addBi(out, { [block.lang]: block.text }, block.role === undefined || block.role === 'body' || block.role === 'lead');
      break;
    case 'pair':
      addBi(out, { zh: block.zh, en: block.en }, true);
      addBi(out, block.tags);
      addLine(out, block.source);
      break;
    case 'list':
      for (const it of block.items) {
        addBi(out, it.text, true);
        addLine(out, it.source);
        for (const c of it.children ?? []) walk(c, out);
      }
      break;
    case 'checkItem':
      addBi(out, { zh: block.zh, en: block.en }, true);
      for (const t of block.tags ?? []) addBi(out, t);
      addBi(out, block.actor);
      addBi(out, block.horizon);
      addLine(out, block.source);
      break;
    case 'progress':
      addBi(out, block.label);
      break;
    case 'table':
      block.columns.forEach((c) => addBi(out, c.text));
      for (const cell of block.rows.flat()) {
        addBi(out, cell.text, true);
        addLine(out, cell.source);
      }
      break;
    case 'callout':
      addBi(out, block.title);
      block.children.forEach((c) => walk(c, out));
      break;
    case 'group':
    case 'slide':
    case 'quote':
      block.children.forEach((c) => walk(c, out));
      break;
    case 'figure':
      for (const e of block.events) {
        addBi(out, e.dateLabel);
        addBi(out, e.text, true);
        addBi(out, e.note);
        addLine(out, e.source);
      }
      break;
    case 'passage':
      addBi(out, { zh: block.text }, true);
      break;
    case 'footnotes':
      for (const it of block.items) addLine(out, it.text);
      break;
  }
}

/** Texts of a slide: its headline, every text of its blocks and its source line. */
export function expectedTexts(slide: SlideBlock): Expected {
  const out: Expected = { zh: [], en: [], either: [], body: [] };
  // A cover shows its title block instead of the navigation title.
  if (slide.layout !== 'title' || !slide.children.some((c) => c.type === 'title')) addBi(out, slide.title);
  slide.children.forEach((c) => walk(c, out));
  addLine(out, slide.source);
  return out;
}

/** Every run of text anywhere in a value (spans, markers, labels, marks), for "no word that is not in the Doc". */
export function docStrings(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (['text', 'marker', 'mark', 'label'].includes(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(doc.blocks);
  visit(doc.meta.shortTitle);
  visit(doc.meta.title);
  return out;
}

/** Texts set small by their role anywhere in a block: citations, tags, footnote references, a passage's mark. */
export function smallSpanTexts(block: Block): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const s = v as { text?: unknown; role?: unknown; type?: unknown; mark?: unknown };
      if (typeof s.text === 'string' && (s.role === 'cite' || s.role === 'tag' || s.role === 'noteref')) out.add(s.text);
      if (s.type === 'passage' && typeof s.mark === 'string') out.add(s.mark);
      Object.values(v).forEach(visit);
    }
  };
  visit(block);
  return out;
}
