/**
 * `briefwright merge DIR… --out DIR`: the output folders of shard builds
 * (`build --shard K/N`) combined into one folder whose every file — landing
 * page and manifest included — is byte-identical to a single full build of
 * the same sources with the same code.
 *
 * What the landing page needs of each article (its title, the sha256 and path
 * of its source) is in each shard's manifest: recorded by the build from the
 * parsed source, and validated here on reading like any manifest (schema,
 * product layout, printable text). The merge never parses a source, so its
 * cost is one read and one hash per artifact, plus the landing page.
 *
 * It refuses, before writing anything:
 * - a shard folder without a valid manifest, or whose files differ from it;
 * - shards made by other code than this one (their font licence entry says so);
 * - conflicts: one artifact with different bytes in two shards, or one
 *   article made from different sources;
 * - an --out that is a shard, holds one, or is not a folder briefwright made.
 * Identical overlaps (the same shard twice) are merged once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, printable, usageError } from '../errors.js';
import { codeHash, projectRoot, sha256 } from './cache.js';
import { defaultSources } from './discover.js';
import { defaultEngine, type Engine, type LandingEntry } from './engine.js';
import { LOCK_NAMES, lockOutDir } from './lock.js';
import {
  entryIsIntact,
  FONT_LICENSE_FILE,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  readManifest,
  SITE_FILES,
  serializeManifest,
  type ArticleEntry,
  type ArtifactEntry,
  type Manifest,
} from './manifest.js';
import { checkOutDir, checkRealFolders, realPath, within } from './outdir.js';
import { siteInputs, writeSite } from './site.js';
import { breather, newBuildToken, sweepTempFiles, writeAtomic, writeIfChanged } from './write.js';
import { defaultFontCache } from './index.js';

export interface MergeOptions {
  /** Folder paths are relative to this (default: cwd). */
  root?: string;
  /** The shard output folders. */
  inputs: string[];
  outDir: string;
  engine?: Engine;
  /** Hash of the code (default: the running code's). */
  code?: string;
  fontCache?: string | null;
  /** Wait for another build writing to --out (default), or fail at once. */
  wait?: boolean;
}

export interface MergeReport {
  outDir: string;
  inputs: number;
  articles: number;
  artifacts: number;
  /** Artifacts whose bytes were written into --out. */
  copied: number;
  /** Artifacts already in --out with the same bytes. */
  unchanged: number;
  /** Files of an earlier output in --out that the merged folder does not have, removed. */
  removed: string[];
}

interface Shard {
  dir: string;
  label: string;
  manifest: Manifest;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const refuse = (message: string): CliError => new CliError('operator', message);

/** Read and check one shard folder. */
function readShard(dir: string, label: string, code: string): Shard {
  if (!existsSync(dir)) throw usageError(`merge: no such folder: ${label}`);
  if (!statSync(dir).isDirectory()) throw usageError(`merge: not a folder: ${label}`);
  if (!existsSync(path.join(dir, MANIFEST_FILE))) throw refuse(`merge: ${label} holds no ${MANIFEST_FILE}; is it the output folder of a build?`);
  const { manifest, problems } = readManifest(dir);
  if (problems.length > 0) throw refuse(`merge: ${label}/${MANIFEST_FILE}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}; build the shard again`);
  const license = manifest.site.find((s) => s.path === FONT_LICENSE_FILE);
  if (license && license.inputs !== siteInputs.license(code)) {
    throw refuse(`merge: ${label} was built by other code than this merge (its ${FONT_LICENSE_FILE} entry has other inputs); build every shard and merge with the same checkout`);
  }
  const titled = new Set(manifest.articles.map((a) => a.slug));
  for (const a of manifest.artifacts) {
    if (!titled.has(a.article)) throw refuse(`merge: ${label}/${MANIFEST_FILE}: artifact ${a.path} has no article entry; build the shard again`);
  }
  return { dir, label, manifest };
}

/** Combine the shards' entries; refuse conflicts. */
function combine(shards: readonly Shard[]): { articles: ArticleEntry[]; artifacts: { entry: ArtifactEntry; from: Shard }[] } {
  const articles = new Map<string, { entry: ArticleEntry; from: Shard }>();
  const artifacts = new Map<string, { entry: ArtifactEntry; from: Shard }>();
  for (const shard of shards) {
    const used = new Set(shard.manifest.artifacts.map((a) => a.article));
    for (const a of shard.manifest.articles) {
      if (!used.has(a.slug)) continue;
      const seen = articles.get(a.slug);
      if (seen && JSON.stringify(seen.entry) !== JSON.stringify(a)) {
        throw refuse(`merge: conflicting shards: article ${a.slug} was built from different sources in ${seen.from.label} and ${shard.label} (or with another title); build both from the same checkout`);
      }
      if (!seen) articles.set(a.slug, { entry: a, from: shard });
    }
    for (const a of shard.manifest.artifacts) {
      const seen = artifacts.get(a.path);
      if (seen && JSON.stringify(seen.entry) !== JSON.stringify(a)) {
        throw refuse(`merge: conflicting shards: ${a.path} differs between ${seen.from.label} and ${shard.label} (sha256 ${seen.entry.sha256.slice(0, 12)}… and ${a.sha256.slice(0, 12)}…)`);
      }
      if (!seen) artifacts.set(a.path, { entry: a, from: shard });
    }
  }
  return {
    articles: [...articles.values()].map((a) => a.entry).sort((a, b) => byString(a.slug, b.slug)),
    artifacts: [...artifacts.values()].sort((a, b) => byString(a.entry.path, b.entry.path)),
  };
}

/** The previous content of --out: absent, empty, or an earlier output (its manifest). */
function previousOutput(outDir: string, label: string): Manifest | null {
  if (!existsSync(outDir)) return null;
  const names = readdirSync(outDir).filter((n) => !LOCK_NAMES.includes(n));
  if (names.length === 0) return null;
  if (!existsSync(path.join(outDir, MANIFEST_FILE))) {
    throw usageError(`merge: --out ${label} is not empty and holds no ${MANIFEST_FILE}; choose an empty folder (merge never overwrites files it did not write)`);
  }
  const { manifest, problems } = readManifest(outDir);
  if (problems.length > 0) throw refuse(`merge: --out ${label}: ${MANIFEST_FILE} ${problems[0]}; choose an empty folder`);
  return manifest;
}

export async function merge(opts: MergeOptions): Promise<MergeReport> {
  const root = path.resolve(opts.root ?? process.cwd());
  const outDir = path.resolve(root, opts.outDir);
  const outLabel = printable(opts.outDir);
  const engine = opts.engine ?? defaultEngine;
  const code = opts.code ?? codeHash(projectRoot());
  const token = newBuildToken();

  // The folders: each shard once; --out none of them and inside none of them (nor they inside it).
  const inputs: { dir: string; label: string }[] = [];
  for (const given of opts.inputs) {
    const dir = path.resolve(root, given);
    if (!inputs.some((i) => realPath(i.dir) === realPath(dir))) inputs.push({ dir, label: printable(given) });
  }
  for (const i of inputs) {
    if (within(realPath(outDir), realPath(i.dir)) || within(realPath(i.dir), realPath(outDir))) {
      throw usageError(`merge: --out ${outLabel} and the shard folder ${i.label} overlap; write the merge into a folder of its own`);
    }
  }
  checkOutDir(outDir, { root, sources: defaultSources(root).map((s) => path.join(root, s)), packageRoot: projectRoot(), label: opts.outDir });

  // Everything is checked before anything is written.
  const shards = inputs.map((i) => readShard(i.dir, i.label, code));
  const { articles, artifacts } = combine(shards);
  const breathe = breather();
  for (const { entry, from } of artifacts) {
    await breathe();
    if (!entryIsIntact(from.dir, entry)) throw refuse(`merge: ${from.label}/${entry.path} does not match its manifest (missing, or other bytes); build that shard again`);
  }
  const previous = previousOutput(outDir, outLabel);

  mkdirSync(outDir, { recursive: true });
  const lock = await lockOutDir(outDir, { token, wait: opts.wait !== false, label: opts.outDir });
  try {
    const slugs = new Set([...articles.map((a) => a.slug), ...(previous?.artifacts.map((a) => a.article) ?? [])]);
    const names = new Map<string, Set<string>>();
    for (const rel of [...artifacts.map((a) => a.entry.path), ...(previous?.artifacts.map((a) => a.path) ?? []), MANIFEST_FILE, ...SITE_FILES]) {
      const dir = path.join(outDir, path.dirname(rel));
      names.set(dir, (names.get(dir) ?? new Set()).add(path.basename(rel)));
    }
    sweepTempFiles(names);

    // Files of an earlier output that the merged folder does not have (still as that output wrote them).
    const keep = new Set(artifacts.map((a) => a.entry.path));
    const removed: string[] = [];
    for (const a of previous?.artifacts ?? []) {
      checkRealFolders(outDir, a.path);
      if (keep.has(a.path) || !entryIsIntact(outDir, a)) continue;
      rmSync(path.join(outDir, a.path), { force: true });
      removed.push(a.path);
    }
    for (const slug of slugs) {
      const dir = path.join(outDir, slug);
      try {
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      } catch {
        // not there, or not empty
      }
    }

    let copied = 0;
    let unchanged = 0;
    for (const { entry, from } of artifacts) {
      await breathe();
      if (entryIsIntact(outDir, entry)) {
        unchanged += 1;
        continue;
      }
      checkRealFolders(outDir, entry.path);
      const bytes = readFileSync(path.join(from.dir, entry.path));
      if (sha256(bytes) !== entry.sha256) throw refuse(`merge: ${from.label}/${entry.path} changed while it was read`);
      writeAtomic(path.join(outDir, entry.path), bytes, token);
      copied += 1;
    }

    const fontCache = opts.fontCache !== undefined ? opts.fontCache : defaultFontCache(root);
    const renderLanding = async (entries: LandingEntry[]): Promise<string> => {
      (await import('../render/font-cache.js')).setFontCacheDir(fontCache);
      return engine.landing(entries);
    };
    const entries = artifacts.map((a) => a.entry);
    const site = await writeSite({ outDir, engine, code, articles, artifacts: entries, previous: previous?.site ?? [], renderLanding, token });
    const lost = lock.compromised();
    if (lost) throw refuse(`lost the lock on ${outLabel} (${lost.message}); run the merge again`);
    writeIfChanged(path.join(outDir, MANIFEST_FILE), serializeManifest({ version: MANIFEST_VERSION, articles, artifacts: entries, site }), token);
    return { outDir, inputs: shards.length, articles: articles.length, artifacts: entries.length, copied, unchanged, removed: removed.sort() };
  } finally {
    lock.release();
  }
}
