/**
 * The PPTX handler table: one handler per IR block type, each in its own
 * file. A block type this backend does not know is drawn as its text, so
 * nothing a template adds is silently dropped.
 */
import type { Inline } from '../../../ir/types.js';
import type { Handlers, Unknown } from '../../state.js';
import { COLOR } from '../constants.js';
import type { Drawn } from '../draw.js';
import { para, runs } from '../inline.js';
import { textBox, typeOf, type PptxState } from '../state.js';
import { callout } from './callout.js';
import { checkItem } from './check-item.js';
import { figure } from './figure.js';
import { footnotes } from './footnotes.js';
import { group } from './group.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { pair } from './pair.js';
import { paragraph } from './paragraph.js';
import { passage } from './passage.js';
import { quote } from './quote.js';
import { slide } from './slide.js';
import { table } from './table.js';
import { title } from './title.js';

export const handlers: Handlers<PptxState, Drawn> = {
  title,
  heading,
  paragraph,
  pair,
  list,
  checkItem,
  // The progress counter is interactive (`media: 'screen'`, left out of a deck); its label alone if a Doc keeps it.
  progress: (b, st) => unknown({ type: 'progress', label: b.label }, st),
  table,
  callout,
  group,
  figure,
  slide,
  passage,
  quote,
  footnotes,
};

/** Every inline run sequence found anywhere in an unknown block, in document order. */
export function inlineTexts(value: unknown, lang: 'zh' | 'en' | undefined = undefined, out: { lang: 'zh' | 'en'; text: Inline }[] = []) {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string')) {
      out.push({ lang: lang ?? 'zh', text: value as Inline });
    } else value.forEach((v) => inlineTexts(v, lang, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== 'cites') inlineTexts(v, k === 'zh' || k === 'en' ? k : lang, out);
  }
  return out;
}

/** Fallback for a block type this backend does not know: its text as plain paragraphs. */
export const unknown: Unknown<PptxState, Drawn> = (b, env) => {
  const t = typeOf(env);
  return textBox(
    inlineTexts(b)
      .map(({ lang, text }) => ({ lang, rs: runs(text, lang, { size: t[lang], color: lang === 'zh' ? COLOR.zh : COLOR.en, small: t.small }, env.links) }))
      .filter(({ rs }) => rs.length > 0)
      .map(({ lang, rs }) => para(rs, t[lang] * t.line[lang])),
    env.width,
  );
};
