/**
 * Named Word styles derived from the theme. The body never formats text
 * directly where a style serves, so a user can restyle the whole document
 * from Word's Styles pane.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  ShadingType,
  UnderlineType,
  type INumberingOptions,
  type IParagraphPropertiesOptions,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IStylesOptions,
  type IRunStylePropertiesOptions,
} from 'docx';
import { slideSpec, theme } from '../../theme/theme.js';
import { C, CJK_FONT, LANGUAGE, LATIN_FACE, LIST_INDENT, LIST_LEVELS, NUM, P, T, half, hex, twip } from './constants.js';
import { slideCharacterStyles, slideParagraphStyles } from './slide-styles.js';

const color = theme.colors;
const size = theme.size;

/** Run fonts of a style or run: the Latin face for ascii/hAnsi/cs, the CJK face for eastAsia. */
export const FONTS = { ascii: LATIN_FACE, hAnsi: LATIN_FACE, cs: LATIN_FACE, eastAsia: CJK_FONT } as const;

/** Line spacing "at least" the theme's line height (multiples of the CJK face's own tall line look too loose). */
function lines(pt: number, ratio: number): { line: number; lineRule: typeof LineRuleType.AT_LEAST } {
  return { line: twip(pt * ratio), lineRule: LineRuleType.AT_LEAST };
}

function run(pt: number, fg: string, extra: Partial<IRunStylePropertiesOptions> = {}): IRunStylePropertiesOptions {
  return { font: FONTS, language: LANGUAGE, size: half(pt), color: hex(fg), ...extra };
}

type Para = IParagraphStyleOptions;

function para(id: string, name: string, opts: Omit<Para, 'id' | 'name'>): Para {
  return { id, name, basedOn: P.normal, next: P.normal, quickFormat: true, ...opts };
}

const zhBody = (pt: number, fg: string = color.zh, after: number = theme.spacing.paragraph) => ({
  run: run(pt, fg),
  paragraph: { spacing: { before: 0, after: twip(after), ...lines(pt, theme.lineHeight.zh) } },
});
const enBody = (pt: number, fg: string = color.en, after: number = theme.spacing.paragraph) => ({
  run: run(pt, fg),
  paragraph: { spacing: { before: 0, after: twip(after), ...lines(pt, theme.lineHeight.en) } },
});

export const paragraphStyles: Para[] = [
  para(P.subtitle, 'Subtitle', {
    run: run(size.subtitle, color.muted),
    paragraph: { spacing: { before: 0, after: twip(theme.spacing.block) } },
  }),
  para(P.zh, 'Text Chinese', zhBody(size.body)),
  para(P.en, 'Text English', enBody(size.body)),
  para(P.lead, 'Lead', zhBody(size.h3)),
  para(P.note, 'Note', enBody(size.small, color.muted)),
  para(P.meta, 'Meta', { ...zhBody(size.meta, color.muted, 2) }),
  para(P.caption, 'caption', {
    run: run(size.meta, color.muted, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: twip(theme.spacing.block), after: twip(4) } },
  }),
  para(P.callout, 'Callout', {
    ...zhBody(size.body),
  }),
  para(P.calloutTitle, 'Callout Title', {
    run: run(size.h3, color.accent, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: 0, after: twip(4) } },
  }),
  para(P.checkItem, 'Checklist Item', {
    run: run(size.body, color.zh, { bold: true }),
    paragraph: {
      keepNext: true,
      indent: { left: twip(22), hanging: twip(22) },
      spacing: { before: twip(theme.spacing.block), after: twip(2), ...lines(size.body, theme.lineHeight.zh) },
    },
  }),
  para(P.checkItemEn, 'Checklist Item English', {
    run: run(size.body, color.en),
    paragraph: { keepNext: true, indent: { left: twip(22) }, spacing: { before: 0, after: twip(2), ...lines(size.body, theme.lineHeight.en) } },
  }),
  para(P.checkMeta, 'Checklist Details', {
    run: run(size.small, color.muted),
    paragraph: { indent: { left: twip(22) }, spacing: { before: 0, after: twip(4) } },
  }),
  para(P.listZh, 'List Chinese', { ...zhBody(size.body, color.zh, 0) }),
  para(P.listEn, 'List English', {
    ...enBody(size.body),
    paragraph: { indent: { left: twip(LIST_INDENT.left) }, spacing: { before: 0, after: twip(theme.spacing.paragraph), ...lines(size.body, theme.lineHeight.en) } },
  }),
  para(P.tableZh, 'Table Text Chinese', zhBody(size.meta, color.zh, 1)),
  para(P.tableEn, 'Table Text English', enBody(size.meta, color.en, 1)),
  para(P.tableHead, 'Table Heading', {
    run: run(size.meta, color.white, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: 0, after: 0 } },
  }),
  para(P.timelineDate, 'Timeline Date', {
    run: run(size.meta, color.accent, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: 0, after: twip(2) } },
  }),
  para(P.tocHeading, 'TOC Heading', {
    run: run(size.h2, color.accent, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: twip(theme.spacing.block), after: twip(4) } },
  }),
  para(P.toc1, 'toc 1', {
    run: run(size.body, color.ink),
    paragraph: { spacing: { before: twip(2), after: twip(2) } },
  }),
  para(P.toc2, 'toc 2', {
    run: run(size.body, color.ink),
    paragraph: { indent: { left: twip(14) }, spacing: { before: 0, after: twip(2) } },
  }),
  para(P.passageMark, 'Passage Mark', {
    run: run(size.small, color.accent, { bold: true }),
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: twip(2), after: 0 } },
  }),
  para(P.passage, 'Passage', zhBody(size.body)),
  para(P.quote, 'Quote', {
    ...zhBody(size.body, color.muted),
    paragraph: {
      indent: { left: twip(14) },
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: hex(color.rule), space: 8 } },
      spacing: { before: 0, after: twip(theme.spacing.paragraph), ...lines(size.body, theme.lineHeight.zh) },
    },
  }),
  para(P.marginNote, 'Margin Note', {
    run: run(size.small, color.muted),
    paragraph: { spacing: { before: 0, after: twip(2), ...lines(size.small, 1.35) } },
  }),
  para(P.marginNoteLabel, 'Margin Note Label', {
    basedOn: P.marginNote,
    run: run(size.small, color.accent, { bold: true }),
    paragraph: { keepNext: true, keepLines: true, spacing: { before: twip(4), after: twip(1) } },
  }),
  para(P.footnote, 'footnote text', {
    run: run(size.small, color.zh),
    paragraph: { spacing: { before: 0, after: twip(2), ...lines(size.small, 1.4) } },
  }),
  para(P.source, 'Source Line', {
    run: run(size.small, color.muted),
    paragraph: { spacing: { before: 0, after: twip(theme.spacing.paragraph) } },
  }),
  para(P.tags, 'Tags', {
    run: run(size.small, color.accent, { bold: true }),
    paragraph: { keepNext: true, spacing: { before: 0, after: twip(2) } },
  }),
  para(P.timelineNote, 'Timeline Note', {
    run: run(size.small, color.muted),
    paragraph: { spacing: { before: 0, after: twip(2) } },
  }),
  para(P.commentText, 'annotation text', {
    run: run(size.small, color.ink),
    paragraph: { spacing: { before: 0, after: twip(4) } },
  }),
  para(P.header, 'header', {
    run: run(size.small, color.muted),
    paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(color.rule), space: 4 } } },
  }),
  para(P.footer, 'footer', { run: run(size.small, color.muted), paragraph: { alignment: AlignmentType.CENTER } }),
  ...slideParagraphStyles(),
];

export const characterStyles: ICharacterStyleOptions[] = [
  { id: C.en, name: 'English Inline', basedOn: 'DefaultParagraphFont', run: { color: hex(color.en) } },
  { id: C.cite, name: 'Citation', basedOn: 'DefaultParagraphFont', run: { color: hex(color.muted), size: half(size.small) } },
  { id: C.marker, name: 'Marker', basedOn: 'DefaultParagraphFont', run: { color: hex(color.accent), bold: true } },
  { id: C.label, name: 'Label', basedOn: 'DefaultParagraphFont', run: { bold: true } },
  { id: C.roleCite, name: 'Citation Mark', basedOn: 'DefaultParagraphFont', run: { color: hex(color.muted) } },
  { id: C.roleNoteref, name: 'Note Reference', basedOn: 'DefaultParagraphFont', run: { color: hex(color.accent), superScript: true } },
  { id: C.roleTerm, name: 'Glossary Term', basedOn: 'DefaultParagraphFont', run: { underline: { type: UnderlineType.DOTTED, color: hex(color.accent) } } },
  { id: C.roleMark, name: 'Certainty Mark', basedOn: 'DefaultParagraphFont', run: { color: hex(color.accent) } },
  { id: C.roleTag, name: 'Tag', basedOn: 'DefaultParagraphFont', run: { color: hex(color.accent), bold: true } },
  { id: C.roleTitle, name: 'Work Title', basedOn: 'DefaultParagraphFont', run: { italics: true } },
  { id: C.code, name: 'Code', basedOn: 'DefaultParagraphFont', run: { color: hex(color.ink) } },
  ...slideCharacterStyles(),
];

/** A bordered grid for data tables and a border-less one for side-by-side layout, as real table styles. */
export function tableStyleXml(): string {
  const rule = hex(color.rule);
  const b = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${rule}"/>`;
  const grid =
    `<w:style w:type="table" w:styleId="${T.grid}"><w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="${hex(color.white)}"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(color.accent)}"/></w:tcPr></w:tblStylePr>` +
    `</w:style>`;
  const plain =
    `<w:style w:type="table" w:styleId="${T.plain}"><w:name w:val="Plain Layout Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="60"/>` +
    `<w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `</w:style>`;
  return grid + plain;
}

/** Insert the table styles into a packed `word/styles.xml` (docx 9 has no table-style option). */
export function withTableStyles(stylesXml: string): string {
  if (stylesXml.includes(`w:styleId="${T.grid}"`)) return stylesXml;
  return stylesXml.replace('</w:styles>', `${tableStyleXml()}</w:styles>`);
}

/**
 * Widow and orphan control, off unless a style says so (ECMA-376 §17.3.1.44; LibreOffice honours that). docx's
 * type for style paragraph properties leaves the option out; the properties it writes for a style are a
 * paragraph's, which take it.
 */
const WIDOW_CONTROL: Pick<IParagraphPropertiesOptions, 'widowControl'> = { widowControl: true };

export function stylesOptions(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONTS, language: LANGUAGE, size: half(size.body), color: hex(color.ink) },
        paragraph: { ...WIDOW_CONTROL, spacing: { before: 0, after: twip(theme.spacing.paragraph) } },
      },
      title: {
        run: run(size.title, color.ink, { bold: true }),
        paragraph: { spacing: { before: 0, after: twip(4), ...lines(size.title, 1.3) } },
      },
      heading1: {
        run: run(size.h1, color.accent, { bold: true }),
        paragraph: {
          keepNext: true,
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(color.rule), space: 2 } },
          spacing: { before: twip(theme.spacing.section), after: twip(theme.spacing.paragraph) },
        },
      },
      heading2: {
        run: run(size.h2, color.ink, { bold: true }),
        paragraph: { keepNext: true, outlineLevel: 1, spacing: { before: twip(theme.spacing.block), after: twip(4) } },
      },
      heading3: {
        run: run(size.h3, color.muted, { bold: true }),
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 2, spacing: { before: twip(theme.spacing.block), after: twip(2) } },
      },
      heading4: {
        run: run(size.body, color.muted, { bold: true }),
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 3, spacing: { before: twip(theme.spacing.paragraph), after: twip(2) } },
      },
      hyperlink: { run: { color: hex(color.accent), underline: {} } },
    },
    paragraphStyles,
    characterStyles,
  };
}

/** docx's keys for Word's built-in styles in `stylesOptions().default`, with their style ids. */
const DEFAULT_STYLE_IDS: Record<string, string> = { title: P.title, heading1: P.h1, heading2: P.h2, heading3: P.h3, heading4: P.h4, hyperlink: C.hyperlink };

const styleIds: Partial<Record<'bold' | 'italics', Set<string>>> = {};

/** Ids of the paragraph and character styles that set `flag`, themselves or through the styles they are based on. */
function stylesSetting(flag: 'bold' | 'italics'): Set<string> {
  let ids = styleIds[flag];
  if (!ids) {
    const options = stylesOptions();
    const own = new Map<string, { on?: boolean; basedOn?: string }>();
    for (const [key, style] of Object.entries(options.default ?? {})) {
      const run = (style as { run?: { bold?: boolean; italics?: boolean } }).run;
      if (DEFAULT_STYLE_IDS[key]) own.set(DEFAULT_STYLE_IDS[key], { on: run?.[flag] });
    }
    for (const style of [...(options.paragraphStyles ?? []), ...(options.characterStyles ?? [])]) {
      own.set(style.id, { on: style.run?.[flag], basedOn: style.basedOn });
    }
    const resolve = (s: string | undefined, depth = 0): boolean => {
      const style = s === undefined ? undefined : own.get(s);
      if (!style || depth > 20) return false;
      return style.on ?? resolve(style.basedOn, depth + 1);
    };
    ids = styleIds[flag] = new Set([...own.keys()].filter((s) => resolve(s)));
  }
  return ids;
}

/**
 * Whether the paragraph or character style `id` sets text in bold, itself or
 * through the styles it is based on: read from the same options the styles
 * part is made of.
 */
export function isBoldStyle(id: string): boolean {
  return stylesSetting('bold').has(id);
}

/** Whether the paragraph or character style `id` sets text in italic (a work's title), likewise. */
export function isItalicStyle(id: string): boolean {
  return stylesSetting('italics').has(id);
}

/** Bullets of each nesting level. */
const BULLETS = ['•', '–', '•', '–', '•', '–'];

/**
 * Word lists: bullets, and numbers (one reference per first number an
 * ordered list of the document starts at), each with LIST_LEVELS nesting
 * levels indented one step further each. On slides the number stands in a
 * column of the slide geometry's marker width (`slideSpec.body.marker`),
 * bold, a tab after it, the item's text at the column's edge: the width the
 * template measured the text in.
 */
export function numberingOptions(starts: readonly number[] = [], page: 'a4' | 'slide' = 'a4'): INumberingOptions {
  const onSlide = page === 'slide';
  const marker = slideSpec.body.marker;
  const indent = (level: number) => (onSlide ? { left: twip(marker * (level + 1)), hanging: twip(marker) } : { left: twip(LIST_INDENT.left * (level + 1)), hanging: twip(LIST_INDENT.hanging) });
  const rp = { font: FONTS, language: LANGUAGE, color: hex(color.accent), ...(onSlide ? { bold: true } : {}) };
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], start: number) =>
    Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format,
      text: format === LevelFormat.BULLET ? BULLETS[level] : `%${level + 1}.`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      suffix: onSlide ? LevelSuffix.TAB : LevelSuffix.SPACE,
      style: { paragraph: { indent: indent(level), ...(onSlide ? { leftTabStop: twip(marker * (level + 1)) } : {}) }, run: rp },
    }));
  return {
    config: [
      { reference: NUM.bullet, levels: levels(LevelFormat.BULLET, 1) },
      ...[...new Set([1, ...starts])].sort((a, b) => a - b).map((start) => ({ reference: orderedReference(start), levels: levels(LevelFormat.DECIMAL, start) })),
    ],
  };
}

/** The numbering reference of ordered lists starting at `start`. */
export const orderedReference = (start: number): string => (start === 1 ? NUM.ordered : `${NUM.ordered}-${start}`);

/** Cell shading for callouts and header cells. */
export const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) });
