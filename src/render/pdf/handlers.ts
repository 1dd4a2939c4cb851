/**
 * One handler per IR block type: block → pdfmake content. A block type
 * without a handler falls back to its children (or a visible note), never to
 * silence.
 */
import type {
  BiInline,
  Block,
  BlockType,
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
import { slideTimeline, slideType, theme, type SlideDensity } from '../../theme/theme.js';
import { lineHeight, CHECKBOX_SIZE, CITE_MARK, CONTENT_WIDTH, SLIDE_ANCHOR, STYLES, TIMELINE_DOT } from './constants.js';
import { inlineNodes, plainText } from './inline.js';

/** Loose pdfmake node: the backend builds plain objects and pdfmake validates them. */
export type Node = Record<string, unknown>;

export interface RenderState {
  page: 'a4' | 'slide';
  /** Type scale factor (1 normally; smaller for a slide being fitted to its page). */
  scale: number;
  /** Per-slide scale factors, by slide number. */
  slideScale: Map<number, number>;
  /** Density of the slide being rendered (slides only). */
  density?: SlideDensity;
  /** Id of the current level-1 outline entry (parent of level-2 entries). */
  outlineParent: string | null;
  outlineCount: number;
  /** Plain Chinese text of the last heading (a table caption repeating it is not printed again). */
  lastHeading?: string;
}

type Handler<B extends Block> = (block: B, st: RenderState) => Node | Node[];
type Handlers = { [T in BlockType]: Handler<Extract<Block, { type: T }>> };

const sz = (n: number, st: RenderState) => Math.round(n * st.scale * 100) / 100;
const isSlide = (st: RenderState) => st.page === 'slide';
/** Slide type scale of the slide being rendered. */
const slideT = (st: RenderState) => slideType(st.density);
const compact = (st: RenderState) => isSlide(st) && st.density === 'compact';

/** Body sizes for the current page kind. */
function bodySize(lang: 'zh' | 'en', st: RenderState): number {
  if (isSlide(st)) return sz(lang === 'zh' ? slideT(st).body : slideT(st).bodyEn, st);
  return sz(theme.size.body, st);
}

function langText(spans: Inline | undefined, lang: 'zh' | 'en', st: RenderState, extra: Node = {}): Node {
  return {
    text: inlineNodes(spans, lang),
    ...(lang === 'zh' ? STYLES.zh : STYLES.en),
    fontSize: bodySize(lang, st),
    ...(compact(st) ? { lineHeight: lineHeight(lang === 'zh' ? slideT(st).lineZh : slideT(st).lineEn) } : {}),
    ...extra,
  };
}

/** Both languages of a bilingual text, Chinese first, stacked. */
function biStack(text: BiInline, st: RenderState, extra: Node = {}): Node[] {
  const out: Node[] = [];
  if (text.zh?.length) out.push(langText(text.zh, 'zh', st, extra));
  if (text.en?.length) out.push(langText(text.en, 'en', st, extra));
  return out;
}

/** The ¶ line naming the source paragraphs of a point. */
export function citeLine(cites: string[], st: RenderState, extra: Node = {}): Node[] {
  if (cites.length === 0) return [];
  return [
    {
      text: `${CITE_MARK} ${cites.join(', ')}`,
      ...STYLES.cites,
      fontSize: sz(isSlide(st) ? slideT(st).small * 0.8 : theme.size.small, st),
      ...extra,
    },
  ];
}

function blockGap(st: RenderState): number {
  return sz(compact(st) ? slideT(st).gap : isSlide(st) ? theme.spacing.paragraph : theme.spacing.block, st);
}

const title: Handler<TitleBlock> = (b, st) => {
  const slide = isSlide(st);
  const meta = b.meta.map((m) => [
    { text: [...inlineNodes(m.label.zh, 'zh'), '\uFF1A', ...inlineNodes(m.value.zh, 'zh')], ...STYLES.meta, fontSize: sz(theme.size.meta, st) },
    { text: [...inlineNodes(m.label.en, 'en'), ': ', ...inlineNodes(m.value.en, 'en')], ...STYLES.meta, fontSize: sz(theme.size.meta, st), color: theme.colors.en },
  ]);
  return {
    stack: [
      { text: inlineNodes(b.title.zh, 'zh'), ...STYLES.title, fontSize: sz(slide ? theme.size.slideTitle : theme.size.title, st) },
      { text: inlineNodes(b.title.en, 'en'), ...STYLES.titleEn, fontSize: sz(slide ? theme.size.slideTitleEn : theme.size.subtitle, st), margin: [0, 4, 0, 0] },
      ...(b.subtitle ? biStack(b.subtitle, st, { color: theme.colors.muted, margin: [0, 4, 0, 0] }) : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: slide ? 120 : CONTENT_WIDTH.a4, y2: 0, lineWidth: slide ? 3 : 1, lineColor: theme.colors.accent }],
        margin: [0, 8, 0, 8],
      },
      ...(meta.length
        ? [
            {
              table: { widths: ['*', '*'], body: meta },
              layout: 'noBorders',
            },
          ]
        : []),
    ],
    margin: [0, slide ? 60 : 0, 0, blockGap(st) * 2],
  };
};

const heading: Handler<HeadingBlock> = (b, st) => {
  const style = b.level === 1 ? STYLES.h1 : b.level === 2 ? STYLES.h2 : STYLES.h3;
  const fontSize = sz(style.fontSize, st);
  const node: Node = {
    text: [
      ...inlineNodes(b.text.zh, 'zh'),
      ...(b.text.zh?.length && b.text.en?.length ? [{ text: '  ' }] : []),
      ...inlineNodes(b.text.en, 'en').map((n) => ({ ...n, ...STYLES.headingEn, fontSize: fontSize * 0.8 })),
    ],
    ...style,
    fontSize,
    margin: [0, b.level === 1 ? sz(theme.spacing.section, st) : blockGap(st), 0, sz(theme.spacing.paragraph, st)],
    headlineLevel: b.level,
  };
  st.lastHeading = plainText(b.text.zh);
  if (b.outline !== false && b.level <= 2 && !isSlide(st)) {
    const id = `outline-${++st.outlineCount}`;
    node.id = id;
    node.outline = true;
    node.outlineText = [plainText(b.text.zh), plainText(b.text.en)].filter(Boolean).join(' · ');
    if (b.level === 1) st.outlineParent = id;
    else if (st.outlineParent) node.outlineParentId = st.outlineParent;
  }
  return node;
};

const paragraph: Handler<ParagraphBlock> = (b, st) => {
  const role = b.role ?? 'body';
  const roleStyle = role === 'lead' ? STYLES.lead : role === 'note' ? STYLES.note : role === 'meta' ? STYLES.meta : {};
  const base = langText(b.text, b.lang, st);
  const size = 'fontSize' in roleStyle ? sz(roleStyle.fontSize as number, st) : (base.fontSize as number);
  return { ...base, ...roleStyle, fontSize: size, margin: [0, 0, 0, sz(theme.spacing.paragraph, st)] };
};

const pair: Handler<PairBlock> = (b, st) => {
  // Side by side, a pair is one unbreakable table row, which pdfmake drops when it is taller
  // than the page: a long pair is stacked (Chinese, then English) so that it can break.
  if (isSlide(st) || textLength(b) > MAX_SHORT_TEXT) {
    const body = [
      langText(b.zh, 'zh', st),
      { ...langText(b.en, 'en', st), margin: [0, 1, 0, 0] },
      ...citeLine(b.cites, st),
    ];
    return b.marker
      ? {
          columns: [
            { width: sz(22, st), text: b.marker, ...STYLES.marker, fontSize: bodySize('zh', st) },
            { width: '*', stack: body },
          ],
          columnGap: 4,
          margin: [0, 0, 0, blockGap(st)],
        }
      : { stack: body, margin: [0, 0, 0, blockGap(st)] };
  }
  const zh = langText(b.zh, 'zh', st);
  const en = { stack: [langText(b.en, 'en', st), ...citeLine(b.cites, st, { margin: [0, 3, 0, 0] })] };
  const widths = b.marker ? [18, '*', '*'] : ['*', '*'];
  const row = b.marker ? [{ text: b.marker, ...STYLES.marker }, zh, en] : [zh, en];
  return {
    table: { widths, body: [row], dontBreakRows: true },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : 8),
      paddingRight: () => 0,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 0, 0, blockGap(st)],
  };
};

const list: Handler<ListBlock> = (b, st) => {
  // On slides a item's ¶ citations follow its Chinese line; on pages they get a line of their own.
  const slideItem = (it: ListBlock['items'][number]): Node[] => {
    const [zh, ...rest] = biStack(it.text, st);
    if (!zh || it.cites.length === 0) return [...biStack(it.text, st), ...citeLine(it.cites, st)];
    const cite = citeLine(it.cites, st)[0];
    return [{ ...zh, text: [...(zh.text as Node[]), { text: `  ${cite.text as string}`, fontSize: cite.fontSize, color: theme.colors.muted }] }, ...rest];
  };
  const items = b.items.map((it) => ({
    stack: isSlide(st) ? slideItem(it) : [...biStack(it.text, st), ...citeLine(it.cites, st)],
    margin: [0, 0, 0, sz(isSlide(st) ? slideT(st).gap : 4, st)],
  }));
  return {
    [b.ordered ? 'ol' : 'ul']: items,
    markerColor: theme.colors.accent,
    fontSize: bodySize('zh', st),
    margin: [0, 0, 0, blockGap(st)],
  };
};

/** A drawn, empty (or ticked) checkbox. */
export function checkbox(checked: boolean): Node {
  const s = CHECKBOX_SIZE;
  const shapes: Node[] = [{ type: 'rect', x: 0.5, y: 0.5, w: s, h: s, r: 1.5, lineWidth: 1, lineColor: theme.colors.ink }];
  if (checked) {
    shapes.push({
      type: 'polyline',
      lineWidth: 1.5,
      lineColor: theme.colors.accent,
      points: [
        { x: 2.5, y: s / 2 + 0.5 },
        { x: s / 2, y: s - 2 },
        { x: s - 1.5, y: 2.5 },
      ],
    });
  }
  return { canvas: shapes, width: s + 2, margin: [0, 3, 0, 0] };
}

const checkItem: Handler<ChecklistItemBlock> = (b, st) => {
  const tags: Node = {
    text: [
      ...inlineNodes(b.actor.zh, 'zh'),
      ' / ',
      ...inlineNodes(b.actor.en, 'en'),
      ' · ',
      ...inlineNodes(b.horizon.zh, 'zh'),
      ' / ',
      ...inlineNodes(b.horizon.en, 'en'),
      ...(b.cites.length ? [`   ${CITE_MARK} ${b.cites.join(', ')}`] : []),
    ],
    ...STYLES.cites,
    margin: [0, 2, 0, 0],
  };
  return {
    columns: [
      checkbox(b.checked),
      { width: '*', stack: [langText(b.zh, 'zh', st), langText(b.en, 'en', st), tags] },
    ],
    columnGap: 8,
    id: `item-${b.id}`,
    unbreakable: true,
    margin: [0, 0, 0, blockGap(st)],
  };
};

const progress: Handler<ProgressBlock> = (b, st) => ({
  text: [
    ...inlineNodes(b.label.zh, 'zh'),
    ' / ',
    ...inlineNodes(b.label.en, 'en'),
    `:  0 / ${b.total}`,
  ],
  ...STYLES.meta,
  margin: [0, 0, 0, blockGap(st)],
});

const table: Handler<TableBlock> = (b, st) => {
  const small = isSlide(st) ? sz(slideT(st).bodyEn, st) : sz(theme.size.meta, st);
  const cell = (text: BiInline, cites: string[] | undefined, header: boolean): Node => ({
    stack: [...biStack(text, st, { fontSize: small, ...(header ? { bold: true } : {}) }), ...(cites ? citeLine(cites, st) : [])],
    ...(header ? { fillColor: theme.colors.panel } : {}),
  });
  const weights = b.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const width = CONTENT_WIDTH[st.page] - b.columns.length * 10;
  const out: Node[] = [];
  const repeatsHeading = b.caption && plainText(b.caption.zh) === st.lastHeading;
  if (b.caption && !isSlide(st) && !repeatsHeading) out.push({ stack: biStack(b.caption, st, { ...STYLES.caption }), margin: [0, 0, 0, 4] });
  out.push({
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: weights.map((w) => Math.floor((width * w) / total)),
      body: [b.columns.map((c) => cell(c.text, undefined, true)), ...b.rows.map((r) => r.map((c) => cell(c.text, c.cites, false)))],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => (compact(st) ? 2 : 3),
      paddingBottom: () => (compact(st) ? 2 : 3),
    },
    margin: [0, 0, 0, blockGap(st)],
  });
  return out;
};

const callout: Handler<CalloutBlock> = (b, st) => {
  const fill = b.tone === 'key' ? theme.colors.accentSoft : theme.colors.panel;
  const inner: Node[] = [];
  if (b.title) inner.push({ stack: biStack(b.title, st, { bold: true }), margin: [0, 0, 0, 4] });
  inner.push(...renderBlocks(b.children, st));
  // A boxed callout is one table row, which pdfmake cannot break across pages: a long one is not boxed.
  if (textLength(b) > MAX_BOXED_TEXT) return { stack: inner, margin: [0, 0, 0, blockGap(st)] };
  return {
    table: { widths: ['*'], body: [[{ stack: inner, fillColor: fill }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => theme.colors.accent,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 0,
    },
    margin: [0, 0, 0, blockGap(st)],
  };
};

const group: Handler<GroupBlock> = (b, st) => ({ stack: renderBlocks(b.children, st) });

/** Horizontal timeline for slides: a rule with one dot per event above equal columns. */
function timelineAcross(b: TimelineFigure, st: RenderState): Node {
  const width = CONTENT_WIDTH.slide;
  const n = Math.max(1, b.events.length);
  const col = width / n;
  const y = TIMELINE_DOT + 2;
  const shapes: Node[] = [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 2, lineColor: theme.colors.rule }];
  b.events.forEach((_, i) => {
    shapes.push({ type: 'ellipse', x: col * i + col / 2, y, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent });
  });
  const z = slideTimeline(st.density);
  return {
    stack: [
      { canvas: shapes, margin: [0, 0, 0, 6] },
      {
        columns: b.events.map((e) => ({
          width: '*',
          stack: [
            { text: [...inlineNodes(e.dateLabel.zh, 'zh')], bold: true, color: theme.colors.accent, fontSize: sz(z.zh, st), alignment: 'center' },
            { text: inlineNodes(e.dateLabel.en, 'en'), color: theme.colors.muted, fontSize: sz(z.en, st), alignment: 'center' },
            { text: inlineNodes(e.text.zh, 'zh'), fontSize: sz(z.zh, st), lineHeight: lineHeight(1.3), alignment: 'center', margin: [0, 4, 0, 0] },
            { text: inlineNodes(e.text.en, 'en'), fontSize: sz(z.en, st), color: theme.colors.en, lineHeight: lineHeight(1.2), alignment: 'center', margin: [0, 2, 0, 0] },
            ...citeLine(e.cites, st, { alignment: 'center', margin: [0, 2, 0, 0], fontSize: sz(z.cite, st) }),
          ],
        })),
        columnGap: z.gap,
      },
    ],
    margin: [0, 8, 0, blockGap(st)],
  };
}

/** Vertical timeline for A4: date, a rule with a dot per event, the event text. */
function timelineDown(b: TimelineFigure, st: RenderState): Node {
  const body = b.events.map((e) => [
    { stack: biStack(e.dateLabel, st, { fontSize: sz(theme.size.meta, st), bold: true, color: theme.colors.accent, lineHeight: lineHeight(1.3) }), alignment: 'right' },
    { canvas: [{ type: 'ellipse', x: 0, y: 7, r1: TIMELINE_DOT, r2: TIMELINE_DOT, color: theme.colors.accent }] },
    { stack: [...biStack(e.text, st), ...citeLine(e.cites, st)] },
  ]);
  return {
    stack: [
      {
        table: { widths: [110, 6, '*'], body, dontBreakRows: true },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 1 ? 1.5 : 0),
          vLineColor: () => theme.colors.rule,
          paddingLeft: (i: number) => (i === 1 ? 0 : 8),
          paddingRight: (i: number) => (i === 0 ? 10 : 0),
          paddingTop: () => 3,
          paddingBottom: () => 6,
        },
      },
    ],
    margin: [0, 0, 0, blockGap(st)],
  };
}

const figure: Handler<TimelineFigure> = (b, st) => (isSlide(st) ? timelineAcross(b, st) : timelineDown(b, st));

const slide: Handler<SlideBlock> = (b, st) => {
  const scale = st.slideScale.get(b.number) ?? 1;
  const inner: RenderState = { ...st, scale, density: b.density ?? 'normal' };
  const t = slideType(inner.density);
  const anchor = `${SLIDE_ANCHOR}${b.number}`;
  const head: Node[] =
    b.layout === 'title'
      ? [{ text: '', id: anchor }]
      : [
          { text: inlineNodes(b.title.zh, 'zh'), id: anchor, bold: true, fontSize: sz(t.title, inner), color: theme.colors.ink, lineHeight: lineHeight(1.15) },
          { text: inlineNodes(b.title.en, 'en'), fontSize: sz(t.titleEn, inner), color: theme.colors.en, margin: [0, 2, 0, inner.density === 'compact' ? 8 : 12] },
        ];
  return {
    stack: [...head, ...renderBlocks(b.children, inner)],
    ...(b.number > 1 ? { pageBreak: 'before' } : {}),
  };
};

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

/** A block of a type this backend does not know: its children, or a visible note. */
export function fallback(block: { type: string; children?: Block[] }, st: RenderState): Node[] {
  if (Array.isArray(block.children)) return renderBlocks(block.children, st);
  return [{ text: `[${block.type}]`, ...STYLES.note }];
}

export function renderBlock(block: Block, st: RenderState): Node[] {
  const handler = (handlers as Record<string, Handler<Block> | undefined>)[block.type];
  const out = handler ? handler(block, st) : fallback(block as { type: string }, st);
  return Array.isArray(out) ? out : [out];
}

/** Rows, events or children up to which a table, figure or callout counts as short. */
const SHORT_PARTS = 3;
/** Characters of text up to which a block counts as short (a third of a page, in the narrowest column). */
export const MAX_SHORT_TEXT = 1200;
/** Characters of text up to which a callout is boxed (a boxed callout cannot break across pages). */
export const MAX_BOXED_TEXT = 3000;

/** Characters of every text run of a block (`text` fields of its spans). */
export function textLength(block: Block): number {
  let n = 0;
  JSON.stringify(block, (key, v) => {
    if (key === 'text' && typeof v === 'string') n += v.length;
    return v;
  });
  return n;
}

/**
 * Blocks short enough (well under a page) to travel to the next page together
 * with their heading. Longer ones may break across pages, so they cannot sit in
 * an unbreakable stack (pdfmake drops what would fall on its second page).
 */
function isShort(b: Block): boolean {
  // However few its parts, a block with much text may be taller than a page.
  if (textLength(b) > MAX_SHORT_TEXT) return false;
  switch (b.type) {
    case 'pair':
    case 'paragraph':
    case 'checkItem':
      return true;
    case 'list':
      return b.items.length <= SHORT_PARTS * 2;
    case 'table':
      return b.rows.length <= SHORT_PARTS;
    case 'figure':
      return b.events.length <= SHORT_PARTS;
    case 'callout':
      return b.children.length <= SHORT_PARTS;
    default:
      return false;
  }
}

/** Groups draw nothing of their own on paged documents: lay their children out in the parent's flow. */
function flattenGroups(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => (b.type === 'group' ? flattenGroups(b.children) : [b]));
}

/**
 * Render blocks in order. On paged documents a run of headings is kept with
 * the short block after it (pdfmake's unbreakable stack), so a heading never
 * ends a page alone. pdfmake's `pageBreakBefore` cannot see this case: nodes
 * inside a table row that moved to the next page still report the earlier page.
 */
export function renderBlocks(blocks: Block[], st: RenderState): Node[] {
  if (isSlide(st)) return blocks.flatMap((b) => renderBlock(b, st));
  const flat = flattenGroups(blocks);
  const out: Node[] = [];
  for (let i = 0; i < flat.length; i++) {
    let j = i;
    while (flat[j]?.type === 'heading') j++;
    if (j > i && flat[j] && isShort(flat[j])) {
      // Inside an unbreakable stack nothing may ask for a page break (pdfmake would
      // split the stack and drop what falls on the second page): drop headlineLevel.
      const stack = flat.slice(i, j + 1).flatMap((b) => renderBlock(b, st).map(({ headlineLevel: _, ...node }) => node));
      out.push({ stack, unbreakable: true });
      i = j;
    } else {
      out.push(...renderBlock(flat[i], st));
    }
  }
  return out;
}
