/**
 * SIGINT and SIGTERM in the middle of a build (worker threads busy, some
 * articles committed, others not): the CLI exits 130 / 143, and out/ holds
 * only complete files from before or after — every file is byte-identical
 * either to the previous build or to an uninterrupted build of the new
 * sources (builds are reproducible, so that build is the reference) — and no
 * temporary file anywhere. The next build then completes the job.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTempFiles } from '../../src/build/write.js';
import { cliPath, ensureCompiled } from '../cli/helpers.js';
import { runCliAsync, snapshot } from './helpers.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../fixtures/hostile/base.md'), 'utf8');
const SLUGS = ['first', 'second', 'third'];
const ARGS = ['build', '--formats', 'html,pdf,docx', '--jobs', '2'];
const scratch: string[] = [];

/** The sources of one version: each article's title (printed in every product) says which version it is. */
function writeSources(project: string, version: string): void {
  for (const slug of SLUGS) {
    const text = base.replace(/^slug: base$/m, `slug: ${slug}`).replace('title:\n  zh: 测试文章\n', `title:\n  zh: 测试文章(第${version}版)\n`);
    writeFileSync(path.join(project, 'source', `${slug}.md`), text);
  }
}

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwright-interrupt-'));
  scratch.push(dir);
  mkdirSync(path.join(dir, 'source'));
  mkdirSync(path.join(dir, '.tmp'));
  return dir;
}

/** Build uninterrupted; returns the out/ snapshot. */
async function build(dir: string): Promise<Map<string, string>> {
  const r = await runCliAsync(ARGS, { cwd: dir, env: { TMPDIR: path.join(dir, '.tmp') } });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr}`);
  return snapshot(path.join(dir, 'out'));
}

/**
 * Start a build and send `signal` as soon as one article's new files are in
 * place (so the others are still rendering). Resolves with the exit status.
 */
function interrupt(dir: string, signal: NodeJS.Signals, previous: Map<string, string>): Promise<{ status: number | null; killedMidBuild: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TMPDIR: path.join(dir, '.tmp') };
    delete env.SOURCE_DATE_EPOCH;
    const child = spawn(process.execPath, [cliPath, ...ARGS], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let killedMidBuild = false;
    const out = path.join(dir, 'out');
    const poll = setInterval(() => {
      const now = snapshot(out);
      const committed = [...now].some(([p, h]) => p.includes('/') && !p.startsWith('fonts') && previous.has(p) && previous.get(p) !== h);
      if (committed && child.exitCode === null) {
        clearInterval(poll);
        killedMidBuild = true;
        child.kill(signal);
      }
    }, 25);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, killedMidBuild, stderr });
    });
  });
}

let dir = '';
let v1 = new Map<string, string>();
let v2 = new Map<string, string>();

beforeAll(async () => {
  ensureCompiled();
  // The reference outputs of version 2, built uninterrupted in another folder.
  const ref = project();
  writeSources(ref, '二');
  v2 = await build(ref);
  // The project under test, built once at version 1.
  dir = project();
  writeSources(dir, '一');
  v1 = await build(dir);
  // Every artifact differs between the versions, so each file tells which build wrote it.
  for (const p of [...v1.keys()].filter((k) => /^(first|second|third)\//.test(k))) expect(v2.get(p), p).not.toBe(v1.get(p));
}, 900_000);

afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

function expectOnlyCompleteFiles(now: Map<string, string>, before: Map<string, string>, after: Map<string, string>): void {
  const stray: string[] = [];
  for (const [p, h] of now) if (h !== before.get(p) && h !== after.get(p)) stray.push(p);
  expect(stray, 'files that are neither the previous nor the new complete version').toEqual([]);
  expect(findTempFiles(path.join(dir, 'out')), 'temporary files in out/').toEqual([]);
  expect(readdirSync(path.join(dir, '.tmp')), 'files left in TMPDIR').toEqual([]);
}

describe('interrupting a build', () => {
  it('SIGINT mid-build exits 130 and leaves only complete old or new files; the next build finishes the job', async () => {
    writeSources(dir, '二');
    const r = await interrupt(dir, 'SIGINT', v1);
    expect(r.killedMidBuild, `the build ended (${r.status}) before it could be interrupted: ${r.stderr}`).toBe(true);
    expect(r.status, r.stderr).toBe(130);
    const now = snapshot(path.join(dir, 'out'));
    expectOnlyCompleteFiles(now, v1, v2);
    // Mid-build: at least one article is new and at least one is still old.
    const articleState = SLUGS.map((s) => (now.get(`${s}/summary.html`) === v2.get(`${s}/summary.html`) ? 'new' : 'old'));
    expect(articleState).toContain('new');
    expect(articleState).toContain('old');

    expect(await build(dir)).toEqual(v2);
  }, 900_000);

  it('SIGTERM mid-build exits 143 with the same guarantee (back to version 1)', async () => {
    writeSources(dir, '一');
    const r = await interrupt(dir, 'SIGTERM', v2);
    expect(r.killedMidBuild, `the build ended (${r.status}) before it could be interrupted: ${r.stderr}`).toBe(true);
    expect(r.status, r.stderr).toBe(143);
    expectOnlyCompleteFiles(snapshot(path.join(dir, 'out')), v2, v1);
    expect(await build(dir)).toEqual(v1);
  }, 900_000);
});
