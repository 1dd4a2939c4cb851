#!/usr/bin/env node
/**
 * The PDF renders of both articles in one process, as a render thread does
 * them: load the PDF backend, warm it up (`backend.warm()`, as the build's
 * worker does before its first task), render the four products of each
 * article once (first), then all eight --runs times more (warm: the median
 * of each render). Reports wall and CPU ms (the process, all threads) of the
 * warm-up and per article, and the first 12 hex digits of each PDF's sha256
 * (the same in every run and with every --dist, or the code changed a PDF).
 *
 *   node bench/pdf-renders.mjs [--runs N] [--no-warm] [--probe] [--dist DIR] [--json]
 *                              [--cpu-prof-first FILE] [--cpu-prof-warm FILE]
 *
 * --probe: also the time inside the faces' `layout` (fonts.ts), fontkit's
 *   `lookupsForFeatures` and fontkit's subset encoding (pdfkit's embedding of
 *   each face a document uses), in the first round and per warm round; the
 *   faces are then parsed before the warm-up, which times shaping alone.
 * --dist DIR: run another compiled copy, e.g. the code before a change
 *   (`cp -r dist .cache/dist-before`: copies inside the project, so their
 *   imports find node_modules).
 * --cpu-prof-first / --cpu-prof-warm FILE: a V8 CPU profile of the first
 *   round or of the warm rounds (for bench/profile-summary.mjs).
 *
 * Runs with the command line's V8 flags (it starts itself again with them)
 * and no font cache. One process takes ≈ 15 s at --runs 5.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { V8_FLAGS } from '../bin/v8-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);

if (!argv.includes('--child')) {
  const r = spawnSync(process.execPath, [...V8_FLAGS, fileURLToPath(import.meta.url), '--child', ...argv], {
    stdio: 'inherit',
    env: { ...process.env, BRIEFWRIGHT_FONT_CACHE: 'off' },
  });
  process.exit(r.status ?? 1);
}

const runs = Number(opt('--runs', 5));
const dist = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const imp = (rel) => import(pathToFileURL(path.join(dist, rel)).href);
const { articleFromBytes } = await imp('src/model/index.js');
const { toDoc, buildEpoch } = await imp('src/pipeline.js');
const { loadBackend } = await imp('src/render/registry.js');

const SOURCES = ['us-japan-acquisition', 'allied-cloud-interoperability'];
const PRODUCTS = ['summary', 'checklist', 'slides', 'reading'];
const articles = SOURCES.map((slug) => {
  const file = path.join(ROOT, 'source', `${slug}.md`);
  const { article } = articleFromBytes(new Uint8Array(readFileSync(file)), file);
  return { slug, article, epoch: buildEpoch(article) };
});

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const l0 = performance.now();
const backend = await loadBackend('pdf');
const loadMs = performance.now() - l0;

// Probes: time inside each face's layout (outermost call) and inside fontkit's lookupsForFeatures.
const probe = { layoutMs: 0, layoutCalls: 0, lookupsMs: 0, lookupsCalls: 0, subsetMs: 0, subsetCalls: 0 };
if (argv.includes('--probe')) {
  const fonts = await imp('src/render/pdf/fonts.js');
  fonts.fontFiles();
  const faces = ['sc-regular', 'sc-bold', 'latin-regular', 'latin-bold', 'latin-italic', 'latin-boldItalic'];
  const timed = (obj, name, msKey, callsKey) => {
    const inner = obj[name];
    let depth = 0;
    obj[name] = function (...a) {
      if (depth++ > 0) {
        try {
          return inner.apply(this, a);
        } finally {
          depth--;
        }
      }
      const t = performance.now();
      try {
        return inner.apply(this, a);
      } finally {
        depth--;
        probe[msKey] += performance.now() - t;
        probe[callsKey]++;
      }
    };
  };
  for (const f of faces) timed(fonts.parsedFace(f), 'layout', 'layoutMs', 'layoutCalls');
  // OTProcessor's prototype, reached through a face's GSUB processor (this makes that face's layout engine now).
  let proto = Object.getPrototypeOf(fonts.parsedFace('latin-regular')._layoutEngine.engine.GSUBProcessor);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'lookupsForFeatures')) proto = Object.getPrototypeOf(proto);
  timed(proto, 'lookupsForFeatures', 'lookupsMs', 'lookupsCalls');
  // fontkit's TrueType subset, which pdfkit encodes for each face each document embeds.
  timed(Object.getPrototypeOf(fonts.parsedFace('latin-regular').createSubset()), 'encode', 'subsetMs', 'subsetCalls');
}

const w0 = performance.now();
const wc = cpu();
if (!argv.includes('--no-warm')) await backend.warm();
const warmMs = performance.now() - w0;
const warmCpu = cpu() - wc;

const sha = (b) => createHash('sha256').update(b).digest('hex').slice(0, 12);
const results = {}; // slug → product → { first, times[], cpuFirst, cpuTimes[], sha }
const snap = () => ({ ...probe });
const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));

async function round(first) {
  const p0 = snap();
  for (const { slug, article, epoch } of articles) {
    results[slug] ??= {};
    for (const product of PRODUCTS) {
      const t = performance.now();
      const c = cpu();
      const bytes = await backend.render(toDoc(article, product), { epoch });
      const ms = performance.now() - t;
      const cms = cpu() - c;
      const r = (results[slug][product] ??= { first: 0, cpuFirst: 0, times: [], cpuTimes: [], sha: sha(bytes) });
      if (first) Object.assign(r, { first: ms, cpuFirst: cms });
      else {
        r.times.push(ms);
        r.cpuTimes.push(cms);
        if (r.sha !== sha(bytes)) r.sha += ' CHANGED';
      }
    }
  }
  return diff(p0, snap());
}

/** --cpu-prof-first FILE / --cpu-prof-warm FILE: a V8 CPU profile of the first round, or of the warm rounds. */
async function profiled(file, fn) {
  if (!file) return fn();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = await fn();
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return result;
}

const firstProbe = await profiled(opt('--cpu-prof-first'), () => round(true));
const warmProbes = await profiled(opt('--cpu-prof-warm'), async () => {
  const probes = [];
  for (let i = 0; i < runs; i++) probes.push(await round(false));
  return probes;
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const f0 = (x) => x.toFixed(0);
const out = { loadMs, warmMs, warmCpu, firstProbe, warmProbe: Object.fromEntries(Object.keys(probe).map((k) => [k, median(warmProbes.map((p) => p[k]))])), articles: {} };
for (const { slug } of articles) {
  const rs = results[slug];
  const row = { first: 0, cpuFirst: 0, warm: 0, cpuWarm: 0, products: {} };
  for (const p of PRODUCTS) {
    const r = rs[p];
    const m = { first: r.first, cpuFirst: r.cpuFirst, warm: median(r.times), cpuWarm: median(r.cpuTimes), sha: r.sha };
    row.products[p] = m;
    row.first += m.first;
    row.cpuFirst += m.cpuFirst;
    row.warm += m.warm;
    row.cpuWarm += m.cpuWarm;
  }
  out.articles[slug] = row;
}
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(out)}\n`);
else {
  console.log(`load ${f0(loadMs)} ms, warm-up ${f0(warmMs)} ms (${f0(warmCpu)} ms CPU)`);
  for (const [slug, row] of Object.entries(out.articles)) {
    console.log(`${slug}: first ${f0(row.first)} ms (${f0(row.cpuFirst)} CPU), warm ${f0(row.warm)} ms (${f0(row.cpuWarm)} CPU)`);
    for (const [p, m] of Object.entries(row.products)) console.log(`  ${p.padEnd(9)} first ${f0(m.first).padStart(4)}  warm ${f0(m.warm).padStart(4)}  ${m.sha}`);
  }
  if (argv.includes('--probe')) {
    const fmt = (p) => `layout ${f0(p.layoutMs)} ms (${p.layoutCalls} calls), lookupsForFeatures ${f0(p.lookupsMs)} ms (${p.lookupsCalls} calls), subset encoding ${f0(p.subsetMs)} ms (${p.subsetCalls} calls)`;
    console.log(`first round: ${fmt(firstProbe)}`);
    console.log(`warm round (median): ${fmt(out.warmProbe)}`);
  }
}
