// The PDF changes of the second and third rounds switched off in turn (bench/README.md, "Second round",
// "Third round"): CPU of the
// process for the eight PDFs of both articles, one thread, rounds taking turns. `node bench/pdf-switches.mjs`
// after `make compile`; ROUNDS=n sets the rounds (default 5).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const imp = (rel) => import(pathToFileURL(path.join(ROOT, 'dist', rel)).href);
const { articleFromBytes } = await imp('src/model/index.js');
const { toDoc, buildEpoch } = await imp('src/pipeline.js');
const { loadBackend } = await imp('src/render/registry.js');
const flow = await imp('src/render/pdf/flow.js');
const mc = await imp('src/render/pdf/measure-cache.js');
const wr = await imp('src/render/pdf/word-runs.js');
const b = await loadBackend('pdf');
await b.warm?.();
const docs = [];
for (const src of ['us-japan-acquisition', 'allied-cloud-interoperability']) {
  const SOURCE = path.join(ROOT, `source/${src}.md`);
  const { article } = articleFromBytes(new Uint8Array(readFileSync(SOURCE)), SOURCE);
  for (const p of ['summary', 'checklist', 'slides', 'reading']) docs.push([toDoc(article, p), buildEpoch(article), p]);
}
const variants = {
  all: () => {},
  'no windows': () => flow.setWindowedPagination(false),
  'no measure cache': () => mc.setMeasureCache(false),
  'no word runs': () => wr.setWordRuns(false),
  'none of the three': () => { flow.setWindowedPagination(false); mc.setMeasureCache(false); wr.setWordRuns(false); },
};
const reset = () => { flow.setWindowedPagination(true); mc.setMeasureCache(true); wr.setWordRuns(true); };
const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const a4 = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (const [d, e] of docs) await b.render(d, { epoch: e });
for (let r = 0; r < Number(process.env.ROUNDS ?? 5); r++) {
  for (const [name, set] of Object.entries(variants)) {
    reset(); set();
    let total = 0, onlyA4 = 0;
    for (const [d, e, p] of docs) { const c = process.cpuUsage(); await b.render(d, { epoch: e }); const u = process.cpuUsage(c); const ms = (u.user + u.system) / 1000; total += ms; if (p !== 'slides') onlyA4 += ms; }
    res[name].push(total); a4[name].push(onlyA4);
  }
}
const med = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
for (const k of Object.keys(variants)) console.log(k.padEnd(20), 'all 8 PDFs', med(res[k]).toFixed(0), 'ms CPU; the 6 A4 PDFs', med(a4[k]).toFixed(0));
