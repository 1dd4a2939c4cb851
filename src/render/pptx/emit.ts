/**
 * Drawing list → pptxgenjs calls: native text boxes, shapes and tables only
 * (no images, nothing fetched). Points are converted to inches here. Every
 * paragraph gets its fixed line pitch; text boxes have no insets and no
 * autofit, so what the layout measured is what an office suite sets.
 */
import type Mod from 'pptxgenjs';
import { slideSpec } from '../../theme/theme.js';
import { COLOR, FONT, LANG_TAG, PT_PER_INCH } from './constants.js';
import type { Item, Para, Run, Stroke, TextRole } from './draw.js';
import type { SlidePlan } from './layout.js';

type PptxGenJS = Mod.default;
type Slide = Mod.default.Slide;
type TextProps = Mod.default.TextProps;

const inch = (pt: number) => Math.round((pt / PT_PER_INCH) * 10000) / 10000;

function runProps(r: Run, p: Para, last: boolean): TextProps {
  return {
    text: r.text,
    options: {
      fontFace: FONT[r.lang],
      fontSize: r.size,
      color: r.color,
      lang: LANG_TAG[r.lang],
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
      ...(r.superscript ? { superscript: true } : {}),
      ...(r.highlight ? { highlight: r.highlight } : {}),
      // A link is shown by its colour (citations by their place): no underline, unless the run asks for one.
      ...(r.underline ? { underline: { style: r.underline } } : r.link ? { underline: { style: 'none' as never } } : {}),
      ...(r.link ? { hyperlink: 'url' in r.link ? { url: r.link.url } : { slide: r.link.slide } } : {}),
      // Paragraph properties go on every run of the paragraph; the package
      // rewrite keeps only the first `a:pPr` of each paragraph.
      align: p.align ?? 'left',
      lineSpacing: p.lineHeight,
      ...(p.spaceBefore ? { paraSpaceBefore: p.spaceBefore } : {}),
      ...(p.spaceAfter ? { paraSpaceAfter: p.spaceAfter } : {}),
      ...(last ? { breakLine: true } : {}),
    },
  };
}

/** Paragraphs as pptxgenjs text runs; a paragraph ends with `breakLine`. */
export function textProps(paras: readonly Para[]): TextProps[] {
  return paras.flatMap((p, i) => p.runs.map((r, j) => runProps(r, p, j === p.runs.length - 1 && i < paras.length - 1)));
}

/** Shape names by role (the selection pane shows them; the tests find the headline by its name). */
const NAME: Record<TextRole, string> = { title: 'Title', body: 'Text', small: 'Source', marker: 'Marker', footer: 'Footer' };

/** A rectangle or an ellipse: the same box, fill and outline, another outline shape. */
function addFilledShape(slide: Slide, shape: Parameters<Slide['addShape']>[0], it: Extract<Item, { kind: 'rect' | 'ellipse' }>): void {
  slide.addShape(shape, {
    x: inch(it.x),
    y: inch(it.y),
    w: inch(it.w),
    h: inch(it.h),
    ...(it.fill ? { fill: { color: it.fill } } : { fill: { type: 'none' } }),
    line: it.line ? { color: it.line.color, width: it.line.width } : { type: 'none' },
  });
}

type Emitter<K extends Item['kind']> = (slide: Slide, item: Extract<Item, { kind: K }>, pres: PptxGenJS) => void;

const emitters: { [K in Item['kind']]: Emitter<K> } = {
  text: (slide, it) => {
    slide.addText(textProps(it.paras), {
      x: inch(it.x),
      y: inch(it.y),
      w: inch(it.w),
      h: inch(it.h),
      margin: 0,
      valign: it.valign ?? 'top',
      // A box of runs kept on one line (a date) does not wrap at all: where the face is missing and the office suite's
      // fallback is wider, the text runs past the box instead of breaking inside a word ("September 20|25").
      wrap: !it.paras.every((p) => p.runs.length > 0 && p.runs.every((r) => r.nowrap)),
      fit: 'none',
      objectName: NAME[it.role],
      ...(it.fill ? { fill: { color: it.fill } } : {}),
    });
  },
  line: (slide, it, pres) => {
    slide.addShape(pres.ShapeType.line, {
      x: inch(it.x),
      y: inch(it.y),
      w: inch(it.w),
      h: inch(it.h),
      line: { color: it.color, width: it.width },
    });
  },
  rect: (slide, it, pres) => addFilledShape(slide, pres.ShapeType.rect, it),
  ellipse: (slide, it, pres) => addFilledShape(slide, pres.ShapeType.ellipse, it),
  table: (slide, it) => {
    const border = (s: Stroke | null) => (s ? { type: 'solid' as const, color: s.color, pt: s.width } : { type: 'none' as const });
    const rows: Mod.default.TableRow[] = it.rows.map((row) =>
      row.map((cell) => ({
        text: cell.paras.length > 0 ? textProps(cell.paras) : '',
        options: {
          valign: 'top' as const,
          // Points (pptxgenjs reads the margins as points when the top one is 1 or more): top, right, bottom, left.
          margin: [Math.max(1, cell.pad[0]), cell.pad[1], cell.pad[2], cell.pad[3]],
          ...(cell.fill ? { fill: { color: cell.fill } } : {}),
          border: cell.border.map(border) as [Mod.default.BorderProps, Mod.default.BorderProps, Mod.default.BorderProps, Mod.default.BorderProps],
        },
      })),
    );
    slide.addTable(rows, {
      x: inch(it.x),
      y: inch(it.y),
      colW: it.colW.map(inch),
      rowH: it.rowH.map(inch),
      autoPage: false,
    });
  },
};

/** Add one planned slide to the presentation. */
export function emitSlide(pres: PptxGenJS, plan: SlidePlan): void {
  const slide = pres.addSlide();
  slide.background = { color: COLOR.slideBg };
  for (const it of plan.items) (emitters[it.kind] as Emitter<Item['kind']>)(slide, it, pres);
  if (plan.numberBox) {
    slide.slideNumber = {
      x: inch(plan.numberBox.x),
      y: inch(plan.numberBox.y),
      w: inch(plan.numberBox.w),
      h: inch(plan.numberBox.h),
      fontFace: FONT.en,
      fontSize: slideSpec.footer.size,
      color: COLOR.muted,
      align: 'right',
      valign: 'middle',
      margin: 0,
    };
  }
  // Plain text here; the package rewrite replaces it with tagged zh/en paragraphs and the citations.
  const notes = [plan.notes.zh, plan.notes.en, plan.notes.source].filter((s) => s.length > 0).join('\n');
  if (notes) slide.addNotes(notes);
}
