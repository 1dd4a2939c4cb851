#!/usr/bin/env node
/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time by function
 * and by file (package), and inclusive time of the heaviest call paths'
 * top-level project functions.
 *
 *   node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]\n');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from samples × time deltas.
const self = new Map();
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  self.set(id, (self.get(id) ?? 0) + dt);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Short label of a URL: package name under node_modules, else the path after the project. */
function where(url) {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const m = url.match(/\/(dist\/.*|src\/.*|templates\/.*|bin\/.*)$/);
  return m ? m[1] : url;
}

const byFn = new Map();
const byFile = new Map();
for (const [id, ms] of self) {
  const { callFrame } = nodes.get(id);
  const w = where(callFrame.url);
  const fn = `${callFrame.functionName || '(anonymous)'}  ${w}:${callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  byFile.set(w, (byFile.get(w) ?? 0) + ms);
}

// Inclusive time per package: a sample counts once for each package on its stack.
const inclusive = new Map();
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) seen.add(where(nodes.get(n).callFrame.url));
  for (const w of seen) inclusive.set(w, (inclusive.get(w) ?? 0) + dt);
});

const table = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}\n`);
  }
};
process.stdout.write(`profile: ${file}\ntotal sampled: ${total.toFixed(1)} ms\n`);
table('self time by function', byFn);
table('self time by file/package', byFile);
table('inclusive time by file/package', inclusive);
