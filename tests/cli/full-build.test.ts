/**
 * One build of everything (every product × format, on worker threads), read
 * back and compared with a second build in another folder on the main thread;
 * and an interrupted build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureCompiled, realSource, runCli, tempProject } from './helpers.js';
import { fileDigests, fileSha256 } from '../helpers/files.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

/** What each format's bytes must start with. */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  docx: (b) => b.readUInt32LE(0) === 0x04034b50 && b.includes('word/document.xml'),
  pptx: (b) => b.readUInt32LE(0) === 0x04034b50 && b.includes('ppt/presentation.xml'),
  html: (b) => /^<!doctype html>/i.test(b.subarray(0, 20).toString('utf8')),
};

beforeAll(() => ensureCompiled(), 300_000);

describe('a full build', () => {
  it('makes every product in every format, identical in another folder and with --jobs 1', () => {
    const a = tempProject();
    const first = runCli(['build'], { cwd: a });
    expect(first.status, first.stderr).toBe(0);
    const outA = path.join(a, 'out');
    const manifest = JSON.parse(readFileSync(path.join(outA, 'manifest.json'), 'utf8')) as {
      artifacts: { path: string; sha256: string; size: number; format: string; product: string }[];
    };
    // Every product in every format its backend declares (pptx: slides only).
    expect(manifest.artifacts.map((x) => `${x.product}.${x.format}`).sort()).toEqual(
      planTargets('x', PRODUCTS, OUTPUT_FORMATS).map((t) => `${t.product}.${t.format}`).sort(),
    );
    expect(manifest.artifacts.map((x) => `${x.product}.${x.format}`)).toEqual(expect.arrayContaining(['summary.pdf', 'checklist.docx', 'slides.pptx', 'reading.html']));
    for (const x of manifest.artifacts) {
      const bytes = readFileSync(path.join(outA, x.path));
      expect(MAGIC[x.format](bytes), x.path).toBe(true);
      expect(fileSha256(path.join(outA, x.path))).toBe(x.sha256);
      expect(bytes.length).toBe(x.size);
    }

    const b = tempProject();
    const second = runCli(['build', '--jobs', '1'], { cwd: b });
    expect(second.status, second.stderr).toBe(0);
    expect(fileDigests(path.join(b, 'out'))).toEqual(fileDigests(outA));
  }, 600_000);
});

describe('an interrupted build', () => {
  it('exits 130 on SIGINT and leaves no temp file', async () => {
    const copy = readFileSync(realSource, 'utf8').replace(/^slug: .*$/m, 'slug: aa-copy');
    const cwd = tempProject({ 'source/aa-copy.md': copy });
    const child = spawn(process.execPath, [cliPath, 'build', '--jobs', '1', '--formats', 'pdf'], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait until the first article is committed, then interrupt the second
    let done = false;
    void exited.then(() => (done = true));
    while (!done && !existsSync(path.join(cwd, 'out/aa-copy/summary.pdf'))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(done, 'the build finished before it could be interrupted').toBe(false);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const left = [...fileDigests(path.join(cwd, 'out')).keys()];
    expect(left.filter((p) => p.includes('briefwright-tmp'))).toEqual([]);
    expect(left.filter((p) => p.startsWith('us-japan-acquisition/'))).toEqual([]);
  }, 300_000);
});
