/**
 * `out/manifest.json`: every artifact with its path (relative to `out/`),
 * sha256, size, inputs hash, article, product and format. Deterministic:
 * sorted, fixed key order, no timestamps. It is also the build cache index.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bi } from '../model/types.js';
import { sha256 } from './cache.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

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
  title: Bi;
  /** sha256 of the source bytes the title was read from. */
  source: string;
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

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** The manifest in `outDir`, or an empty one when missing, unreadable or of another version. */
export function readManifest(outDir: string): Manifest {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return emptyManifest();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (data.version !== MANIFEST_VERSION || !Array.isArray(data.artifacts)) return emptyManifest();
    return {
      version: MANIFEST_VERSION,
      articles: Array.isArray(data.articles) ? data.articles : [],
      artifacts: data.artifacts,
      site: Array.isArray(data.site) ? data.site : [],
    };
  } catch {
    return emptyManifest();
  }
}

/** Canonical text: sorted entries, fixed key order, two-space indent, final newline. */
export function serializeManifest(m: Manifest): string {
  const out: Manifest = {
    version: m.version,
    articles: [...m.articles]
      .sort(byKey((a) => a.slug))
      .map((a) => ({ slug: a.slug, title: { zh: a.title.zh, en: a.title.en }, source: a.source })),
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

/** True when the file of `entry` exists and its bytes hash to the recorded sha256. */
export function entryIsIntact(outDir: string, entry: { path: string; sha256: string; size: number }): boolean {
  const file = path.join(outDir, entry.path);
  if (!existsSync(file)) return false;
  const bytes = readFileSync(file);
  return bytes.length === entry.size && sha256(bytes) === entry.sha256;
}
