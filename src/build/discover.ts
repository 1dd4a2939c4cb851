/**
 * Which source files a build or check reads: the files named on the command
 * line, or every `source/*.md`. Sorted by slug so every later step is
 * deterministic.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';

export interface SourceRef {
  /** Slug = file name without `.md`. */
  slug: string;
  /** Path as given (or `source/<name>.md`), for messages. */
  path: string;
  /** Absolute path. */
  abs: string;
}

export const SOURCE_DIR = 'source';

export function slugOf(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

/** Every `*.md` directly under `<root>/source`, sorted. */
export function defaultSources(root: string): string[] {
  const dir = path.join(root, SOURCE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(SOURCE_DIR, name));
}

/**
 * Resolve the sources of a run. Throws a usage error for a missing file, a
 * directory, or two files with the same slug (they would write the same folder).
 */
export function discoverSources(files: readonly string[], root: string): SourceRef[] {
  const given = files.length > 0 ? files : defaultSources(root);
  const bySlug = new Map<string, SourceRef>();
  for (const file of given) {
    const abs = path.resolve(root, file);
    if (!existsSync(abs)) throw usageError(`no such file: ${file}`);
    if (!statSync(abs).isFile()) throw usageError(`not a file: ${file}`);
    const slug = slugOf(file);
    const seen = bySlug.get(slug);
    if (seen) {
      if (seen.abs === abs) continue;
      throw usageError(`two sources have the slug "${slug}": ${seen.path} and ${file}`);
    }
    bySlug.set(slug, { slug, path: file, abs });
  }
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
