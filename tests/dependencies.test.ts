/**
 * Dependency hygiene, and the libraries whose internals the code relies on.
 *
 * Every runtime dependency is used by the shipped code (src/, templates/,
 * bin/, scripts/). A library whose private functions or files are used is
 * pinned to the exact version those uses were checked against, and the
 * functions patched still have the shape the patches expect: when a pin or a
 * shape changes, these tests say which file to re-check (and bench/README.md
 * says what each patch saves).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gposLookupSchema, LAZY_MARK_FIELDS, markArrayPointers, originalAddGlyph, setLazyMarkArrays, type TrueTypeFont } from '../src/render/pdf/fontkit-decoding.js';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
};
const require = createRequire(path.join(root, 'package.json'));
/** `require` as pdfmake resolves (its pdfkit and linebreak), and as pdfkit resolves (its fontkit). */
const pdfmakeRequire = createRequire(require.resolve('pdfmake'));
const pdfkitRequire = createRequire(pdfmakeRequire.resolve('pdfkit'));

/** The version of `name` that `req` finds (its package.json, even where the package's exports hide it). */
function version(req: NodeJS.Require, name: string): string {
  for (const dir of req.resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      /* not in this folder */
    }
  }
  throw new Error(`${name} is not installed`);
}

/** Dependencies kept before the code that uses them lands, each with the reason. */
const RESERVED: Record<string, string> = {};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|mjs)$/.test(name) ? [p] : [];
  });
}

describe('runtime dependencies', () => {
  const code = ['src', 'templates', 'bin', 'scripts'].flatMap((d) => files(path.join(root, d))).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('are each imported or resolved by the shipped code (or reserved, with the reason)', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !RESERVED[name] && !code.includes(`'${name}`) && !code.includes(`"${name}`));
    expect(unused, 'unused runtime dependencies: remove them or move them to devDependencies').toEqual([]);
    for (const name of Object.keys(RESERVED)) expect(pkg.dependencies[name], `${name} is reserved but not a dependency`).toBeDefined();
  });

  it('leave test-only libraries to devDependencies', () => {
    expect(pkg.dependencies['subset-font']).toBeUndefined();
  });
});

/** Each library whose internals the code relies on: its pin, how the code finds it, and what to re-check. */
const PINNED = [
  { name: 'pdfmake', pin: pkg.dependencies.pdfmake, installed: () => version(require, 'pdfmake'), recheck: 'src/render/pdf/merge-inlines.ts (Renderer.prototype.renderLine), line-builder.ts, measure-cache.ts, word-runs.ts and flow.ts (their tests name the functions), and src/render/pdf/inline.ts (its linebreak)' },
  { name: 'pdfkit', pin: pkg.overrides?.pdfkit, installed: () => version(pdfmakeRequire, 'pdfkit'), recheck: 'src/render/pdf/fonts.ts (fontkit as pdfkit loads it) and src/render/pdf/metadata.ts (its uncompressed XMP packet)' },
  { name: 'fontkit', pin: pkg.overrides?.fontkit, installed: () => version(pdfkitRequire, 'fontkit'), recheck: 'src/render/pdf/fonts.ts (registerFormat, font.layout, font._glyphs) and src/render/pdf/fontkit-decoding.ts (its GPOS schema, TTFSubset._addGlyph)' },
  { name: 'restructure', pin: pkg.overrides?.restructure, installed: () => version(createRequire(pdfkitRequire.resolve('fontkit')), 'restructure'), recheck: 'src/render/pdf/fontkit-decoding.ts (its lazy pointers, read at decode time)' },
  { name: 'linebreak', pin: pkg.overrides?.linebreak, installed: () => version(pdfmakeRequire, 'linebreak'), recheck: 'src/render/pdf/inline.ts (the same breaks as pdfmake)' },
  { name: 'pptxgenjs', pin: pkg.dependencies.pptxgenjs, installed: () => version(require, 'pptxgenjs'), recheck: 'src/render/pptx/xml.ts (the package rewrites)' },
  { name: 'harfbuzzjs', pin: pkg.dependencies.harfbuzzjs, installed: () => version(require, 'harfbuzzjs'), recheck: 'src/fonts/subset.ts (its WebAssembly file and exports)' },
];

describe('libraries whose internals the code relies on', () => {
  it.each(PINNED)('$name is pinned to an exact version, and that version is the one installed', ({ name, pin, installed, recheck }) => {
    expect(pin, `${name} must be pinned exactly in package.json (dependencies or overrides): re-check ${recheck}`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed(), `${name} ${installed()} is installed but ${pin} is pinned: run npm ci, or re-check ${recheck} before moving the pin`).toBe(pin);
  });

  it("pdfmake's Renderer.prototype.renderLine has the shape merge-inlines.ts wraps", () => {
    type RenderLine = ((...a: unknown[]) => void) & { original?: RenderLine };
    const { default: Renderer } = pdfmakeRequire('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine } } };
    // pdfmake's own function, also when merge-inlines.ts has wrapped it in this process.
    const renderLine = Renderer.prototype.renderLine.original ?? Renderer.prototype.renderLine;
    const where = 'pdfmake changed Renderer.prototype.renderLine: re-check src/render/pdf/merge-inlines.ts';
    expect(typeof renderLine, where).toBe('function');
    expect(renderLine.length, where).toBe(3);
    // Reads the line's inlines once, in order, to draw them.
    expect(renderLine.toString(), where).toMatch(/line\.inlines/);
    expect(createHash('sha256').update(renderLine.toString()).digest('hex').slice(0, 16), where).toBe(RENDER_LINE_SHA);
  });

  it('fontkit has the format registry, the layout and the per-font glyph cache fonts.ts relies on', async () => {
    const fontkit = pdfkitRequire('fontkit') as {
      registerFormat: unknown;
      create(buf: Uint8Array): { layout(...a: unknown[]): { glyphs: unknown[]; positions: unknown[] }; glyphsForString(s: string): unknown[]; _glyphs: Record<number, unknown> };
    };
    const where = 'fontkit changed: re-check src/render/pdf/fonts.ts';
    expect(typeof fontkit.registerFormat, where).toBe('function');
    const { fontPath } = await import('../src/fonts/index.js');
    const font = fontkit.create(new Uint8Array(readFileSync(fontPath('regular'))));
    expect(font._glyphs, `${where} (font._glyphs, the glyph cache each document resets)`).toEqual({});
    font.glyphsForString('美日');
    expect(Object.keys(font._glyphs).length, `${where} (glyphsForString fills font._glyphs)`).toBe(2);
    const run = font.layout('Ty', []);
    expect(run.glyphs.length, where).toBe(run.positions.length);
  });
});

describe("fontkit's internals that fontkit-decoding.ts changes", () => {
  const fontkit = pdfkitRequire('fontkit') as { create(buf: Uint8Array): TrueTypeFont };
  const where = 'fontkit changed: re-check src/render/pdf/fontkit-decoding.ts';
  const latin = async () => {
    const { latinFontPath } = await import('../src/fonts/index.js');
    return new Uint8Array(readFileSync(latinFontPath('regular')));
  };

  it('reaches the GPOS lookup schema from a decoded table, with the mark attachment arrays as pointers restructure can decode lazily', async () => {
    const bytes = await latin();
    const font = fontkit.create(bytes);
    const schema = gposLookupSchema(font);
    expect(schema, `${where} (font.GPOS.lookupList → lookup → subTables → GPOS lookup schema)`).not.toBeNull();
    const pointers = markArrayPointers(schema!);
    expect(pointers.length, `${where} (the mark-to-base, mark-to-ligature and mark-to-mark array fields: ${JSON.stringify(LAZY_MARK_FIELDS)})`).toBe(6);
    for (const p of pointers) expect(typeof p.options.lazy, where).toBe('boolean');
    // restructure reads the option when it decodes: a pointer made lazy after fontkit built its schema decodes lazily.
    const before = pointers.map((p) => p.options.lazy);
    try {
      setLazyMarkArrays(font, true);
      const lazyFont = fontkit.create(bytes);
      const list = lazyFont.GPOS!.lookupList as { length: number; get(i: number): { lookupType: number; subTables: Record<string, unknown>[] } };
      const markToBase = Array.from({ length: list.length }, (_, i) => list.get(i))
        .flatMap((l) => l.subTables.map((s) => (l.lookupType === 9 ? [s.lookupType, s.extension] : [l.lookupType, s])) as [unknown, Record<string, unknown>][])
        .find(([type]) => type === 4)?.[1];
      expect(markToBase, `${where} (Noto Sans has mark-to-base lookups)`).toBeDefined();
      expect(typeof Object.getOwnPropertyDescriptor(markToBase, 'markArray')?.get, `restructure changed: a lazy Pointer no longer decodes to a getter; re-check src/render/pdf/fontkit-decoding.ts`).toBe('function');
    } finally {
      pointers.forEach((p, i) => (p.options.lazy = before[i]));
    }
  });

  it("TTFSubset.prototype._addGlyph reads the glyph's decoding only to tell composite glyphs from simple ones", async () => {
    const font = fontkit.create(await latin());
    const source = originalAddGlyph(font).toString();
    expect(source, `${where} (_addGlyph decodes the glyph with glyph._decode())`).toMatch(/let glyf = glyph\._decode\(\);/);
    expect(source, `${where} (and reads its components only when numberOfContours < 0)`).toMatch(/if \(glyf && glyf\.numberOfContours < 0\)/);
    expect(createHash('sha256').update(source).digest('hex').slice(0, 16), `${where}: TTFSubset.prototype._addGlyph is now\n${source}`).toBe(ADD_GLYPH_SHA);
  });
});

/** sha256 (first 16 hex digits) of fontkit 2.0.4's TTFSubset.prototype._addGlyph source. */
const ADD_GLYPH_SHA = '625b34b9ae3d4053';

/** sha256 (first 16 hex digits) of pdfmake 0.3.11's Renderer.prototype.renderLine source. */
const RENDER_LINE_SHA = 'b71f57566c6b6c5f';
