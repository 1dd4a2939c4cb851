/**
 * The named styles of slide pages, made from the theme's slide geometry
 * (`slideSpec`: the sizes, line pitches and gaps the slides template fits
 * content by), so that a slide the template decided fits is set at the
 * sizes it measured and fits its page.
 *
 * Every line pitch is exact (`lineRule="exact"`): Word's and LibreOffice's
 * "at least" lets a face's own line (≈ 1.45 em for Noto Sans SC) win over a
 * smaller pitch, which made headlines at 1.2 em a fifth taller than measured.
 * The spacing East Asian text gets next to Latin letters and digits
 * (`autoSpaceDE`/`autoSpaceDN`) is off on slides: the template's measure
 * has none. Each headline, cover and divider size the template may choose
 * (`SlideBlock.titleSize`) has a style of its own, since runs carry no
 * direct size.
 */
import { AlignmentType, BorderStyle, LineRuleType, ShadingType, type ICharacterStyleOptions, type IParagraphStyleOptions, type IRunStylePropertiesOptions } from 'docx';
import { slideSpec, theme, type SizePair, type SlideDensity } from '../../theme/theme.js';
import { CJK_FONT, LANGUAGE, LATIN_FACE, P, SLIDE_MIN_PT, half, hex, twip } from './constants.js';

const color = theme.colors;
const FONTS = { ascii: LATIN_FACE, hAnsi: LATIN_FACE, cs: LATIN_FACE, eastAsia: CJK_FONT } as const;

/** Slide paragraph style ids not tied to a size the template chooses. */
export const SP = {
  zh: P.slideZh,
  en: P.slideEn,
  compactZh: P.slideCompactZh,
  compactEn: P.slideCompactEn,
  statementZh: P.slideStatementZh,
  statementEn: P.slideStatementEn,
  note: P.slideNote,
  compactNote: 'SlideCompactNote',
  source: P.slideSource,
  footer: P.slideFooter,
  spacer: 'SlideSpacer',
  coverSubtitle: 'SlideCoverSubtitle',
  coverLabel: 'SlideCoverLabel',
  coverValue: 'SlideCoverValue',
  timelineDate: P.slideTimelineDate,
  timelineDateEn: 'SlideTimelineDateEn',
  timelineZh: P.slideTimelineZh,
  timelineEn: P.slideTimelineEn,
  timelineNote: 'SlideTimelineNote',
  timelineDot: 'SlideTimelineDot',
  glossaryHead: 'SlideGlossaryHead',
  glossaryTerm: 'SlideGlossaryTerm',
  glossaryZh: 'SlideGlossaryZh',
  glossaryEn: 'SlideGlossaryEn',
} as const;

/**
 * The slide paragraph styles without East Asian autospace, written into the
 * styles part (docx has no style option for it): `w:autoSpaceDE` and
 * `w:autoSpaceDN` off, where the schema orders them, before `w:spacing`.
 */
export function withoutAutospace(stylesXml: string): string {
  const ids = new Set(slideParagraphStyles().map((s) => s.id));
  return stylesXml.replace(/<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (!ids.has(id) || style.includes('<w:autoSpaceDE')) return style;
    const off = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
    if (!style.includes('<w:spacing')) throw new Error(`docx: slide style ${id} has no spacing`);
    return style.replace(/(<w:pPr>[\s\S]*?)(<w:spacing)/, `$1${off}$2`);
  });
}

/** Slide character styles: a tag in its box, at each density. */
export const SC = { tag: 'SlideTag', compactTag: 'SlideCompactTag' } as const;

/** Points → an exact line pitch of `ratio` × the size. */
export const exactLine = (pt: number, ratio: number) => ({ line: twip(pt * ratio), lineRule: LineRuleType.EXACT });

function run(pt: number, fg: string, extra: Partial<IRunStylePropertiesOptions> = {}): IRunStylePropertiesOptions {
  return { font: FONTS, language: LANGUAGE, size: half(Math.max(SLIDE_MIN_PT, pt)), color: hex(fg), ...extra };
}

/** A slide paragraph style: `pt` with an exact pitch of `ratio`, no space around unless given, no East Asian autospace. */
function slidePara(id: string, name: string, pt: number, ratio: number, fg: string, opts: { bold?: boolean; before?: number; after?: number; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; basedOn?: string } = {}): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: opts.basedOn ?? P.normal,
    next: id,
    quickFormat: true,
    run: run(pt, fg, opts.bold ? { bold: true } : {}),
    paragraph: {
      spacing: { before: twip(opts.before ?? 0), after: twip(opts.after ?? 0), ...exactLine(Math.max(SLIDE_MIN_PT, pt), ratio) },
      ...(opts.alignment ? { alignment: opts.alignment } : {}),
    },
  };
}

/** The sizes of a list, one each, largest first. */
const distinct = (sizes: readonly number[]) => [...new Set(sizes)].sort((a, b) => b - a);

/** Styles sized by the template's choice: one per size of the list, the largest under the base id. */
interface Sized {
  /** Base id (the largest size) and display name. */
  id: string;
  name: string;
  sizes: readonly number[];
}

const sizedId = (s: Sized, pt: number) => (pt === Math.max(...s.sizes) ? s.id : `${s.id}${String(pt).replace('.', '_')}`);

/**
 * The style of `s` for a size: the largest of its sizes not above `pt`
 * (the smallest when all are): a Doc that names another size is never set
 * larger than it asked.
 */
export function sizedStyle(s: Sized, pt: number): string {
  const list = distinct(s.sizes);
  return sizedId(s, list.find((x) => x <= pt) ?? list[list.length - 1]);
}

const head = slideSpec.headline;
const cover = slideSpec.title;
const section = slideSpec.section;

/** Headline of a content slide: Chinese (bold, accent), English (muted). */
export const HEADLINE = {
  zh: { id: P.slideTitle, name: 'Slide Title', sizes: head.sizes.map((s) => s.zh) },
  en: { id: P.slideTitleEn, name: 'Slide Title English', sizes: head.sizes.map((s) => s.en) },
} as const;
/** Title of a title slide's title block. */
export const COVER = {
  zh: { id: 'SlideCoverTitle', name: 'Slide Cover Title', sizes: cover.sizes.map((s) => s.zh) },
  en: { id: 'SlideCoverTitleEn', name: 'Slide Cover Title English', sizes: cover.sizes.map((s) => s.en) },
} as const;
/** Title of a section divider. */
export const SECTION = {
  zh: { id: P.slideSectionTitle, name: 'Slide Section Title', sizes: section.sizes.map((s) => s.zh) },
  en: { id: P.slideSectionTitleEn, name: 'Slide Section Title English', sizes: section.sizes.map((s) => s.en) },
} as const;

/** The zh/en styles of a sized title pair at a size pair. */
export const sizedPair = (pair: { zh: Sized; en: Sized }, size: SizePair) => ({ zh: sizedStyle(pair.zh, size.zh), en: sizedStyle(pair.en, size.en) });

function sizedStyles(s: Sized, ratio: number, fg: string, bold: boolean): IParagraphStyleOptions[] {
  return distinct(s.sizes).map((pt) => slidePara(sizedId(s, pt), pt === Math.max(...s.sizes) ? s.name : `${s.name} ${pt} pt`, pt, ratio, fg, { bold }));
}

/** Body type of a slide at a density (points; pitches are ratios). */
export function slideBody(density: SlideDensity = 'normal') {
  const b = slideSpec.body[density];
  return { ...b, line: slideSpec.body.line, between: slideSpec.body.between, marker: slideSpec.body.marker, tagPad: slideSpec.body.tagPad };
}

/** Body paragraph styles of a density: Chinese, English, the small note. */
export function bodyStyles(density: SlideDensity = 'normal'): { zh: string; en: string; note: string; tag: string } {
  return density === 'compact' ? { zh: SP.compactZh, en: SP.compactEn, note: SP.compactNote, tag: SC.compactTag } : { zh: SP.zh, en: SP.en, note: SP.note, tag: SC.tag };
}

export function slideParagraphStyles(): IParagraphStyleOptions[] {
  const n = slideBody('normal');
  const c = slideBody('compact');
  const l = slideSpec.body.line;
  const st = slideSpec.statement;
  const tl = slideSpec.timeline;
  const g = slideSpec.glossary;
  const src = slideSpec.source;
  const noteGap = 4;
  return [
    ...sizedStyles(HEADLINE.zh, head.line, color.accent, true),
    ...sizedStyles(HEADLINE.en, head.line, color.muted, false),
    ...sizedStyles(COVER.zh, cover.line, color.ink, true),
    ...sizedStyles(COVER.en, cover.line, color.en, false),
    ...sizedStyles(SECTION.zh, section.line, color.accent, true),
    ...sizedStyles(SECTION.en, section.line, color.muted, false),
    slidePara(SP.coverSubtitle, 'Slide Cover Subtitle', cover.subtitle, l.zh, color.muted),
    slidePara(SP.coverLabel, 'Slide Cover Label', cover.meta.size, cover.meta.line, color.muted),
    slidePara(SP.coverValue, 'Slide Cover Value', cover.meta.size, cover.meta.line, color.ink),
    slidePara(SP.zh, 'Slide Text Chinese', n.zh, l.zh, color.zh),
    slidePara(SP.en, 'Slide Text English', n.en, l.en, color.en),
    slidePara(SP.compactZh, 'Slide Text Chinese Compact', c.zh, l.zh, color.zh),
    slidePara(SP.compactEn, 'Slide Text English Compact', c.en, l.en, color.en),
    slidePara(SP.statementZh, 'Slide Statement Chinese', st.zh, st.line.zh, color.ink),
    slidePara(SP.statementEn, 'Slide Statement English', st.en, st.line.en, color.en),
    // Small notes (a glossary's source lines, the closing slide's licence): the gap the template counts with each, above it.
    slidePara(SP.note, 'Slide Note', n.small, l.small, color.muted, { before: noteGap }),
    slidePara(SP.compactNote, 'Slide Note Compact', c.small, l.small, color.muted, { before: noteGap }),
    slidePara(SP.source, 'Slide Source', src.size, src.line, color.muted, { before: src.before }),
    slidePara(SP.timelineDate, 'Slide Timeline Date', tl.date.zh, tl.line.zh, color.accent, { bold: true }),
    slidePara(SP.timelineDateEn, 'Slide Timeline Date English', tl.date.en, tl.line.en, color.muted, { bold: true }),
    slidePara(SP.timelineZh, 'Slide Timeline Chinese', tl.zh, tl.line.zh, color.zh),
    slidePara(SP.timelineEn, 'Slide Timeline English', tl.en, tl.line.en, color.en),
    slidePara(SP.timelineNote, 'Slide Timeline Note', tl.note, tl.line.note, color.muted),
    // The event's dot, on the pitch of the date's first line, against the rail.
    slidePara(SP.timelineDot, 'Slide Timeline Dot', n.small, (tl.date.zh * tl.line.zh) / n.small, color.accent, { alignment: AlignmentType.RIGHT }),
    slidePara(SP.glossaryHead, 'Slide Glossary Heading', n.small, l.small, color.muted, { bold: true }),
    slidePara(SP.glossaryTerm, 'Slide Glossary Term', g.term, g.line.zh, color.ink, { bold: true }),
    slidePara(SP.glossaryZh, 'Slide Glossary Chinese', g.zh, g.line.zh, color.zh),
    slidePara(SP.glossaryEn, 'Slide Glossary English', g.en, g.line.en, color.en),
    // What holds only a bookmark, a comment mark or nothing (a cell's required paragraph): a point tall.
    { ...slidePara(SP.spacer, 'Slide Spacer', SLIDE_MIN_PT, 1 / SLIDE_MIN_PT, color.muted), quickFormat: false },
    {
      ...slidePara(SP.footer, 'Slide Footer', slideSpec.footer.size, src.line, color.muted, { basedOn: P.footer }),
      paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, ...exactLine(slideSpec.footer.size, src.line) } },
    },
  ];
}

export function slideCharacterStyles(): ICharacterStyleOptions[] {
  const tag = (id: string, name: string, pt: number): ICharacterStyleOptions => ({
    id,
    name,
    basedOn: 'DefaultParagraphFont',
    run: { size: half(Math.max(SLIDE_MIN_PT, pt)), color: hex(color.accent), bold: true, shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(color.panel) } },
  });
  return [tag(SC.tag, 'Slide Tag', slideSpec.body.normal.small), tag(SC.compactTag, 'Slide Tag Compact', slideSpec.body.compact.small)];
}

/** The rule under a headline: it and its distance take part of the space under the headline, not more. */
export const HEADLINE_RULE = { style: BorderStyle.SINGLE, size: 6, color: hex(color.accent), space: 3 } as const;
/** Height of that rule in points (its distance and its width, 6 eighths of a point). */
export const HEADLINE_RULE_PT = HEADLINE_RULE.space + HEADLINE_RULE.size / 8;
