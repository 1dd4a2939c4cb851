/**
 * The layers of docs/architecture (parse → model → templates → IR → render →
 * build → cli, with the theme and text modules below templates and
 * backends): a backend imports the IR, the theme, the text modules and its
 * own folder, never a template; the theme and the IR import no template and
 * no backend. Read from the import statements of every source file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Every module a file imports (static, dynamic and type-only), resolved against the repository root. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)));
}

const offenders = (dirs: string[], forbidden: RegExp) =>
  dirs.flatMap(files).flatMap((f) => imports(f).filter((i) => forbidden.test(i)).map((i) => `${f} imports ${i}`));

describe('layers', () => {
  it('finds the files it checks', () => {
    expect(files('src/render').length).toBeGreaterThan(50);
    expect(imports('src/render/docx/slide-measure.ts')).toContain('src/theme/fit.js');
  });

  it('a backend never imports a template', () => {
    expect(offenders(['src/render'], /^templates\//)).toEqual([]);
  });

  it('the theme, the text modules and the IR import no template, backend, build or command line', () => {
    expect(offenders(['src/theme', 'src/text', 'src/ir'], /^(templates|src\/render|src\/build|src\/cli)/)).toEqual([]);
  });

  it('templates import no backend (other than the registry of formats), build or command line', () => {
    expect(offenders(['templates'], /^src\/(render\/(?!registry\.js$)|build|cli)/)).toEqual([]);
  });
});
