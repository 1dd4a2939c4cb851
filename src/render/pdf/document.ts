/**
 * Doc → pdfmake document definition → PDF bytes.
 *
 * A4 products get a running header (the short title) and the page number
 * in the footer; their page breaks follow flow.ts. Slide decks get one page
 * per slide with the short title and slide number in the footer; a slide
 * whose content does not fit its page is laid out again with smaller type,
 * down to the type scale's minimums (constants.ts) and no further.
 * Finished files get their links to other PDFs (links.ts) and their
 * metadata (metadata.ts) in place.
 */
import pdfmake from 'pdfmake';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Doc, Inline, SlideBlock } from '../../ir/types.js';
import type { RenderContext } from '../types.js';
import { theme } from '../../theme/theme.js';
import { slideSpec } from './slide-spec.js';
import { fontPackageDir } from '../../fonts/index.js';
import {
  FAMILY,
  LINE,
  lineHeight,
  PAGE,
  PDF_LANG,
  PDF_SUBSET,
  PDF_VERSION,
  SLIDE_ANCHOR,
  SLIDE_FIT_ATTEMPTS,
  SLIDE_FIT_STEP,
  STYLES,
} from './constants.js';
import { fontFiles, pdfmakeFonts } from './fonts.js';
import { remoteLinks } from './links.js';
import type { NodeInfo } from './flow.js';
import { installInlineMerging } from './merge-inlines.js';
import { installLinearLineBuilder } from './line-builder.js';
import { installMeasureCache } from './measure-cache.js';
import { installWordRuns } from './word-runs.js';
import { handlers, unknown } from './handlers/index.js';
import { CENTRED_LAYOUTS } from './handlers/slide.js';
import { createState, type Node, type PdfState } from './state.js';
import { inlineNodes } from './inline.js';
import { measureNotes, measuringDrift, type NotesDrift } from './notes-drift.js';
import { fileId, finishPdf, pdfInfo, xmpPacket, xmpRoom } from './metadata.js';

/** Bumped when the backend's output changes for the same input (part of the file ID). */
export const BACKEND_REVISION = 'pdf-2';

let configured = false;

/** One-time pdfmake set-up: fonts from memory only, no URL and no other file access. */
function configure(): void {
  if (configured) return;
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Uint8Array): void } }).virtualfs;
  for (const [name, bytes] of Object.entries(fontFiles())) vfs.writeFileSync(name, bytes);
  pdfmake.setFonts(pdfmakeFonts());
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = fontPackageDir() + path.sep;
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(allowed));
  installInlineMerging();
  installLinearLineBuilder();
  installMeasureCache();
  installWordRuns();
  configured = true;
}

/**
 * Characters of each language of the short title a running header or slide
 * footer prints (a short title is a few words; this is about a line of each
 * language). Longer text is cut there and ends with "…": a header is laid out
 * on every page, so its cost must not grow with the text, nor may it run
 * into the page body.
 */
export const RUNNING_TEXT_MAX = 48;

/** The first `max` characters of `spans` (whole code points), with "…" when cut. */
export function clipInline(spans: Inline | undefined, max: number = RUNNING_TEXT_MAX): Inline {
  const out: Inline = [];
  let left = max;
  for (const span of spans ?? []) {
    const chars = Array.from(span.text);
    if (chars.length <= left) {
      out.push(span);
      left -= chars.length;
      continue;
    }
    out.push({ ...span, text: `${chars.slice(0, left).join('')}…` });
    return out;
  }
  return out;
}

function runningText(doc: Doc, size: number): (string | ReturnType<typeof inlineNodes>[number])[] {
  const { zh, en } = doc.meta.shortTitle;
  const opts = { size, css: LINE.small };
  return [...inlineNodes(clipInline(zh), 'zh', opts), '  ·  ', ...inlineNodes(clipInline(en), 'en', opts)];
}

/** A style's text properties as pdfmake takes them (without the CSS-like line height). */
const textStyle = ({ css: _css, ...style }: { css?: number } & Record<string, unknown>) => style;

function runningHeader(doc: Doc): TDocumentDefinitions['header'] {
  const [left, , right] = PAGE.a4.margins;
  const text = runningText(doc, STYLES.running.fontSize);
  return (currentPage: number) =>
    currentPage === 1
      ? null
      : ({
          stack: [
            { text, ...textStyle(STYLES.running), alignment: 'right' },
            { canvas: [{ type: 'line', x1: 0, y1: 3, x2: PAGE.a4.width - left - right, y2: 3, lineWidth: 0.5, lineColor: theme.colors.rule }] },
          ],
          margin: [left, 28, right, 0],
        } as never);
}

function pageFooter(doc: Doc): TDocumentDefinitions['footer'] {
  if (doc.page === 'slide') {
    const [left, , right] = PAGE.slide.margins;
    const size = slideSpec.footer.size;
    const short = runningText(doc, size);
    return (currentPage: number, pageCount: number) =>
      ({
        columns: [
          { text: short, ...textStyle(STYLES.running), fontSize: size },
          { text: `${currentPage} / ${pageCount}`, ...textStyle(STYLES.running), fontSize: size, alignment: 'right', width: 60 },
        ],
        margin: [left, 8, right, 0],
      }) as never;
  }
  // The page number alone: the Doc holds no words for a footer.
  return (currentPage: number, pageCount: number) =>
    ({
      text: `${currentPage} / ${pageCount}`,
      ...textStyle(STYLES.running),
      alignment: 'center',
      margin: [0, 22, 0, 0],
    }) as never;
}

function slideBackground(): TDocumentDefinitions['background'] {
  return () => ({ canvas: [{ type: 'rect', x: 0, y: 0, w: PAGE.slide.width, h: 5, color: theme.colors.slideBand }] }) as never;
}

/** The pdfmake document definition of a Doc, and the render state that made it (its flow decides page breaks). */
export function definition(
  doc: Doc,
  ctx: RenderContext,
  uncentred: ReadonlySet<number> = new Set(),
  notesDrift?: NotesDrift,
): TDocumentDefinitions & { state: PdfState } {
  const page = PAGE[doc.page];
  if (notesDrift) notesDrift.next = 0;
  const st = createState({ doc, uncentred, notesDrift }, handlers, unknown);
  const info = pdfInfo(doc, ctx.epoch);
  const content: Node[] = st.all(doc.blocks);
  return {
    state: st,
    pageSize: { width: page.width, height: page.height },
    pageMargins: [...page.margins],
    version: PDF_VERSION,
    subset: PDF_SUBSET,
    language: PDF_LANG,
    displayTitle: true,
    info: {
      title: info.title,
      author: info.author,
      subject: info.subject,
      keywords: info.keywords,
      creator: info.creator,
      producer: info.producer,
      creationDate: info.creationDate,
      modDate: info.modDate,
      ...(info.source ? { Source: info.source } : {}),
    },
    defaultStyle: { font: FAMILY, fontSize: theme.size.body, color: theme.colors.ink, lineHeight: lineHeight(theme.lineHeight.zh) },
    header: doc.page === 'a4' ? runningHeader(doc) : undefined,
    footer: pageFooter(doc),
    background: doc.page === 'slide' ? slideBackground() : undefined,
    content: content as never,
  } as TDocumentDefinitions & { state: PdfState };
}

/** Pages each slide spans, from the pages their anchors start on. */
function slideSpans(starts: Map<number, number>, totalPages: number, slideNumbers: number[]): Map<number, number> {
  const spans = new Map<number, number>();
  slideNumbers.forEach((n, i) => {
    const start = starts.get(n);
    const next = i + 1 < slideNumbers.length ? starts.get(slideNumbers[i + 1]) : totalPages + 1;
    if (start !== undefined && next !== undefined) spans.set(n, next - start);
  });
  return spans;
}

/** Slides whose content ran onto a following page, from the pages their anchors start on. */
export function overflowingSlides(starts: Map<number, number>, totalPages: number, slideNumbers: number[]): number[] {
  return [...slideSpans(starts, totalPages, slideNumbers)].filter(([, span]) => span > 1).map(([n]) => n);
}

/**
 * Whether laying the deck out again can give one page per slide: every
 * overflowing slide could fit on its page at the smallest type the remaining
 * attempts reach (text per page grows with the square of the shrinking
 * factor). When one cannot, the deck keeps an overflowing slide whatever the
 * other slides do, and is not laid out again for each attempt (a slide of
 * 150,000 characters cost five full layouts of the deck).
 */
export function worthRefitting(spans: readonly number[], attemptsLeft: number): boolean {
  const capacity = SLIDE_FIT_STEP ** (-2 * attemptsLeft);
  const over = spans.filter((span) => span > 1);
  return over.length > 0 && over.every((span) => span - 1 < capacity);
}

/** The pdfkit document pdfmake laid out (its public `appendXML` adds to the XMP packet). */
interface PdfKitDoc {
  appendXML(xml: string, newline?: boolean): void;
}

async function layout(def: TDocumentDefinitions): Promise<{ pdf: ReturnType<typeof pdfmake.createPdf>; kit: PdfKitDoc }> {
  const { state: _state, ...definitionOnly } = def as TDocumentDefinitions & { state?: PdfState };
  const pdf = pdfmake.createPdf(definitionOnly as TDocumentDefinitions);
  const kit = (await pdf.getStream()) as unknown as PdfKitDoc;
  return { pdf, kit };
}

/**
 * The reading edition's notes as they run on down the margin: measured in a
 * layout of their own (notes-drift.ts), or undefined (no passage has notes,
 * or a measurement is missing: each passage keeps its notes beside it).
 */
async function plannedNotes(doc: Doc, ctx: RenderContext): Promise<NotesDrift | undefined> {
  const drift = measuringDrift();
  const def = definition(doc, ctx, new Set(), drift);
  if (!drift.passages.some((p) => p.block.notes.length > 0)) return undefined;
  const { state: _state, ...definitionOnly } = def;
  const plan = await measureNotes(definitionOnly as TDocumentDefinitions, drift);
  // The sentinels (and the positions pdfmake left on them) are not needed any more.
  return plan ? { ...drift, mode: 'set', plan, sentinels: [] } : undefined;
}

/** What the last render did: layouts made, units moved by the flow's rules, widows left (for tests and the bench). */
export interface RenderReport {
  layouts: number;
  moved: { id: string; rule: string }[];
  /** Flow units that opened a page and repeat something above themselves (a table's header row, a notes name). */
  repeated: string[];
  /** Margin notes moved to the top of the next page's notes column (`<unit id>:<note index>`). */
  noteBreaks: string[];
  /** Times the flow moved a note so, each with a layout more (a note moved back with its unit counts too). */
  noteBreakTries: number;
  unresolved: { id: string; rule: string }[];
  /** Flow units laid out in all layouts (A4: a unit laid out in three layouts counts three times). */
  unitsLaidOut: number;
  /** Whether the page breaks were decided again with the whole document (a window laid out a unit elsewhere). */
  redecided: boolean;
  /** Slides that did not fit their page even at the least type sizes. */
  overflowing: number[];
  /** Links to other files written as GoToR actions. */
  remoteLinks: number;
  /** Whether the margin notes run on down the margin, as measured in a layout of their own (not counted in `layouts`). */
  notesDrift: boolean;
}

let lastReport: RenderReport | null = null;

/** What the last `renderPdf` of this thread did. */
export function lastRenderReport(): RenderReport | null {
  return lastReport;
}

/** Render a Doc to PDF bytes. */
export function renderPdf(doc: Doc, ctx: RenderContext): Promise<Uint8Array> {
  return render(doc, ctx, null);
}

/**
 * Render an A4 Doc in one layout with the flow units `breaks` (ids as a
 * render report gives them) starting a page, the units `repeats` with what
 * they repeat above them (a table's header row, a notes name), the margin
 * notes `noteBreaks` starting the next page's notes column, and no
 * page-break rule: what a fresh layout of the page breaks the rules chose
 * gives (tests compare it with `renderPdf`).
 */
export function renderPdfWithBreaks(
  doc: Doc,
  ctx: RenderContext,
  breaks: ReadonlySet<string>,
  repeats: ReadonlySet<string> = new Set(),
  noteBreaks: ReadonlySet<string> = new Set(),
): Promise<Uint8Array> {
  return render(doc, ctx, { breaks, repeats, noteBreaks });
}

interface Preset {
  breaks: ReadonlySet<string>;
  repeats: ReadonlySet<string>;
  noteBreaks: ReadonlySet<string>;
}

async function render(doc: Doc, ctx: RenderContext, preset: Preset | null): Promise<Uint8Array> {
  configure();
  const info = pdfInfo(doc, ctx.epoch);
  const id = fileId(doc, BACKEND_REVISION);
  const slides = doc.blocks.filter((b): b is SlideBlock => b.type === 'slide');
  const slideNumbers = slides.map((b) => b.number);
  // A slide the template measured taller than its page is set from the top from the first layout (no layout to find it).
  const uncentred = new Set<number>(slides.filter((b) => b.runsOver).map((b) => b.number));
  // Only these layouts are centred on their slide; another slide that runs over is drawn the same either way.
  const centred = new Set<number>(slides.filter((b) => CENTRED_LAYOUTS.has(b.layout)).map((b) => b.number));
  let layouts = 0;
  const drift = doc.product === 'reading' && doc.page === 'a4' ? await plannedNotes(doc, ctx) : undefined;
  for (;;) {
    const def = definition(doc, ctx, uncentred, drift);
    const starts = new Map<number, number>();
    let totalPages = 0;
    const flow = def.state.flow;
    if (preset) {
      for (const node of def.content as unknown as Node[]) if (preset.breaks.has(node.id as string)) node.pageBreak = 'before';
      flow.presetRepeats(preset.repeats);
      flow.presetNoteBreaks(preset.noteBreaks);
    }
    const paginate = doc.page === 'a4' && !preset ? flow.hook(def.content as unknown as Node[]) : null;
    def.pageBreakBefore = (node) => {
      const n = node as NodeInfo & { pages?: number };
      if (paginate) return paginate(n);
      totalPages = Math.max(totalPages, n.pages ?? 0);
      const p = n.startPosition?.pageNumber;
      if (n.id?.startsWith(SLIDE_ANCHOR) && p !== undefined) starts.set(Number(n.id.slice(SLIDE_ANCHOR.length)), p);
      return false;
    };
    const { pdf, kit } = await layout(def);
    layouts += paginate ? flow.layouts : 1;
    const spans = slideNumbers.length > 0 ? slideSpans(starts, totalPages, slideNumbers) : new Map<number, number>();
    const over = [...spans].filter(([, span]) => span > 1).map(([n]) => n);
    // A slide that does not fit is written as it runs on, not centred (see PdfState.uncentred): laid out once more.
    const newlyUncentred = over.filter((n) => !uncentred.has(n));
    for (const n of newlyUncentred) uncentred.add(n);
    // The laid-out document is dropped without being written, unless no slide drawn centred has to change.
    if (newlyUncentred.some((n) => centred.has(n))) continue;
    const packet = xmpPacket(info, PDF_SUBSET);
    kit.appendXML(xmpRoom(packet, info)); // room for the packet finishPdf writes in place of pdfkit's
    const buf = await pdf.getBuffer();
    const remote = remoteLinks(buf);
    finishPdf(buf, packet, id);
    lastReport = { layouts, moved: [...def.state.flow.moved], repeated: [...def.state.flow.repeated], noteBreaks: [...def.state.flow.noteBreaks], noteBreakTries: def.state.flow.noteBreakTries, unresolved: [...def.state.flow.unresolved], redecided: def.state.flow.redecided, unitsLaidOut: def.state.flow.unitsLaidOut, overflowing: over, remoteLinks: remote, notesDrift: drift !== undefined };
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
}
