/**
 * One handler per IR block type. A handler draws its block at the origin in
 * a column `width` points wide, at a font `scale` chosen by the slide fit
 * loop, and returns the items with the height they take. Unknown block types
 * fall back to their text, so nothing a template adds is silently dropped.
 */
import type {
  Block,
  BlockType,
  BiInline,
  CalloutBlock,
  ChecklistItemBlock,
  GroupBlock,
  HeadingBlock,
  Inline,
  ListBlock,
  PairBlock,
  ParagraphBlock,
  ProgressBlock,
  SlideBlock,
  TableBlock,
  TimelineFigure,
  TitleBlock,
} from '../../ir/types.js';
import { slideTimeline, type SlideDensity } from '../../theme/theme.js';
import { COLOR, GAP, SIZE } from './constants.js';
import type { Drawn, Item, Para, Run, TableCellItem } from './draw.js';
import { stack, translate } from './draw.js';
import { biParas, citeRun, plain, runs, scaled } from './inline.js';
import { lineHeight, paraSize, textHeight, textWidth } from './measure.js';

export interface Env {
  /** Font scale chosen by the fit loop (1 = theme sizes). */
  scale: number;
  /** Plain Chinese headline of the slide, so a figure does not repeat it as its caption. */
  slideTitle?: string;
  /** Density of the slide; a compact timeline takes the theme's compact label sizes. */
  density?: SlideDensity;
  /** Scale a compact slide starts at (its sizes are the theme's compact sizes there). */
  startScale?: number;
}

export type Handler<B extends Block> = (block: B, width: number, env: Env) => Drawn;
type Handlers = { [K in BlockType]: Handler<Extract<Block, { type: K }>> };

const sz = (size: number, env: Env) => scaled(size, env.scale);

/** A caption that only repeats the slide headline (`时间线` on `时间线 (1/2)`) is left out. */
function repeatsTitle(caption: string, env: Env): boolean {
  return caption !== '' && env.slideTitle !== undefined && env.slideTitle.startsWith(caption);
}

/** A text box holding `paras` at the origin, as tall as its text. */
function textBox(paras: Para[], width: number, x = 0, y = 0): Drawn {
  const h = textHeight(paras, width);
  return { h, items: paras.length > 0 ? [{ kind: 'text', x, y, w: width, h, paras }] : [] };
}

/** The standard bilingual body: Chinese at body size, English under it, citations after the English (or after the Chinese). */
function bodyParas(
  text: BiInline,
  cites: readonly string[],
  env: Env,
  size: { zh: number; en: number } = { zh: SIZE.bodyZh, en: SIZE.bodyEn },
  citeAfter: 'last' | 'first' = 'last',
): Para[] {
  const paras = biParas(text, {
    zh: { size: sz(size.zh, env), color: COLOR.zh },
    en: { size: sz(size.en, env), color: COLOR.en },
    gap: GAP.para * env.scale,
  });
  const cite = citeRun(cites, sz(SIZE.small, env));
  if (paras.length > 0 && cite.length > 0) paras[citeAfter === 'first' ? 0 : paras.length - 1].runs.push(...cite);
  return paras;
}

/** A row: a marker in a left column and text beside it. */
function markedRow(marker: Item[], markerW: number, paras: Para[], width: number): Drawn {
  const text = textBox(paras, width - markerW, markerW, 0);
  const markerH = marker.reduce((m, it) => Math.max(m, it.y + it.h), 0);
  return { h: Math.max(text.h, markerH), items: [...marker, ...text.items] };
}

/** A numbered disc centred on the first line of text whose line height is `firstLine`. */
function numberMarker(label: string, firstLine: number, env: Env): { items: Item[]; w: number } {
  const d = Math.max(16, 20 * env.scale);
  const y = Math.max(0, (firstLine - d) / 2);
  const size = sz(label.length > 2 ? 8 : 11, env);
  return {
    w: GAP.markerColumn * env.scale,
    items: [
      { kind: 'ellipse', x: 0, y, w: d, h: d, fill: COLOR.accent },
      {
        kind: 'text',
        x: 0,
        y,
        w: d,
        h: d,
        valign: 'middle',
        paras: [{ align: 'center', runs: [{ text: label, lang: 'en', size, color: COLOR.white, bold: true }] }],
      },
    ],
  };
}

/** A short accent bar beside the first line. */
function barMarker(firstLine: number, env: Env): { items: Item[]; w: number } {
  const h = firstLine * 0.7;
  return {
    w: (GAP.markerColumn - 12) * env.scale,
    items: [{ kind: 'rect', x: 0, y: (firstLine - h) / 2, w: GAP.barWidth, h, fill: COLOR.accent }],
  };
}

/** A text marker (e.g. `DICAS`, `2024-04`) that is not a number. */
function labelMarker(label: string, firstLine: number, env: Env): { items: Item[]; w: number } {
  const size = sz(SIZE.small, env);
  const w = Math.min(120, textWidth(label, size, true) + 8);
  const h = lineHeight(size);
  return {
    w: w + 8,
    items: [
      {
        kind: 'text',
        x: 0,
        y: Math.max(0, (firstLine - h) / 2),
        w,
        h,
        paras: [{ runs: [{ text: label, lang: 'en', size, color: COLOR.accent, bold: true }] }],
      },
    ],
  };
}

function markerFor(marker: string | undefined, firstLine: number, env: Env) {
  if (marker === undefined || marker === '') return barMarker(firstLine, env);
  return /^\d{1,3}$/.test(marker) ? numberMarker(marker, firstLine, env) : labelMarker(marker, firstLine, env);
}

function firstLineOf(paras: Para[]): number {
  return paras.length > 0 ? lineHeight(paraSize(paras[0])) : 0;
}

const title: Handler<TitleBlock> = (b, width, env) => {
  const parts: Drawn[] = [];
  const sub = biParas(b.subtitle ?? {}, {
    zh: { size: sz(SIZE.titleSlideSubtitle, env), color: COLOR.accent, bold: true },
    en: { size: sz(SIZE.titleSlideSubtitle, env), color: COLOR.accent },
  });
  if (sub.length > 0) {
    // Subtitle on one line: `幻灯片简报 · Slide brief`.
    const line: Para = { runs: sub.flatMap((p, i) => (i === 0 ? p.runs : [{ ...p.runs[0], text: '  ·  ' }, ...p.runs])) };
    parts.push(textBox([line], width));
  }
  parts.push(
    textBox(
      biParas(b.title, {
        zh: { size: sz(SIZE.titleSlideZh, env), color: COLOR.ink, bold: true },
        en: { size: sz(SIZE.titleSlideEn, env), color: COLOR.en },
        gap: 6 * env.scale,
      }),
      width,
    ),
  );
  parts.push({ h: 2, items: [{ kind: 'rect', x: 0, y: 0, w: 64, h: 2, fill: COLOR.accent }] });
  if (b.meta.length > 0) {
    const labelW = Math.min(170, width * 0.3);
    const rows = b.meta.map((m) => {
      const label: Para = {
        runs: [
          ...runs(m.label.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
          ...runs(m.label.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r, i) =>
            i === 0 ? { ...r, text: ` ${r.text}` } : r,
          ),
        ],
      };
      const sameValue = plain(m.value.zh) === plain(m.value.en);
      const value: Para = {
        runs: [
          ...runs(m.value.zh, 'zh', { size: sz(11, env), color: COLOR.ink }),
          ...(sameValue
            ? []
            : runs(m.value.en, 'en', { size: sz(10, env), color: COLOR.en }).map((r, i) => (i === 0 ? { ...r, text: `  ${r.text}` } : r))),
        ],
      };
      if (value.runs.length === 0) value.runs = runs(m.value.en, 'en', { size: sz(10, env), color: COLOR.en });
      const l = textBox([label], labelW - 8);
      const v = textBox([value], width - labelW, labelW, 0);
      // Centre the smaller label on the value's first line.
      const dy = Math.max(0, (lineHeight(paraSize(value)) - lineHeight(paraSize(label))) / 2);
      return { h: Math.max(l.h + dy, v.h), items: [...translate(l.items, 0, dy), ...v.items] };
    });
    parts.push(stack(rows, 3 * env.scale));
  }
  return stack(parts, 14 * env.scale);
};

const heading: Handler<HeadingBlock> = (b, width, env) => {
  const zh = b.level === 1 ? SIZE.bodyZh + 2 : SIZE.bodyZh;
  return textBox(
    biParas(b.text, {
      zh: { size: sz(zh, env), color: COLOR.accent, bold: true },
      en: { size: sz(SIZE.bodyEn, env), color: COLOR.accent },
      gap: GAP.para * env.scale,
    }),
    width,
  );
};

const PARAGRAPH_STYLE: Record<NonNullable<ParagraphBlock['role']>, { zh: number; en: number; muted: boolean }> = {
  body: { zh: SIZE.bodyZh, en: SIZE.bodyEn, muted: false },
  lead: { zh: SIZE.bodyZh + 1, en: SIZE.bodyEn + 1, muted: false },
  note: { zh: SIZE.small, en: SIZE.small, muted: true },
  meta: { zh: SIZE.small, en: SIZE.small, muted: true },
};

const paragraph: Handler<ParagraphBlock> = (b, width, env) => {
  const style = PARAGRAPH_STYLE[b.role ?? 'body'];
  const color = style.muted ? COLOR.muted : b.lang === 'zh' ? COLOR.zh : COLOR.en;
  return textBox([{ runs: runs(b.text, b.lang, { size: sz(style[b.lang], env), color }) }], width);
};

const pair: Handler<PairBlock> = (b, width, env) => {
  const paras = bodyParas({ zh: b.zh, en: b.en }, b.cites, env);
  const m = markerFor(b.marker, firstLineOf(paras), env);
  return markedRow(m.items, m.w, paras, width);
};

const list: Handler<ListBlock> = (b, width, env) =>
  stack(
    b.items.map((it, i) => {
      // A list item's ¶ citations follow its Chinese line, as in the other formats' slides.
      const paras = bodyParas(it.text, it.cites, env, undefined, 'first');
      const m = b.ordered ? numberMarker(String(i + 1), firstLineOf(paras), env) : barMarker(firstLineOf(paras), env);
      return markedRow(m.items, m.w, paras, width);
    }),
    GAP.item * env.scale,
  );

const checkItem: Handler<ChecklistItemBlock> = (b, width, env) => {
  const paras = bodyParas({ zh: b.zh, en: b.en }, b.cites, env);
  const metaRuns: Run[] = [
    ...runs(b.actor.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
    ...runs(b.horizon.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: ` · ${r.text}` })),
    ...runs(b.actor.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: `  ${r.text}` })),
    ...runs(b.horizon.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r) => ({ ...r, text: ` · ${r.text}` })),
  ];
  if (metaRuns.length > 0) paras.push({ runs: metaRuns });
  const first = firstLineOf(paras);
  const s = 12 * env.scale;
  const box: Item = {
    kind: 'rect',
    x: 0,
    y: (first - s) / 2,
    w: s,
    h: s,
    line: { color: COLOR.accent, width: 1.25 },
    ...(b.checked ? { fill: COLOR.accent } : {}),
  };
  return markedRow([box], GAP.markerColumn * env.scale, paras, width);
};

const progress: Handler<ProgressBlock> = (b, width, env) => {
  const size = sz(SIZE.small + 1, env);
  const label: Run[] = [
    ...runs(b.label.zh, 'zh', { size, color: COLOR.muted }),
    ...runs(b.label.en, 'en', { size, color: COLOR.muted }).map((r, i) => (i === 0 ? { ...r, text: ` ${r.text}` } : r)),
    { text: `: 0 / ${b.total}`, lang: 'en', size, color: COLOR.ink, bold: true },
  ];
  return textBox([{ runs: label }], width);
};

const table: Handler<TableBlock> = (b, width, env) => {
  const pad = GAP.cellPad * env.scale;
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const colW = weights.map((w) => (width * w) / total);
  const style = (header: boolean) => ({
    zh: { size: sz(SIZE.tableZh, env), color: header ? COLOR.white : COLOR.zh, bold: header },
    en: { size: sz(SIZE.tableEn, env), color: header ? COLOR.white : COLOR.en, bold: header },
    gap: 1,
  });
  const header: TableCellItem[] = b.columns.map((c) => ({ paras: biParas(c.text, style(true)), fill: COLOR.accent }));
  const body: TableCellItem[][] = b.rows.map((row, r) =>
    colW.map((_, c) => {
      const cell = row[c];
      const paras = cell ? biParas(cell.text, style(false)) : [];
      const cite = citeRun(cell?.cites ?? [], sz(SIZE.small, env));
      if (paras.length > 0 && cite.length > 0) paras[paras.length - 1].runs.push(...cite);
      return { paras, ...(r % 2 === 1 ? { fill: COLOR.panel } : { fill: COLOR.white }) };
    }),
  );
  const rows = [header, ...body];
  const rowH = rows.map((row) => Math.max(...row.map((cell, c) => textHeight(cell.paras, colW[c] - 2 * pad))) + 2 * pad);
  const h = rowH.reduce((s, x) => s + x, 0);
  const parts: Drawn[] = [];
  const caption = biParas(b.caption ?? {}, {
    zh: { size: sz(SIZE.small, env), color: COLOR.muted },
    en: { size: sz(SIZE.small, env), color: COLOR.muted },
  });
  if (caption.length > 0 && !repeatsTitle(plain(b.caption?.zh), env)) {
    parts.push(textBox([{ runs: caption.flatMap((p, i) => (i === 0 ? p.runs : [{ ...p.runs[0], text: ' ' }, ...p.runs])) }], width));
  }
  parts.push({
    h,
    items: [{ kind: 'table', x: 0, y: 0, w: width, h, colW, rowH, rows, border: { color: COLOR.rule, width: 0.75 }, pad }],
  });
  return stack(parts, 4 * env.scale);
};

const CALLOUT_FILL: Record<CalloutBlock['tone'], string> = { key: COLOR.accentSoft, info: COLOR.panel, note: COLOR.panel };

const callout: Handler<CalloutBlock> = (b, width, env) => {
  const pad = GAP.calloutPad * env.scale;
  const innerW = width - 2 * pad - GAP.barWidth;
  const parts: Drawn[] = [];
  if (b.title) {
    parts.push(
      textBox(
        biParas(b.title, {
          zh: { size: sz(SIZE.bodyZh, env), color: COLOR.accent, bold: true },
          en: { size: sz(SIZE.bodyEn, env), color: COLOR.accent },
        }),
        innerW,
      ),
    );
  }
  parts.push(...b.children.map((c) => drawBlock(c, innerW, env)));
  const inner = stack(parts, GAP.item * env.scale);
  const h = inner.h + 2 * pad;
  return {
    h,
    items: [
      { kind: 'rect', x: 0, y: 0, w: width, h, fill: CALLOUT_FILL[b.tone] },
      { kind: 'rect', x: 0, y: 0, w: GAP.barWidth, h, fill: COLOR.accent },
      ...translate(inner.items, GAP.barWidth + pad, pad),
    ],
  };
};

const group: Handler<GroupBlock> = (b, width, env) =>
  stack(
    b.children.map((c) => drawBlock(c, width, env)),
    GAP.block * env.scale,
  );

/**
 * Timeline: a horizontal axis with a disc per event. With four or more
 * events the labels alternate above and below the axis, so each label may be
 * two slots wide; dates sit next to the axis, the event text further out.
 */
const figure: Handler<TimelineFigure> = (b, width, env) => {
  const n = b.events.length;
  const parts: Drawn[] = [];
  const caption = plain(b.caption.zh);
  if (caption && !repeatsTitle(caption, env)) {
    parts.push(
      textBox(
        [
          {
            runs: [
              ...runs(b.caption.zh, 'zh', { size: sz(SIZE.small, env), color: COLOR.muted }),
              ...runs(b.caption.en, 'en', { size: sz(SIZE.small, env), color: COLOR.muted }).map((r, i) =>
                i === 0 ? { ...r, text: ` ${r.text}` } : r,
              ),
            ],
          },
        ],
        width,
      ),
    );
  }
  if (n === 0) return stack(parts, 0);
  // Alternating labels get two slots each; with many events one row of narrow columns can be shorter: take the shorter.
  const drawn = [timelineAxis(b, width, env, true), timelineAxis(b, width, env, false)];
  parts.push(n >= 4 && drawn[0].h <= drawn[1].h ? drawn[0] : drawn[1]);
  return stack(parts, 8 * env.scale);
};

/** The axis with a disc per event and its labels, alternating above and below or all below. */
function timelineAxis(b: TimelineFigure, width: number, env: Env, alternate: boolean): Drawn {
  const n = b.events.length;
  const slot = width / n;
  // Each label may use the room up to its same-side neighbours' slots (one slot each way when alternating).
  const reach = alternate ? slot - 5 : slot / 2 - (env.density === 'compact' ? 2 : 5);
  const dot = 12 * env.scale;
  const tick = 10 * env.scale;
  // Label sizes at scale 1: a compact slide's are the theme's compact timeline sizes at its starting scale.
  const z = env.density === 'compact' ? slideTimeline('compact') : null;
  const k = z ? 1 / (env.startScale ?? 1) : 1;
  const size = z
    ? { date: z.zh * k, zh: z.zh * k, en: z.en * k }
    : { date: SIZE.timelineDate, zh: SIZE.timelineZh, en: SIZE.timelineEn };
  const labels = b.events.map((e, i) => {
    const cx = slot * (i + 0.5);
    const x = Math.max(0, cx - reach);
    const w = Math.min(width, cx + reach) - x;
    // Centred under the disc unless the slide edge cut the label short on one side.
    const align: Para['align'] = cx - reach < 0 ? 'left' : cx + reach > width ? 'right' : 'center';
    const paras: Para[] = [
      ...biParas(e.dateLabel, {
        zh: { size: sz(size.date, env), color: COLOR.accent, bold: true },
        en: { size: sz(size.en, env), color: COLOR.accent },
      }).map((p) => ({ ...p, align })),
      ...bodyParas(e.text, e.cites, env, { zh: size.zh, en: size.en }).map((p) => ({ ...p, align })),
    ];
    if (paras.length > 0) paras[0] = { ...paras[0], spaceAfter: 3 * env.scale };
    const above = alternate && i % 2 === 0;
    return { paras, cx, x, w, above, h: textHeight(paras, w) };
  });
  const aboveH = Math.max(0, ...labels.filter((l) => l.above).map((l) => l.h));
  const belowH = Math.max(0, ...labels.filter((l) => !l.above).map((l) => l.h));
  const axisY = aboveH + (aboveH > 0 ? tick : 0) + dot / 2;
  const items: Item[] = [{ kind: 'line', x: 0, y: axisY, w: width, h: 0, color: COLOR.muted, width: 1.5 }];
  for (const l of labels) {
    const y = l.above ? aboveH - l.h : axisY + dot / 2 + tick;
    const tickY = l.above ? aboveH : axisY + dot / 2;
    items.push({ kind: 'line', x: l.cx, y: tickY, w: 0, h: tick, color: COLOR.rule, width: 1 });
    items.push({ kind: 'ellipse', x: l.cx - dot / 2, y: axisY - dot / 2, w: dot, h: dot, fill: COLOR.accent, line: { color: COLOR.white, width: 1.5 } });
    items.push({ kind: 'text', x: l.x, y, w: l.w, h: l.h, paras: l.paras, valign: l.above ? 'bottom' : 'top' });
  }
  return { h: axisY + dot / 2 + tick + belowH, items };
}

/** A slide nested where blocks are expected: its children, stacked. */
const slide: Handler<SlideBlock> = (b, width, env) =>
  stack(
    b.children.map((c) => drawBlock(c, width, env)),
    GAP.block * env.scale,
  );

export const handlers: Handlers = {
  title,
  heading,
  paragraph,
  pair,
  list,
  checkItem,
  progress,
  table,
  callout,
  group,
  figure,
  slide,
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
export const unknownBlock: Handler<Block> = (b, width, env) =>
  textBox(
    inlineTexts(b).map(({ lang, text }) => ({
      runs: runs(text, lang, { size: sz(lang === 'zh' ? SIZE.bodyZh : SIZE.bodyEn, env), color: lang === 'zh' ? COLOR.zh : COLOR.en }),
    })),
    width,
  );

export function drawBlock(block: Block, width: number, env: Env): Drawn {
  const handler = (handlers as Record<string, Handler<Block> | undefined>)[block.type] ?? unknownBlock;
  return handler(block, width, env);
}
