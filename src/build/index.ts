/**
 * Build orchestration, one named step after another:
 *
 *   resolve options → discover sources, take the shard → check --out
 *     → lock out/ → read the old manifest (untrusted: validated)
 *     → check slug owners → sweep temp files of killed builds
 *     → plan (hash raw bytes, reuse cached artifacts)
 *     → parse articles with work (main thread) and render them (worker threads),
 *       committing each article atomically once all its artifacts rendered
 *     → the next manifest's entries → remove the outputs of deleted sources
 *     → landing page and font licence → manifest → unlock
 *
 * A failing article keeps its previous outputs and manifest entries; the
 * other articles still build. Nothing here loads the parser or a backend
 * unless some artifact has to be made. Rendering always happens in worker
 * threads (`--jobs 1`: one), so the main thread stays free to answer a signal.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Article } from '../model/types.js';
import { PRODUCTS, type ProductName } from '../ir/types.js';
import { OUTPUT_FORMATS, renders, type OutputFormat } from '../render/registry.js';
import { sourceDateEpoch } from '../epoch.js';
import { CliError, printable, usageError } from '../errors.js';
import { discoverSources, type SourceRef } from './discover.js';
import { selectShard, type Shard } from './shard.js';
import { codeHash, epochKey, inputsHash, projectRoot, sha256 } from './cache.js';
import { defaultEngine, type Engine, type LandingEntry } from './engine.js';
import { artifactPath, planTargets, type Target } from './jobs.js';
import { lockOutDir, type OutLock } from './lock.js';
import {
  entryIsIntact,
  FONT_LICENSE_FILE,
  FONT_NOTICE_FILE,
  LANDING_FILE,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  readManifest,
  serializeManifest,
  type ArticleEntry,
  type ArtifactEntry,
  type Manifest,
} from './manifest.js';
import { checkOutDir, checkRealFolders } from './outdir.js';
import { inProcessRunner, WorkerPool, type Runner } from './pool.js';
import { landingEntries, writeSite } from './site.js';
import { breather, newBuildToken, sweepTempFiles, writeAtomic, writeIfChanged } from './write.js';
import { readSourceBytes } from '../source-bytes.js';

export { defaultEngine, type Engine, type LandingEntry } from './engine.js';
export { fontNotice, landingEntries } from './site.js';
export { FONT_LICENSE_FILE, FONT_NOTICE_FILE, LANDING_FILE } from './manifest.js';

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
  /** Worker threads (at least one). Default: CPU count. */
  jobs?: number;
  shard?: Shard;
  /** A stand-in for the pipeline (tests); its renders run in the calling thread. */
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
  /** When another build holds the output folder: wait for it (default) or fail at once. */
  wait?: boolean;
  /** Milliseconds an unrefreshed lock of another build stays valid (default 20 s). */
  lockStaleMs?: number;
  /** How --out was written on the command line, for messages (default: the path). */
  outLabel?: string;
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'plan'; articles: number; render: number; cached: number }
  | { type: 'warning'; message: string }
  | { type: 'waiting'; message: string }
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
  /** Files of articles whose source is gone, removed this run (relative to out/). */
  removed: string[];
  /** Diagnostics of every article parsed this run. */
  files: VFile[];
  ok: boolean;
}

type PlannedTarget = Target & { inputs: string };

interface ArticleWork {
  src: SourceRef;
  /** The source path recorded in the manifest: relative to the project, `/`-separated. */
  recorded: string;
  bytes: Uint8Array;
  sourceSha: string;
  todo: PlannedTarget[];
  reused: ArtifactEntry[];
  /** The manifest has no trusted title for these source bytes: the article must be parsed. */
  needsTitle: boolean;
}

/** Everything a build decided before touching out/. */
interface Context {
  root: string;
  outDir: string;
  outLabel: string;
  products: readonly ProductName[];
  formats: readonly OutputFormat[];
  force: boolean;
  engine: Engine;
  /** The caller substituted the engine: render in this thread. */
  inProcess: boolean;
  emit: (event: BuildEvent) => void;
  code: string;
  epoch: string;
  jobs: number;
  fontCache: string | null;
  token: string;
  detachWorkers: boolean;
}

const DEFAULTS = { products: PRODUCTS, formats: OUTPUT_FORMATS };

function checkEpochEnv(): void {
  try {
    sourceDateEpoch();
  } catch (error) {
    throw usageError(printable((error as Error).message));
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

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
/** The landing page's fields of an article: loaded when an article is parsed, never on a no-change rebuild. */
const landingOf = () => import('../../templates/landing.js');
const posix = (p: string): string => p.split(path.sep).join('/');

// --- the steps -----------------------------------------------------------------

function resolveContext(options: BuildOptions): Context {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.resolve(root, options.outDir ?? 'out');
  return {
    root,
    outDir,
    outLabel: options.outLabel ?? options.outDir ?? 'out',
    products: options.products ?? DEFAULTS.products,
    formats: options.formats ?? DEFAULTS.formats,
    force: Boolean(options.force),
    engine: options.engine ?? defaultEngine,
    inProcess: options.engine !== undefined,
    emit: options.onEvent ?? (() => {}),
    code: options.code ?? codeHash(projectRoot()),
    epoch: epochKey(),
    jobs: Math.max(1, options.jobs ?? os.availableParallelism()),
    fontCache: options.fontCache !== undefined ? options.fontCache : defaultFontCache(root),
    token: newBuildToken(),
    detachWorkers: Boolean(options.detachWorkers),
  };
}

/** Every source the project has (to know which articles still exist), and the ones this build makes. */
function selectSources(options: BuildOptions, ctx: Context): { all: SourceRef[]; sources: SourceRef[]; explicit: boolean } {
  const all = discoverSources(options.files ?? [], ctx.root);
  if (all.length === 0) throw usageError(`no sources: ${path.join(ctx.root, 'source')} holds no .md file`);
  return { all, sources: selectShard(all, options.shard, (s) => s.slug), explicit: (options.files ?? []).length > 0 };
}

/** Create out/ and take its lock (waiting for, or refusing, another build that holds it). */
async function lockOut(ctx: Context, wait: boolean, staleMs?: number): Promise<OutLock> {
  mkdirSync(ctx.outDir, { recursive: true });
  return lockOutDir(ctx.outDir, {
    token: ctx.token,
    wait,
    staleMs,
    label: ctx.outLabel,
    onWait: (holder) =>
      ctx.emit({ type: 'waiting', message: `another build is writing to ${printable(ctx.outLabel)} (pid ${holder?.pid ?? 'unknown'}); waiting for it to finish` }),
  });
}

/** The previous manifest, validated entry by entry; what it had to drop is reported as warnings. */
function readOldManifest(ctx: Context): Manifest {
  const { manifest, problems } = readManifest(ctx.outDir);
  for (const p of problems) ctx.emit({ type: 'warning', message: `${posix(path.join(printable(ctx.outLabel), MANIFEST_FILE))}: ${p}` });
  return manifest;
}

/**
 * One slug, one source: a source whose slug an article of out/ already has,
 * built from another file that still exists, would overwrite that article's
 * folder. Refused, naming both files.
 */
function checkSlugOwners(sources: readonly SourceRef[], old: Manifest, ctx: Context): void {
  const owners = new Map(old.articles.map((a) => [a.slug, a.source]));
  for (const src of sources) {
    const owner = owners.get(src.slug);
    const mine = posix(path.relative(ctx.root, src.abs));
    if (!owner || owner === mine) continue;
    const ownerAbs = path.resolve(ctx.root, owner);
    let exists = false;
    try {
      exists = statSync(ownerAbs).isFile();
    } catch {
      exists = false;
    }
    if (exists && ownerAbs !== src.abs) {
      throw usageError(
        `two sources have the slug "${src.slug}": ${printable(owner)} (built into ${printable(ctx.outLabel)}/${src.slug}/) and ${printable(mine)}; rename one of them (slug and file name)`,
      );
    }
  }
}

/** The names this build may write, by folder (for the temp-file sweep). */
function writtenNames(ctx: Context, slugs: Iterable<string>): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (rel: string) => {
    const dir = path.join(ctx.outDir, path.dirname(rel));
    const set = names.get(dir) ?? new Set<string>();
    set.add(path.basename(rel));
    names.set(dir, set);
  };
  for (const rel of [LANDING_FILE, MANIFEST_FILE, FONT_LICENSE_FILE, FONT_NOTICE_FILE]) add(rel);
  for (const slug of slugs) {
    for (const product of PRODUCTS) {
      for (const format of OUTPUT_FORMATS) {
        if (renders(format, product)) add(artifactPath(slug, product, format));
      }
    }
  }
  return names;
}

/** Raw bytes and cache lookups: no parser, no backend. */
async function planWork(sources: readonly SourceRef[], old: Manifest, ctx: Context): Promise<ArticleWork[]> {
  const oldByPath = new Map(old.artifacts.map((a) => [a.path, a]));
  const oldArticles = new Map(old.articles.map((a) => [a.slug, a]));
  const breathe = breather();
  const work: ArticleWork[] = [];
  for (const src of sources) {
    await breathe();
    const bytes = readSourceBytes(src.abs);
    const sourceSha = sha256(bytes);
    const targets = planTargets(src.slug, ctx.products, ctx.formats).map((t) => ({
      ...t,
      inputs: inputsHash({ sourceSha256: sourceSha, code: ctx.code, product: t.product, format: t.format, epoch: ctx.epoch }),
    }));
    const reused: ArtifactEntry[] = [];
    const todo: PlannedTarget[] = [];
    for (const t of targets) {
      const prev = oldByPath.get(t.path);
      if (!ctx.force && prev && prev.inputs === t.inputs && entryIsIntact(ctx.outDir, prev)) reused.push(prev);
      else todo.push(t);
    }
    const recorded = posix(path.relative(ctx.root, src.abs));
    const known = oldArticles.get(src.slug);
    const needsTitle = !known || known.sha256 !== sourceSha || known.source !== recorded || !known.landing;
    work.push({ src, recorded, bytes, sourceSha, todo, reused, needsTitle });
  }
  return work;
}

/** Tasks per format of the artifacts to make. */
function formatCounts(work: readonly { todo: readonly Target[] }[]): Partial<Record<OutputFormat, number>> {
  const counts: Partial<Record<OutputFormat, number>> = {};
  for (const w of work) for (const t of w.todo) counts[t.format] = (counts[t.format] ?? 0) + 1;
  return counts;
}

/** The artifacts a build will list if every render succeeds (sizes unknown: 0). */
function plannedArtifacts(previous: readonly ArtifactEntry[], work: readonly ArticleWork[]): ArtifactEntry[] {
  const planned = work.flatMap((w) => w.todo.map((t) => ({ path: t.path, sha256: '', size: 0, inputs: t.inputs, article: w.src.slug, product: t.product, format: t.format })));
  const paths = new Set(planned.map((a) => a.path));
  return [...previous.filter((a) => !paths.has(a.path)), ...planned];
}

/** What parsing and rendering produced. */
interface Produced {
  /** New article entries (title from the parsed source). */
  articles: Map<string, ArticleEntry>;
  /** New artifact entries of committed articles. */
  artifacts: Map<string, ArtifactEntry>;
  /** Articles whose current source did not parse or render (they keep their old outputs). */
  failedSlugs: Set<string>;
}

/**
 * Parse the articles with work (main thread), render their artifacts (the
 * runner), and commit each article once all its artifacts rendered. Each
 * article starts rendering as soon as it is parsed.
 */
async function renderArticles(work: readonly ArticleWork[], old: Manifest, ctx: Context, runner: Runner | null, pool: WorkerPool | null, report: BuildReport): Promise<Produced> {
  const oldByPath = new Map(old.artifacts.map((a) => [a.path, a]));
  const produced: Produced = { articles: new Map(), artifacts: new Map(), failedSlugs: new Set() };
  const settle = (w: ArticleWork, status: ArticleStatus): void => {
    report.articles.push({ slug: w.src.slug, path: w.src.path, status });
    ctx.emit({ type: 'article', slug: w.src.slug, status });
  };

  const renderOne = async (w: ArticleWork, article: Article, epoch: number): Promise<void> => {
    const results = await Promise.all(
      w.todo.map(async (t) => {
        const queued = performance.now();
        try {
          const { bytes, ms } = await runner!.run({ article, product: t.product, format: t.format, epoch, fontCache: ctx.fontCache });
          ctx.emit({ type: 'rendered', slug: w.src.slug, product: t.product, format: t.format, path: t.path, ms });
          return { t, bytes, error: null };
        } catch (e) {
          const error = toError(e);
          ctx.emit({ type: 'failed', slug: w.src.slug, product: t.product, format: t.format, path: t.path, ms: performance.now() - queued, error });
          return { t, bytes: null, error };
        }
      }),
    );
    const failures = results.filter((r) => r.error);
    if (failures.length > 0) {
      report.ok = false;
      for (const f of failures) report.failed.push({ path: f.t.path, error: f.error! });
      produced.failedSlugs.add(w.src.slug);
      settle(w, 'failed');
      return;
    }
    // A signal that came while this article rendered is answered before its files are written.
    await new Promise((resolve) => setImmediate(resolve));
    checkRealFolders(ctx.outDir, `${w.src.slug}/x`);
    for (const { t, bytes } of results) {
      const digest = sha256(bytes!);
      const prev = oldByPath.get(t.path);
      if (prev && prev.sha256 === digest && entryIsIntact(ctx.outDir, prev)) report.unchanged.push(t.path);
      else {
        writeAtomic(path.join(ctx.outDir, t.path), bytes!, ctx.token);
        report.written.push(t.path);
      }
      produced.artifacts.set(t.path, { path: t.path, sha256: digest, size: bytes!.length, inputs: t.inputs, article: w.src.slug, product: t.product, format: t.format });
    }
    produced.articles.set(w.src.slug, { slug: w.src.slug, source: w.recorded, sha256: w.sourceSha, title: { zh: article.title.zh, en: article.title.en }, landing: (await landingOf()).landingFields(article) });
    settle(w, w.todo.length > 0 ? 'built' : 'cached');
  };

  const rendering: Promise<void>[] = [];
  // Articles parsed and not yet written: parsing stays this many ahead of the render threads, so a large build
  // holds a few parsed articles and their rendered files at a time instead of all of them.
  const inFlight = new Set<Promise<void>>();
  const ahead = Math.max(2, 2 * ctx.jobs);
  // Titles as parsed this run, for the provisional landing page below.
  const titles = new Map(old.articles.map((a) => [a.slug, a]));
  try {
    for (const w of work) {
      if (w.todo.length === 0 && !w.needsTitle) {
        settle(w, 'cached');
        continue;
      }
      while (inFlight.size >= ahead) await Promise.race(inFlight);
      const { file, article } = await ctx.engine.parse(w.bytes, w.src.path);
      report.files.push(file);
      if (!article) {
        report.ok = false;
        produced.failedSlugs.add(w.src.slug);
        ctx.emit({ type: 'invalid', slug: w.src.slug, file });
        settle(w, 'invalid');
        continue;
      }
      titles.set(w.src.slug, { slug: w.src.slug, source: w.recorded, sha256: w.sourceSha, title: article.title, landing: (await landingOf()).landingFields(article) });
      const one = renderOne(w, article, await ctx.engine.epoch(article));
      rendering.push(one);
      inFlight.add(one);
      void one.then(() => inFlight.delete(one), () => inFlight.delete(one));
      // Let the workers' replies in (parsing never yields by itself), so they get their next tasks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (rendering.length > 0) {
      // Prepare the landing page written last (its code, its font subsets) while the articles render:
      // in a render thread, after its own tasks, or else in this thread, which is idle meanwhile.
      const provisional = landingEntries([...titles.values()], plannedArtifacts(old.artifacts, work));
      if (pool) rendering.push(pool.landing(provisional, ctx.fontCache).then(() => {}, () => {}));
      else if (ctx.engine.prepareLanding) {
        const { setFontCacheDir } = await import('../render/font-cache.js');
        setFontCacheDir(ctx.fontCache);
        rendering.push(ctx.engine.prepareLanding(provisional).catch(() => {}));
      }
    }
    await Promise.all(rendering);
  } catch (error) {
    // Never leave a render running (or a rejection unhandled) when parsing threw.
    await Promise.allSettled(rendering);
    throw error;
  }
  return produced;
}

/**
 * The next manifest's articles and artifacts: this run's, and the old entries
 * that still stand. An old entry stands while its file is there with its
 * recorded size and, unless only some files were named, its article's source
 * exists; an article is listed while it has artifacts, with the title of the
 * source that made them.
 */
function nextEntries(old: Manifest, produced: Produced, work: readonly ArticleWork[], known: ReadonlySet<string>, explicit: boolean, ctx: Context): { articles: ArticleEntry[]; artifacts: ArtifactEntry[] } {
  const artifacts = new Map<string, ArtifactEntry>();
  for (const a of old.artifacts) {
    if (!explicit && !known.has(a.article)) continue;
    try {
      const st = statSync(path.join(ctx.outDir, a.path));
      if (st.isFile() && st.size === a.size) artifacts.set(a.path, a);
    } catch {
      // gone: dropped
    }
  }
  for (const a of produced.artifacts.values()) artifacts.set(a.path, a);

  const current = new Map(work.map((w) => [w.src.slug, w]));
  const articles = new Map<string, ArticleEntry>();
  for (const a of old.articles) {
    const w = current.get(a.slug);
    // An old title is kept for the source bytes it came from, or for the old outputs of an
    // article whose current source failed (they were made from that title's source).
    if (!w || (w.sourceSha === a.sha256 && w.recorded === a.source) || produced.failedSlugs.has(a.slug)) articles.set(a.slug, a);
  }
  for (const a of produced.articles.values()) articles.set(a.slug, a);
  const withArtifacts = new Set([...artifacts.values()].map((a) => a.article));
  return {
    articles: [...articles.values()].filter((a) => withArtifacts.has(a.slug)).sort((a, b) => byString(a.slug, b.slug)),
    artifacts: [...artifacts.values()].sort((a, b) => byString(a.path, b.path)),
  };
}

/**
 * out/ mirrors the sources: the files the old manifest recorded for articles
 * whose source is gone are removed (only while their bytes are still the
 * recorded ones), then their folder if nothing else is left in it.
 */
function removeGoneArticles(old: Manifest, known: ReadonlySet<string>, ctx: Context): string[] {
  const removed: string[] = [];
  const folders = new Set<string>();
  for (const a of old.artifacts) {
    if (known.has(a.article)) continue;
    checkRealFolders(ctx.outDir, a.path);
    folders.add(a.article);
    if (!entryIsIntact(ctx.outDir, a)) {
      if (existsSync(path.join(ctx.outDir, a.path))) ctx.emit({ type: 'warning', message: `${a.path}: its source is gone, but the file changed since it was built; left in place` });
      continue;
    }
    rmSync(path.join(ctx.outDir, a.path), { force: true });
    removed.push(a.path);
  }
  for (const slug of folders) {
    const dir = path.join(ctx.outDir, slug);
    try {
      if (readdirSync(dir).length === 0) rmdirSync(dir);
    } catch {
      // not there, or not empty: left
    }
  }
  return removed.sort();
}

/** Write the manifest, unless another build took the lock over meanwhile. */
function writeManifest(manifest: Manifest, lock: OutLock, ctx: Context): void {
  const lost = lock.compromised();
  if (lost) throw new CliError('operator', `lost the lock on ${printable(ctx.outLabel)} (${lost.message}); the manifest was not written, run the build again`);
  writeIfChanged(path.join(ctx.outDir, MANIFEST_FILE), serializeManifest(manifest), ctx.token);
}

// --- the build -------------------------------------------------------------------

export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  checkEpochEnv();
  const ctx = resolveContext(options);
  const { all, sources, explicit } = selectSources(options, ctx);
  checkOutDir(ctx.outDir, { root: ctx.root, sources: all.map((s) => s.abs), packageRoot: projectRoot(), label: ctx.outLabel });

  const lock = await lockOut(ctx, options.wait !== false, options.lockStaleMs);
  let runner: Runner | null = null;
  try {
    const old = readOldManifest(ctx);
    checkSlugOwners(sources, old, ctx);
    const known = new Set(all.map((s) => s.slug));
    sweepTempFiles(writtenNames(ctx, new Set([...known, ...old.articles.map((a) => a.slug), ...old.artifacts.map((a) => a.article)])));

    const work = await planWork(sources, old, ctx);
    const renderCount = work.reduce((n, w) => n + w.todo.length, 0);
    ctx.emit({ type: 'plan', articles: work.length, render: renderCount, cached: work.reduce((n, w) => n + w.reused.length, 0) });
    const report: BuildReport = {
      outDir: ctx.outDir,
      articles: [],
      written: [],
      unchanged: [],
      cached: work.flatMap((w) => w.reused.map((r) => r.path)).sort(),
      failed: [],
      removed: [],
      files: [],
      ok: true,
    };

    // The render threads start now, so they load their backends while this thread parses.
    runner = renderCount === 0 ? null : ctx.inProcess ? inProcessRunner(ctx.engine.render) : new WorkerPool(ctx.jobs, formatCounts(work));
    const pool = runner instanceof WorkerPool ? runner : null;
    const produced = await renderArticles(work, old, ctx, runner, pool, report);
    report.articles.sort((a, b) => byString(a.slug, b.slug));
    report.written.sort();
    report.unchanged.sort();

    const { articles, artifacts } = nextEntries(old, produced, work, known, explicit, ctx);
    if (!explicit) report.removed = removeGoneArticles(old, known, ctx);

    const renderLanding = async (entries: LandingEntry[]): Promise<string> => {
      if (pool) {
        try {
          return Buffer.from((await pool.landing(entries, ctx.fontCache)).bytes).toString('utf8');
        } catch {
          // The render threads are gone: this thread renders it.
        }
      }
      (await import('../render/font-cache.js')).setFontCacheDir(ctx.fontCache);
      return ctx.engine.landing(entries);
    };
    const site = await writeSite({ outDir: ctx.outDir, engine: ctx.engine, code: ctx.code, articles, artifacts, previous: old.site, renderLanding, token: ctx.token });
    writeManifest({ version: MANIFEST_VERSION, articles, artifacts, site }, lock, ctx);
    if (ctx.fontCache && renderCount > 0) {
      const { pruneFontCache } = await import('../render/font-cache.js');
      pruneFontCache(ctx.fontCache);
    }
    return report;
  } finally {
    await runner?.close({ wait: !ctx.detachWorkers });
    lock.release();
  }
}
