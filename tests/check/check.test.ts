/** The check core: one line per diagnostic, a summary, and no throw on unreadable files. */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, formatDiagnostics, hasErrors } from '../../src/check.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const real = path.resolve(import.meta.dirname, '../../source/us-japan-acquisition.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefwright-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LINE = /^(.+):(\d+):(\d+): (error|warning) (.+) \[([a-z0-9-]+)\]$/;

describe('checkFiles / formatDiagnostics', () => {
  it('prints path:line:col: severity message [rule] for every message, then a summary', async () => {
    const paths = [path.join(fixtures, 'unknown-attribute.md'), path.join(fixtures, 'valid-minimal.md')];
    const files = await checkFiles(paths);
    const out = formatDiagnostics(files, { color: false });
    const lines = out.trimEnd().split('\n');
    const messages = files.flatMap((f) => f.messages.map((m) => ({ f, m })));
    expect(lines.length).toBe(messages.length + 1);
    messages.forEach(({ f, m }, i) => {
      const match = LINE.exec(lines[i]);
      expect(match, lines[i]).not.toBeNull();
      expect(match![1]).toBe(f.path);
      expect(Number(match![2])).toBe(m.line);
      expect(Number(match![3])).toBe(m.column);
      expect(match![4]).toBe(m.fatal ? 'error' : 'warning');
      expect(match![5]).toBe(m.reason);
      expect(match![6]).toBe(m.ruleId);
    });
    const errors = messages.filter(({ m }) => m.fatal).length;
    const warnings = messages.length - errors;
    expect(lines.at(-1)).toBe(`2 files checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    expect(out).not.toMatch(/\x1b\[/);
    expect(hasErrors(files)).toBe(true);
  });

  it('colours only when asked', async () => {
    const files = await checkFiles([path.join(fixtures, 'unknown-cite.md')]);
    const plain = formatDiagnostics(files, { color: false });
    const coloured = formatDiagnostics(files, { color: true });
    expect(coloured).toMatch(/\x1b\[31merror\x1b\[39m/);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });

  it('reports a clean file as clean', async () => {
    const files = await checkFiles([real]);
    expect(hasErrors(files)).toBe(false);
    expect(formatDiagnostics(files, { color: false })).toBe('1 file checked: no problems\n');
  });

  it('turns unreadable paths into diagnostics instead of throwing', async () => {
    const missing = path.join(tmp, 'missing.md');
    const locked = path.join(tmp, 'locked.md');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const files = await checkFiles([missing, tmp, locked]);
    expect(files.map((f) => f.messages.map((m) => m.ruleId))).toEqual([
      ['read-error'],
      ['read-error'],
      process.getuid?.() === 0 ? files[2].messages.map((m) => m.ruleId) : ['read-error'],
    ]);
    expect(hasErrors(files)).toBe(true);
    const out = formatDiagnostics(files.slice(0, 2), { color: false }).split('\n');
    expect(out[0]).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error Cannot read the file: no such file \\[read-error\\]$`));
  });
});
