/**
 * Two builds into one out/, as two processes of the shipped CLI: the second
 * waits for the first (or, with --no-wait, fails naming it), so the manifest
 * and the landing page end up with both builds' files; a lock left by a
 * killed build is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_DIR, LOCK_INFO } from '../../src/build/lock.js';
import { findTempFiles } from '../../src/build/write.js';
import { cliPath, ensureCompiled, runCli, tempProject } from './helpers.js';
import { fileSha256 } from '../helpers/files.js';
import { PRODUCTS } from '../../src/ir/types.js';

beforeAll(() => ensureCompiled(), 300_000);

interface Running {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<number | null>;
}

function start(args: string[], cwd: string): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.SOURCE_DATE_EPOCH;
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, done };
}

async function until(what: string, cond: () => boolean, running?: Running): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (cond()) return;
    if (running && running.child.exitCode !== null) throw new Error(`${what}: the build ended first (${running.child.exitCode}): ${running.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

const manifest = (out: string) =>
  JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { artifacts: { path: string; sha256: string; format: string }[] };

describe('two builds into one out/', () => {
  it('the second waits for the first; the manifest and landing page keep both builds\' files', async () => {
    const cwd = tempProject();
    const out = path.join(cwd, 'out');
    const first = start(['build', '--formats', 'pdf'], cwd);
    await until('the first build holds the lock', () => existsSync(path.join(out, LOCK_INFO)), first);
    const holder = JSON.parse(readFileSync(path.join(out, LOCK_INFO), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(first.child.pid);
    const second = start(['build', '--formats', 'html'], cwd);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a, first.stderr()).toBe(0);
    expect(b, second.stderr()).toBe(0);
    expect(second.stderr()).toContain(`another build is writing to out (pid ${first.child.pid}); waiting for it to finish`);

    const m = manifest(out);
    expect(m.artifacts.map((x) => x.format).sort()).toEqual([...PRODUCTS.map(() => 'html'), ...PRODUCTS.map(() => 'pdf')]);
    for (const x of m.artifacts) expect(fileSha256(path.join(out, x.path)), x.path).toBe(x.sha256);
    const landing = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const x of m.artifacts) expect(landing, x.path).toContain(`href="${x.path}"`);
    expect(existsSync(path.join(out, LOCK_DIR))).toBe(false);
    expect(existsSync(path.join(out, LOCK_INFO))).toBe(false);
  }, 600_000);

  it('--no-wait fails at once with exit 2, naming the build that holds out/', async () => {
    const cwd = tempProject();
    const out = path.join(cwd, 'out');
    const first = start(['build', '--formats', 'pdf'], cwd);
    await until('the first build holds the lock', () => existsSync(path.join(out, LOCK_INFO)), first);
    const second = runCli(['build', '--formats', 'html', '--no-wait'], { cwd });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`briefwright: another build is writing to out (pid ${first.child.pid}); try again when it has finished\n`);
    expect(await first.done, first.stderr()).toBe(0);
    expect(manifest(out).artifacts.map((x) => x.format)).toEqual(PRODUCTS.map(() => 'pdf'));
  }, 600_000);

  it('a lock left by a killed build is taken over at once', async () => {
    const cwd = tempProject();
    const out = path.join(cwd, 'out');
    const killed = start(['build', '--formats', 'pdf,html', '--jobs', '1'], cwd);
    await until('the build holds the lock', () => existsSync(path.join(out, LOCK_INFO)), killed);
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(existsSync(path.join(out, LOCK_DIR)), 'SIGKILL leaves the lock behind').toBe(true);
    const next = runCli(['build', '--formats', 'html'], { cwd });
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('waiting');
    expect(existsSync(path.join(out, LOCK_DIR))).toBe(false);
    expect(findTempFiles(out)).toEqual([]);
  }, 600_000);
});
