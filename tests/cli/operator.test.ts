/**
 * Operator errors through the shipped CLI: what the system refuses (no
 * permission, a read-only file system, a full disk, a file where a folder
 * should be) and output folders a build must not write into are one line
 * with the path and the cause, exit 2, no stack trace (only with --debug),
 * nothing written where it should not be, and no temp file left.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findTempFiles } from '../../src/build/write.js';
import { cliPath, ensureCompiled, repoRoot, runCli, tempProject } from './helpers.js';
import { fileDigests } from '../helpers/files.js';

beforeAll(() => ensureCompiled(), 300_000);

// Subprocess builds: allow minutes on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

const FAIL = path.join(repoRoot, 'tests/cli/fixtures/fail-writes.mjs');
const STACK = /\n\s+at .+:\d+:\d+/;

/** One line `briefwright: …`, exit 2, no stack. */
function expectOneLine(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toContain('internal error');
}

describe('refused output folders', () => {
  it('--out at /, the home folder, the project, the source folder or a folder holding sources', () => {
    const cwd = tempProject();
    const home = mkdtempSync(path.join(os.tmpdir(), 'briefwright-home-'));
    const before = fileDigests(path.join(cwd, 'source'));
    for (const [out, why] of [
      ['/', /root of the file system/],
      [home, /home folder/],
      ['.', /project folder/],
      ['source', /source folder/],
      ['source/', /source folder/],
      ['source/out', /source folder/],
      ['..', /holds the source source\/us-japan-acquisition\.md/],
    ] as const) {
      const r = runCli(['build', '--formats', 'html', '--out', out], { cwd, env: { HOME: home } });
      expectOneLine({ status: r.status, stderr: r.stderr.replace(/run `briefwright --help` for usage\n$/, '') }, new RegExp(`^briefwright: --out ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*${why.source}`));
    }
    expect(fileDigests(path.join(cwd, 'source'))).toEqual(before);
    expect(readdirSync(cwd).sort()).toEqual(['source']);
    expect(readdirSync(home)).toEqual([]);
  });

  it('--out is a file, or inside a file', () => {
    const cwd = tempProject({ 'a-file': 'mine' });
    expectOneLine(runCli(['build', '--formats', 'html', '--out', 'a-file'], { cwd }), /^briefwright: --out a-file: is a file, not a folder \(ENOTDIR\)\n$/);
    expectOneLine(runCli(['build', '--formats', 'html', '--out', 'a-file/out'], { cwd }), /^briefwright: cannot create the folder a-file\/out: a part of the path is a file, not a folder \(ENOTDIR\)\n$/);
  });

  it('a file where an article\'s folder goes', () => {
    const cwd = tempProject();
    mkdirSync(path.join(cwd, 'out'));
    writeFileSync(path.join(cwd, 'out/us-japan-acquisition'), 'mine');
    expectOneLine(runCli(['build', '--formats', 'html'], { cwd }), /^briefwright: cannot create the folder out\/us-japan-acquisition: a file of that name already exists \(EEXIST\)\n$/);
    expect(findTempFiles(path.join(cwd, 'out'))).toEqual([]);
  });
});

describe('what the system refuses', () => {
  for (const [code, cause] of [
    ['ENOSPC', 'no space left on the device'],
    ['EROFS', 'read-only file system'],
  ] as const) {
    it(`${code} while writing an article: one line, no temp file, the other files of out/ as they were; --debug adds the stack`, () => {
      const cwd = tempProject();
      expect(runCli(['build', '--formats', 'html', '--products', 'summary'], { cwd }).status).toBe(0);
      const out = path.join(cwd, 'out');
      const before = fileDigests(out);
      const env = { BRIEFWRIGHT_FAIL_UNDER: path.join(out, 'us-japan-acquisition'), BRIEFWRIGHT_FAIL_CODE: code };
      // The checklist is new: its file must be written, and cannot be.
      const r = runCli(['build', '--formats', 'html', '--products', 'checklist'], { cwd, env, nodeArgs: ['--import', FAIL] });
      expectOneLine(r, new RegExp(`^briefwright: cannot (create the folder|open|write|replace) out/us-japan-acquisition\\S*: ${cause} \\(${code}\\)\\n$`));
      expect(fileDigests(out)).toEqual(before);
      expect(findTempFiles(out)).toEqual([]);
      const debug = runCli(['build', '--formats', 'html', '--products', 'checklist', '--debug'], { cwd, env, nodeArgs: ['--import', FAIL] });
      expect(debug.status).toBe(2);
      expect(debug.stderr).toMatch(STACK);
    });
  }

  it('EACCES: an output folder this user may not write', () => {
    const cwd = tempProject();
    const out = path.join(cwd, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: cwd };
    delete env.SOURCE_DATE_EPOCH;
    // root may write anywhere: run the CLI as an unprivileged user then, when that user can read
    // the code; otherwise (a checkout only root may read) the system's answer is injected.
    const asRoot = process.getuid?.() === 0;
    const nobody = { uid: 65534, gid: 65534 };
    if (asRoot) chmodSync(cwd, 0o755);
    const nobodyRuns =
      asRoot &&
      spawnSync(process.execPath, ['-e', 'for (const f of process.argv.slice(1)) require("fs").accessSync(f, require("fs").constants.R_OK)', cliPath, path.join(repoRoot, 'dist/src/cli.js'), path.join(repoRoot, 'node_modules/valibot/package.json')], { ...nobody }).status === 0;
    if (asRoot && !nobodyRuns) console.warn('operator.test: the checkout is not readable by an unprivileged user; EACCES is injected instead');
    const r = spawnSync(process.execPath, [...(asRoot && !nobodyRuns ? ['--import', FAIL] : []), cliPath, 'build', '--formats', 'html'], {
      cwd,
      env: asRoot && !nobodyRuns ? { ...env, BRIEFWRIGHT_FAIL_UNDER: out, BRIEFWRIGHT_FAIL_CODE: 'EACCES' } : env,
      encoding: 'utf8',
      timeout: 300_000,
      ...(nobodyRuns ? nobody : {}),
    });
    expectOneLine({ status: r.status, stderr: r.stderr }, /^briefwright: cannot (create the folder|open|write) out(\/\S+)?: permission denied \(EACCES\)\n$/);
    expect(readdirSync(out)).toEqual([]);
    chmodSync(out, 0o755);
  });
});
