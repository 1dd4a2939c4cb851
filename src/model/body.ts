/**
 * The top level of the document: the lede, sections (level-2 headings with
 * `:en[…]{#id}`) with their summaries and sub-headings, the body blocks of
 * each (`blocks.ts`), and the dispatch of top-level editorial directives.
 * One handler per node type.
 */
import type { FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import type { BodyPart, Section } from './types.js';
import { createNotes, endFlow, finishFootnotes, firstLine, readFlowNode, readSubHeading, type BodyState, type Flow, type Part } from './blocks.js';
import { editorialHandlers, emptyEditorial, KNOWN_CONTAINERS, type Editorial, type EditorialOptions } from './editorial.js';
import { reportUnknownDirective } from './inline.js';
import { checkAttributes, checkPlainInline, openingPlace, readTexts, registerId, type Registry } from './items.js';
import { report, type Ctx } from './report.js';
import { plainText, walk } from './tree.js';

export interface Body extends Editorial {
  lede: BodyPart;
  sections: Section[];
}

interface State extends BodyState {
  body: Body;
  flow: Flow;
  current: Section | null;
  /** Heading of the current section and whether it got a summary. */
  heading: Heading | null;
  summarised: boolean;
  editorial: EditorialOptions;
}

/** True for a heading written by underlining its text (`===`, `---`) instead of with `#`. */
export function isSetext(ctx: Ctx, heading: Heading): boolean {
  const start = heading.position?.start.offset ?? 0;
  return !/^ {0,3}#/.test(ctx.text.slice(start, start + 4));
}

/** Close the current section: it must have had a summary. */
function closeSection(s: State): void {
  endFlow(s, s.flow);
  if (s.current && s.heading && !s.summarised) {
    report(s.ctx, 'section-summary-missing', `Section \`${s.current.id || s.current.title.zh}\` has no \`:::summary\``, firstLine(s.ctx, s.heading));
  }
}

function openSection(s: State, h: Heading): void {
  closeSection(s);
  const en = h.children.find((c): c is TextDirective => c.type === 'textDirective' && (c as TextDirective).name === 'en');
  checkPlainInline(s.ctx, h, 'a section heading');
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
  const number = s.body.sections.length + 1;
  const section: Section = { id: id ?? '', number, title: { zh, en: enText }, summary: { zh: '', en: '' }, blocks: [], paragraphs: [] };
  const part: Part = { number, sectionId: id ?? null, base: id ?? `s${number}`, blocks: section.blocks, paragraphs: section.paragraphs };
  s.part = part;
  s.flow = { out: section.blocks, quoted: false, caption: null };
  s.current = section;
  s.heading = h;
  s.summarised = false;
  s.body.sections.push(section);
}

type RootHandler = (s: State, node: RootContent) => void;

const rootHandlers: Record<string, RootHandler> = {
  heading: (s, node) => {
    const h = node as Heading;
    if (isSetext(s.ctx, h)) {
      const marker = h.depth === 1 ? '===' : '---';
      report(s.ctx, 'heading-level', `A line of text underlined with \`${marker}\` is read as a heading: write \`## 标题 :en[Title]{#id}\` for a section, or leave a blank line before \`${marker}\``, firstLine(s.ctx, h));
      return;
    }
    if (h.depth === 2) return openSection(s, h);
    if (h.depth === 3 || h.depth === 4) return readSubHeading(s, s.flow, h);
    const hint = h.depth === 1 ? 'the title goes in the front matter `title:`; sections open with `##`' : 'use `###` or `####` for sub-headings';
    report(s.ctx, 'heading-level', `Level-${h.depth} heading: ${hint}`, firstLine(s.ctx, h));
  },

  containerDirective: (s, node) => {
    const d = node as ContainerDirective;
    endFlow(s, s.flow);
    if (d.name === 'summary') return readSummary(s, d);
    const handler = editorialHandlers[d.name];
    if (handler) return handler(s.ctx, s.reg, d, s.body, s.editorial);
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
    reportUnknownDirective(s.ctx, d, '::', ['table', 'zh', 'en', 'def-zh', 'def-en'], openingPlace(s.ctx, d));
  },
};

const unknownRoot: RootHandler = (s, node) => {
  report(s.ctx, 'unexpected-content', `Unexpected content: the body holds paragraphs, lists, quotes, tables, footnotes, headings and directives`, firstLine(s.ctx, node));
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

/** The footnote definitions of the tree (wherever they are), so that references read before them get their ids. */
function footnoteDefinitions(tree: Root): { identifier: string; label: string }[] {
  const out: { identifier: string; label: string }[] = [];
  walk(tree, (node) => {
    if (node.type === 'footnoteDefinition') {
      const d = node as FootnoteDefinition;
      out.push({ identifier: d.identifier, label: d.label ?? d.identifier });
      return false;
    }
    // Definitions are blocks: no need to look inside paragraphs.
    return node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table';
  });
  return out;
}

/** Walk the top level of the document: body and editorial items. */
export function readBody(ctx: Ctx, reg: Registry, tree: Root, editorial: EditorialOptions = {}): Body {
  const lede: Part = { number: 0, sectionId: null, base: 'lede', blocks: [], paragraphs: [] };
  const body: Body = { lede: { number: 0, blocks: lede.blocks, paragraphs: lede.paragraphs }, sections: [], ...emptyEditorial() };
  const s: State = {
    ctx,
    reg,
    part: lede,
    notes: createNotes(footnoteDefinitions(tree)),
    body,
    flow: { out: lede.blocks, quoted: false, caption: null },
    current: null,
    heading: null,
    summarised: false,
    editorial,
  };
  for (const node of tree.children) {
    if (readFlowNode(s, s.flow, node)) continue;
    (Object.hasOwn(rootHandlers, node.type) ? rootHandlers[node.type] : unknownRoot)(s, node);
  }
  closeSection(s);
  finishFootnotes(s);
  return s.body;
}
