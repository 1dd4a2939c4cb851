/**
 * The decks opened in LibreOffice Impress (with the project's faces, through
 * a private fontconfig file): one PDF page per slide, set in the faces the
 * deck names, and every word where its box is (a line that overflowed its
 * box would land outside it). Work happens in a private temporary folder;
 * with PPTX_LOOK=<folder> the pages are also rendered to PNG there, for
 * looking at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, need, pdfFonts, pdfPageCount } from '../../helpers/office.js';
import { buildCases, slideBlocks, type Case } from './cases.js';
import { pdfWords, strayWords } from './fit.js';
import { useProjectFontIn } from './fonts.js';

const hasOffice = need('soffice') && need('pdfinfo') && need('pdftoppm') && need('pdftotext');
const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwright-pptx-'));
const look = process.env.PPTX_LOOK;


describe('pptx in LibreOffice Impress', { timeout: 300_000 }, () => {
  useProjectFontIn(dir);
  const cases: Case[] = [];
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    if (!hasOffice) return;
    cases.push(...(await buildCases()));
    for (const c of cases) {
      const file = path.join(dir, `${c.name}.pptx`);
      writeFileSync(file, c.bytes);
      pdfs.set(c.name, await convertToPdf(file, dir));
    }
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasOffice)('gives one page per slide, set in the faces the deck names', () => {
    expect(cases.length).toBe(4);
    for (const c of cases) {
      const pdf = pdfs.get(c.name) as string;
      expect(pdfPageCount(pdf), c.name).toBe(slideBlocks(c.doc).length);
      const fonts = pdfFonts(pdf);
      expect(fonts.some((f) => f.name.startsWith('NotoSansSC')), c.name).toBe(true);
      expect(fonts.some((f) => /^NotoSans-/.test(f.name)), c.name).toBe(true);
      if (look) {
        mkdirSync(look, { recursive: true });
        execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(look, c.name)]);
      }
    }
  });

  it.skipIf(!hasOffice)('sets every word inside the box its text belongs to', () => {
    for (const c of cases) {
      const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdfs.get(c.name) as string, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const words = pdfWords(xhtml);
      expect(words.length, c.name).toBeGreaterThan(100);
      expect(strayWords(c.bytes, words), c.name).toEqual([]);
    }
  });
});
