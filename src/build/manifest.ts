/**
 * `out/manifest.json`: every artifact with its path (relative to `out/`),
 * sha256, size, inputs hash, article, product and format; every article with
 * its source file, the sha256 of its bytes and its title; the site's own
 * files. Deterministic: sorted, fixed key order, no timestamps. It is also
 * the build cache index.
 *
 * It is read as untrusted input (anyone who can write `out/` can write it):
 * each entry is checked against a schema (valibot) and against the product
 * layout — an artifact's path must be exactly `<slug>/<product>.<ext>` for
 * its own article, product and format, so it can only name a file the build
 * itself writes inside `out/`; a title must be text the sources could hold.
 * Anything else is dropped with a warning, and the build makes again what it
 * no longer has an entry for.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import type { Bi } from '../model/types.js';
import { canonicalLanding, type LandingFields } from '../../templates/landing-fields.js';
import { sha256 } from './cache.js';
import { isCleanText } from '../text/unicode-policy.js';
import { artifactPath } from './jobs.js';
import { PRODUCTS, type ProductName } from '../ir/types.js';
import { OUTPUT_FORMATS, renders, type OutputFormat } from '../render/registry.js';

export const MANIFEST_FILE = 'manifest.json';
/** 2: articles record their source file and its sha256 (`source`, `sha256`). */
export const MANIFEST_VERSION = 2;

/** The site's own files, by path. */
export const LANDING_FILE = 'index.html';
export const FONT_LICENSE_FILE = 'fonts/OFL.txt';
export const FONT_NOTICE_FILE = 'fonts/NOTICE.txt';
export const SITE_FILES: readonly string[] = [LANDING_FILE, FONT_LICENSE_FILE, FONT_NOTICE_FILE];

export interface ArtifactEntry {
  path: string;
  sha256: string;
  size: number;
  inputs: string;
  article: string;
  product: string;
  format: string;
}

/** What the landing page needs to know of an article without parsing it again. */
export interface ArticleEntry {
  slug: string;
  /** The source file, relative to the project folder, `/`-separated. */
  source: string;
  /** sha256 of the source bytes the title was read from. */
  sha256: string;
  title: Bi;
  /** What the landing page shows of the article besides its title (date, original, takeaways), read from the same source bytes. */
  landing?: LandingFields;
}

/** Files of the site itself: landing page, font licence. */
export interface SiteEntry {
  path: string;
  sha256: string;
  size: number;
  inputs: string;
}

export interface Manifest {
  version: number;
  articles: ArticleEntry[];
  artifacts: ArtifactEntry[];
  site: SiteEntry[];
}

export const emptyManifest = (): Manifest => ({ version: MANIFEST_VERSION, articles: [], artifacts: [], site: [] });

// --- the schema -------------------------------------------------------------

/** An article slug as the model accepts it (front matter `slug`, equal to the file name). */
export const SLUG = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** Longest title text kept from a manifest: no title is longer than the largest source (2 MiB). */
const MAX_TITLE = 2 * 1024 * 1024;
/** Longest source path kept. */
const MAX_PATH = 4096;

/**
 * Text a product may print: what the project's Unicode policy accepts once
 * decoded (no controls, bidi or zero-width characters, noncharacters, lone
 * surrogates …). The model refuses the others in sources; a manifest that
 * holds them was not written by a build.
 */
export const isSafeText = (s: string): boolean => isCleanText(s);

const hex64 = v.pipe(v.string(), v.regex(HEX64, 'is not a sha256 (64 lowercase hex digits)'));
const size = v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(0, 'is negative'), v.maxValue(Number.MAX_SAFE_INTEGER));
const slug = v.pipe(v.string(), v.regex(SLUG, 'is not an article slug'));
const text = v.pipe(v.string(), v.maxLength(MAX_TITLE, 'is too long'), v.check((s) => s.trim() !== '' && isSafeText(s), 'is not printable text'));

const artifactSchema = v.pipe(
  v.object({
    path: v.string(),
    sha256: hex64,
    size,
    inputs: hex64,
    article: slug,
    product: v.picklist(PRODUCTS, 'is not a product'),
    format: v.picklist(OUTPUT_FORMATS, 'is not a format'),
  }),
  v.check((a) => renders(a.format, a.product as ProductName), 'names a product its format does not have'),
  v.check((a) => a.path === artifactPath(a.article, a.product as ProductName, a.format), 'path is not the place of its article, product and format'),
);

/** Printable text that may be empty (an author's name in one language). */
const anyText = v.pipe(v.string(), v.maxLength(MAX_TITLE, 'is too long'), v.check((s) => isSafeText(s), 'is not printable text'));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'));
const landingSchema = v.object({
  date: isoDate,
  original: v.object({
    outlet: text,
    author: v.object({ zh: anyText, en: anyText }),
    title: v.optional(text),
    url: v.optional(v.pipe(text, v.regex(/^https?:\/\/[^\s]+$/i, 'is not a web address'))),
    date: v.optional(isoDate),
  }),
  takeaways: v.pipe(v.array(v.object({ zh: anyText, en: anyText })), v.maxLength(100, 'has too many entries')),
});

const articleSchema = v.object({
  slug,
  source: v.pipe(
    v.string(),
    v.maxLength(MAX_PATH, 'is too long'),
    v.check((s) => s !== '' && isSafeText(s) && !path.isAbsolute(s) && !s.includes('\\'), 'is not a relative source path'),
  ),
  sha256: hex64,
  title: v.object({ zh: text, en: text }),
  landing: v.optional(landingSchema),
});

const siteSchema = v.object({
  path: v.picklist(SITE_FILES as string[], 'is not a file of the site'),
  sha256: hex64,
  size,
  inputs: hex64,
});

const topSchema = v.object({
  version: v.literal(MANIFEST_VERSION),
  articles: v.array(v.unknown()),
  artifacts: v.array(v.unknown()),
  site: v.array(v.unknown()),
});

/** The first issue of a failed parse, as `field: problem`. */
function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const where = v.getDotPath(issue);
  const what = issue.message.startsWith('Invalid ') ? 'has the wrong type or is missing' : issue.message;
  return where ? `${where} ${what}` : what;
}

/**
 * Only an entry's first problem is reported, so checking stops there: a
 * too-long text is not then scanned character by character as well.
 */
const PARSE = { abortEarly: true } as const;

export interface ManifestReading {
  manifest: Manifest;
  /** One line per entry (or whole file) ignored, without echoing its content. */
  problems: string[];
}

/**
 * Validate manifest text: every entry that passes is kept, every other one
 * dropped with a problem line. Entries are keyed (artifacts and site files by
 * path, articles by slug); a second entry with a key already seen is dropped.
 */
export function parseManifest(textIn: string): ManifestReading {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(textIn);
  } catch {
    return { manifest: emptyManifest(), problems: ['is not valid JSON; ignored'] };
  }
  const top = v.safeParse(topSchema, data, PARSE);
  if (!top.success) {
    const version = (data as { version?: unknown } | null)?.version;
    const why = typeof version === 'number' && version !== MANIFEST_VERSION ? `is of another version (${version})` : `does not have the manifest's shape (${firstIssue(top.issues)})`;
    return { manifest: emptyManifest(), problems: [`${why}; ignored`] };
  }
  const keep = <T>(list: unknown[], schema: v.GenericSchema<unknown, T>, section: string, key: (x: T) => string): T[] => {
    const seen = new Set<string>();
    const out: T[] = [];
    list.forEach((item, i) => {
      const r = v.safeParse(schema, item, PARSE);
      if (!r.success) {
        problems.push(`${section}[${i}]: ${firstIssue(r.issues)}; ignored`);
        return;
      }
      const k = key(r.output);
      if (seen.has(k)) {
        problems.push(`${section}[${i}]: a second entry for the same ${section === 'articles' ? 'article' : 'file'}; ignored`);
        return;
      }
      seen.add(k);
      out.push(r.output);
    });
    return out;
  };
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    articles: keep(top.output.articles, articleSchema, 'articles', (a) => a.slug),
    artifacts: keep(top.output.artifacts, artifactSchema, 'artifacts', (a) => a.path),
    site: keep(top.output.site, siteSchema, 'site', (s) => s.path),
  };
  return { manifest, problems };
}

/** The manifest in `outDir` (empty when there is none), with what was ignored in it. */
export function readManifest(outDir: string): ManifestReading {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return { manifest: emptyManifest(), problems: [] };
  let textIn: string;
  try {
    textIn = readFileSync(file, 'utf8');
  } catch (error) {
    return { manifest: emptyManifest(), problems: [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); ignored`] };
  }
  return parseManifest(textIn);
}

// --- writing -----------------------------------------------------------------

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** Canonical text: sorted entries, fixed key order, two-space indent, final newline. */
export function serializeManifest(m: Manifest): string {
  const out: Manifest = {
    version: m.version,
    articles: [...m.articles]
      .sort(byKey((a) => a.slug))
      .map((a) => ({ slug: a.slug, source: a.source, sha256: a.sha256, title: { zh: a.title.zh, en: a.title.en }, ...(a.landing ? { landing: canonicalLanding(a.landing) } : {}) })),
    artifacts: [...m.artifacts].sort(byKey((a) => a.path)).map((a) => ({
      path: a.path,
      sha256: a.sha256,
      size: a.size,
      inputs: a.inputs,
      article: a.article,
      product: a.product,
      format: a.format,
    })),
    site: [...m.site]
      .sort(byKey((s) => s.path))
      .map((s) => ({ path: s.path, sha256: s.sha256, size: s.size, inputs: s.inputs })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** True when the file of `entry` is a regular file whose bytes hash to the recorded sha256. */
export function entryIsIntact(outDir: string, entry: { path: string; sha256: string; size: number }): boolean {
  const file = path.join(outDir, entry.path);
  try {
    const bytes = readFileSync(file);
    return bytes.length === entry.size && sha256(bytes) === entry.sha256;
  } catch {
    return false;
  }
}
