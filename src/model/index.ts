/**
 * Source bytes → validated, typed `Article`, with every problem reported as
 * a vfile message (`fatal` errors, non-fatal warnings, notes) carrying a rule
 * id from `rules.ts`, its fix text and docs address, and an exact line:column.
 *
 *   bytes ─size─▶ ─UTF-8─▶ text ─characters, nesting, limits─▶ ─parse─▶ mdast
 *         ─decoded strings, directives, raw content, placeholders─▶
 *         ─front matter (actors), body blocks, editorial─▶ ─generated ids─▶
 *         ─cites, counts─▶ ─zh/en consistency─▶ Article
 */
import { VFile } from '../vendor/markdown.js';
import { DEFAULT_ACTORS, type Article, type Citable } from './types.js';
import { parseMarkdown } from '../parse/index.js';
import { readBody } from './body.js';
import { checkConsistency } from './consistency/index.js';
import { checkArticleStrings, checkDecodedMarkdown, checkRawCharacters, reportOverflow } from './decoded.js';
import type { EditorialOptions } from './editorial.js';
import { readFrontMatter, type ActorsRead } from './frontmatter.js';
import { assignGeneratedIds } from './ids.js';
import { checkFootnoteText, checkTextDirectives } from './inline.js';
import { checkPlaceholders } from './placeholders.js';
import { checkRawContent } from './safety.js';
import { readSourceBytes } from '../source-bytes.js';
import { createRegistry, type GeneratedId, type Registry } from './items.js';
import { createCtx, hasFatal, report, sortMessages, type Ctx } from './report.js';
import { COUNTS, LIMITS } from './rules.js';
import { countBlockOpenings, countMarkup, decodeUtf8, findDeepNesting, findInlineHazard } from './source.js';
import { countNodes } from './tree.js';
import { checkCites } from './xref.js';

export interface LoadResult {
  file: VFile;
  /** Null if and only if at least one error (fatal message) was reported. */
  article: Article | null;
  /** Ids generated for blocks written without one, in document order (what `briefwright fix` writes). */
  generated: GeneratedId[];
  /** Every citable block of the body in document order, even when the file has errors (empty when it could not be parsed). */
  citables: Citable[];
  /** Where each editorial item opens, by id; slide points as `<slide-id>/point-<k>` (see `Registry.places`). */
  places: ReadonlyMap<string, { line: number; column: number }>;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

function done(file: VFile, article: Article | null, generated: GeneratedId[] = [], citables: Citable[] = [], places: ReadonlyMap<string, { line: number; column: number }> = new Map()): LoadResult {
  sortMessages(file);
  return { file, article: hasFatal(file) ? null : article, generated, citables, places };
}

/** Warn when the number of items of a kind is outside its range. */
function checkCount(ctx: Ctx, reg: Registry, ids: string[], range: { min: number; max: number }, rule: 'takeaway-count' | 'slide-count', noun: string): void {
  const n = ids.length;
  if (n >= range.min && n <= range.max) return;
  const anchor = n > range.max ? ids[range.max] : ids[0];
  const line = anchor !== undefined ? (reg.ids.get(anchor)?.line ?? 1) : 1;
  report(ctx, rule, `${n} ${noun}${n === 1 ? '' : 's'}: write between ${range.min} and ${range.max}`, { line, column: 1 });
}

/** The YAML an editor adds to declare the actors a file uses (the defaults' labels). */
export function actorsYaml(ids: readonly string[]): string {
  const used = DEFAULT_ACTORS.filter((a) => ids.includes(a.id));
  const list = used.length > 0 ? used : DEFAULT_ACTORS;
  return ['actors:', ...list.map((a) => `  - { id: ${a.id}, zh: ${a.zh}, en: ${a.en} }`)].join('\n');
}

/** What the editorial items check `actor=` against. */
function editorialOptions(actors: ActorsRead): EditorialOptions {
  if (actors === 'invalid') return {};
  if (actors === 'default') return { actors: { list: DEFAULT_ACTORS, declared: false } };
  return { actors: { list: actors.declared, declared: true } };
}

/** Validate and build the article from the bytes of a source file. */
export function articleFromBytes(bytes: Uint8Array, path: string): LoadResult {
  const file = new VFile({ path });
  if (bytes.length > LIMITS.maxBytes) {
    file.value = '';
    report({ file }, 'source-too-large', `Source is larger than the limit of ${LIMITS.maxBytes} bytes (2 MiB)`, { line: 1, column: 1 });
    return done(file, null);
  }
  const decoded = decodeUtf8(bytes);
  file.value = decoded.text;
  const ctx = createCtx(file, decoded.text);
  if (!decoded.ok) {
    report(ctx, 'invalid-utf8', `Invalid UTF-8: byte ${hex(decoded.badByte)} does not start a valid sequence; save the file as UTF-8`, ctx.toPoint(decoded.offset));
    return done(file, null);
  }
  checkRawCharacters(ctx);
  const deep = findDeepNesting(decoded.text, LIMITS.maxNesting);
  if (deep >= 0) {
    report(ctx, 'nesting-too-deep', `Lists, quotes and directives nest deeper than ${LIMITS.maxNesting} levels here`, ctx.toPoint(deep));
    return done(file, null);
  }
  const hazard = findInlineHazard(decoded.text, LIMITS.maxNesting, LIMITS.maxEmphasisRuns);
  if (hazard) {
    const reason =
      hazard.kind === 'brackets'
        ? `Brackets nest deeper than ${LIMITS.maxNesting} levels here`
        : `More than ${LIMITS.maxEmphasisRuns} emphasis markers (\`*\`, \`_\`) in one block: escape literal ones as \`\\*\``;
    report(ctx, 'nesting-too-deep', reason, ctx.toPoint(hazard.offset));
    return done(file, null);
  }
  if (countBlockOpenings(decoded.text, LIMITS.maxParagraphs) > LIMITS.maxParagraphs) {
    report(ctx, 'too-many-paragraphs', `More than ${LIMITS.maxParagraphs} paragraphs, list items and other blocks; the limit is ${LIMITS.maxParagraphs}`, { line: 1, column: 1 });
    return done(file, null);
  }
  if (countMarkup(decoded.text, LIMITS.maxMarkup) > LIMITS.maxMarkup) {
    report(ctx, 'source-too-large', `More than ${LIMITS.maxMarkup} line breaks and markup characters (\`:\` \`*\` \`<\` \`[\` \`|\` …); the limit is ${LIMITS.maxMarkup}`, { line: 1, column: 1 });
    return done(file, null);
  }
  const tree = parseMarkdown(file);
  const paragraphs = countNodes(tree, 'paragraph');
  if (paragraphs > LIMITS.maxParagraphs) {
    report(ctx, 'too-many-paragraphs', `${paragraphs} paragraphs; the limit is ${LIMITS.maxParagraphs}`, { line: 1, column: 1 });
    return done(file, null);
  }
  checkDecodedMarkdown(ctx, tree);
  checkTextDirectives(ctx, tree);
  checkRawContent(ctx, tree);
  checkPlaceholders(ctx, tree);
  const front = readFrontMatter(ctx, tree, path);
  const reg = createRegistry();
  const body = readBody(ctx, reg, tree, editorialOptions(front.actors));
  const citables = [...body.lede.paragraphs, ...body.sections.flatMap((s) => s.paragraphs)];
  checkFootnoteText(ctx, tree, citables.flatMap((b) => (b.kind === 'footnote' ? [b.label] : [])));
  assignGeneratedIds(ctx, reg, path);
  checkCites(ctx, reg);
  if (front.actors === 'default' && body.recommendations.length > 0) {
    const used = [...new Set(body.recommendations.map((r) => r.actor))];
    report(
      ctx,
      'actors-default',
      `No \`actors:\` in the front matter: the default actors (${DEFAULT_ACTORS.map((a) => a.id).join(', ')}) apply; declare the ones this article addresses`,
      front.fence,
      { note: `Add to the front matter (edit the labels, add or remove actors as the article needs):\n${actorsYaml(used)}` },
    );
  }
  checkCount(ctx, reg, body.takeaways.map((t) => t.id), COUNTS.takeaways, 'takeaway-count', 'key takeaway');
  checkCount(ctx, reg, body.slides.map((s) => s.id), COUNTS.slides, 'slide-count', 'slide');
  reportOverflow(ctx);
  if (!front.value || hasFatal(file)) return done(file, null, reg.generated, citables, reg.places);
  const f = front.value;
  const article: Article = {
    slug: f.slug,
    title: f.title,
    shortTitle: f.shortTitle,
    publisher: f.publisher,
    date: f.date,
    original: f.original,
    languages: f.languages,
    keywords: f.keywords,
    actors: front.actors === 'default' || front.actors === 'invalid' ? DEFAULT_ACTORS.map((a) => ({ ...a })) : front.actors.declared,
    lede: body.lede,
    sections: body.sections,
    takeaways: body.takeaways,
    recommendations: body.recommendations,
    glossary: body.glossary,
    timeline: body.timeline,
    slides: body.slides,
    sourcePath: path,
  };
  // The last line of defence of the Unicode policy (never expected to fire: every decoded string is checked above).
  checkArticleStrings(ctx, { ...article, sourcePath: '' });
  // zh/en consistency once the file has no errors (an error's consequences would only add noise).
  if (!hasFatal(file)) checkConsistency(ctx, tree, article);
  return done(file, article, reg.generated, citables, reg.places);
}

/** Read and validate a source file; an unreadable file is a diagnostic, not a throw. */
export async function loadArticle(path: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = readSourceBytes(path);
  } catch (error) {
    const file = new VFile({ path });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    report({ file }, 'read-error', `Cannot read the file: ${why}`, undefined);
    return done(file, null);
  }
  return articleFromBytes(bytes, path);
}

export { RULES, RULE_IDS, LIMITS, COUNTS } from './rules.js';
export type { RuleId } from './rules.js';
