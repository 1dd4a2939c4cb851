/**
 * The check core: one line per diagnostic (with its fix and docs lines unless
 * compact), a summary, no raw control character from a source, and no throw
 * on unreadable files.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkFiles, formatDiagnostics, hasErrors, strict } from '../../src/check.js';
import { RULES } from '../../src/model/rules.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const real = path.resolve(import.meta.dirname, '../../source/us-japan-acquisition.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefwright-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LINE = /^(.+):(\d+):(\d+): (error|warning|note) (.+) \[([a-z0-9-]+)\]$/;

describe('checkFiles / formatDiagnostics', () => {
  it('prints path:line:col: severity message [rule] for every message, then a summary', async () => {
    const paths = [path.join(fixtures, 'unknown-attribute.md'), path.join(fixtures, 'valid-minimal.md')];
    const files = await checkFiles(paths);
    const out = formatDiagnostics(files, { color: false });
    const lines = out.trimEnd().split('\n');
    expect(out).toBe(formatDiagnostics(files, { color: false, verbose: false }));
    const messages = files.flatMap((f) => f.messages.map((m) => ({ f, m })));
    expect(lines.length).toBe(messages.length + 1);
    messages.forEach(({ f, m }, i) => {
      const match = LINE.exec(lines[i]);
      expect(match, lines[i]).not.toBeNull();
      expect(match![1]).toBe(f.path);
      expect(Number(match![2])).toBe(m.line);
      expect(Number(match![3])).toBe(m.column);
      expect(match![4]).toBe(m.fatal ? 'error' : m.fatal === false ? 'warning' : 'note');
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

  it('verbose: a message line is followed by its fix text and the address of its rule in the docs, once per file and rule', async () => {
    const files = await checkFiles([path.join(fixtures, 'unknown-attribute.md'), path.join(fixtures, 'actors-default.md'), path.join(fixtures, 'missing-id.md'), path.join(fixtures, 'placeholder-text.md')]);
    const lines = formatDiagnostics(files, { color: false, verbose: true }).trimEnd().split('\n');
    let i = 0;
    for (const f of files) {
      const seen = new Set<string>();
      for (const m of f.messages) {
        expect(lines[i], m.reason).toMatch(LINE);
        i++;
        if (seen.has(`${m.ruleId} ${m.note}`)) continue;
        seen.add(`${m.ruleId} ${m.note}`);
        const note = (m.note ?? '').split('\n');
        expect(lines.slice(i, i + note.length)).toEqual(note.map((l, k) => `  ${k === 0 ? 'fix: ' : '     '}${l}`));
        i += note.length;
        expect(lines[i]).toBe(`  docs: docs/source-format.md#${m.ruleId}`);
        i++;
      }
    }
    expect(lines[i]).toMatch(/^4 files checked: 1 error, \d+ warnings, 1 note$/);
    expect(i).toBe(lines.length - 1);
    // The actors-default fix shows the YAML to write, for the actors the file uses.
    expect(lines).toContain('       actors:');
    expect(lines).toContain('         - { id: both, zh: 美日双方, en: Both governments }');
    expect(lines.some((l) => l === `  fix: ${RULES['unknown-attribute'].fix}`)).toBe(true);
    // Two placeholder warnings in one file, one explanation.
    expect(lines.filter((l) => l === `  fix: ${RULES['placeholder-text'].fix}`)).toHaveLength(1);
  });

  it('the real source has no error, and no warning but actors-default until it declares its actors', async () => {
    const files = await checkFiles([real]);
    expect(hasErrors(files)).toBe(false);
    const rules = files[0].messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r !== 'actors-default')).toEqual([]);
    expect(formatDiagnostics(files, { color: false })).toMatch(rules.length === 0 ? /^1 file checked: no problems\n$/ : /\n1 file checked: 0 errors, 1 warning\n$/);
  });

  it('reports a clean file as clean', () => {
    expect(formatDiagnostics([new VFile({ path: 'source/clean.md' })], { color: false, verbose: true })).toBe('1 file checked: no problems\n');
  });

  it('never prints a raw control or invisible character from a source: not in the path, the message or the note', () => {
    const file = new VFile({ path: 'source/\u001b[2Jx.md' });
    const m = file.message('Unknown key `\u001b]0;pwned\u0007` and \u202Etext', { place: { line: 3, column: 1 }, ruleId: 'front-matter-unknown-key' });
    m.fatal = true;
    m.note = 'Fix \u200b it\nsecond line';
    const out = formatDiagnostics([file], { color: false, verbose: true });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('source/\\u{1b}[2Jx.md:3:1: error Unknown key `\\u{1b}]0;pwned\\u{7}` and \\u{202e}text [front-matter-unknown-key]');
    expect(out).toContain('  fix: Fix \\u{200b} it\n       second line');
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

describe('strict', () => {
  it('makes every warning an error and leaves notes as notes', async () => {
    const files = await checkFiles([path.join(fixtures, 'missing-id.md')]);
    const before = files[0].messages.map((m) => [m.ruleId, m.fatal]);
    expect(before).toEqual([['slide-count', false], ['missing-id', undefined], ['takeaway-count', false]]);
    const lines = formatDiagnostics(strict(files), { color: false }).trimEnd().split('\n');
    const shown = (l: string) => {
      const m = LINE.exec(l);
      return m ? `${m[4]} ${m[6]}` : l;
    };
    expect(lines.map(shown)).toEqual([
      'error slide-count',
      'note missing-id',
      'error takeaway-count',
      '1 file checked: 2 errors, 0 warnings, 1 note',
    ]);
    expect(hasErrors(files)).toBe(true);
  });
});
