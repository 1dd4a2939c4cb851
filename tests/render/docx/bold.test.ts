/**
 * The bold face is embedded as a subset of the characters set in bold, the
 * regular face as a subset of every character. Read back as a user's word
 * processor would: unzip, parse the XML (xmldom), resolve each run's boldness
 * and italics through the styles (a work's title is italic by its character
 * style), de-obfuscate the embedded faces and look every character up in
 * their cmaps (fontkit).
 */
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/docx/index.js';
import { RENDERER_CHARS } from '../../../src/render/docx/constants.js';
import { fontPath, latinFontPath } from '../../../src/fonts/index.js';
import { loadArticle } from '../../../src/model/index.js';
import type { Doc } from '../../../src/ir/types.js';
import { getTemplate } from '../../../templates/index.js';
import { sampleArticle } from '../../helpers/sample-article.js';
import { DocxReader, all, attr, child, children, textOf } from '../../helpers/docx.js';
import { pageDoc, slideDoc } from './every-block.js';

const ctx = { epoch: Date.UTC(2025, 0, 10) / 1000 };

/** `w:b` / `w:b w:val="…"` (or `w:i`) in a properties element: on, off or not said. */
function bOf(rPr: Element | undefined, tag: 'b' | 'i' = 'b'): boolean | undefined {
  const b = child(rPr, tag);
  if (!b) return undefined;
  const v = attr(b, 'val');
  return v === null || !['false', '0', 'off'].includes(v);
}

/** Which runs of a package are bold, resolved the way Word reads them (any level that sets bold counts). */
function boldRuns(reader: DocxReader): { text: string; bold: boolean }[] {
  const stylesRoot = reader.xml('word/styles.xml').documentElement;
  const styles = new Map(children(stylesRoot, 'style').map((s) => [attr(s, 'styleId')!, s]));
  const styleBold = (id: string | null, depth = 0, tag: 'b' | 'i' = 'b'): boolean => {
    const s = id ? styles.get(id) : undefined;
    if (!s || depth > 20) return false;
    return bOf(child(s, 'rPr'), tag) ?? styleBold(attr(child(s, 'basedOn'), 'val'), depth + 1, tag);
  };
  /** Conditional formats of a table style (with its bases) that set bold. */
  const tableBold = (id: string | null, depth = 0): string[] => {
    const s = id ? styles.get(id) : undefined;
    if (!s || depth > 20) return [];
    const own = children(s, 'tblStylePr').filter((c) => bOf(child(c, 'rPr'))).map((c) => attr(c, 'type')!);
    return [...own, ...tableBold(attr(child(s, 'basedOn'), 'val'), depth + 1)];
  };
  const defaultPara = children(stylesRoot, 'style').find((s) => attr(s, 'type') === 'paragraph' && ['1', 'true'].includes(attr(s, 'default') ?? ''));
  const docDefault = bOf(child(child(child(stylesRoot, 'docDefaults'), 'rPrDefault'), 'rPr')) ?? false;
  const ancestor = (n: Node, local: string): Element | null => {
    for (let p = n.parentNode; p; p = p.parentNode) if (p.nodeType === 1 && (p as Element).localName === local) return p as Element;
    return null;
  };
  const inBoldTable = (run: Element): boolean => {
    for (let n: Node | null = run; n; ) {
      const tr = ancestor(n, 'tr');
      const tbl = tr && ancestor(tr, 'tbl');
      if (!tr || !tbl) return false;
      const where = tableBold(attr(child(child(tbl, 'tblPr'), 'tblStyle'), 'val'));
      if (where.some((w) => w !== 'firstRow') || (where.includes('firstRow') && children(tbl, 'tr')[0] === tr)) return true;
      n = tbl;
    }
    return false;
  };
  return reader.parts().flatMap((part) =>
    all(reader.xml(part), 'r').map((r) => {
      const p = ancestor(r, 'p');
      const pStyle = attr(child(child(p ?? undefined, 'pPr'), 'pStyle'), 'val') ?? (defaultPara ? attr(defaultPara, 'styleId') : null);
      const bold =
        bOf(child(r, 'rPr')) === true || docDefault || styleBold(attr(child(child(r, 'rPr'), 'rStyle'), 'val')) || styleBold(pStyle) || inBoldTable(r);
      // Italic as Word resolves it too: the run's own, else its character style's (a work's title), else its paragraph style's.
      const italic = bOf(child(r, 'rPr'), 'i') ?? (styleBold(attr(child(child(r, 'rPr'), 'rStyle'), 'val'), 0, 'i') || styleBold(pStyle, 0, 'i'));
      return { text: textOf(r).replace(/\t/g, ''), bold, italic };
    }),
  );
}

const fullFaces = { regular: fontkit.openSync(fontPath('regular')) as fontkit.Font, bold: fontkit.openSync(fontPath('bold')) as fontkit.Font };
const latinStyles = ['regular', 'bold', 'italic', 'boldItalic'] as const;
const fullLatin = Object.fromEntries(latinStyles.map((s) => [s, fontkit.openSync(latinFontPath(s)) as fontkit.Font])) as Record<(typeof latinStyles)[number], fontkit.Font>;
const FACE = { embedRegular: 'regular', embedBold: 'bold', embedItalic: 'italic', embedBoldItalic: 'boldItalic' } as const;

/** The embedded faces of one family (its name starts with `base` and 8 hex digits), by style. */
function familyFaces(reader: DocxReader, base: string): Partial<Record<(typeof latinStyles)[number], fontkit.Font>> {
  const re = new RegExp(`^${base} [0-9a-f]{8}$`);
  return Object.fromEntries(
    reader
      .embeddedFonts()
      .filter((f) => re.test(f.name))
      .map((f) => [FACE[f.face as keyof typeof FACE], fontkit.create(Buffer.from(f.data)) as fontkit.Font]),
  );
}

interface Built {
  name: string;
  reader: DocxReader;
}
const builds: Built[] = [];

beforeAll(async () => {
  const docs: [string, Doc][] = [];
  const { article: real } = await loadArticle(path.resolve('source/us-japan-acquisition.md'));
  if (!real) throw new Error('the real article did not load');
  for (const [label, article] of [['sample', sampleArticle], ['real', real]] as const) {
    for (const product of ['summary', 'checklist', 'slides'] as const) docs.push([`${label}-${product}`, getTemplate(product)(article)]);
  }
  docs.push(['every-page', pageDoc], ['every-slide', slideDoc]);
  for (const [name, doc] of docs) builds.push({ name, reader: new DocxReader(await backend.render(doc, ctx)) });
}, 120_000);

describe('embedded faces hold the characters set in them', () => {
  it('every character of a bold run is in the bold subset, every character of any run in the regular one', () => {
    for (const b of builds) {
      const faces = familyFaces(b.reader, 'Noto Sans SC') as Record<'regular' | 'bold', fontkit.Font>;
      expect(Object.keys(faces).sort(), b.name).toEqual(['bold', 'regular']);
      const runs = boldRuns(b.reader);
      expect(runs.some((r) => r.bold && r.text !== ''), `${b.name}: some text is set in bold`).toBe(true);
      const missing = (weight: 'regular' | 'bold', text: string) =>
        [...new Set(text)].filter((c) => fullFaces[weight].hasGlyphForCodePoint(c.codePointAt(0)!) && !faces[weight].hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing('bold', runs.filter((r) => r.bold).map((r) => r.text).join('')), `${b.name} bold`).toEqual([]);
      expect(missing('regular', runs.map((r) => r.text).join('')), `${b.name} regular`).toEqual([]);
    }
  });

  it('the Latin face: every character of a run is in the subset of its style (regular, bold, italic, bold italic) when the face has it', () => {
    for (const b of builds) {
      const faces = familyFaces(b.reader, 'Noto Sans');
      expect(faces.regular && faces.bold, b.name).toBeTruthy();
      const runs = boldRuns(b.reader);
      const style = (r: { bold: boolean; italic: boolean }) => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');
      for (const s of latinStyles) {
        const text = runs.filter((r) => style(r) === s).map((r) => r.text).join('');
        const chars = [...new Set(text)].filter((c) => fullLatin[s].hasGlyphForCodePoint(c.codePointAt(0)!));
        if (chars.length === 0) continue;
        expect(faces[s], `${b.name} ${s}`).toBeTruthy();
        expect(chars.filter((c) => !faces[s]!.hasGlyphForCodePoint(c.codePointAt(0)!)), `${b.name} ${s}`).toEqual([]);
      }
    }
  });

  it('the bold subset leaves out Chinese characters that are never set in bold (the renderer’s own marks and labels aside)', () => {
    for (const b of builds.filter((x) => x.name.includes('summary') || x.name.includes('slides'))) {
      const bold = familyFaces(b.reader, 'Noto Sans SC').bold!;
      const runs = boldRuns(b.reader);
      const boldChars = new Set(runs.filter((r) => r.bold).flatMap((r) => [...r.text]));
      const plainOnly = [...new Set(runs.flatMap((r) => [...r.text]))].filter((c) => /\p{Script=Han}/u.test(c) && !boldChars.has(c) && !RENDERER_CHARS.includes(c));
      expect(plainOnly.length, b.name).toBeGreaterThan(0);
      expect(plainOnly.filter((c) => bold.hasGlyphForCodePoint(c.codePointAt(0)!)), b.name).toEqual([]);
    }
  });
});
