/**
 * The W3C Nu HTML checker (npm `vnu-jar`, run on the machine's Java) over
 * every HTML page of a build of both real sources (the site's index page
 * included) and over the kitchen-sink pages: no error. It reports what
 * html-validate does not, e.g. a skipped heading level or an obsolete
 * attribute. Skipped in the fast tier and, with a message, without Java;
 * failing under CI=true, where Java must be installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build/index.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { FAST } from '../../helpers/tier.js';
import { kitchenSink } from './kitchen-sink.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');

function hasJava(): boolean {
  // The fast tier leaves the checker (a Java start and a whole build) to make test.
  if (FAST) return false;
  const ok = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error('java is required when CI=true (the Nu HTML checker runs on it)');
  if (!ok) console.warn('skipping the Nu HTML checker: java not found');
  return ok;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith('.html') ? [p] : [];
  });
}

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe.skipIf(!hasJava())('the W3C Nu HTML checker', () => {
  it('reports no error on any page of a build of both real articles, the index page and the kitchen sink', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefwright-vnu-'));
    const report = await build({ root, outDir: path.join(out, 'site'), formats: ['html'], force: true, jobs: 1, code: 'vnu-test', fontCache: null });
    expect(report.articles.map((a) => a.status).sort()).toEqual(['built', 'built']);
    mkdirSync(path.join(out, 'kitchen-sink'));
    for (const [product, doc] of Object.entries(kitchenSink())) writeFileSync(path.join(out, 'kitchen-sink', `${product}.html`), await renderHtml(doc));
    const files = htmlFiles(out);
    // 2 articles × 4 products, the index page, 5 kitchen-sink pages.
    expect(files.length).toBe(14);
    const jar = require('vnu-jar') as string;
    const run = spawnSync('java', ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const { messages } = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine}: ${m.message} [${(m.extract ?? '').slice(0, 80)}]`);
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  }, 600_000);
});
