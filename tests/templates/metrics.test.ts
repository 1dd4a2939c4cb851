/**
 * The text measure the templates fit by (src/theme/fit.ts, src/theme/metrics.ts)
 * is never narrower than the text as the fonts set it: every character of
 * both faces at both weights, the real articles' texts, and random strings,
 * measured with fontkit (with kerning); and its line count is never below
 * that of a greedy fill with the real advances at the break opportunities of
 * Unicode line breaking (the `linebreak` package pdfmake breaks by).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../src/model/types.js';
import { AUTOSPACE, autospaceWidth, charWidth, lineCount, textWidth, type FitLang } from '../../src/theme/fit.js';
import { timelineDateWidth } from '../../templates/slide-fit.js';
import { slideSpec } from '../../src/theme/theme.js';
import { loadRealArticles } from './articles.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));
const pdfmakeRequire = createRequire(require.resolve('pdfmake'));
const fontkit = createRequire(pdfmakeRequire.resolve('pdfkit'))('fontkit') as {
  openSync(p: string): Font;
};
const LineBreaker = pdfmakeRequire('linebreak') as new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

interface Glyph {
  advanceWidth: number;
}
interface Font {
  unitsPerEm: number;
  characterSet: number[];
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): Glyph;
  layout(text: string): { advanceWidth: number };
}

const open = (f: string) => fontkit.openSync(require.resolve(`@expo-google-fonts/${f}`));
const SC = { regular: [open('noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')], bold: [open('noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')] };
const SANS = {
  regular: [open('noto-sans/400Regular/NotoSans_400Regular.ttf'), open('noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf')],
  bold: [open('noto-sans/700Bold/NotoSans_700Bold.ttf'), open('noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf')],
};
type Weight = 'regular' | 'bold';
/** The faces a run of a language is set in, in fallback order: each face of the first family that has a glyph. */
const families = (lang: FitLang, w: Weight): Font[][] => (lang === 'zh' ? [SC[w], SANS[w]] : [SANS[w], SC[w]]);

/** The faces that set a character in a run (the first family that has it; any of its styles). */
function facesFor(cp: number, lang: FitLang, w: Weight): Font[] {
  for (const fam of families(lang, w)) {
    const has = fam.filter((f) => f.hasGlyphForCodePoint(cp));
    if (has.length > 0) return has;
  }
  return [];
}

/** Widest real width of a text in a run (em): per face style, runs of characters of the same family laid out with kerning. */
function realWidth(text: string, lang: FitLang, w: Weight): number {
  let widest = 0;
  for (let style = 0; style < 2; style++) {
    let total = 0;
    let seg = '';
    let segFace: Font | null = null;
    const flush = () => {
      if (segFace && seg) total += segFace.layout(seg).advanceWidth / segFace.unitsPerEm;
      seg = '';
    };
    for (const ch of text) {
      const faces = facesFor(ch.codePointAt(0)!, lang, w);
      const face = faces[Math.min(style, faces.length - 1)] ?? null;
      if (face !== segFace) {
        flush();
        segFace = face;
      }
      seg += ch;
    }
    flush();
    widest = Math.max(widest, total);
  }
  return widest;
}

const isHan = (cp: number) => (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000;

/** A character's advance (em) in a face as set in text: its glyph, or (not for Han) what substitution puts there between Latin letters, between Han, or doubled. */
function inContext(f: Font, cp: number): number {
  const own = f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
  if (isHan(cp)) return own;
  const ch = String.fromCodePoint(cp);
  const w = (t: string) => f.layout(t).advanceWidth;
  return Math.max(own, (w(`A${ch}A`) - 2 * w('A')) / f.unitsPerEm, (w(`\u4E2D${ch}\u4E2D`) - 2 * w('\u4E2D')) / f.unitsPerEm, w(ch + ch) / 2 / f.unitsPerEm);
}

describe('character widths', () => {
  it.each([
    ['zh', 'regular'],
    ['zh', 'bold'],
    ['en', 'regular'],
    ['en', 'bold'],
  ] as const)('%s %s: no character of either face is wider than its estimate, alone or as substitution sets it in context', (lang, w) => {
    const tooNarrow: string[] = [];
    const codePoints = new Set([...SC.regular[0].characterSet, ...SANS.regular[0].characterSet]);
    for (const cp of codePoints) {
      if (cp < 0x20) continue;
      const real = Math.max(0, ...facesFor(cp, lang, w).map((f) => inContext(f, cp)));
      if (charWidth(cp, lang, w === 'bold') + 1e-9 < real) tooNarrow.push(`U+${cp.toString(16)} ${real} > ${charWidth(cp, lang, w === 'bold')}`);
    }
    expect(tooNarrow.slice(0, 10)).toEqual([]);
    expect(codePoints.size).toBeGreaterThan(30000);
  }, 120_000);

  it('is not needlessly wide: Han one em, Latin letters within 15 % of the regular face', () => {
    expect(charWidth('美'.codePointAt(0)!, 'zh')).toBe(1);
    const text = 'Keep strong lines of communication with cloud providers in a crisis';
    const real = realWidth(text, 'en', 'regular');
    expect(textWidth(text, 1, 'en')).toBeGreaterThanOrEqual(real);
    expect(textWidth(text, 1, 'en')).toBeLessThan(real * 1.15);
  });
});

const articles = await loadRealArticles();
/** Every text of the real articles as the products set it: Chinese body and editorial text, English editorial text. */
const texts: [FitLang, string][] = articles.flatMap(([, a]) => [
  ...allParagraphs(a).map((c): [FitLang, string] => ['zh', c.text]),
  ...[a.title, ...a.takeaways.map((t) => t.text), ...a.recommendations.map((r) => r.text), ...a.glossary.flatMap((t) => [t.name, t.definition]), ...a.timeline.map((e) => e.text), ...a.slides.flatMap((s) => [s.title, ...s.points.map((p) => p.text)])].flatMap((b): [FitLang, string][] => [
    ['zh', b.zh],
    ['en', b.en],
  ]),
]);

describe('text widths', () => {
  it(`no text of the real articles is wider set than estimated (${texts.length} texts, both weights)`, { timeout: 120_000 }, () => {
    for (const [lang, text] of texts)
      for (const w of ['regular', 'bold'] as const) {
        const est = textWidth(text, 1, lang, w === 'bold');
        expect(est, `${lang} ${w}: ${text.slice(0, 40)}`).toBeGreaterThanOrEqual(realWidth(text, lang, w) - 1e-9);
      }
  });

  it('no random string of Latin, CJK, punctuation and symbols is wider set than estimated', { timeout: 120_000 }, () => {
    const pool = [...'AVWMmwil.,;:!?’“”‘"\'()[]-–—…·/%&@#0123456789 美日同盟，。、；：？！（）《》“”—…·ＡＢ１２％〇〻ß€£¥©®™°±×÷αβγДЖЯ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 80 }), fc.constantFrom<FitLang>('zh', 'en'), fc.constantFrom<Weight>('regular', 'bold'), (chars, lang, w) => {
        const text = chars.join('');
        return textWidth(text, 1, lang, w === 'bold') >= realWidth(text, lang, w) - 1e-9;
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

/** Lines of a greedy fill with the real advances at the break opportunities of Unicode line breaking. */
function realLines(text: string, lang: FitLang, size: number, width: number): number {
  const breaker = new LineBreaker(text);
  const pieces: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    pieces.push(text.slice(last, bk.position));
    last = bk.position;
  }
  let lines = 1;
  let x = 0;
  for (const p of pieces) {
    const w = realWidth(p.trimEnd(), lang, 'regular') * size;
    const full = realWidth(p, lang, 'regular') * size;
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    x += full;
  }
  return lines;
}

describe('line counts', () => {
  it('never fewer lines than a greedy fill with real advances at Unicode break opportunities (the real texts, three widths)', { timeout: 120_000 }, () => {
    for (const [lang, text] of texts)
      for (const width of [180, 312, 648]) {
        const size = lang === 'zh' ? 14 : 12;
        expect(lineCount([{ text, size, lang }], width), `${lang} ${width}: ${text.slice(0, 40)}`).toBeGreaterThanOrEqual(realLines(text, lang, size, width));
      }
  });

  it('keeps a number with its unit, as the PDF breaks lines (src/text/kinsoku.ts)', () => {
    const size = 10;
    // Lines three ems wide: "年年1" | "月年年" if "1" could end a line; "年年" | "1月年" | "年" as "1月" goes down whole.
    const width = textWidth('年年年', size, 'zh') + 0.5;
    expect(lineCount([{ text: '年年1月年年', size, lang: 'zh' }], width)).toBe(3);
    expect(lineCount([{ text: '年年1财年年', size, lang: 'zh' }], width)).toBe(2);
  });
});

describe('autospace', () => {
  it('a quarter em at each meeting of ideographic text and a Latin letter or digit, none elsewhere', () => {
    expect(autospaceWidth('2024年4月10日', 13)).toBeCloseTo(5 * AUTOSPACE * 13);
    expect(autospaceWidth('2024年12月（推断）', 13)).toBeCloseTo(3 * AUTOSPACE * 13);
    expect(autospaceWidth('DICAS论坛', 10)).toBeCloseTo(AUTOSPACE * 10);
    expect(autospaceWidth('美日同盟，合作。', 10)).toBe(0);
    expect(autospaceWidth('10 April 2024', 12)).toBe(0);
    expect(AUTOSPACE).toBeGreaterThanOrEqual(0.2); // LibreOffice's, which a DOCX cannot turn off there
  });

  it('a slide timeline’s date column holds each Chinese date with its autospace, and each English date', () => {
    const event = (zh: string, en: string) => ({ date: '2024-04-10', dateLabel: { zh: [{ text: zh }], en: [{ text: en }] }, text: { zh: [{ text: '事件' }] }, cites: [] });
    const figure = { type: 'figure' as const, kind: 'timeline' as const, caption: {}, cites: [], events: [event('2024年4月10日', '10 April 2024'), event('2023年', 'December 2023 (uncertain)')] };
    const d = slideSpec.timeline.date;
    const w = timelineDateWidth(figure);
    expect(w).toBeGreaterThanOrEqual(textWidth('2024年4月10日', d.zh, 'zh', true) + 5 * AUTOSPACE * d.zh);
    expect(w).toBeGreaterThanOrEqual(textWidth('December 2023 (uncertain)', d.en, 'en', true));
    expect(w).toBeLessThan(Math.max(textWidth('2024年4月10日', d.zh, 'zh', true) + 5 * AUTOSPACE * d.zh, textWidth('December 2023 (uncertain)', d.en, 'en', true)) + 1);
  });
});
