/**
 * Build orchestration:
 *
 *   discover → shard → hash raw bytes → reuse cached artifacts
 *     → parse only articles with work (main thread) → render jobs (workers)
 *     → commit each article atomically → fonts, landing page, manifest
 *
 * A failing article keeps its previous outputs and manifest entries; the
 * other articles still build. Nothing here loads the parser or a backend
 * unless some artifact has to be made.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Article } from '../model/types.js';
import { PRODUCTS, type ProductName } from '../ir/types.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/registry.js';
import { sourceDateEpoch } from '../epoch.js';
import type { LandingEntry } from '../pipeline.js';
import { usageError } from '../errors.js';
import { discoverSources, type SourceRef } from './discover.js';
import { selectShard, type Shard } from './shard.js';
import { codeHash, epochKey, inputsHash, projectRoot, sha256 } from './cache.js';
import { planTargets, renderTask, type RenderTask, type Target } from './jobs.js';
import { inProcessRunner, WorkerPool, type Runner } from './pool.js';
import {
  entryIsIntact,
  readManifest,
  serializeManifest,
  MANIFEST_FILE,
  type ArticleEntry,
  type ArtifactEntry,
  type Manifest,
  type SiteEntry,
} from './manifest.js';
import { sweepTempFiles, writeAtomic, writeIfChanged } from './write.js';
import { readSourceBytes } from '../source-bytes.js';

export type { LandingEntry };

/** The stages the build calls; the default loads the real pipeline lazily. Tests may substitute. */
export interface Engine {
  parse(bytes: Uint8Array, path: string): Promise<{ file: VFile; article: Article | null }>;
  epoch(article: Article): Promise<number>;
  render(task: RenderTask): Promise<Uint8Array>;
  landing(entries: LandingEntry[]): Promise<string>;
  /**
   * Optional: get ready to render a landing page like this one (load its code,
   * make its font subsets), while the render threads work. Its result is not used.
   */
  prepareLanding?(entries: LandingEntry[]): Promise<void>;
  fontLicense(): Promise<{ name: string; text: string }>;
}

export const defaultEngine: Engine = {
  async parse(bytes, file) {
    const { articleFromBytes } = await import('../model/index.js');
    return articleFromBytes(bytes, file);
  },
  async epoch(article) {
    const { buildEpoch } = await import('../epoch.js');
    return buildEpoch(article);
  },
  render: renderTask,
  async landing(entries) {
    const { renderSite } = await import('../pipeline.js');
    return new TextDecoder().decode(await renderSite(entries));
  },
  async prepareLanding(entries) {
    // The page's glyphs do not depend on the sizes it shows (digits are in every subset),
    // so this makes the subsets the final page will use, in memory (and in the font cache).
    const { renderSite } = await import('../pipeline.js');
    await renderSite(entries);
  },
  async fontLicense() {
    const { fontLicensePath, fontPackageVersion } = await import('../fonts/index.js');
    return {
      name: `Noto Sans SC (npm package @expo-google-fonts/noto-sans-sc ${fontPackageVersion()})`,
      text: readFileSync(fontLicensePath(), 'utf8'),
    };
  },
};

export interface BuildOptions {
  /** Source files; empty = every `source/*.md` under `root`. */
  files?: string[];
  /** Project folder the sources are relative to (default: cwd). */
  root?: string;
  /** Output folder (default `<root>/out`). */
  outDir?: string;
  products?: readonly ProductName[];
  formats?: readonly OutputFormat[];
  force?: boolean;
  /** Worker threads; 1 renders in the calling thread. Default: CPU count. */
  jobs?: number;
  shard?: Shard;
  engine?: Engine;
  /** Hash of the project's code (default: computed from the running code). */
  code?: string;
  /**
   * Folder of the persistent font-subset cache; null for none. Default: the
   * environment's BRIEFWRIGHT_FONT_CACHE (a folder, or `off`), else
   * `<root>/node_modules/.cache/briefwright/fonts` when `<root>/node_modules` exists.
   */
  fontCache?: string | null;
  /**
   * The caller exits the process right after the build: the render threads
   * are asked to stop but not waited for (see WorkerPool.close). Default false.
   */
  detachWorkers?: boolean;
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'plan'; articles: number; render: number; cached: number }
  | { type: 'invalid'; slug: string; file: VFile }
  | { type: 'rendered'; slug: string; product: ProductName; format: OutputFormat; path: string; ms: number }
  | { type: 'failed'; slug: string; product: ProductName; format: OutputFormat; path: string; ms: number; error: Error }
  | { type: 'article'; slug: string; status: ArticleStatus };

export type ArticleStatus = 'cached' | 'built' | 'invalid' | 'failed';

export interface BuildReport {
  outDir: string;
  articles: { slug: string; path: string; status: ArticleStatus }[];
  /** Artifact paths whose bytes were written this run. */
  written: string[];
  /** Artifacts rendered again but identical to the file already there. */
  unchanged: string[];
  /** Artifacts reused from the cache without rendering. */
  cached: string[];
  /** Artifacts that failed to render (their article was not committed). */
  failed: { path: string; error: Error }[];
  /** Diagnostics of every article parsed this run. */
  files: VFile[];
  ok: boolean;
}

interface ArticleWork {
  src: SourceRef;
  bytes: Uint8Array;
  sourceSha: string;
  targets: (Target & { inputs: string })[];
  todo: (Target & { inputs: string })[];
  reused: ArtifactEntry[];
  needsTitle: boolean;
}

const DEFAULTS = { products: PRODUCTS, formats: OUTPUT_FORMATS };

function checkEpochEnv(): void {
  try {
    sourceDateEpoch();
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

/** False when Node's permission model runs this process without `scope` on `file` (then even existsSync throws). */
function permitted(scope: 'fs.read' | 'fs.write', file: string): boolean {
  const permission = (process as { permission?: { has(scope: string, reference?: string): boolean } }).permission;
  return !permission || permission.has(scope, file);
}

/** The font-cache folder a build uses (see `BuildOptions.fontCache`). */
export function defaultFontCache(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.BRIEFWRIGHT_FONT_CACHE;
  const dir =
    v !== undefined && v !== ''
      ? /^(0|off|false|no)$/i.test(v)
        ? null
        : path.resolve(root, v)
      : permitted('fs.read', path.join(root, 'node_modules')) && existsSync(path.join(root, 'node_modules'))
        ? path.join(root, 'node_modules', '.cache', 'briefwright', 'fonts')
        : null;
  // A sandboxed build that may not use the folder simply has no cache.
  return dir && permitted('fs.read', dir) && permitted('fs.write', dir) ? dir : null;
}

/** The artifacts a build will list if every render succeeds (sizes unknown: 0). */
function plannedArtifacts(previous: readonly ArtifactEntry[], work: readonly ArticleWork[]): ArtifactEntry[] {
  const planned = work.flatMap((w) => w.todo.map((t) => ({ path: t.path, sha256: '', size: 0, inputs: t.inputs, article: w.src.slug, product: t.product, format: t.format })));
  const paths = new Set(planned.map((a) => a.path));
  return [...previous.filter((a) => !paths.has(a.path)), ...planned];
}

/** Tasks per format of the artifacts to make. */
function formatCounts(work: readonly { todo: readonly Target[] }[]): Partial<Record<OutputFormat, number>> {
  const counts: Partial<Record<OutputFormat, number>> = {};
  for (const w of work) for (const t of w.todo) counts[t.format] = (counts[t.format] ?? 0) + 1;
  return counts;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.resolve(root, options.outDir ?? 'out');
  const products = options.products ?? DEFAULTS.products;
  const formats = options.formats ?? DEFAULTS.formats;
  const engine = options.engine ?? defaultEngine;
  const emit = options.onEvent ?? (() => {});
  checkEpochEnv();

  const all = discoverSources(options.files ?? [], root);
  const explicit = (options.files ?? []).length > 0;
  if (all.length === 0) throw usageError(`no sources: ${path.join(root, 'source')} holds no .md file`);
  const sources = selectShard(all, options.shard, (s) => s.slug);

  sweepTempFiles(outDir);
  const old = readManifest(outDir);
  const oldByPath = new Map(old.artifacts.map((a) => [a.path, a]));
  const oldTitles = new Map(old.articles.map((a) => [a.slug, a]));
  const code = options.code ?? codeHash(projectRoot());
  const epoch = epochKey();

  // 1. Raw bytes and cache lookups: no parser, no backend.
  const work: ArticleWork[] = sources.map((src) => {
    const bytes = readSourceBytes(src.abs);
    const sourceSha = sha256(bytes);
    const targets = planTargets(src.slug, products, formats).map((t) => ({
      ...t,
      inputs: inputsHash({ sourceSha256: sourceSha, code, product: t.product, format: t.format, epoch }),
    }));
    const reused: ArtifactEntry[] = [];
    const todo: ArticleWork['todo'] = [];
    for (const t of targets) {
      const prev = oldByPath.get(t.path);
      if (!options.force && prev && prev.inputs === t.inputs && entryIsIntact(outDir, prev)) reused.push(prev);
      else todo.push(t);
    }
    const needsTitle = oldTitles.get(src.slug)?.source !== sourceSha;
    return { src, bytes, sourceSha, targets, todo, reused, needsTitle };
  });
  const renderCount = work.reduce((n, w) => n + w.todo.length, 0);
  emit({ type: 'plan', articles: work.length, render: renderCount, cached: work.reduce((n, w) => n + w.reused.length, 0) });

  const report: BuildReport = {
    outDir,
    articles: [],
    written: [],
    unchanged: [],
    cached: work.flatMap((w) => w.reused.map((r) => r.path)),
    failed: [],
    files: [],
    ok: true,
  };

  const titles = new Map<string, ArticleEntry>(old.articles.map((a) => [a.slug, a]));
  const produced = new Map<string, ArtifactEntry>();
  const committedSlugs = new Set<string>();
  const fontCache = options.fontCache !== undefined ? options.fontCache : defaultFontCache(root);

  // The render threads start now, so they load their backends while this thread parses.
  const jobs = Math.max(1, options.jobs ?? os.availableParallelism());
  const runner: Runner | null =
    renderCount === 0 ? null : jobs === 1 || options.engine ? inProcessRunner(engine.render) : new WorkerPool(jobs, formatCounts(work));
  // With render threads, one of them renders the landing page too (it has the HTML code and subsets loaded).
  const pool = runner instanceof WorkerPool ? runner : null;
  // Closed once: when parsing or rendering throws, or else after the landing page is written.
  const closeRunner = async (): Promise<void> => runner?.close({ wait: !options.detachWorkers });
  // 3. Render one article (the runner queues its tasks); it commits only when all its artifacts rendered.
  const renderArticle = async (w: ArticleWork, article: Article, ep: number): Promise<void> => {
    const results = await Promise.all(
      w.todo.map(async (t) => {
        const queued = performance.now();
        try {
          const { bytes, ms } = await runner!.run({ article, product: t.product, format: t.format, epoch: ep, fontCache });
          emit({ type: 'rendered', slug: w.src.slug, product: t.product, format: t.format, path: t.path, ms });
          return { t, bytes, error: null };
        } catch (e) {
          const error = toError(e);
          const ms = performance.now() - queued;
          emit({ type: 'failed', slug: w.src.slug, product: t.product, format: t.format, path: t.path, ms, error });
          return { t, bytes: null, error };
        }
      }),
    );
    const failures = results.filter((r) => r.error);
    if (failures.length > 0) {
      report.ok = false;
      for (const f of failures) report.failed.push({ path: f.t.path, error: f.error! });
      report.articles.push({ slug: w.src.slug, path: w.src.path, status: 'failed' });
      emit({ type: 'article', slug: w.src.slug, status: 'failed' });
      return;
    }
    for (const { t, bytes } of results) {
      const digest = sha256(bytes!);
      const file = path.join(outDir, t.path);
      const prev = oldByPath.get(t.path);
      if (prev && prev.sha256 === digest && entryIsIntact(outDir, prev)) report.unchanged.push(t.path);
      else {
        writeAtomic(file, bytes!);
        report.written.push(t.path);
      }
      produced.set(t.path, {
        path: t.path,
        sha256: digest,
        size: bytes!.length,
        inputs: t.inputs,
        article: w.src.slug,
        product: t.product,
        format: t.format,
      });
    }
    committedSlugs.add(w.src.slug);
    report.articles.push({ slug: w.src.slug, path: w.src.path, status: w.todo.length > 0 ? 'built' : 'cached' });
    emit({ type: 'article', slug: w.src.slug, status: w.todo.length > 0 ? 'built' : 'cached' });
  };

  const rendering: Promise<void>[] = [];
  try {
    // 2. Parse the articles with work to do, in the main thread; each starts rendering as soon as it is parsed.
    for (const w of work) {
      if (w.todo.length === 0 && !w.needsTitle) {
        report.articles.push({ slug: w.src.slug, path: w.src.path, status: 'cached' });
        emit({ type: 'article', slug: w.src.slug, status: 'cached' });
        continue;
      }
      const { file, article } = await engine.parse(w.bytes, w.src.path);
      report.files.push(file);
      if (!article) {
        report.ok = false;
        report.articles.push({ slug: w.src.slug, path: w.src.path, status: 'invalid' });
        emit({ type: 'invalid', slug: w.src.slug, file });
        emit({ type: 'article', slug: w.src.slug, status: 'invalid' });
        continue;
      }
      titles.set(w.src.slug, { slug: w.src.slug, title: article.title, source: w.sourceSha });
      rendering.push(renderArticle(w, article, await engine.epoch(article)));
      // Let the workers' replies in (parsing never yields by itself), so they get their next tasks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (rendering.length > 0) {
      // Prepare the landing page written last (its code, its font subsets) while the articles render:
      // in a render thread, after its own tasks, or else in this thread, which is idle meanwhile.
      const provisional = landingEntries([...titles.values()], plannedArtifacts(old.artifacts, work));
      if (pool) rendering.push(pool.landing(provisional, fontCache).then(() => {}, () => {}));
      else if (engine.prepareLanding) {
        const { setFontCacheDir } = await import('../render/font-cache.js');
        setFontCacheDir(fontCache);
        rendering.push(engine.prepareLanding(provisional).catch(() => {}));
      }
    }
    await Promise.all(rendering);
  } catch (error) {
    // Never leave a render running (or a rejection unhandled) when parsing threw.
    await Promise.allSettled(rendering);
    await closeRunner();
    throw error;
  }
  report.articles.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  report.written.sort();
  report.unchanged.sort();
  report.cached.sort();

  // 4. The new manifest: old entries that still stand, replaced by this run's.
  const known = new Set(all.map((s) => s.slug));
  const artifacts = new Map<string, ArtifactEntry>();
  for (const a of old.artifacts) {
    if (!explicit && !known.has(a.article)) continue;
    if (existsSync(path.join(outDir, a.path))) artifacts.set(a.path, a);
  }
  for (const a of produced.values()) artifacts.set(a.path, a);
  const slugsWithArtifacts = new Set([...artifacts.values()].map((a) => a.article));
  const articles = [...titles.values()].filter((t) => slugsWithArtifacts.has(t.slug));

  const renderLanding = async (entries: LandingEntry[]): Promise<string> => {
    if (pool) {
      try {
        return Buffer.from((await pool.landing(entries, fontCache)).bytes).toString('utf8');
      } catch {
        // The render threads are gone: this thread renders it.
      }
    }
    (await import('../render/font-cache.js')).setFontCacheDir(fontCache);
    return engine.landing(entries);
  };
  let site: SiteEntry[];
  try {
    site = await writeSite(outDir, engine, code, articles, [...artifacts.values()], old, renderLanding);
  } finally {
    await closeRunner();
  }
  const manifest: Manifest = { version: old.version, articles, artifacts: [...artifacts.values()], site };
  writeIfChanged(path.join(outDir, MANIFEST_FILE), serializeManifest(manifest));
  if (fontCache && renderCount > 0) {
    const { pruneFontCache } = await import('../render/font-cache.js');
    pruneFontCache(fontCache);
  }
  return report;
}

export const LANDING_FILE = 'index.html';
export const FONT_LICENSE_FILE = 'fonts/OFL.txt';
export const FONT_NOTICE_FILE = 'fonts/NOTICE.txt';

/** Landing page and font licence; each rewritten only when its inputs changed. */
async function writeSite(
  outDir: string,
  engine: Engine,
  code: string,
  articles: ArticleEntry[],
  artifacts: ArtifactEntry[],
  old: Manifest,
  renderLanding: (entries: LandingEntry[]) => Promise<string>,
): Promise<SiteEntry[]> {
  const oldSite = new Map(old.site.map((s) => [s.path, s]));
  const entries: SiteEntry[] = [];
  const emitFile = async (rel: string, inputs: string, make: () => Promise<string>): Promise<void> => {
    const prev = oldSite.get(rel);
    if (prev && prev.inputs === inputs && entryIsIntact(outDir, prev)) {
      entries.push(prev);
      return;
    }
    const bytes = Buffer.from(await make(), 'utf8');
    writeIfChanged(path.join(outDir, rel), bytes);
    entries.push({ path: rel, sha256: sha256(bytes), size: bytes.length, inputs });
  };

  const landing = landingEntries(articles, artifacts);
  await emitFile(LANDING_FILE, sha256(JSON.stringify([code, landing])), () => renderLanding(landing));
  if (artifacts.length > 0) {
    let license: { name: string; text: string } | null = null;
    const getLicense = async () => (license ??= await engine.fontLicense());
    await emitFile(FONT_LICENSE_FILE, sha256(JSON.stringify([code, 'license'])), async () => (await getLicense()).text);
    await emitFile(FONT_NOTICE_FILE, sha256(JSON.stringify([code, 'notice'])), async () => fontNotice((await getLicense()).name));
  }
  return entries;
}

export function fontNotice(fontName: string): string {
  return [
    'Fonts',
    '',
    `The documents in this folder are set in ${fontName}`,
    'and embed it (or subsets of it) where the format allows.',
    'Noto Sans SC is copyright Google LLC and the Noto project authors and',
    'is licensed under the SIL Open Font License, Version 1.1; the full',
    'licence text is in OFL.txt next to this notice.',
    '',
  ].join('\n');
}

/** Landing page input: articles by slug, each with its artifacts in manifest order. */
export function landingEntries(articles: ArticleEntry[], artifacts: ArtifactEntry[]): LandingEntry[] {
  return [...articles]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((a) => ({
      slug: a.slug,
      title: a.title,
      artifacts: artifacts
        .filter((x) => x.article === a.slug)
        .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
        .map((x) => ({ path: x.path, format: x.format, product: x.product, bytes: x.size })),
    }));
}
