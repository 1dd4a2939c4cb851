#!/usr/bin/env node
/**
 * What each kept private patch of the PDF backend saves (bench/README.md,
 * "Private patches"): the compiled code as it is, and copies of dist/ with
 * one patch taken out, each rendered in fresh child processes taking turns
 * (the command line's V8 flags, no font cache). A child loads the PDF
 * backend, warms it up, renders the three products of the article once,
 * then each 5 times more; it reports CPU time (all of it, user + system) and
 * the PDFs' sizes.
 *
 *   node bench/patches.mjs [--runs N]     (default 4 processes per variant; compiles first with make)
 *
 * Variants: `as is`; `no merge` (pdfmake's renderLine left alone:
 * setInlineMerging(false)); `no memo` (fontkit's layout left alone:
 * memoizeShaping not installed); `no cache` (fontkit parses the faces for
 * every document: pdfmake gets the font files instead of keys to the parsed
 * fonts, so neither registerFormat nor the memo is used).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { V8_FLAGS } from '../bin/v8-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'source', 'us-japan-acquisition.md');

if (process.argv[2] === '--child') {
  const [, , , dist, variant] = process.argv;
  const imp = (rel) => import(pathToFileURL(path.join(dist, rel)).href);
  const { articleFromBytes } = await imp('src/model/index.js');
  const { toDoc } = await imp('src/pipeline.js');
  const { article } = articleFromBytes(new Uint8Array(readFileSync(SOURCE)), SOURCE);
  const c0 = process.cpuUsage();
  const { backend } = await imp('src/render/pdf/index.js');
  if (variant === 'no merge') (await imp('src/render/pdf/merge-inlines.js')).setInlineMerging(false);
  await backend.warm();
  const bytes = {};
  for (const p of ['summary', 'checklist', 'slides']) bytes[p] = (await backend.render(toDoc(article, p), { epoch: 0 })).length;
  for (let i = 0; i < 5; i++) for (const p of ['summary', 'checklist', 'slides']) await backend.render(toDoc(article, p), { epoch: 0 });
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ cpuMs: (c.user + c.system) / 1000, bytes }));
  process.exit(0);
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 4;
spawnSync('make', ['compile'], { cwd: ROOT, stdio: 'inherit' });
const dist = path.join(ROOT, 'dist');
// Copies live inside the project so their imports find node_modules.
const tmp = mkdtempSync(path.join(ROOT, '.cache', 'bench-patches-'));

/** A copy of dist/ with `from` replaced by `to` in one compiled file (which must contain it). */
function variantOf(name, file, from, to) {
  const dir = path.join(tmp, name.replace(/\W+/g, '-'));
  cpSync(dist, dir, { recursive: true });
  const f = path.join(dir, file);
  const text = readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`bench: ${file} no longer contains ${from}`);
  writeFileSync(f, text.replace(from, to));
  return dir;
}

const variants = [
  ['as is', dist],
  ['no merge', dist],
  ['no memo', variantOf('no memo', 'src/render/pdf/fonts.js', 'memoizeShaping(font, isCjkFace(face));', '/* memo left out */')],
  ['no cache', variantOf('no cache', 'src/render/pdf/fonts.js', 'files[virtualName(w)] = keyFor(w);', 'files[virtualName(w)] = new Uint8Array(readFileSync(fontPath(w)));')],
];

const results = new Map(variants.map(([name]) => [name, []]));
const load = () => os.loadavg().map((x) => x.toFixed(2));
const loadBefore = load();
for (let i = 0; i < runs; i++) {
  for (const [name, dir] of variants) {
    const r = spawnSync(process.execPath, [...V8_FLAGS, fileURLToPath(import.meta.url), '--child', dir, name], {
      encoding: 'utf8',
      env: { ...process.env, BRIEFWRIGHT_FONT_CACHE: 'off' },
    });
    if (r.status !== 0) throw new Error(`bench: ${name} failed:\n${r.stderr}`);
    results.get(name).push(JSON.parse(r.stdout));
  }
}
rmSync(tmp, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = median(results.get('as is').map((r) => r.cpuMs));
console.log(`PDF backend, ${runs} processes per variant: load, warm-up, 3 first renders, 15 more (CPU ms, median); load ${loadBefore.join(' ')} before, ${load().join(' ')} after`);
for (const [name] of variants) {
  const rs = results.get(name);
  const cpu = median(rs.map((r) => r.cpuMs));
  const sizes = Object.values(rs[0].bytes).reduce((a, b) => a + b, 0);
  console.log(`  ${name.padEnd(9)} ${cpu.toFixed(0).padStart(6)} ms  ${name === 'as is' ? '      ' : `${(((cpu - base) / base) * 100).toFixed(0).padStart(4)} %`}  PDFs ${(sizes / 1024).toFixed(0)} KB`);
}
if (!existsSync(dist)) process.exitCode = 1;
