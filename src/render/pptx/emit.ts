/**
 * Drawing list → pptxgenjs calls: native text boxes, shapes and tables only
 * (no images, nothing fetched). Points are converted to inches here.
 */
import type Mod from 'pptxgenjs';
import { COLOR, FONT, LANG_TAG, PT_PER_INCH, SIZE } from './constants.js';
import type { Item, Para, Run } from './draw.js';
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
      ...(r.href ? { hyperlink: { url: r.href } } : {}),
      // Paragraph properties go on every run of the paragraph; the package
      // rewrite keeps only the first `a:pPr` of each paragraph.
      align: p.align ?? 'left',
      ...(p.spaceAfter ? { paraSpaceAfter: p.spaceAfter } : {}),
      ...(last ? { breakLine: true } : {}),
    },
  };
}

/** Paragraphs as pptxgenjs text runs; a paragraph ends with `breakLine`. */
export function textProps(paras: readonly Para[]): TextProps[] {
  return paras.flatMap((p, i) => p.runs.map((r, j) => runProps(r, p, j === p.runs.length - 1 && i < paras.length - 1)));
}

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
      wrap: true,
      fit: 'none',
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
    const border = { type: 'solid' as const, color: it.border.color, pt: it.border.width };
    const rows: Mod.default.TableRow[] = it.rows.map((row) =>
      row.map((cell) => ({
        text: cell.paras.length > 0 ? textProps(cell.paras) : '',
        options: {
          valign: 'top' as const,
          margin: inch(it.pad),
          ...(cell.fill ? { fill: { color: cell.fill } } : {}),
          border: [border, border, border, border],
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
  slide.slideNumber = {
    x: inch(plan.numberBox.x),
    y: inch(plan.numberBox.y),
    w: inch(plan.numberBox.w),
    h: inch(plan.numberBox.h),
    fontFace: FONT.en,
    fontSize: SIZE.small - 1,
    color: COLOR.muted,
    align: 'right',
    valign: 'middle',
    margin: 0,
  };
  // Plain text here; the package rewrite replaces it with tagged zh/en paragraphs.
  const notes = [plan.notes.zh, plan.notes.en].filter((s) => s.length > 0).join('\n');
  if (notes) slide.addNotes(notes);
}
