/**
 * Source bytes → validated, typed `Article`, with every problem reported as
 * a vfile message (`fatal` errors, non-fatal warnings) carrying a rule id
 * from `rules.ts` and an exact line:column.
 *
 *   bytes ─size─▶ ─UTF-8─▶ text ─controls, nesting─▶ ─parse─▶ mdast
 *         ─front matter, body, editorial─▶ ─cites, coverage, counts─▶ ─zh/en consistency─▶ Article
 */
import { VFile } from '../vendor/markdown.js';
import type { Article } from './types.js';
import { parseMarkdown } from '../parse/index.js';
import { readBody } from './body.js';
import { checkConsistency } from './consistency/index.js';
import { checkCoverage } from './coverage.js';
import { readFrontMatter } from './frontmatter.js';
import { checkTextDirectives } from './inline.js';
import { checkRawContent } from './safety.js';
import { readSourceBytes } from '../source-bytes.js';
import { createRegistry, type Registry } from './items.js';
import { createCtx, hasFatal, report, sortMessages, span, type Ctx } from './report.js';
import { COUNTS, LIMITS } from './rules.js';
import { controlCharacters, countBlockOpenings, countMarkup, decodeUtf8, findDeepNesting, findInlineHazard } from './source.js';
import { countNodes } from './tree.js';
import { checkCites } from './xref.js';

export interface LoadResult {
  file: VFile;
  /** Null if and only if at least one error (fatal message) was reported. */
  article: Article | null;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

function done(file: VFile, article: Article | null): LoadResult {
  sortMessages(file);
  return { file, article: hasFatal(file) ? null : article };
}

/** Warn when the number of items of a kind is outside its range. */
function checkCount(ctx: Ctx, reg: Registry, ids: string[], range: { min: number; max: number }, rule: 'takeaway-count' | 'slide-count', noun: string): void {
  const n = ids.length;
  if (n >= range.min && n <= range.max) return;
  const anchor = n > range.max ? ids[range.max] : ids[0];
  const line = anchor !== undefined ? (reg.ids.get(anchor)?.line ?? 1) : 1;
  report(ctx, rule, `${n} ${noun}${n === 1 ? '' : 's'}: write between ${range.min} and ${range.max}`, { line, column: 1 });
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
  for (const offset of controlCharacters(decoded.text)) {
    const code = decoded.text.charCodeAt(offset);
    report(ctx, 'control-character', `Control character U+${code.toString(16).toUpperCase().padStart(4, '0')} in the text: delete it`, span(ctx, offset, offset + 1));
  }
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
    report(ctx, 'source-too-large', `More than ${LIMITS.maxMarkup} line breaks and markup characters (\`:\` \`*\` \`<\` \`[\` …); the limit is ${LIMITS.maxMarkup}`, { line: 1, column: 1 });
    return done(file, null);
  }
  const tree = parseMarkdown(file);
  const paragraphs = countNodes(tree, 'paragraph');
  if (paragraphs > LIMITS.maxParagraphs) {
    report(ctx, 'too-many-paragraphs', `${paragraphs} paragraphs; the limit is ${LIMITS.maxParagraphs}`, { line: 1, column: 1 });
    return done(file, null);
  }
  checkTextDirectives(ctx, tree);
  checkRawContent(ctx, tree);
  const front = readFrontMatter(ctx, tree, path);
  const reg = createRegistry();
  const body = readBody(ctx, reg, tree);
  checkCites(ctx, reg);
  checkCoverage(ctx);
  checkCount(ctx, reg, body.takeaways.map((t) => t.id), COUNTS.takeaways, 'takeaway-count', 'key takeaway');
  checkCount(ctx, reg, body.slides.map((s) => s.id), COUNTS.slides, 'slide-count', 'slide');
  if (!front) return done(file, null);
  const article: Article = {
    slug: front.slug,
    title: front.title,
    shortTitle: front.shortTitle,
    publisher: front.publisher,
    date: front.date,
    original: front.original,
    languages: front.languages,
    keywords: front.keywords,
    lede: body.lede,
    sections: body.sections,
    takeaways: body.takeaways,
    recommendations: body.recommendations,
    glossary: body.glossary,
    timeline: body.timeline,
    slides: body.slides,
    sourcePath: path,
  };
  // zh/en consistency once the file has no errors (an error's consequences would only add noise).
  if (!hasFatal(file)) checkConsistency(ctx, tree, article);
  return done(file, article);
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
