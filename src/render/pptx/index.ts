/**
 * The PPTX backend (slides only): native, editable PowerPoint text boxes,
 * shapes and tables drawn from the slide blocks of a Doc, with speaker notes,
 * slide numbers and document properties. pptxgenjs is imported only when a
 * deck is built; its package is then rewritten and re-zipped so the same
 * Doc and epoch always give the same bytes.
 */
import type Mod from 'pptxgenjs';
import type { Doc } from '../../ir/types.js';
import type { Backend, RenderContext } from '../types.js';
import { normalizeZip } from '../zip.js';
import { FONT } from './constants.js';
import { emitSlide } from './emit.js';
import { plain } from './inline.js';
import { info } from './info.js';
import { planSlides, type SlidePlan } from './layout.js';
import { rewritePackage } from './xml.js';

/** Plan every slide of a Doc (pure; exported for tests and checks). */
export function planDeck(doc: Doc): SlidePlan[] {
  return planSlides(doc);
}

/** pptxgenjs ships CommonJS and ESM builds; take the constructor from either shape. */
async function loadPptxGenJS() {
  const mod = (await import('pptxgenjs')) as unknown as { default: unknown };
  const ctor = (mod.default as { default?: unknown }).default ?? mod.default;
  return ctor as new () => Mod.default;
}

function docTitle(doc: Doc): string {
  const zh = plain(doc.meta.title.zh);
  const en = plain(doc.meta.title.en);
  return zh && en ? `${zh} / ${en}` : zh || en;
}

async function render(doc: Doc, ctx: RenderContext): Promise<Uint8Array> {
  const plans = planDeck(doc);
  const PptxGenJS = await loadPptxGenJS();
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_16x9';
  pres.theme = { headFontFace: FONT.zh, bodyFontFace: FONT.en };
  pres.title = docTitle(doc);
  pres.author = doc.meta.author;
  pres.subject = doc.meta.subject;
  pres.company = '';
  for (const plan of plans) emitSlide(pres, plan);
  // Stored, not deflated: normalizeZip compresses every entry once, at a fixed level.
  const raw = (await pres.write({ outputType: 'nodebuffer', compression: false })) as Uint8Array;
  return normalizeZip(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), {
    epoch: ctx.epoch,
    rewrite: rewritePackage({
      core: {
        title: docTitle(doc),
        subject: doc.meta.subject,
        creator: doc.meta.author,
        keywords: doc.meta.keywords,
        language: 'zh-CN',
        epoch: ctx.epoch,
      },
      company: doc.meta.author,
      notes: plans.map((p) => p.notes),
    }),
  });
}

export const backend: Backend = {
  ...info,
  render,
};
