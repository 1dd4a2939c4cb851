/**
 * Long unbroken text in the PDF: pdfmake's line building is replaced by a
 * copy that does the same in linear time (src/render/pdf/line-builder.ts);
 * the running header prints at most a bounded prefix of the short title; a
 * slide deck that cannot fit is not laid out five times.
 *
 * The replacement must give the same PDF bytes as pdfmake's own method, and
 * its copy must be reviewed whenever pdfmake's method changes.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { backend } from '../../../src/render/pdf/index.js';
import { clipInline, RUNNING_TEXT_MAX, worthRefitting } from '../../../src/render/pdf/document.js';
import { gluedFollowers, installLinearLineBuilder, originalBuildNextLine, setLinearLineBuilder } from '../../../src/render/pdf/line-builder.js';
import { SLIDE_FIT_STEP } from '../../../src/render/pdf/constants.js';
import type { Article } from '../../../src/model/types.js';
import { readPdf } from '../../helpers/pdf.js';
import { PRODUCTS, articles, docFor } from './articles.js';

/** sha256 of pdfmake 0.3.11's `LayoutBuilder.prototype.buildNextLine` source, which line-builder.ts copies. */
const COPIED_FROM = 'f9a0444e3740e3f3136883da58409174d85ce7ecce1da31de63cbe35646b4b9d';

/** Han characters without any break opportunity other than between characters. */
const han = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 2000))).join('');

function withLongText(article: Article, n: number): Article {
  const long = han(n);
  const a = structuredClone(article);
  a.title = { ...a.title, zh: long };
  a.shortTitle = { ...a.shortTitle, zh: long };
  return a;
}

afterEach(() => setLinearLineBuilder(true));

describe('pdfmake method the replacement copies', () => {
  it('is the version the copy was made from (if this fails, review line-builder.ts against the new method)', () => {
    installLinearLineBuilder();
    const source = originalBuildNextLine().toString();
    const digest = createHash('sha256').update(source).digest('hex');
    expect(digest, `pdfmake's buildNextLine changed:\n${source}`).toBe(COPIED_FROM);
    // The replacement is what pdfmake calls.
    const require = createRequire(import.meta.url);
    const { default: LayoutBuilder } = require(require.resolve('pdfmake/js/LayoutBuilder.js')) as { default: { prototype: { buildNextLine: unknown } } };
    expect(LayoutBuilder.prototype.buildNextLine).not.toBe(originalBuildNextLine());
  });

  it('gluedFollowers gives exactly the inlines hasEnoughSpaceForInline reads', () => {
    const i = (text: string, noNewLine = false) => ({ text, width: 1, noNewLine });
    const list = [i('a', true), i('b', true), i('c'), i('d', true), i('e')];
    expect(gluedFollowers(list).map((x) => x.text)).toEqual(['b', 'c']);
    expect(gluedFollowers(list, 2)).toEqual([]);
    expect(gluedFollowers(list, 3).map((x) => x.text)).toEqual(['e']);
    expect(gluedFollowers([i('z', true)])).toEqual([]);
  });
});

describe('the same PDF bytes as pdfmake lays out itself', () => {
  it('for every product of every article, and for a 3,000-character unbroken title', async () => {
    for (const [slug, article] of await articles()) {
      for (const [name, a] of [[slug, article], [`${slug}+long`, withLongText(article, 3000)]] as const) {
        for (const product of PRODUCTS) {
          const doc = docFor(a, product);
          setLinearLineBuilder(false);
          const shipped = await backend.render(doc, { epoch: 0 });
          setLinearLineBuilder(true);
          const linear = await backend.render(doc, { epoch: 0 });
          expect(Buffer.from(linear).equals(Buffer.from(shipped)), `${name}/${product}`).toBe(true);
        }
      }
    }
  }, 300_000);
});

describe('work grows linearly with the text', () => {
  it('the inlines handed to hasEnoughSpaceForInline add up to a bounded number per character', async () => {
    const require = createRequire(import.meta.url);
    const { default: Line } = require(require.resolve('pdfmake/js/Line.js')) as {
      default: { prototype: { hasEnoughSpaceForInline(inline: unknown, next?: unknown[]): boolean } };
    };
    const check = Line.prototype.hasEnoughSpaceForInline;
    let handed = 0;
    Line.prototype.hasEnoughSpaceForInline = function (inline, next = []) {
      handed += next.length;
      return check.call(this, inline, next);
    };
    try {
      const [, article] = (await articles())[0];
      const perChar: number[] = [];
      for (const n of [2000, 8000]) {
        handed = 0;
        await backend.render(docFor(withLongText(article, n), 'summary'), { epoch: 0 });
        perChar.push(handed / n);
      }
      // pdfmake's own method hands over every waiting inline: ~n/2 per character.
      expect(perChar[1]).toBeLessThan(50);
      expect(perChar[1]).toBeLessThan(perChar[0] * 1.5);
    } finally {
      Line.prototype.hasEnoughSpaceForInline = check;
    }
  }, 120_000);
});

describe('running header', () => {
  it('prints the short title as it is up to the limit, and a prefix with "…" beyond it', () => {
    expect(clipInline([{ text: '短标题' }])).toEqual([{ text: '短标题' }]);
    const first = RUNNING_TEXT_MAX - 8;
    const long = [{ text: han(first), strong: true }, { text: han(100) }];
    const clipped = clipInline(long);
    expect(clipped).toHaveLength(2);
    expect(clipped[0]).toEqual(long[0]);
    expect(Array.from(clipped[1].text)).toHaveLength(8 + 1);
    expect(clipped[1].text.endsWith('…')).toBe(true);
    // Never half a surrogate pair.
    expect(clipInline([{ text: '😀'.repeat(RUNNING_TEXT_MAX + 5) }])[0].text).toBe(`${'😀'.repeat(RUNNING_TEXT_MAX)}…`);
  });

  it('a 20,000-character short title: every page after the first has one clipped header line, inside the page', async () => {
    const [, article] = (await articles())[0];
    const pages = await readPdf(await backend.render(docFor(withLongText(article, 20_000), 'summary'), { epoch: 0 }));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages.slice(1)) {
      const top = p.lines.filter((l) => l.text.includes('…'));
      expect(top, `page ${p.lines[0]?.page}`).toHaveLength(1);
      for (const l of p.lines) expect(l.x1).toBeLessThanOrEqual(p.width + 0.5);
    }
  }, 120_000);
});

describe('slide fitting', () => {
  it('lays the deck out again only while every overflowing slide can still fit', () => {
    const capacity4 = SLIDE_FIT_STEP ** -8; // ≈ 2.8 pages of text at the smallest type of 4 attempts
    expect(worthRefitting([1, 2, 1], 4)).toBe(true);
    expect(worthRefitting([1, 1, 1], 4)).toBe(false);
    expect(worthRefitting([1, 2, Math.ceil(capacity4) + 1], 4)).toBe(false);
    expect(worthRefitting([3], 4)).toBe(true);
    expect(worthRefitting([3], 1)).toBe(false);
  });
});
