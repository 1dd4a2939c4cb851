/**
 * What a reader should find on each slide, taken from the Doc's slide blocks
 * (not from the backend): every bilingual text a block carries.
 */
import type { BiInline, Block, Inline, SlideBlock } from '../../../src/ir/types.js';

export interface Expected {
  zh: string[];
  en: string[];
  /** Strings equal in both languages (e.g. `CSIS`): either language may show them. */
  either: string[];
}

const plain = (i: Inline | undefined) => (i ?? []).map((s) => s.text).join('').trim();

function addBi(out: Expected, b: BiInline | undefined): void {
  if (!b) return;
  const zh = plain(b.zh);
  const en = plain(b.en);
  if (zh && en && zh === en) out.either.push(zh);
  else {
    if (zh) out.zh.push(zh);
    if (en) out.en.push(en);
  }
}

function walk(block: Block, out: Expected, opts: { captions: boolean }): void {
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
      addBi(out, { [block.lang]: block.text });
      break;
    case 'pair':
      addBi(out, { zh: block.zh, en: block.en });
      break;
    case 'list':
      block.items.forEach((i) => addBi(out, i.text));
      break;
    case 'checkItem':
      addBi(out, { zh: block.zh, en: block.en });
      break;
    case 'progress':
      addBi(out, block.label);
      break;
    case 'table':
      block.columns.forEach((c) => addBi(out, c.text));
      block.rows.flat().forEach((c) => addBi(out, c.text));
      break;
    case 'callout':
      addBi(out, block.title);
      block.children.forEach((c) => walk(c, out, opts));
      break;
    case 'group':
    case 'slide':
      block.children.forEach((c) => walk(c, out, opts));
      break;
    case 'figure':
      if (opts.captions) addBi(out, block.caption);
      for (const e of block.events) {
        addBi(out, e.dateLabel);
        addBi(out, e.text);
      }
      break;
  }
}

/** Texts of a slide: its headline and every text of its blocks. */
export function expectedTexts(slide: SlideBlock): Expected {
  const out: Expected = { zh: [], en: [], either: [] };
  // A title slide shows its title block instead of the navigation title.
  if (slide.layout !== 'title' || !slide.children.some((c) => c.type === 'title')) addBi(out, slide.title);
  slide.children.forEach((c) => walk(c, out, { captions: false }));
  return out;
}
