/**
 * The article's body through unified: IR blocks → mdast → (remark-rehype,
 * i.e. mdast-util-to-hast) → hast. Passages become paragraphs, quotes
 * blockquotes, lists list/listItem (nested, with `start`), tables GFM tables
 * with their alignment, footnotes GFM footnoteReference/footnoteDefinition,
 * runs text/strong/emphasis/inlineCode/link — so lists, tables, quotes and
 * footnotes get the library's rendering. What mdast has no node for is a
 * custom node with its own handler: a passage's mark and margin notes, a
 * table's caption, mark and notes, the place of the footnotes, and any other
 * IR block (drawn by the page's block handlers).
 *
 * `irToMdast` and `fixFootnotes`/`alignToClass` are plain functions; the
 * unified pipeline (`bodyToHast`) only chains them.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type * as M from 'mdast';
import type { Handler as ToHastHandler, State } from 'mdast-util-to-hast';
import { h, remarkRehype, unified } from '../../vendor/html.js';
import type { Block, Inline, MarginNote, PassageBlock, TableBlock } from '../../ir/types.js';
import { bi, hasText, refHref, ROLE_CLASS, safeHref } from './inline.js';
import type { HtmlContext } from './handlers/index.js';
import { citable } from './handlers/notes.js';
import { tableCaption } from './handlers/table.js';
import { scoped } from './handlers/text.js';

/** Custom mdast nodes: each carries its IR block in `data.block` and has a handler below. */
interface IrNode {
  type: 'irPassage' | 'irTable' | 'irFootnotes' | 'irContainer' | 'irBlock';
  data: { block: Block; noId?: boolean };
  children: M.RootContent[];
}
/** A phrasing node drawn as a span with a class (a run's role) or a language. */
interface SpanNode {
  type: 'irSpan';
  data: { hName: 'span'; hProperties: Record<string, unknown> };
  children: M.PhrasingContent[];
}

type AnyNode = M.RootContent | IrNode | SpanNode;

const media = (b: Block) => (b.media ? [`media-${b.media}`] : []);

/** Everything needed to turn runs into mdast: the page's product and the footnote ids of the body. */
interface ToMdast {
  ctx: HtmlContext;
  footnoteIds: ReadonlySet<string>;
}

/** Text with its hard line breaks as `break` nodes. */
function textNodes(value: string): M.PhrasingContent[] {
  const out: M.PhrasingContent[] = [];
  value.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

/** Runs → mdast phrasing: code, emphasis, strong, link (a ref resolved like every link), roles as classes. */
export function phrasing(runs: Inline | undefined, t: ToMdast): M.PhrasingContent[] {
  return (runs ?? []).map((s): M.PhrasingContent => {
    if (s.role === 'noteref' && s.ref && s.ref.product === t.ctx.own && t.footnoteIds.has(s.ref.anchor)) {
      // The library numbers references; the run's own text is put back by fixFootnotes.
      return { type: 'footnoteReference', identifier: s.ref.anchor, label: s.ref.anchor, data: { hProperties: { dataText: s.text } } };
    }
    let nodes: M.PhrasingContent[] = s.code ? [{ type: 'inlineCode', value: s.text }] : textNodes(s.text);
    if (s.em) nodes = [{ type: 'emphasis', children: nodes }];
    if (s.strong) nodes = [{ type: 'strong', children: nodes }];
    const role = s.role ? ROLE_CLASS[s.role] : undefined;
    const href = s.ref ? refHref(s.ref, t.ctx.own) : safeHref(s.href);
    if (href) {
      const link: M.Link = { type: 'link', url: href, children: nodes, ...(role ? { data: { hProperties: { className: [role] } } } : {}) };
      return s.role === 'noteref' ? (roleSpan(['noteref-sup'], [link], 'sup') as unknown as M.PhrasingContent) : link;
    }
    if (role) return roleSpan([role], nodes) as unknown as M.PhrasingContent;
    return nodes.length === 1 ? nodes[0] : (roleSpan([], nodes) as unknown as M.PhrasingContent);
  });
}

function roleSpan(className: string[], children: M.PhrasingContent[], tag: 'span' | 'sup' = 'span', lang?: string): SpanNode {
  return { type: 'irSpan', data: { hName: tag as 'span', hProperties: { className: className.length ? className : undefined, lang } }, children };
}

/** Chinese, then English (marked `lang="en"`), of bilingual runs. */
function biPhrasing(b: { zh?: Inline; en?: Inline }, t: ToMdast): M.PhrasingContent[] {
  const out: M.PhrasingContent[] = [...phrasing(b.zh, t)];
  if (b.en?.length) {
    if (out.length) out.push({ type: 'text', value: ' ' });
    out.push(roleSpan([], phrasing(b.en, t), 'span', 'en') as unknown as M.PhrasingContent);
  }
  return out;
}

const irNode = (type: IrNode['type'], block: Block, children: M.RootContent[] = [], noId = false): M.RootContent =>
  ({ type, data: { block, noId }, children }) as unknown as M.RootContent;

/** IR blocks → mdast blocks. */
export function irToMdast(blocks: readonly Block[], t: ToMdast): M.RootContent[] {
  return blocks.flatMap((b): M.RootContent[] => {
    switch (b.type) {
      case 'passage':
        return [irNode('irPassage', b, [{ type: 'paragraph', children: phrasing(b.text, t) }])];
      case 'quote':
        return [{ type: 'blockquote', children: irToMdast(b.children, t) as M.BlockContent[], data: { hProperties: { id: t.ctx.id(b.id), className: ['quote', ...media(b)] } } }];
      case 'list':
        return [
          {
            type: 'list',
            ordered: b.ordered,
            start: b.ordered ? (b.start ?? 1) : undefined,
            spread: false,
            data: { hProperties: { id: t.ctx.id(b.id), className: ['body-list', ...media(b)] } },
            children: b.items.map(
              (it): M.ListItem => ({
                type: 'listItem',
                spread: false,
                data: { hProperties: { id: t.ctx.id(it.id) } },
                children: [
                  ...(it.text.zh?.length || it.text.en?.length || it.source?.length
                    ? [
                        {
                          type: 'paragraph' as const,
                          children: [
                            ...biPhrasing(it.text, t),
                            ...(it.source?.length ? [roleSpan(['source'], phrasing(it.source, t)) as unknown as M.PhrasingContent] : []),
                          ],
                        },
                      ]
                    : []),
                  ...(irToMdast(it.children ?? [], t) as M.BlockContent[]),
                ],
              }),
            ),
          },
        ];
      case 'table':
        return [irNode('irTable', b, [tableToMdast(b, t)])];
      case 'footnotes':
        return [
          irNode(
            'irFootnotes',
            b,
            b.items.map(
              (it): M.FootnoteDefinition => ({
                type: 'footnoteDefinition',
                identifier: it.id,
                label: it.id,
                children: [
                  irNode('irPassage', { type: 'passage', id: it.id, mark: it.mark ?? '', text: it.text, notes: it.notes ?? [], cites: [] }, [{ type: 'paragraph', children: phrasing(it.text, t) }], true) as unknown as M.BlockContent,
                ],
              }),
            ),
          ),
        ];
      case 'group':
      case 'callout':
        return [irNode('irContainer', b, irToMdast(b.children, t))];
      default:
        return [irNode('irBlock', b)];
    }
  });
}

function tableToMdast(b: TableBlock, t: ToMdast): M.Table {
  const row = (cells: { text: { zh?: Inline; en?: Inline }; source?: Inline }[]): M.TableRow => ({
    type: 'tableRow',
    children: b.columns.map((_, i) => ({
      type: 'tableCell' as const,
      children: cells[i] ? [...biPhrasing(cells[i].text, t), ...(cells[i].source?.length ? [roleSpan(['source'], phrasing(cells[i].source, t)) as unknown as M.PhrasingContent] : [])] : [],
    })),
  });
  return { type: 'table', align: b.columns.map((c) => c.align ?? null), children: [row(b.columns), ...b.rows.map(row)] };
}

/** Handlers of the custom nodes: each draws its IR block, its mdast children converted by the library. */
function customHandlers(ctx: HtmlContext): Record<IrNode['type'], ToHastHandler> {
  const blockOf = (node: unknown) => (node as IrNode).data.block;
  const withMedia = (el: Element, b: Block) => {
    if (b.media) el.properties.className = [...((el.properties.className as string[]) ?? []), `media-${b.media}`];
    return el;
  };
  return {
    irPassage(state: State, node) {
      const b = blockOf(node) as PassageBlock;
      const own = (node as unknown as IrNode).data.noId;
      return withMedia(citable(own ? undefined : ctx.id(b.id), b.mark || undefined, state.all(node), b.notes as MarginNote[], ctx, [], own ? b.id : undefined), b);
    },
    irTable(state: State, node) {
      const b = blockOf(node) as TableBlock;
      const id = ctx.id(b.id);
      const [tableEl] = state.all(node).filter((n): n is Element => n.type === 'element');
      tableEl.children.unshift(...tableCaption(b, ctx));
      if (b.mark || b.notes?.length) return withMedia(citable(id, b.mark, [h('div', { className: 'table-wrap' }, [tableEl])], b.notes, ctx, ['passage-table']), b);
      return withMedia(h('div', { className: 'table-wrap', id }, [tableEl]), b);
    },
    irFootnotes(state: State, node) {
      // Definitions no reference points to still get a number (after the referenced ones, as the model numbers them).
      for (const it of (blockOf(node) as Extract<Block, { type: 'footnotes' }>).items) {
        ctx.id(it.id);
        const key = it.id.toUpperCase();
        if (!state.footnoteOrder.includes(key)) state.footnoteOrder.push(key);
      }
      const items = (blockOf(node) as Extract<Block, { type: 'footnotes' }>).items;
      return withMedia(h('div', { dataFootnotesHere: JSON.stringify(items.map((it) => [it.id, it.label])), id: ctx.id(blockOf(node).id) }), blockOf(node));
    },
    irContainer(state: State, node) {
      const b = blockOf(node) as Extract<Block, { type: 'group' | 'callout' }>;
      if (b.type === 'callout') {
        const title = hasText(b.title) ? [h('p', { className: 'callout-title' }, bi(b.title, 'span', '', ctx.own))] : [];
        return withMedia(h('div', { className: ['callout', `callout-${b.tone}`], id: ctx.id(b.id) }, [...title, ...state.all(node)]), b);
      }
      const children = scoped(ctx, () => state.all(node));
      return withMedia(h(b.children.some((c) => c.type === 'heading') ? 'section' : 'div', { className: 'group', id: ctx.id(b.id) }, children), b);
    },
    irBlock(_state: State, node) {
      return ctx.one(blockOf(node)) as HastContent[] as Element[];
    },
  };
}

/** Every element of a hast tree, depth first. */
function* elements(node: HastRoot | Element): Generator<Element> {
  for (const c of node.children) {
    if (c.type === 'element') {
      yield c;
      yield* elements(c);
    }
  }
}

/**
 * The library's table cells carry the obsolete `align` attribute: the
 * alignment becomes a class instead (css.ts aligns it).
 */
export function alignToClass(tree: HastRoot): void {
  for (const el of elements(tree)) {
    const a = el.properties.align;
    if (typeof a === 'string') {
      delete el.properties.align;
      if (a !== 'left') el.properties.className = [...((el.properties.className as string[]) ?? []), `align-${a}`];
    }
  }
}

/**
 * The library's footnotes section, made the IR's: its notes go where the Doc
 * puts them (each footnotes block's placeholder gets a section with its own
 * notes, each numbered by its Doc label), its invented "Footnotes" label
 * removed, each item anchored at its IR id (the anchor citations link to),
 * each reference showing its run's own text.
 */
export function fixFootnotes(tree: HastRoot): void {
  const section = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'section' && 'dataFootnotes' in c.properties);
  // Each placeholder names its notes and their labels (the model's numbers), as [id, label] pairs.
  const placeholders: { parent: HastRoot | Element; index: number; labels: Map<string, string> }[] = [];
  const find = (node: HastRoot | Element) =>
    node.children.forEach((c, index) => {
      if (c.type !== 'element') return;
      if ('dataFootnotesHere' in c.properties) placeholders.push({ parent: node, index, labels: new Map(JSON.parse(String(c.properties.dataFootnotesHere)) as [string, string][]) });
      else find(c);
    });
  find(tree);
  if (section) tree.children.splice(tree.children.indexOf(section), 1);
  const notes: Element[] = [];
  if (section) {
    section.children = section.children.filter((c) => !(c.type === 'element' && c.properties.id === 'footnote-label'));
    const ids = new Map<string, string>();
    for (const el of elements(section)) {
      if (el.tagName === 'li') {
        // The way back to the reference ends the note's text, as the library does for a plain paragraph.
        const back = el.children.filter((c): c is Element => c.type === 'element' && 'dataFootnoteBackref' in c.properties);
        const text = [...elements(el)].filter((p) => p.tagName === 'p').pop();
        if (back.length && text) {
          el.children = el.children.filter((c) => !back.includes(c as Element) && !(c.type === 'text' && c.value.trim() === ''));
          text.children.push(...back.flatMap((b): ElementContent[] => [{ type: 'text', value: ' ' }, b]));
        }
      }
      if (el.tagName === 'li' && typeof el.properties.id === 'string') {
        const irId = (el.children.find((c): c is Element => c.type === 'element' && typeof c.properties.dataIrId === 'string')?.properties.dataIrId as string) ?? '';
        if (irId) {
          ids.set(`#${el.properties.id}`, `#${encodeURIComponent(irId)}`);
          el.properties.id = irId;
        }
      }
    }
    const list = section.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
    list?.children.forEach((c) => {
      if (c.type === 'element' && c.tagName === 'li') notes.push(c);
    });
    for (const el of elements(tree)) {
      if (el.tagName === 'sup' && typeof el.properties.dataText === 'string') {
        const link = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
        if (link) {
          link.children = [{ type: 'text', value: el.properties.dataText }];
          delete link.properties.ariaDescribedBy;
          link.properties.className = ['noteref'];
          const href = ids.get(String(link.properties.href));
          if (href) link.properties.href = href;
        }
        delete el.properties.dataText;
        el.properties.className = ['noteref-sup'];
      }
    }
  }
  for (const el of [...elements(tree), ...notes.flatMap((li) => [...elements(li)])]) if ('dataIrId' in el.properties) delete el.properties.dataIrId;
  // Each placeholder takes its own notes; a note no placeholder names goes with the last one. From the last to the
  // first, so that indices stay valid.
  const claimed = new Set(placeholders.flatMap((p) => [...p.labels.keys()]));
  placeholders.reverse().forEach(({ parent, index, labels }, k) => {
    const placeholder = parent.children[index] as Element;
    const own = notes.filter((li) => labels.has(String(li.properties.id)) || (k === 0 && !claimed.has(String(li.properties.id))));
    if (!section || own.length === 0) {
      parent.children.splice(index, 1);
      return;
    }
    // Each note shows the model's number (as the PDF and DOCX do), whatever the library's order.
    for (const li of own) {
      const label = labels.get(String(li.properties.id));
      if (label && /^\d+$/.test(label)) li.properties.value = label;
    }
    const ol = h('ol', own.flatMap((li): ElementContent[] => [{ type: 'text', value: '\n' }, li]));
    const props = { ...section.properties, className: [...((section.properties.className as string[]) ?? []), ...((placeholder.properties.className as string[]) ?? [])] } as Element['properties'];
    if (placeholder.properties.id) props.id = placeholder.properties.id;
    else delete props.id;
    parent.children.splice(index, 1, { type: 'element', tagName: 'section', properties: props, children: [ol] });
  });
}

/** Footnote ids of a body (the anchors a noteref run may point to). */
function footnoteIds(blocks: readonly Block[], out = new Set<string>()): Set<string> {
  for (const b of blocks) {
    if (b.type === 'footnotes') for (const it of b.items) out.add(it.id);
    if ('children' in b && Array.isArray(b.children)) footnoteIds(b.children as Block[], out);
    if (b.type === 'list') for (const it of b.items) footnoteIds(it.children ?? [], out);
  }
  return out;
}

/** IR body blocks → hast through mdast and remark-rehype, drawn with the page's context. */
export function bodyToHast(blocks: readonly Block[], ctx: HtmlContext): ElementContent[] {
  const root: M.Root = { type: 'root', children: irToMdast(blocks, { ctx, footnoteIds: footnoteIds(ctx.doc.blocks) }) };
  const processor = unified()
    .use(remarkRehype, {
      handlers: customHandlers(ctx) as never,
      clobberPrefix: '',
      // A glyph, not a word: the way back from a note to its reference.
      footnoteBackContent: '↑',
      footnoteBackLabel: (i: number, k: number) => `↑ ${i + 1}${k > 1 ? `-${k}` : ''}`,
    })
    .use(() => (tree: HastRoot) => {
      alignToClass(tree);
      fixFootnotes(tree);
    });
  const hast = processor.runSync(root as never) as unknown as HastRoot;
  return hast.children.filter((c): c is ElementContent => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
}
