/**
 * Joining a line's inlines before pdfmake draws them: the rules, and the
 * pages read back both ways (every word at the same place, the same text,
 * far fewer text operations).
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { backend } from '../../../src/render/pdf/index.js';
import { joinable, mergeInlines, setInlineMerging, type Inline } from '../../../src/render/pdf/merge-inlines.js';
import { setWordRuns } from '../../../src/render/pdf/word-runs.js';
import { need, readPdf, tempFile } from '../../helpers/pdf.js';
import { PRODUCTS, articles, docFor } from './articles.js';

const font = { name: 'NotoSansSC' };
const at = (text: string, x: number, width: number, extra: Partial<Inline> = {}): Inline => ({ text, x, width, font, fontSize: 10, color: '#000', opacity: 1, ...extra });

describe('joinable', () => {
  it('joins touching inlines of one style after a space, or inside Chinese text', () => {
    expect(joinable(at('the ', 0, 15), at('cat', 15, 12))).toBe(true);
    expect(joinable(at('美日', 0, 20), at('合', 20, 10))).toBe(true);
    expect(joinable(at('见 美', 0, 20), at('日，', 20, 20))).toBe(true);
  });

  it('keeps apart a joint inside a word that is shaped (Latin, or Latin next to Chinese)', () => {
    expect(joinable(at('co-', 0, 15), at('operation', 15, 40))).toBe(false);
    expect(joinable(at('GPI', 0, 15), at('、', 15, 10))).toBe(false);
    expect(joinable(at('美', 0, 10), at('GPI', 10, 15))).toBe(false);
    expect(joinable(at('word', 0, 20), at(' next', 20, 20))).toBe(false);
  });

  it('keeps apart inlines that do not touch, differ in style or link target, or carry a page reference, features or justification', () => {
    expect(joinable(at('a ', 0, 10), at('b', 10.5, 5))).toBe(false);
    for (const extra of [{ fontSize: 11 }, { color: '#333' }, { font: { name: 'Bold' } }, { opacity: 0.5 }, { characterSpacing: 1 }, { decoration: 'underline' }, { background: '#eee' }, { sup: true }, { link: 'https://example.org/' }, { linkToDestination: 'x' }]) {
      expect(joinable(at('a ', 0, 10), at('b', 10, 5, extra)), JSON.stringify(extra)).toBe(false);
    }
    // The same link on both sides: one run, one link annotation.
    expect(joinable(at('要', 0, 10, { linkToDestination: 'x' }), at('点', 10, 10, { linkToDestination: 'x' }))).toBe(true);
    expect(joinable(at('a ', 0, 10, { link: 'u' }), at('b', 10, 5, { link: 'u' }))).toBe(true);
    for (const extra of [{ linkToPage: 2 }, { fontFeatures: ['pwid'] }, { justifyShift: 1.5 }, { _pageNodeRef: {} }]) {
      expect(joinable(at('a ', 0, 10, extra), at('b', 10, 5)), JSON.stringify(extra)).toBe(false);
      expect(joinable(at('a ', 0, 10), at('b', 10, 5, extra)), JSON.stringify(extra)).toBe(false);
    }
  });
});

describe('mergeInlines', () => {
  it('joins every run of joinable neighbours, keeping text, start and total width', () => {
    const line = [at('美', 0, 10), at('日', 10, 10), at('合', 20, 10), at('作 ', 30, 12), at('GPI', 42, 15), at('、', 57, 10, { color: '#c00' })];
    const merged = mergeInlines(line);
    expect(merged.map((i) => i.text)).toEqual(['美日合作 GPI', '、']);
    expect(merged[0].x).toBe(0);
    expect(merged[0].width).toBe(57);
    expect(merged.map((i) => i.text).join('')).toBe(line.map((i) => i.text).join(''));
    expect(line[0].text).toBe('美'); // the input is left as it was
  });
});

/** Every word pdftotext finds, with its box, page by page. */
function wordBoxes(bytes: Uint8Array): string[] {
  const html = execFileSync('pdftotext', ['-bbox', tempFile(bytes, 'doc.pdf'), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>|<page /g)].map((m) =>
    m[0].startsWith('<page') ? 'page' : `${m[5]} ${m.slice(1, 5).map((v) => Number(v).toFixed(2)).join(' ')}`,
  );
}

/** Text-showing operators in every page's content. */
async function textOperations(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let n = 0;
  for (let p = 1; p <= pdf.numPages; p++) {
    const ops = await (await pdf.getPage(p)).getOperatorList();
    n += ops.fnArray.filter((f) => f === OPS.showText || f === OPS.showSpacedText).length;
  }
  await pdf.destroy();
  return n;
}

describe('PDF pages drawn with joined inlines', () => {
  afterEach(() => {
    setInlineMerging(true);
    setWordRuns(true);
  });
  const havePdftotext = need('pdftotext');

  it('place every word where separate inlines put it, with the same text and far fewer text operations', async () => {
    for (const [slug, article] of await articles()) {
      for (const product of PRODUCTS) {
        const doc = docFor(article, product);
        // Apart: one inline per word, each drawn alone (word runs, word-runs.ts, are joined when measured).
        setInlineMerging(false);
        setWordRuns(false);
        const apart = await backend.render(doc, { epoch: 0 });
        setInlineMerging(true);
        setWordRuns(true);
        const joined = await backend.render(doc, { epoch: 0 });
        const name = `${slug}/${product}`;
        const [a, b] = [await readPdf(apart), await readPdf(joined)];
        expect(b.map((p) => p.lines.map((l) => l.text)), name).toEqual(a.map((p) => p.lines.map((l) => l.text)));
        expect(await textOperations(joined), name).toBeLessThan((await textOperations(apart)) / 2);
        if (havePdftotext) expect(wordBoxes(joined), name).toEqual(wordBoxes(apart));
      }
    }
  }, 180_000);
});
