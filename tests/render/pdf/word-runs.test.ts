/**
 * Word runs (src/render/pdf/word-runs.ts): Chinese, and Latin words that end
 * in a space, measured and laid out a run at a time. The PDFs must be the
 * bytes pdfmake makes one inline per word, for every kind of document, and
 * the wrapped pdfmake functions must be the versions the module was written
 * for.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { groupWords, installWordRuns, MAX_RUN_WORDS, inlineWidths, originalTextInlines, setWordRuns, sliceRun, spreadRun, type RunInline } from '../../../src/render/pdf/word-runs.js';
import { pdfmakeModule } from '../../../src/render/pdf/pdfmake-module.js';
import { docFor, PRODUCTS, realArticles } from './articles.js';
import { kitchenSink, meta } from './kitchen-sink.js';
import { Shapes } from './shapes.js';

/** sha256 of pdfmake 0.3.11's `TextInlines.prototype.measure` and `buildInlines`, which word-runs.ts wraps. */
const MEASURE = 'cb17af19531a9de1c73b790bea462553e9c1cce4d9ad1287ffae59aa42c6d87c';
const BUILD_INLINES = '327a9315937894113196e61783bca34f080151615046f2f38871885e9d1c4d4f';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

afterEach(() => setWordRuns(true));

describe('the pdfmake functions word runs wrap', () => {
  it("are the versions word-runs.ts was written for (if this fails, review it against pdfmake's new code)", () => {
    installWordRuns();
    const { measure, buildInlines } = originalTextInlines();
    expect(sha(measure.toString()), `pdfmake's TextInlines.measure changed:\n${measure}`).toBe(MEASURE);
    expect(sha(buildInlines.toString()), `pdfmake's TextInlines.buildInlines changed:\n${buildInlines}`).toBe(BUILD_INLINES);
    // What pdfmake calls is the wrapper.
    const proto = pdfmakeModule<{ prototype: { measure: unknown } }>('TextInlines').prototype;
    expect(proto.measure).not.toBe(measure);
  });
});

describe('grouping the words TextBreaker makes', () => {
  const w = (text: string, more: Partial<RunInline> = {}): RunInline => ({ text, width: 0, ...more });
  const texts = (items: RunInline[]) => items.map((i) => (i._o ? `[${i.text}|${i._o.join(',')}]` : i.text));

  it('joins Chinese characters, and Latin words after a space, as merge-inlines would join them', () => {
    const words = [w('美'), w('国'), w('和'), w('DICAS '), w('the '), w('Japan '), w('co-'), w('operation'), w('的'), w('项'), w('目')];
    // "和" → "DICAS": no space between, one side shaped: a boundary; "co-" → "operation": no space, both shaped.
    expect(texts(groupWords(words))).toEqual(['[美国和|1,2,3]', '[DICAS the Japan co-|6,10,16,19]', 'operation', '[的项目|1,2,3]']);
  });

  it('keeps apart words of other styles, glued words, line ends and what is drawn per inline', () => {
    const words = [w('中'), w('文', { bold: true }), w('字', { bold: true }), w('句', { noNewLine: true }), w('末'), w('行'), w('尾', { lineEnd: true }), w('上', { sup: true }), w('标', { sup: true })];
    expect(texts(groupWords(words))).toEqual(['中', '[文字|1,2]', '句', '[末行|1,2]', '尾', '上', '标']);
    // A glued word ends the run it closes, which keeps the glue.
    const glued = groupWords([w('一'), w('二', { noNewLine: true }), w('》')]);
    expect(texts(glued)).toEqual(['[一二|1,2]', '》']);
    expect(glued[0].noNewLine).toBe(true);
    // Leading spaces, spaces inside a word and other white space stay out.
    expect(texts(groupWords([w(' a '), w('b '), w('c\u3000'), w('d '), w('e')]))).toEqual([' a ', 'b ', 'c\u3000', '[d e|2,3]']);
  });

  it('makes no run longer than MAX_RUN_WORDS words (the rest of a run cut by a line is copied: a run as long as its text would be quadratic)', () => {
    const han = Array.from({ length: 10_000 }, (_, i) => w(String.fromCodePoint(0x4e00 + (i % 2000))));
    const runs = groupWords(han);
    expect(runs.every((r) => (r._o?.length ?? 1) <= MAX_RUN_WORDS)).toBe(true);
    expect(runs.length).toBe(Math.ceil(10_000 / MAX_RUN_WORDS));
    expect(runs.map((r) => r.text).join('')).toBe(han.map((x) => x.text).join(''));
  });

  it('cuts and spreads a measured run into the words pdfmake would have made', () => {
    const run: RunInline = { text: 'ab cd 中', width: 0, leadingCut: -4, leadingIndent: 4, noNewLine: true, _o: [3, 6, 7], _w: [10, 12, 9], _t: [3, 3, 0] };
    const [first, second] = [sliceRun(run, 0, 1), sliceRun(run, 1, 3)];
    expect([first.text, first.width, first.trailingCut, first.leadingCut, first.noNewLine]).toEqual(['ab ', 10, 3, -4, undefined]);
    expect([second.text, second.width, second.trailingCut, second.leadingCut, second.leadingIndent, second.noNewLine]).toEqual(['cd 中', 21, 0, 0, undefined, true]);
    expect(second._o).toEqual([3, 4]);
    expect(spreadRun(run).map((x) => [x.text, x.width, x.trailingCut, x.leadingCut, x.noNewLine ?? false])).toEqual([
      ['ab ', 10, 3, -4, false],
      ['cd ', 12, 3, 0, false],
      ['中', 9, 0, 0, true],
    ]);
  });

  it("gives pdfmake's minimum and maximum width for a run and for its words one by one", () => {
    const run: RunInline = { text: 'ab cd 中', width: 31, leadingCut: 0, trailingCut: 0, _o: [3, 6, 7], _w: [10, 12, 9], _t: [3, 3, 0] };
    const after: RunInline = { text: 'x', width: 5, leadingCut: 0, trailingCut: 0, lineEnd: true };
    // Widest word without its trailing space: "cd" = 12 - 3; the line: 10 + 12 + 9 + 5, nothing cut at its end.
    expect(inlineWidths([run, after])).toEqual({ minWidth: 9, maxWidth: 36 });
    expect(inlineWidths([...spreadRun(run), after])).toEqual(inlineWidths([run, after]));
  });
});

async function documents(): Promise<[string, Doc][]> {
  const out: [string, Doc][] = [];
  for (const [slug, article] of await realArticles()) for (const p of PRODUCTS) out.push([`${slug}/${p}`, docFor(article, p)]);
  for (const p of ['summary', 'checklist', 'reading'] as const) out.push([`kitchen sink/${p}`, kitchenSink[p]()]);
  for (const seed of [11, 12, 13, 14]) {
    const s = new Shapes(seed);
    out.push([`shape ${seed}`, s.summary(s.int(1, 9))]);
  }
  return out;
}

describe('the same PDF bytes as one inline per word', () => {
  it('for every product of both articles, the kitchen sink and generated summaries', async () => {
    const TextInlines = pdfmakeModule<{ prototype: { measure(this: unknown, array: RunInline[], stack: unknown): RunInline[] } }>('TextInlines');
    const measure = TextInlines.prototype.measure;
    let words = 0;
    let inlines = 0;
    for (const [name, doc] of await documents()) {
      setWordRuns(false);
      const perWord = Buffer.from(await backend.render(doc, { epoch: 0 }));
      setWordRuns(true);
      TextInlines.prototype.measure = function (array, stack) {
        words += array.length;
        const out = measure.call(this, array, stack);
        inlines += out.length;
        return out;
      };
      try {
        const runs = Buffer.from(await backend.render(doc, { epoch: 0 }));
        expect(runs.equals(perWord), `${name}: the same bytes`).toBe(true);
      } finally {
        TextInlines.prototype.measure = measure;
      }
    }
    // The point of it: a fraction of the inlines (both articles' reading editions: 9,179 words, 1,588 inlines).
    expect(inlines).toBeLessThan(words / 3);
  }, 600_000);
});

describe('characters that share a glyph', () => {
  const t = (text: string): Inline => [{ text }];
  const summary = (blocks: Block[]): Doc => ({ product: 'summary', page: 'a4', meta: meta('summary'), blocks });
  const zh = (text: Inline): Block => ({ type: 'paragraph', lang: 'zh', text, cites: [] });
  const en = (text: Inline): Block => ({ type: 'paragraph', lang: 'en', text, cites: [] });
  // Han characters without a glyph shared with another character, for filler.
  const plain = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((from + i) * 7) % 900)).join('');

  // The text a PDF gives back for a glyph is that of the first string measured with it: a space and a
  // no-break space, 日 and the Kangxi radical ⽇, "-" and U+2011, "fi" and the ligature ﬁ each share one.
  const cases: [string, Doc][] = [
    ['a space and a no-break space', summary([zh(t('一二 三\u00a0四'))])],
    ['日 and the radical ⽇', summary([zh(t('美日同盟与\u2f47本的伙伴关系更加紧密了'))])],
    ['- and a no-break hyphen', summary([zh([{ text: '甲 F-35 ' }, { text: 'F\u201135', code: true }])])],
    ['fi and its ligature', summary([en([{ text: 'The first word ' }, { text: '\ufb01nal', code: true }])])],
    ['墫 and 壿 across the 64-word cut of a run', summary([zh(t(`${plain(10)}墫${plain(53, 20)}壿${plain(30, 90)}`))])],
  ];

  it('give the same bytes as one inline per word, so the text copied from the PDF is the same', async () => {
    for (const [name, doc] of cases) {
      setWordRuns(false);
      const perWord = Buffer.from(await backend.render(doc, { epoch: 0 }));
      setWordRuns(true);
      const runs = Buffer.from(await backend.render(doc, { epoch: 0 }));
      expect(runs.equals(perWord), name).toBe(true);
    }
  }, 120_000);
});
