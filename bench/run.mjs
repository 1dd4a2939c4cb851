#!/usr/bin/env node
/**
 * The benchmark (`make bench`): runs the compiled command line and backends
 * (dist/) and prints one table, with every target marked PASS or MISS, and
 * writes bench/results.json.
 *
 *   cold      a full build of one article (all artifacts, --force, empty out dir) as a whole
 *             process, with the font-subset cache warm (as every build after the first one)
 *   fresh     the same with an empty font-subset cache (a first build on a new machine)
 *   nochange  a rebuild with nothing changed, as a whole process
 *   render    in-process cost of each product × format (median after a warm-up; the first call too)
 *   scaling   1, 10 and 50 articles (copies of the source with other slugs and titles, so each has
 *             its own glyphs) as a whole process, --force, font cache warm: ms per article,
 *             marginal ms per added article, peak RSS
 *   longtext  a small article with n unbroken Chinese characters in its title, short title, a
 *             term and a takeaway, for n = 1,500, 15,000 and 150,000 (1×, 10×, 100×; the last
 *             source is 1.8 MB, near the 2 MiB limit): one whole-process build of every format
 *             each, so the growth with the input shows (it must stay linear, and the largest
 *             answered within 30 s)
 *   shards    (opt-in: --only shards, or --shards) 200 and 1,000 articles built as 1, 4 and 16
 *             shards one after another, then merged: the time of each shard build and of the
 *             merge, and the merge's cost per artifact (it must stay linear in artifacts)
 *
 * Options: --runs N (whole-process runs per measurement, default 5), --scale 1,10,50,
 * --scale-runs N (default 3; 50 articles run max(1, N-1) times),
 * --skip cold,fresh,nochange,render,scaling,longtext, --only SECTION,…, --shards (add the shards
 * section), --shard-articles 200,1000, --shard-counts 1,4,16, --json PATH (default bench/results.json).
 *
 * Every build uses a font cache of the bench's own (a temporary folder), never the project's.
 * Peak RSS is the whole process (the main thread and its worker threads):
 * `/usr/bin/time -v` when present, otherwise the highest VmHWM read from /proc. CPU time
 * (user + system, all threads) comes from `/usr/bin/time` too: on a busy machine it says more
 * than the wall time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { V8_FLAGS } from '../bin/v8-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'briefwright.js');
const DIST = path.join(ROOT, 'dist');
const SOURCE = path.join(ROOT, 'source', 'us-japan-acquisition.md');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Targets on a 2-core machine (medians). */
export const TARGETS = {
  coldMs: 1000,
  noChangeMs: 150,
  addedArticleMs: 250,
  rss50Mb: 600,
  /** Marginal cost per article from 10 to 50 may exceed that from 1 to 10 by at most this factor. */
  linearFactor: 1.25,
  /** The largest long-text source (≈ 1.8 MB) answered within this. */
  longTextMs: 30000,
  /** Time per input character from 10× to 100× may exceed that from 1× to 10× by at most this factor. */
  longTextLinearFactor: 1.5,
  /** Merge time per artifact, 1,000 articles vs 200, at most this factor. */
  mergeLinearFactor: 1.5,
};

const SECTIONS = ['cold', 'fresh', 'nochange', 'render', 'scaling', 'longtext', 'shards'];

// ── options ────────────────────────────────────────────────────────────────
function parseArgs(argv) {
  const opts = {
    runs: 5,
    scale: [1, 10, 50],
    scaleRuns: 3,
    skip: new Set(['shards']),
    shardArticles: [200, 1000],
    shardCounts: [1, 4, 16],
    json: path.join(ROOT, 'bench', 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') opts.runs = Math.max(1, Number(next()));
    else if (a === '--scale') opts.scale = next().split(',').map(Number).filter((n) => n > 0);
    else if (a === '--scale-runs') opts.scaleRuns = Math.max(1, Number(next()));
    else if (a === '--skip') for (const s of next().split(',')) opts.skip.add(s);
    else if (a === '--only') {
      const only = new Set(next().split(','));
      opts.skip = new Set(SECTIONS.filter((s) => !only.has(s)));
    } else if (a === '--shards') opts.skip.delete('shards');
    else if (a === '--shard-articles') opts.shardArticles = next().split(',').map(Number).filter((n) => n > 0);
    else if (a === '--shard-counts') opts.shardCounts = next().split(',').map(Number).filter((n) => n > 0);
    else if (a === '--json') opts.json = path.resolve(next());
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

// ── statistics ─────────────────────────────────────────────────────────────
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.map((x) => Math.round(x)) });

// ── whole-process runs ─────────────────────────────────────────────────────
/** Highest VmHWM (kB) of a live process, polled until it exits. */
function pollPeak(pid, onPeak) {
  const read = () => {
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)\s+kB/m);
      if (m) onPeak(Number(m[1]));
    } catch {
      /* gone */
    }
  };
  const timer = setInterval(read, 10);
  read();
  return () => clearInterval(timer);
}

/** Run the CLI once; wall ms and peak RSS (MB). Throws when it fails. */
export function runCli(args, { cwd = ROOT, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const command = TIME ? TIME : process.execPath;
    const argv = TIME ? ['-v', process.execPath, CLI, ...args] : [CLI, ...args];
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let peakKb = 0;
    const stop = TIME ? () => {} : pollPeak(child.pid, (kb) => (peakKb = Math.max(peakKb, kb)));
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      stop();
      let cpuMs = NaN;
      if (TIME) {
        const m = err.match(/Maximum resident set size \(kbytes\):\s*(\d+)/);
        if (m) peakKb = Number(m[1]);
        const user = err.match(/User time \(seconds\):\s*([\d.]+)/);
        const sys = err.match(/System time \(seconds\):\s*([\d.]+)/);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
      }
      if (code !== 0) reject(new Error(`briefwright ${args.join(' ')} exited with ${code}\n${out}\n${err}`));
      else resolve({ ms, rssMb: peakKb / 1024, cpuMs });
    });
  });
}

const tmpDirs = [];
function tmp(prefix) {
  const d = mkdtempSync(path.join(os.tmpdir(), `bw-bench-${prefix}-`));
  tmpDirs.push(d);
  return d;
}

async function bench(name, runs, warmups, once) {
  for (let i = 0; i < warmups; i++) await once(i, true);
  const ms = [];
  const rss = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(i, false);
    ms.push(r.ms);
    rss.push(r.rssMb);
    cpu.push(r.cpuMs);
    process.stderr.write(`  ${name} run ${i + 1}/${runs}: ${r.ms.toFixed(0)} ms, cpu ${f0(r.cpuMs)} ms, ${r.rssMb.toFixed(0)} MB\n`);
  }
  return { ...stats(ms), cpuMs: median(cpu), rssMb: Math.max(...rss) };
}

/** The bench's own font cache, shared by the builds that measure a warm cache. */
let fontCache = null;
const warmCache = () => ({ BRIEFWRIGHT_FONT_CACHE: (fontCache ??= tmp('fontcache')) });

async function coldBuild(runs) {
  return bench('cold', runs, 1, async () => {
    const out = tmp('cold');
    const r = await runCli(['build', SOURCE, '--force', '--quiet', '--out', out], { env: warmCache() });
    rmSync(out, { recursive: true, force: true });
    return r;
  });
}

async function freshBuild(runs) {
  return bench('fresh', runs, 1, async () => {
    const out = tmp('fresh');
    const cache = tmp('emptycache');
    const r = await runCli(['build', SOURCE, '--force', '--quiet', '--out', out], { env: { BRIEFWRIGHT_FONT_CACHE: cache } });
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    return r;
  });
}

async function noChangeBuild(runs) {
  const out = tmp('nochange');
  await runCli(['build', SOURCE, '--quiet', '--out', out], { env: warmCache() });
  return bench('nochange', runs, 1, () => runCli(['build', SOURCE, '--quiet', '--out', out], { env: warmCache() }));
}

// ── scaling ────────────────────────────────────────────────────────────────
/** Common Han characters; copy n gets two of them in its Chinese title, so copies differ in their glyphs. */
const HAN = '春夏秋冬东西南北山川河海天地风雨雪云花草树木日月星辰金银铜铁江湖城乡田园书画琴棋诗词歌赋红黄蓝绿青紫白黑';

/** A copy of the source with its own slug and a title that differs by two Han characters. */
export function articleCopy(text, n) {
  const slug = `bench-article-${String(n).padStart(3, '0')}`;
  const mark = `${HAN[n % HAN.length]}${HAN[Math.floor(n / HAN.length) % HAN.length]}`;
  let done = 0;
  const out = text
    .replace(/^slug: .*$/m, () => (done++, `slug: ${slug}`))
    .replace(/^(title:\n {2}zh: )(.*)$/m, (_m, head, title) => (done++, `${head}${title}（${mark}）`));
  if (done !== 2) throw new Error('bench: the source no longer has the slug and title.zh lines the copies rewrite');
  return { slug, text: out };
}

function makeCorpus(n) {
  const root = tmp(`corpus${n}`);
  mkdirSync(path.join(root, 'source'));
  const text = readFileSync(SOURCE, 'utf8');
  for (let i = 0; i < n; i++) {
    const c = articleCopy(text, i);
    writeFileSync(path.join(root, 'source', `${c.slug}.md`), c.text);
  }
  return root;
}

async function scaling(sizes, runs) {
  const rows = [];
  for (const n of sizes) {
    const root = makeCorpus(n);
    // The warm-up run fills the font cache with the copies' subsets.
    const r = await bench(`scale ${n}`, n >= 50 ? Math.max(1, runs - 1) : runs, 1, async () => {
      const out = path.join(root, 'out');
      rmSync(out, { recursive: true, force: true });
      return runCli(['build', '--force', '--quiet', '--out', out], { cwd: root, env: warmCache() });
    });
    rows.push({ articles: n, ...r, msPerArticle: r.median / n });
  }
  return rows;
}

// ── long unbroken text (issue 17) ──────────────────────────────────────────
const BASE = path.join(ROOT, 'tests', 'fixtures', 'hostile', 'base.md');

/** n Han characters with no break opportunity but between characters (CJK). */
const hanRun = (n) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 2000))).join('');

/** The small valid article of the hostile corpus with n unbroken Han characters in four printed fields. */
export function longTextSource(n) {
  const run = hanRun(n);
  let done = 0;
  const fill = (text, re) => text.replace(re, (_m, head, tail = '') => (done++, `${head}${run}${tail}`));
  let text = readFileSync(BASE, 'utf8').replace(/^slug: base$/m, 'slug: long-text');
  text = fill(text, /^(title:\n {2}zh: ).*()$/m);
  text = fill(text, /^(short_title:\n {2}zh: ).*()$/m);
  text = fill(text, /(:::term\{[^}\n]*\}\n::zh\[)[^\]\n]*(\])/);
  text = fill(text, /(:::takeaway\{[^}\n]*\}\n::zh\[)[^\]\n]*(\])/);
  if (done !== 4) throw new Error('bench: tests/fixtures/hostile/base.md no longer has the fields the long-text case fills');
  return text;
}

async function longText(sizes = [1500, 15000, 150000]) {
  const rows = [];
  for (const n of sizes) {
    const root = tmp(`long${n}`);
    mkdirSync(path.join(root, 'source'));
    const text = longTextSource(n);
    writeFileSync(path.join(root, 'source', 'long-text.md'), text);
    const r = await bench(`longtext ${n}`, 1, 0, () => runCli(['build', '--force', '--quiet'], { cwd: root, env: warmCache() }));
    rows.push({ chars: n, bytes: Buffer.byteLength(text), ...r, usPerChar: (r.median * 1000) / n });
  }
  return rows;
}

// ── shards and merge (issue 19) ────────────────────────────────────────────
async function shardScale(articleCounts, shardCounts) {
  const rows = [];
  for (const n of articleCounts) {
    const root = makeCorpus(n);
    let reference = null;
    for (const k of shardCounts) {
      const dirs = [];
      const shardMs = [];
      const shardCpu = [];
      for (let i = 1; i <= k; i++) {
        const out = path.join(root, `shards-${k}-${i}`);
        // No font cache: every pass makes its own subsets, so the passes are alike.
        const r = await runCli(['build', '--force', '--quiet', '--shard', `${i}/${k}`, '--out', out], { cwd: root, env: { BRIEFWRIGHT_FONT_CACHE: 'off' } });
        shardMs.push(r.ms);
        shardCpu.push(r.cpuMs);
        dirs.push(out);
        process.stderr.write(`  shards ${n} articles, shard ${i}/${k}: ${r.ms.toFixed(0)} ms\n`);
      }
      const merged = path.join(root, `merged-${k}`);
      const m = await runCli(['merge', ...dirs, '--out', merged, '--quiet'], { cwd: root, env: { BRIEFWRIGHT_FONT_CACHE: 'off' } });
      const manifest = JSON.parse(readFileSync(path.join(merged, 'manifest.json'), 'utf8'));
      const text = readFileSync(path.join(merged, 'manifest.json'), 'utf8');
      if (reference === null) reference = text;
      else if (text !== reference) throw new Error(`bench: ${n} articles merged from ${k} shards differ from the first merge`);
      process.stderr.write(`  shards ${n} articles, merge of ${k}: ${m.ms.toFixed(0)} ms (${manifest.artifacts.length} artifacts)\n`);
      // Merge cost against the number of artifacts, from the same shard outputs: the first quarter, half and all of them.
      const curve = [];
      if (k >= 4) {
        for (const part of [k / 4, k / 2]) {
          const sub = path.join(root, `merged-${k}-${part}`);
          const r = await runCli(['merge', ...dirs.slice(0, part), '--out', sub, '--quiet'], { cwd: root, env: { BRIEFWRIGHT_FONT_CACHE: 'off' } });
          const artifacts = JSON.parse(readFileSync(path.join(sub, 'manifest.json'), 'utf8')).artifacts.length;
          curve.push({ shards: part, artifacts, ms: r.ms });
          rmSync(sub, { recursive: true, force: true });
        }
        curve.push({ shards: k, artifacts: manifest.artifacts.length, ms: m.ms });
      }
      rows.push({
        articles: n,
        shards: k,
        artifacts: manifest.artifacts.length,
        shardMs: shardMs.map((x) => Math.round(x)),
        shardMaxMs: Math.max(...shardMs),
        shardSumMs: shardMs.reduce((a, b) => a + b, 0),
        shardCpuMs: shardCpu.reduce((a, b) => a + b, 0),
        mergeMs: m.ms,
        mergeCpuMs: m.cpuMs,
        mergeRssMb: m.rssMb,
        mergeUsPerArtifact: (m.ms * 1000) / manifest.artifacts.length,
        mergeCurve: curve,
      });
      for (const d of [...dirs, merged]) rmSync(d, { recursive: true, force: true });
    }
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

// ── in-process renders ─────────────────────────────────────────────────────
async function renders(runs) {
  const imp = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const { articleFromBytes } = await imp('src/model/index.js');
  const { toDoc, buildEpoch } = await imp('src/pipeline.js');
  const { BACKENDS, OUTPUT_FORMATS, loadBackend } = await imp('src/render/registry.js');
  const { PRODUCTS } = await imp('src/ir/types.js');
  // Article products only (the HTML backend also renders the site's index page).
  const productsOf = (format) => BACKENDS[format].products.filter((p) => PRODUCTS.includes(p));
  const bytes = new Uint8Array(readFileSync(SOURCE));
  const t0 = performance.now();
  const { article, file } = articleFromBytes(bytes, SOURCE);
  const parseMs = performance.now() - t0;
  if (!article) throw new Error(`bench: the source does not parse:\n${file.messages.join('\n')}`);
  const epoch = buildEpoch(article);
  const rows = [];
  for (const format of OUTPUT_FORMATS) {
    const l0 = performance.now();
    const backend = await loadBackend(format);
    const loadMs = performance.now() - l0;
    for (const product of productsOf(format)) {
      const times = [];
      let firstMs = 0;
      for (let i = 0; i <= runs; i++) {
        const s = performance.now();
        await backend.render(toDoc(article, product), { epoch });
        const ms = performance.now() - s;
        if (i === 0) firstMs = ms;
        else times.push(ms);
      }
      rows.push({ product, format, loadMs: product === productsOf(format)[0] ? loadMs : 0, firstMs, ...stats(times) });
      process.stderr.write(`  render ${product}.${format}: first ${firstMs.toFixed(0)} ms, median ${median(times).toFixed(0)} ms\n`);
    }
  }
  // A second parse, now that the modules are loaded.
  const p0 = performance.now();
  articleFromBytes(bytes, SOURCE);
  return { parseFirstMs: parseMs, parseMs: performance.now() - p0, rows };
}

/** Renders run in a child process so that module loading and caches start empty (with the command line's V8 flags). */
function rendersInChild(runs) {
  const r = spawnSync(process.execPath, [...V8_FLAGS, fileURLToPath(import.meta.url), '--renders-only', String(runs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error('bench: in-process renders failed');
  return JSON.parse(r.stdout);
}

// ── report ─────────────────────────────────────────────────────────────────
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const mark = (ok) => (ok ? 'PASS' : 'MISS');

function table(results) {
  const lines = [];
  const { cold, fresh, noChange, render, scale, longtext, shards, checks, machine } = results;
  lines.push(`briefwright bench — node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadBefore.join(' ')} before, ${machine.loadAfter.join(' ')} after`);
  lines.push('');
  lines.push('whole process                              median     min     max    cpu ms  peak RSS');
  const row = (label, r) => `  ${label.padEnd(40)} ${f0(r.median).padStart(6)} ms ${f0(r.min).padStart(6)} ${f0(r.max).padStart(7)} ${f0(r.cpuMs).padStart(9)} ${f0(r.rssMb).padStart(6)} MB`;
  if (cold) lines.push(row('cold full build (--force, font cache)', cold));
  if (fresh) lines.push(row('cold full build, empty font cache', fresh));
  if (noChange) lines.push(row('no-change rebuild', noChange));
  if (render) {
    lines.push('');
    lines.push(`in-process renders (parse ${f0(render.parseFirstMs)} ms first, ${f0(render.parseMs)} ms after)`);
    lines.push('  artifact            load ms  first ms  median ms   min   max');
    for (const r of render.rows) {
      lines.push(`  ${`${r.product}.${r.format}`.padEnd(18)} ${f0(r.loadMs).padStart(7)} ${f0(r.firstMs).padStart(9)} ${f0(r.median).padStart(10)} ${f0(r.min).padStart(5)} ${f0(r.max).padStart(5)}`);
    }
  }
  if (scale) {
    lines.push('');
    lines.push('scaling (whole process, --force, font cache)  median ms  ms/article    cpu ms  peak RSS');
    for (const s of scale) lines.push(`  ${String(s.articles).padStart(3)} articles ${f0(s.median).padStart(34)} ${f0(s.msPerArticle).padStart(11)} ${f0(s.cpuMs).padStart(9)} ${f0(s.rssMb).padStart(6)} MB`);
  }
  if (longtext) {
    lines.push('');
    lines.push('long unbroken text (whole process, every format, --force)  chars     bytes   wall ms   cpu ms  µs/char  peak RSS');
    for (const r of longtext) lines.push(`  ${''.padEnd(56)} ${String(r.chars).padStart(7)} ${String(r.bytes).padStart(9)} ${f0(r.median).padStart(9)} ${f0(r.cpuMs).padStart(8)} ${f0(r.usPerChar).padStart(8)} ${f0(r.rssMb).padStart(6)} MB`);
  }
  if (shards) {
    lines.push('');
    lines.push('shards then merge (whole processes, no font cache)  articles  shards  artifacts  slowest shard ms  all shards ms  merge ms  µs/artifact');
    for (const r of shards) {
      lines.push(`  ${''.padEnd(49)} ${String(r.articles).padStart(8)} ${String(r.shards).padStart(7)} ${String(r.artifacts).padStart(10)} ${f0(r.shardMaxMs).padStart(17)} ${f0(r.shardSumMs).padStart(14)} ${f0(r.mergeMs).padStart(9)} ${f0(r.mergeUsPerArtifact).padStart(12)}`);
      if (r.mergeCurve?.length) lines.push(`      merge of ${r.mergeCurve.map((c) => `${c.shards} shards (${c.artifacts} artifacts): ${f0(c.ms)} ms`).join(', ')}`);
    }
  }
  lines.push('');
  lines.push('targets (2-core machine, medians)');
  for (const c of checks) lines.push(`  ${c.ok === null ? 'n/a ' : mark(c.ok)}  ${c.what.padEnd(52)} ${c.value}`);
  return lines.join('\n');
}

function checksOf({ cold, fresh, noChange, scale, longtext, shards }) {
  const at = (n) => scale?.find((s) => s.articles === n);
  const s1 = at(1);
  const s10 = at(10);
  const s50 = at(50);
  const marginal = s10 && s50 ? (s50.median - s10.median) / 40 : s1 && s10 ? (s10.median - s1.median) / 9 : NaN;
  const early = s1 && s10 ? (s10.median - s1.median) / 9 : NaN;
  const late = s10 && s50 ? (s50.median - s10.median) / 40 : NaN;
  const check = (what, value, ok) => ({ what, value, ok });
  return [
    check(`cold full build ≤ ${TARGETS.coldMs} ms (font cache)`, cold ? `${f0(cold.median)} ms` : '–', cold ? cold.median <= TARGETS.coldMs : null),
    check(`cold full build ≤ ${TARGETS.coldMs} ms (empty font cache)`, fresh ? `${f0(fresh.median)} ms` : '–', fresh ? fresh.median <= TARGETS.coldMs : null),
    check(`no-change rebuild ≤ ${TARGETS.noChangeMs} ms`, noChange ? `${f0(noChange.median)} ms` : '–', noChange ? noChange.median <= TARGETS.noChangeMs : null),
    check(`each added article ≤ ${TARGETS.addedArticleMs} ms`, Number.isFinite(marginal) ? `${f0(marginal)} ms` : '–', Number.isFinite(marginal) ? marginal <= TARGETS.addedArticleMs : null),
    check(`peak RSS, 50 articles ≤ ${TARGETS.rss50Mb} MB`, s50 ? `${f0(s50.rssMb)} MB` : '–', s50 ? s50.rssMb <= TARGETS.rss50Mb : null),
    check(
      `linear: ms/added article 10→50 ≤ ${TARGETS.linearFactor} × 1→10`,
      Number.isFinite(early) && Number.isFinite(late) ? `${f0(late)} vs ${f0(early)} ms` : '–',
      Number.isFinite(early) && Number.isFinite(late) ? late <= TARGETS.linearFactor * early : null,
    ),
    ...longTextChecks(longtext, check),
    ...shardChecks(shards, check),
  ];
}

function longTextChecks(rows, check) {
  if (!rows || rows.length < 3) return [];
  const [a, b, c] = rows;
  // Time per added character, 1×→10× and 10×→100× (the fixed cost of a build cancels out).
  const early = (b.median - a.median) / (b.chars - a.chars);
  const late = (c.median - b.median) / (c.chars - b.chars);
  return [
    check(`long text: ${c.bytes.toLocaleString('en')}-byte source answered ≤ ${TARGETS.longTextMs / 1000} s`, `${f0(c.median)} ms`, c.median <= TARGETS.longTextMs),
    check(`long text linear: ms/char 10×→100× ≤ ${TARGETS.longTextLinearFactor} × 1×→10×`, `${(late * 1000).toFixed(1)} vs ${(early * 1000).toFixed(1)} µs`, late <= TARGETS.longTextLinearFactor * early),
  ];
}

function shardChecks(rows, check) {
  // The widest merge curve: merges of a quarter, half and all of the most shards of the most articles.
  const row = rows?.filter((r) => r.mergeCurve?.length === 3).sort((a, b) => b.artifacts - a.artifacts)[0];
  if (!row) return [];
  const [q, h, all] = row.mergeCurve;
  // Time per added artifact in the second half vs the second quarter (the merge's fixed cost cancels out).
  const early = (h.ms - q.ms) / (h.artifacts - q.artifacts);
  const late = (all.ms - h.ms) / (all.artifacts - h.artifacts);
  return [
    check(
      `merge linear: ms/artifact ${h.artifacts}→${all.artifacts} ≤ ${TARGETS.mergeLinearFactor} × ${q.artifacts}→${h.artifacts}`,
      `${(late * 1000).toFixed(0)} vs ${(early * 1000).toFixed(0)} µs`,
      late <= TARGETS.mergeLinearFactor * early,
    ),
  ];
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--renders-only') {
    process.stdout.write(JSON.stringify(await renders(Number(argv[1]))));
    return;
  }
  const opts = parseArgs(argv);
  if (!existsSync(path.join(DIST, 'src', 'cli.js'))) throw new Error('bench: dist/ is missing; run `make compile` first');
  const machine = {
    node: process.versions.node,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadBefore: os.loadavg().map((x) => Number(x.toFixed(2))),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    peakRss: TIME ? '/usr/bin/time -v' : '/proc VmHWM polling',
  };
  const results = { machine, runs: opts.runs };
  try {
    if (!opts.skip.has('cold')) results.cold = await coldBuild(opts.runs);
    if (!opts.skip.has('fresh')) results.fresh = await freshBuild(Math.min(3, opts.runs));
    if (!opts.skip.has('nochange')) results.noChange = await noChangeBuild(opts.runs);
    if (!opts.skip.has('render')) results.render = rendersInChild(opts.runs);
    if (!opts.skip.has('scaling')) results.scale = await scaling(opts.scale, opts.scaleRuns);
    if (!opts.skip.has('longtext')) results.longtext = await longText();
    if (!opts.skip.has('shards')) results.shards = await shardScale(opts.shardArticles, opts.shardCounts);
  } finally {
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
  }
  machine.loadAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
  results.checks = checksOf(results);
  process.stdout.write(`${table(results)}\n`);
  writeFileSync(opts.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), opts.json) || opts.json}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
}
