/**
 * The article body: lede, sections (level-2 headings with `:en[…]{#id}`),
 * their summaries, paragraphs (`:p{#id}`) and bulleted lists — plus the
 * dispatch of top-level editorial directives. One handler per node type.
 */
import type { Heading, List, Paragraph as MdParagraph, Root, RootContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import type { Paragraph, Section } from './types.js';
import { editorialHandlers, emptyEditorial, KNOWN_CONTAINERS, type Editorial } from './editorial.js';
import { reportUnknownDirective, toSpans } from './inline.js';
import { checkAttributes, describe, openingPlace, readTexts, registerId, type Registry } from './items.js';
import { report, span, type Ctx } from './report.js';
import { plainText } from './tree.js';

export interface Body extends Editorial {
  lede: Paragraph[];
  sections: Section[];
}

interface State {
  ctx: Ctx;
  reg: Registry;
  body: Body;
  current: Section | null;
  /** Heading of the current section and whether it got a summary. */
  heading: Heading | null;
  summarised: boolean;
}

/** Place of a node's first line. */
function firstLine(ctx: Ctx, node: RootContent) {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const nl = ctx.text.indexOf('\n', start);
  return span(ctx, start, nl >= 0 && nl < end ? (ctx.text[nl - 1] === '\r' ? nl - 1 : nl) : end);
}

/** Read one body paragraph (`:p{#id}` + text); undefined when it cannot be used. */
export function readParagraph(ctx: Ctx, reg: Registry, node: MdParagraph, sectionId: string | null, listItem: boolean): Paragraph | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'textDirective' || (first as TextDirective).name !== 'p') {
    report(ctx, 'paragraph-without-id', 'Paragraph has no id: start it with `:p{#id}`', firstLine(ctx, node));
    return undefined;
  }
  const p = first as TextDirective;
  const sources = checkAttributes(ctx, p, ['id', 'label-en']);
  if (p.children.length > 0) report(ctx, 'unexpected-content', '`:p` takes no [label]: write the text after `:p{#id}`', p.position);
  const id = registerId(ctx, reg, p, sources, 'paragraph', 'paragraph-without-id');
  const spans = toSpans(node.children.slice(1), ctx);
  const text = spans.map((s) => s.text).join('');
  if (text === '') report(ctx, 'empty-text', `Paragraph${id ? ` \`${id}\`` : ''} has no text`, p.position);
  const labelZh = spans[0]?.strong && /^[:：]/.test(spans[1]?.text ?? '') ? spans[0].text.trim() : undefined;
  const labelEn = p.attributes?.['label-en']?.trim();
  const labelSrc = sources.get('label-en');
  if (labelZh && !labelEn) {
    const strong = node.children[1];
    report(ctx, 'missing-en', `Label \`${labelZh}\` has no English: add \`label-en="…"\` to \`:p\``, strong?.position ?? p.position);
  }
  if (labelEn !== undefined && !labelZh) {
    const place = labelSrc ? span(ctx, labelSrc.start, labelSrc.end) : p.position;
    if (labelEn === '') report(ctx, 'empty-text', 'Empty `label-en`: write the English label', place);
    else report(ctx, 'missing-zh', '`label-en` needs a Chinese label: open the paragraph with `**标签**：`', place);
  }
  if (id === undefined) return undefined;
  reg.paragraphIds.add(id);
  return {
    id,
    sectionId,
    ...(labelZh && labelEn ? { label: { zh: labelZh, en: labelEn } } : {}),
    text,
    spans,
    listItem,
    line: node.position?.start.line ?? 0,
  };
}

/** Close the current section: it must have had a summary. */
function closeSection(s: State): void {
  if (s.current && s.heading && !s.summarised) {
    report(s.ctx, 'section-summary-missing', `Section \`${s.current.id}\` has no \`:::summary\``, firstLine(s.ctx, s.heading));
  }
}

function addParagraph(s: State, p: Paragraph | undefined): void {
  if (!p) return;
  if (s.current) {
    s.current.blocks.push({ kind: 'paragraph', paragraph: p });
    s.current.paragraphs.push(p);
  } else s.body.lede.push(p);
}

type RootHandler = (s: State, node: RootContent) => void;

const rootHandlers: Record<string, RootHandler> = {
  yaml: () => {},

  // Raw HTML is reported by `checkRawContent` (safety.ts) and dropped.
  html: () => {},

  paragraph: (s, node) => addParagraph(s, readParagraph(s.ctx, s.reg, node as MdParagraph, s.current?.id ?? null, false)),

  heading: (s, node) => {
    const h = node as Heading;
    if (h.depth !== 2) {
      report(s.ctx, 'unexpected-content', `Level-${h.depth} heading: sections open with a level-2 heading (\`## 标题 :en[Title]{#id}\`)`, firstLine(s.ctx, h));
      return;
    }
    closeSection(s);
    const en = h.children.find((c): c is TextDirective => c.type === 'textDirective' && (c as TextDirective).name === 'en');
    const zh = plainText({ ...h, children: h.children.filter((c) => c !== en) } as Heading).replace(/\s+/g, ' ').trim();
    let id: string | undefined;
    let enText = '';
    if (en) {
      const sources = checkAttributes(s.ctx, en, ['id']);
      id = registerId(s.ctx, s.reg, en, sources, 'section');
      enText = plainText(en).replace(/\s+/g, ' ').trim();
      if (enText === '') report(s.ctx, 'empty-text', 'Empty `:en[]`: write the English section title', en.position);
    } else {
      report(s.ctx, 'missing-en', 'Section heading has no English title and id: add `:en[Title]{#id}`', firstLine(s.ctx, h));
    }
    if (zh === '') report(s.ctx, 'missing-zh', 'Section heading has no Chinese title', firstLine(s.ctx, h));
    const section: Section = { id: id ?? '', title: { zh, en: enText }, summary: { zh: '', en: '' }, blocks: [], paragraphs: [] };
    s.current = section;
    s.heading = h;
    s.summarised = false;
    s.body.sections.push(section);
  },

  list: (s, node) => {
    const list = node as List;
    if (list.ordered) report(s.ctx, 'unexpected-content', 'Numbered list: body lists are bulleted (`- :p{#id}…`)', firstLine(s.ctx, list));
    const items: Paragraph[] = [];
    for (const item of list.children) {
      const [first, ...rest] = item.children;
      if (!first || first.type !== 'paragraph') {
        report(s.ctx, 'paragraph-without-id', 'List item has no paragraph: write `- :p{#id}text`', item.position);
        continue;
      }
      for (const extra of rest) if (extra.type !== 'html') report(s.ctx, 'unexpected-content', `Unexpected ${describe(extra)} in a list item: one paragraph per item`, firstLine(s.ctx, extra));
      const p = readParagraph(s.ctx, s.reg, first, s.current?.id ?? null, true);
      if (p) items.push(p);
    }
    if (items.length === 0) return;
    if (s.current) {
      s.current.blocks.push({ kind: 'list', items });
      s.current.paragraphs.push(...items);
    } else s.body.lede.push(...items);
  },

  containerDirective: (s, node) => {
    const d = node as ContainerDirective;
    if (d.name === 'summary') return readSummary(s, d);
    const handler = editorialHandlers[d.name];
    if (handler) return handler(s.ctx, s.reg, d, s.body);
    if (KNOWN_CONTAINERS.includes(d.name)) {
      report(s.ctx, 'misplaced-directive', `\`:::${d.name}\` belongs inside a \`::::slide\``, openingPlace(s.ctx, d));
      return;
    }
    reportUnknownDirective(s.ctx, d, ':::', KNOWN_CONTAINERS, openingPlace(s.ctx, d));
  },

  leafDirective: (s, node) => {
    const d = node as RootContent & { name: string; type: 'leafDirective' };
    if (['zh', 'en', 'def-zh', 'def-en'].includes(d.name)) {
      report(s.ctx, 'misplaced-directive', `\`::${d.name}[…]\` belongs inside an editorial item (\`:::takeaway\`, \`:::summary\`, …)`, openingPlace(s.ctx, d));
      return;
    }
    reportUnknownDirective(s.ctx, d, '::', ['zh', 'en', 'def-zh', 'def-en'], openingPlace(s.ctx, d));
  },
};

const unknownRoot: RootHandler = (s, node) => {
  report(s.ctx, 'unexpected-content', `Unexpected ${describe(node)}: the body holds paragraphs, bulleted lists, section headings and directives`, firstLine(s.ctx, node));
};

function readSummary(s: State, d: ContainerDirective): void {
  checkAttributes(s.ctx, d, []);
  if (!s.current) {
    report(s.ctx, 'misplaced-directive', '`:::summary` belongs right after a section heading', openingPlace(s.ctx, d));
    return;
  }
  if (s.summarised) {
    report(s.ctx, 'duplicate-text', `Section \`${s.current.id}\` already has a summary: keep exactly one`, openingPlace(s.ctx, d));
    return;
  }
  s.summarised = true;
  const { texts, containers } = readTexts(s.ctx, d, ['text'], '`:::summary`');
  for (const c of containers) report(s.ctx, 'misplaced-directive', `\`:::${c.name}\` cannot appear inside \`:::summary\``, openingPlace(s.ctx, c));
  if (texts.zh !== undefined && texts.en !== undefined) s.current.summary = { zh: texts.zh, en: texts.en };
}

/** Walk the top level of the document: body and editorial items. */
export function readBody(ctx: Ctx, reg: Registry, tree: Root): Body {
  const s: State = { ctx, reg, body: { lede: [], sections: [], ...emptyEditorial() }, current: null, heading: null, summarised: false };
  for (const node of tree.children) (rootHandlers[node.type] ?? unknownRoot)(s, node);
  closeSection(s);
  return s.body;
}
