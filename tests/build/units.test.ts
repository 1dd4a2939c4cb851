import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeHash, DIST_HASH_FILE, filesHash, inputsHash, projectRoot } from '../../src/build/cache.js';
import { discoverSources } from '../../src/build/discover.js';
import { emptyManifest, readManifest, serializeManifest } from '../../src/build/manifest.js';
import { findTempFiles, writeAtomic, writeIfChanged } from '../../src/build/write.js';
import { summaryLine, useColor } from '../../src/build/progress.js';
import { CliError, describeFailure, EXIT } from '../../src/errors.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'briefwright-unit-'));

describe('inputs hash', () => {
  const key = { sourceSha256: 'a', code: 'c', product: 'summary', format: 'pdf', epoch: '' };
  it('changes with every part of the key', () => {
    const base = inputsHash(key);
    for (const [k, v] of Object.entries({ sourceSha256: 'b', code: 'd', product: 'slides', format: 'html', epoch: '1' })) {
      expect(inputsHash({ ...key, [k]: v }), k).not.toBe(base);
    }
    expect(inputsHash({ ...key })).toBe(base);
  });

  it('covers the bytes and names of code files, not their location', () => {
    const make = () => {
      const r = tmp();
      mkdirSync(path.join(r, 'src/a'), { recursive: true });
      writeFileSync(path.join(r, 'src/a/x.ts'), 'export {}');
      writeFileSync(path.join(r, 'package-lock.json'), '{}');
      return r;
    };
    const one = make();
    const two = make();
    expect(codeHash(one, ['src'])).toBe(codeHash(two, ['src']));
    writeFileSync(path.join(two, 'src/a/x.ts'), 'export {};');
    expect(codeHash(one, ['src'])).not.toBe(codeHash(two, ['src']));
    writeFileSync(path.join(two, 'src/a/x.ts'), 'export {}');
    writeFileSync(path.join(two, 'package-lock.json'), '{"v":2}');
    expect(codeHash(one, ['src'])).not.toBe(codeHash(two, ['src']));
  });

  it('takes the hash of a compiled dist/ from the file the compile wrote, and hashes the files when there is none', () => {
    const r = tmp();
    mkdirSync(path.join(r, 'dist/src'), { recursive: true });
    writeFileSync(path.join(r, 'dist/src/a.js'), 'export {}');
    writeFileSync(path.join(r, 'package-lock.json'), '{}');
    const hashed = codeHash(r, ['dist']);
    writeFileSync(path.join(r, DIST_HASH_FILE), `${filesHash(r, ['dist'])}\n`);
    expect(codeHash(r, ['dist'])).toBe(hashed);
    // What the compile wrote is what counts (a build never hashes dist/ again)...
    writeFileSync(path.join(r, DIST_HASH_FILE), `${'0'.repeat(64)}\n`);
    expect(codeHash(r, ['dist'])).not.toBe(hashed);
    // ... when it is a hash: a file cut short or empty counts as none.
    for (const cut of ['', 'f00d\n']) {
      writeFileSync(path.join(r, DIST_HASH_FILE), cut);
      expect(codeHash(r, ['dist'])).toBe(hashed);
    }
  });

  it('finds the project root', () => {
    expect(existsSync(path.join(projectRoot(), 'package.json'))).toBe(true);
  });
});

describe('discovery', () => {
  it('defaults to source/*.md sorted by slug and refuses missing files and slug clashes', () => {
    const r = tmp();
    mkdirSync(path.join(r, 'source'));
    mkdirSync(path.join(r, 'other'));
    for (const n of ['b-art', 'a-art']) writeFileSync(path.join(r, 'source', `${n}.md`), '');
    writeFileSync(path.join(r, 'source/notes.txt'), '');
    writeFileSync(path.join(r, 'other/a-art.md'), '');
    expect(discoverSources([], r).map((s) => s.slug)).toEqual(['a-art', 'b-art']);
    expect(() => discoverSources(['source/nope.md'], r)).toThrow(CliError);
    expect(() => discoverSources(['source/a-art.md', 'other/a-art.md'], r)).toThrow(/slug "a-art"/);
  });
});

describe('atomic writes', () => {
  it('writes through a temp file and leaves none behind', () => {
    const d = tmp();
    const f = path.join(d, 'deep/er/file.bin');
    writeAtomic(f, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(f)]).toEqual([1, 2, 3]);
    expect(findTempFiles(d)).toEqual([]);
    expect(readdirSync(path.dirname(f))).toEqual(['file.bin']);
  });

  it('leaves the old file and no temp file when the write fails', () => {
    const d = tmp();
    const f = path.join(d, 'target');
    mkdirSync(f); // a folder where a file should go: rename fails
    expect(() => writeAtomic(f, 'x')).toThrow();
    expect(findTempFiles(d)).toEqual([]);
  });

  it('writeIfChanged skips identical content', () => {
    const f = path.join(tmp(), 'a.txt');
    expect(writeIfChanged(f, 'one')).toBe(true);
    expect(writeIfChanged(f, 'one')).toBe(false);
    expect(writeIfChanged(f, 'two')).toBe(true);
  });
});

describe('manifest', () => {
  it('serializes deterministically whatever the entry order', () => {
    const a = { path: 'b/x.pdf', sha256: '1', size: 1, inputs: 'i', article: 'b', product: 'summary', format: 'pdf' };
    const b = { ...a, path: 'a/x.pdf', article: 'a' };
    const m1 = { ...emptyManifest(), artifacts: [a, b] };
    const m2 = { ...emptyManifest(), artifacts: [b, a] };
    expect(serializeManifest(m1)).toBe(serializeManifest(m2));
    expect(JSON.parse(serializeManifest(m1)).artifacts.map((x: { path: string }) => x.path)).toEqual(['a/x.pdf', 'b/x.pdf']);
  });

  it('reads a missing or corrupt manifest as empty', () => {
    const d = tmp();
    expect(readManifest(d)).toEqual({ manifest: emptyManifest(), problems: [] });
    writeFileSync(path.join(d, 'manifest.json'), '{not json');
    expect(readManifest(d)).toEqual({ manifest: emptyManifest(), problems: ['is not valid JSON; ignored'] });
  });
});

describe('errors and progress', () => {
  it('maps errors to exit codes: usage 2, internal 2, both without a stack unless asked for', () => {
    expect(describeFailure(new CliError('usage', 'bad flag'))).toEqual({ exitCode: 2, message: 'bad flag' });
    const internal = describeFailure(new TypeError('boom'));
    expect(internal.exitCode).toBe(EXIT.internal);
    expect(internal.message).toBe('internal error: boom (run with --debug for the stack trace)');
    expect(describeFailure(new TypeError('boom'), { debug: true }).message).toMatch(/TypeError: boom\n\s+at /);
    expect(EXIT).toMatchObject({ ok: 0, content: 1, usage: 2, operator: 2, internal: 2, interrupted: 130, terminated: 143 });
  });

  it('uses colour only on a terminal without NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, {})).toBe(false);
  });

  it('summarises a build on one line', () => {
    const line = summaryLine(
      {
        outDir: '/x/out',
        articles: [
          { slug: 'a', path: 'source/a.md', status: 'built' },
          { slug: 'b', path: 'source/b.md', status: 'invalid' },
        ],
        written: ['a/summary.html'],
        unchanged: [],
        cached: ['a/slides.html'],
        failed: [],
        removed: [],
        files: [],
        ok: false,
      },
      1234,
      'out',
    );
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('2 articles');
    expect(line).toContain('1 written');
    expect(line).toContain('1 article failed');
  });
});
