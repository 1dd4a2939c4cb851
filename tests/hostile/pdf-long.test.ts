/**
 * Long text in the PDF: a hostile 5,000-character token, or a takeaway long
 * enough to fill pages, used to vanish without a word (pdfmake drops an
 * unbreakable row or stack taller than the page, and cannot break a word
 * wider than the line). Read back with pdfjs: every character is printed,
 * and every line lies inside the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { renderArtifact } from '../../src/pipeline.js';
import { MAX_UNBROKEN_RUN, lineBreakerBreaks, segment, splitLongRuns } from '../../src/render/pdf/inline.js';
import { readPdf } from '../helpers/pdf.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hostile');
const load = (name: string) => articleFromBytes(readFileSync(path.join(FIXTURES, `${name}.md`)), `source/${name}.md`).article!;

describe('splitting runs the line breaker cannot break', () => {
  it('cuts only runs longer than the limit, and gives back the text', () => {
    const text = `Short words stay whole. ${'W'.repeat(100)} and https://example.org/${'a'.repeat(60)}`;
    const pieces = segment(text);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) {
      const breaks = lineBreakerBreaks(p.text);
      let run = 0;
      for (let i = 0; i < p.text.length; i++) {
        run = breaks.has(i) ? 1 : run + 1;
        expect(run).toBeLessThanOrEqual(MAX_UNBROKEN_RUN);
      }
    }
    expect(splitLongRuns([{ text: 'plain text' }])).toEqual([{ text: 'plain text' }]);
  });
});

describe('long text is printed in full, inside the page', () => {
  for (const [name, product, expected] of [
    ['long-token', 'summary', 'W'.repeat(5000)],
    ['long-token', 'slides', 'W'.repeat(5000)],
    ['payload-everywhere', 'summary', '<style>*{display:none}</style>'],
  ] as const) {
    it(`${name}: ${product}`, async () => {
      const article = load(name);
      const pages = await readPdf(await renderArtifact(article, product, 'pdf', { epoch: 0 }));
      const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('').replace(/\s+/g, '');
      // Page headers and footers fall between the lines of a token that fills pages: count its characters.
      if (/^W+$/.test(expected)) expect(text.split('').filter((c) => c === 'W').length).toBeGreaterThanOrEqual(expected.length);
      else expect(text).toContain(expected);
      for (const p of pages) for (const l of p.lines) expect(l.x1, `page ${l.page}: ${l.text.slice(0, 40)}`).toBeLessThanOrEqual(p.width + 0.5);
    }, 120_000);
  }
});
