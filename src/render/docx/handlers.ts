/**
 * One handler per IR block type. Each returns the Word body elements
 * (paragraphs and tables) for its block; `render` walks a list of blocks and
 * sends an unknown type to the fallback, which keeps whatever text it can find.
 */
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type {
  Block,
  BlockType,
  CalloutBlock,
  ChecklistItemBlock,
  FigureBlock,
  GroupBlock,
  HeadingBlock,
  Inline,
  ListBlock,
  PairBlock,
  ParagraphBlock,
  ProgressBlock,
  SlideBlock,
  TableBlock,
  TitleBlock,
  BiInline,
  Lang,
} from '../../ir/types.js';
import { theme } from '../../theme/theme.js';
import { C, CHECKBOX, LIST_INDENT, NUM, P, T, hex, twip, type PageKind } from './constants.js';
import { biRuns, citeRuns, inlineRuns, textRun } from './runs.js';
import { shade } from './styles.js';

export type BodyChild = Paragraph | Table;

export interface RenderState {
  page: PageKind;
  /** Width available to the block, in twips (shrinks inside table cells). */
  width: number;
  /** Count of ordered lists so far (each restarts its numbering). */
  lists: { ordered: number };
  /** Checked items in the Doc, for the progress counter. */
  checked: number;
  /** Block types no handler knew. */
  unknown: string[];
  /** Density of the slide being rendered (slides only). */
  density?: 'normal' | 'compact';
}

type Handler<K extends BlockType> = (block: Extract<Block, { type: K }>, st: RenderState) => BodyChild[];
type Handlers = { [K in BlockType]: Handler<K> };

const slide = (st: RenderState) => st.page === 'slide';
const compact = (st: RenderState) => slide(st) && st.density === 'compact';
const zhStyle = (st: RenderState) => (compact(st) ? P.slideCompactZh : slide(st) ? P.slideZh : P.zh);
const enStyle = (st: RenderState) => (compact(st) ? P.slideCompactEn : slide(st) ? P.slideEn : P.en);

function p(style: string, children: ParagraphChild[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}): Paragraph {
  return new Paragraph({ style, children, ...extra });
}

/** Paragraphs for each language present, zh first; citations after the last one. */
function biParagraphs(text: BiInline, styles: { zh: string; en: string }, cites: readonly string[] = [], lead: ParagraphChild[] = []): Paragraph[] {
  const langs = (['zh', 'en'] as Lang[]).filter((l) => (text[l] ?? []).some((s) => s.text !== ''));
  return langs.map((l, i) =>
    p(styles[l], [...(i === 0 ? lead : []), ...inlineRuns(text[l], l), ...(i === langs.length - 1 ? citeRuns(cites) : [])]),
  );
}

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function cell(children: BodyChild[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  // A cell must end with a paragraph.
  const body = children.length === 0 || children[children.length - 1] instanceof Table ? [...children, new Paragraph({ style: P.tableEn })] : children;
  return new TableCell({ children: body, width: { size: width, type: WidthType.DXA }, ...extra });
}

function table(rows: TableRow[], widths: number[], style: string, extra: Partial<ConstructorParameters<typeof Table>[0]> = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    style,
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    ...extra,
  });
}

/** Split a width into parts by weight, summing exactly to the width. */
export function splitWidth(width: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((width * w) / sum));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

export const handlers: Handlers = {
  title(b: TitleBlock, st) {
    const out: Paragraph[] = [];
    if (b.title.zh) out.push(p(P.title, inlineRuns(b.title.zh, 'zh')));
    if (b.title.en) out.push(p(P.subtitle, inlineRuns(b.title.en, 'en', { style: C.en })));
    if (b.subtitle) out.push(p(P.subtitle, biRuns(b.subtitle, {}, ' · ')));
    for (const m of b.meta) {
      out.push(
        p(P.meta, [
          ...inlineRuns(m.label.zh, 'zh', { style: C.label }),
          textRun(' ', 'en'),
          ...inlineRuns(m.label.en, 'en', { style: C.label }),
          textRun(':', 'zh'),
          ...biRuns(m.value, {}, ' / '),
        ]),
      );
    }
    if (slide(st)) out[0] = p(P.title, inlineRuns(b.title.zh, 'zh'), { spacing: { before: twip(48) } });
    return [...out, ...(b.cites.length ? [p(P.meta, citeRuns(b.cites))] : [])];
  },

  heading(b: HeadingBlock) {
    const style = b.level === 1 ? P.h1 : b.level === 2 ? P.h2 : P.h3;
    return [p(style, [...biRuns(b.text), ...citeRuns(b.cites)])];
  },

  paragraph(b: ParagraphBlock, st) {
    const style =
      b.role === 'note' || b.role === 'meta' ? (b.role === 'note' ? P.note : P.meta) : b.role === 'lead' ? P.lead : b.lang === 'zh' ? zhStyle(st) : enStyle(st);
    return [p(style, [...inlineRuns(b.text, b.lang), ...citeRuns(b.cites)])];
  },

  pair(b: PairBlock, st) {
    const marker = b.marker ? [textRun(`${b.marker}  `, 'en', { style: C.marker })] : [];
    const zh = p(zhStyle(st), [...marker, ...inlineRuns(b.zh, 'zh')]);
    const en = p(enStyle(st), [...inlineRuns(b.en, 'en'), ...citeRuns(b.cites)]);
    // Slides stack the languages (Chinese first); pages set them side by side.
    if (slide(st)) return [zh, en];
    const [wz, we] = splitWidth(st.width, [1, 1]);
    return [table([new TableRow({ cantSplit: true, children: [cell([zh], wz), cell([en], we)] })], [wz, we], T.plain, { borders: noBorders })];
  },

  list(b: ListBlock, st) {
    const instance = b.ordered ? ++st.lists.ordered : 0;
    const reference = b.ordered ? NUM.ordered : NUM.bullet;
    return b.items.flatMap((item) => {
      const paras: Paragraph[] = [];
      const hasEn = (item.text.en ?? []).length > 0;
      if (item.text.zh) {
        paras.push(
          new Paragraph({
            style: slide(st) ? zhStyle(st) : P.listZh,
            numbering: { reference, level: 0, instance },
            // On slides the ¶ citations follow the Chinese line, as in the other formats.
            children: [...inlineRuns(item.text.zh, 'zh'), ...(hasEn && !slide(st) ? [] : citeRuns(item.cites))],
          }),
        );
      }
      if (hasEn) {
        paras.push(
          new Paragraph({
            style: slide(st) ? enStyle(st) : P.listEn,
            indent: { left: twip(LIST_INDENT.left) },
            children: [...inlineRuns(item.text.en, 'en'), ...(slide(st) && item.text.zh ? [] : citeRuns(item.cites))],
          }),
        );
      }
      return paras;
    });
  },

  checkItem(b: ChecklistItemBlock) {
    const label = (l: BiInline) => biRuns(l, {}, ' ');
    return [
      p(P.checkItem, [
        new CheckBox({
          alias: b.id,
          checked: b.checked,
          checkedState: { value: CHECKBOX.checked, font: CHECKBOX.font },
          uncheckedState: { value: CHECKBOX.unchecked, font: CHECKBOX.font },
        }),
        textRun('\t', 'en'),
        ...inlineRuns(b.zh, 'zh'),
      ]),
      p(P.checkItemEn, inlineRuns(b.en, 'en')),
      p(P.checkMeta, [
        ...label(b.actor),
        textRun('  ·  ', 'en'),
        ...label(b.horizon),
        ...citeRuns(b.cites),
      ]),
    ];
  },

  progress(b: ProgressBlock, st) {
    return [p(P.lead, [...biRuns(b.label, { style: C.label }), textRun(`: ${st.checked} / ${b.total}`, 'en')])];
  },

  table(b: TableBlock, st) {
    const widths = splitWidth(st.width, b.columns.map((c) => c.weight ?? 1));
    const inner = (w: number): RenderState => ({ ...st, width: w - 200 });
    const head = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map((c, i) => cell(biParagraphs(c.text, { zh: P.tableHead, en: P.tableHead }), widths[i], { shading: shade(theme.colors.accent) })),
    });
    const rows = b.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: r.map((c, i) => cell(biParagraphs(c.text, { zh: P.tableZh, en: P.tableEn }, c.cites ?? []), inner(widths[i]).width + 200)),
        }),
    );
    const caption = b.caption ? [p(P.caption, [...biRuns(b.caption)])] : [];
    return [...caption, table([head, ...rows], widths, T.grid)];
  },

  callout(b: CalloutBlock, st) {
    const inner: RenderState = { ...st, width: st.width - 400 };
    const title = b.title ? [p(P.calloutTitle, biRuns(b.title))] : [];
    const accent = { style: BorderStyle.SINGLE, size: 24, color: hex(theme.colors.accent) };
    const soft = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    return [
      table(
        [
          new TableRow({
            children: [
              cell([...title, ...render(b.children, inner)], st.width, {
                shading: shade(b.tone === 'key' ? theme.colors.accentSoft : theme.colors.panel),
                borders: { left: accent, top: soft, bottom: soft, right: soft },
                margins: { top: 120, bottom: 60, left: 160, right: 160 },
              }),
            ],
          }),
        ],
        [st.width],
        T.plain,
        { borders: noBorders },
      ),
      new Paragraph({ style: P.normal, spacing: { after: 0 }, children: [] }),
    ];
  },

  group(b: GroupBlock, st) {
    return render(b.children, st);
  },

  figure(b: FigureBlock, st) {
    return timeline(b, st);
  },

  slide(b: SlideBlock, outer) {
    const first = b.number === 1;
    const st: RenderState = { ...outer, density: b.density ?? 'normal' };
    const heading =
      b.layout === 'title'
        ? []
        : [
            p(compact(st) ? P.slideCompactTitle : P.slideTitle, inlineRuns(b.title.zh, 'zh'), { pageBreakBefore: !first }),
            p(compact(st) ? P.slideCompactTitleEn : P.slideTitleEn, inlineRuns(b.title.en, 'en')),
          ];
    const body = render(b.children, st);
    if (heading.length === 0 && !first) {
      // A title slide still starts a new page.
      body.unshift(new Paragraph({ style: P.normal, pageBreakBefore: true, spacing: { after: 0 }, children: [] }));
    }
    return [...heading, ...body];
  },
};

/** The timeline as a figure: a dated rail (vertical on pages, horizontal on slides). */
export function timeline(b: FigureBlock, st: RenderState): BodyChild[] {
  const caption = p(P.caption, biRuns(b.caption));
  const accent = { style: BorderStyle.SINGLE, size: 18, color: hex(theme.colors.accent) };
  const dot = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    p(P.tableEn, [textRun('●', 'en', { style: C.marker })], { alignment: align, spacing: { before: 0, after: 0 } });
  const tight = { top: 0, bottom: 0, left: 0, right: 0 };
  if (slide(st)) {
    // Dates over a horizontal rail with a dot per event sitting on it, texts under.
    const n = Math.max(1, b.events.length);
    const widths = splitWidth(st.width, Array(n).fill(1));
    const dateRow = new TableRow({
      cantSplit: true,
      children: b.events.map((e, i) =>
        cell(biParagraphs(e.dateLabel, { zh: P.timelineDate, en: compact(st) ? P.slideTimelineEn : P.tableEn }), widths[i], { verticalAlign: VerticalAlign.BOTTOM }),
      ),
    });
    const dotRow = new TableRow({
      cantSplit: true,
      children: b.events.map((_, i) =>
        cell([dot(AlignmentType.CENTER)], widths[i], { borders: { top: none, left: none, right: none, bottom: accent }, verticalAlign: VerticalAlign.BOTTOM, margins: tight }),
      ),
    });
    // Compact slides set the labels in the compact timeline styles with narrower cell margins.
    const text = compact(st) ? { zh: P.slideTimelineZh, en: P.slideTimelineEn } : { zh: P.tableZh, en: P.tableEn };
    const side = compact(st) ? 40 : 80;
    const textRow = new TableRow({
      cantSplit: true,
      children: b.events.map((e, i) => cell(biParagraphs(e.text, text, e.cites), widths[i], { margins: { top: 80, bottom: 0, left: side, right: side } })),
    });
    // The slide headline already names the figure.
    return [table([dateRow, dotRow, textRow], widths, T.plain, { borders: noBorders })];
  }
  // Dates, a vertical rail with a dot per event against it, texts.
  const widths = splitWidth(st.width, [2, 0.4, 7]);
  const rows = b.events.map(
    (e) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(biParagraphs(e.dateLabel, { zh: P.timelineDate, en: P.tableEn }), widths[0]),
          cell([dot(AlignmentType.RIGHT)], widths[1], { borders: { left: none, top: none, bottom: none, right: accent }, margins: tight }),
          cell(biParagraphs(e.text, { zh: P.tableZh, en: P.tableEn }, e.cites), widths[2]),
        ],
      }),
  );
  return [caption, table(rows, widths, T.plain, { borders: noBorders })];
}

/** Unknown block types: keep any bilingual text found on the block so nothing is silently lost. */
export function fallback(block: { type: string } & Record<string, unknown>, st: RenderState): BodyChild[] {
  st.unknown.push(block.type);
  const texts: Inline[] = [];
  for (const key of ['text', 'title', 'zh', 'en']) {
    const v = block[key];
    if (Array.isArray(v)) texts.push(v as Inline);
    else if (v && typeof v === 'object') for (const side of Object.values(v as BiInline)) if (Array.isArray(side)) texts.push(side);
  }
  return texts.map((t) => p(P.normal, inlineRuns(t, /\p{Script=Han}/u.test(t.map((s) => s.text).join('')) ? 'zh' : 'en')));
}

/** Render a list of blocks with their handlers. */
export function render(blocks: readonly Block[], st: RenderState): BodyChild[] {
  return blocks.flatMap((b) => {
    const h = (handlers as unknown as Record<string, Handler<BlockType> | undefined>)[b.type];
    return h ? h(b as never, st) : fallback(b as never, st);
  });
}
