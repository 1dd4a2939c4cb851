/**
 * `briefwright check --strict`: warnings become errors (printed as errors,
 * exit status 1); a clean source still passes. Run through the shipped CLI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureCompiled, repoRoot, runCli, tempProject } from './helpers.js';

beforeAll(() => ensureCompiled(), 300_000);
vi.setConfig({ testTimeout: 120_000 });

const fixture = readFileSync(path.join(repoRoot, 'tests/fixtures/zh-en-date.md'), 'utf8');
const WARNING = 'source/zh-en-date.md:23:10: warning In takeaway `tk-1`, the English `April 2023` gives the year 2023, where the Chinese has the year 2024 (`2024年4月`) [zh-en-date]';

describe('check --strict', () => {
  it('passes the real source: no warning, exit 0', () => {
    const cwd = tempProject();
    const r = runCli(['check', '--strict'], { cwd });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe('1 file checked: no problems\n');
  });

  it('a warning is a warning without --strict (exit 0) and an error with it (exit 1)', () => {
    const cwd = tempProject({ 'source/zh-en-date.md': fixture }, false);
    const plain = runCli(['check', 'source/zh-en-date.md'], { cwd });
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n').filter((l) => l.includes('[zh-en-date]'))).toEqual([WARNING]);

    const strict = runCli(['check', '--strict', 'source/zh-en-date.md'], { cwd });
    expect(strict.status, strict.stderr).toBe(1);
    const lines = strict.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('[zh-en-date]'))).toEqual([WARNING.replace(': warning ', ': error ')]);
    expect(lines.some((l) => / warning /.test(l))).toBe(false);
    expect(lines.at(-1)).toMatch(/^1 file checked: \d+ errors?, 0 warnings$/);
  });
});
