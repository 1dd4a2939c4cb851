/**
 * No file access outside the sources and the project's own code and font
 * package: the CLI runs under Node's permission model, allowed to read only
 * the project's `source/` and `out/`, the compiled code, `node_modules` (where
 * the font comes from) and the package files, and to write only into `out/`.
 * Sources that name `../../etc/passwd`, `/etc/passwd` or a URL as an image,
 * or carry payloads in every field, build (or are refused) without a single
 * access being denied.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, ensureCompiled, repoRoot } from '../cli/helpers.js';
import { planTargets } from '../../src/build/jobs.js';
import { PRODUCTS } from '../../src/ir/types.js';
import { OUTPUT_FORMATS } from '../../src/render/registry.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hostile');
const SOURCES = ['payload-everywhere.md', 'image-passwd.md', 'image-absolute.md', 'image-http.md', 'link-javascript.md'];
const major = Number(process.versions.node.split('.')[0]);
const permissionFlag = major >= 22 ? '--permission' : '--experimental-permission';
const scratch: string[] = [];

afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('sandbox', () => {
  it('a build reads only its sources, out/, the compiled code and node_modules, and writes only out/', () => {
    ensureCompiled();
    const project = mkdtempSync(path.join(os.tmpdir(), 'briefwright-sandbox-'));
    scratch.push(project);
    mkdirSync(path.join(project, 'source'));
    for (const f of SOURCES) copyFileSync(path.join(FIXTURES, f), path.join(project, 'source', f));
    mkdirSync(path.join(project, 'out'));
    const read = ['dist/*', 'node_modules/*', 'bin/*', 'package.json', 'package-lock.json'].map((p) => `--allow-fs-read=${path.join(repoRoot, p)}`);
    const r = spawnSync(
      process.execPath,
      [
        permissionFlag,
        ...read,
        `--allow-fs-read=${path.join(project, 'source')}/*`,
        `--allow-fs-read=${path.join(project, 'out')}/*`,
        `--allow-fs-write=${path.join(project, 'out')}/*`,
        '--allow-worker',
        '--no-warnings',
        cliPath,
        'build',
        '--formats',
        'html,pdf,docx,pptx',
      ],
      { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '' }, timeout: 600_000 },
    );
    const output = `${r.stdout}${r.stderr}`;
    expect(output).not.toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(r.status, output).toBe(1); // the three image sources are refused
    for (const f of ['image-passwd', 'image-absolute', 'image-http']) expect(output).toMatch(new RegExp(`^source/${f}\\.md:\\d+:\\d+: error .*\\[image-not-supported\\]$`, 'm'));
    expect(readdirSync(path.join(project, 'out')).sort()).toEqual(['fonts', 'index.html', 'link-javascript', 'manifest.json', 'payload-everywhere']);
    expect(readdirSync(path.join(project, 'out/payload-everywhere'))).toHaveLength(planTargets('x', PRODUCTS, OUTPUT_FORMATS).length);
  }, 600_000);
});
