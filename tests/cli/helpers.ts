/**
 * Run the shipped entry point (`bin/briefwright.js` → compiled `dist/`) as a
 * subprocess. `ensureCompiled` compiles first (`scripts/compile.mjs`, as make
 * does) when dist/ is older than the TypeScript sources.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(repoRoot, 'bin/briefwright.js');
export const realSource = path.join(repoRoot, 'source/us-japan-acquisition.md');

function newest(dir: string, ext: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(abs, ext));
    else if (e.name.endsWith(ext)) t = Math.max(t, statSync(abs).mtimeMs);
  }
  return t;
}

export function distIsStale(): boolean {
  const built = newest(path.join(repoRoot, 'dist'), '.js');
  const sources = Math.max(newest(path.join(repoRoot, 'src'), '.ts'), newest(path.join(repoRoot, 'templates'), '.ts'));
  return !existsSync(path.join(repoRoot, 'dist/src/cli.js')) || sources > built;
}

/** Compile once (guarded by a lock folder so parallel test files do not race). */
export function ensureCompiled(): void {
  if (!distIsStale()) return;
  const lock = path.join(repoRoot, '.cache/compile.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  let owner = false;
  for (let i = 0; i < 600 && !owner; i++) {
    try {
      mkdirSync(lock);
      owner = true;
    } catch {
      spawnSync(process.execPath, ['-e', 'setTimeout(()=>{},200)']);
      if (!existsSync(lock)) continue;
    }
  }
  try {
    if (distIsStale()) {
      // tsc emits even when another module of the project has type errors; the CLI needs only the emit.
      spawnSync(process.execPath, [path.join(repoRoot, 'scripts/compile.mjs')], {
        stdio: 'ignore',
      });
    }
  } finally {
    if (owner) rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(path.join(repoRoot, 'dist/src/cli.js'))) throw new Error('compiling did not produce dist/src/cli.js');
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] }): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
  delete env.SOURCE_DATE_EPOCH;
  if (opts.env?.SOURCE_DATE_EPOCH) env.SOURCE_DATE_EPOCH = opts.env.SOURCE_DATE_EPOCH;
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), cliPath, ...args], {
    cwd: opts.cwd,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A temp project holding copies of the real source (and any extra files). */
export function tempProject(extra: Record<string, string> = {}, withReal = true): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'briefwright-cli-'));
  mkdirSync(path.join(root, 'source'));
  if (withReal) cpSync(realSource, path.join(root, 'source', path.basename(realSource)));
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
