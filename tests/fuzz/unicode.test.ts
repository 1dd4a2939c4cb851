/**
 * Property (issue 17): a string fuzzed from hostile characters and the escapes
 * that write them — raw, as YAML escapes in a double-quoted front-matter value
 * or key, as Markdown character references — put into any editorial field
 * gives either an error diagnostic or an Article in which no string holds a
 * character the Unicode policy refuses (span texts may hold '\n', a hard line
 * break). And no diagnostic ever quotes a refused character raw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { refusedCharacters } from '../../src/text/unicode-policy.js';
import { RUNS, TIMEOUT } from './arbitraries.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../fixtures/hostile/base.md'), 'utf8');

/** Characters that must never reach an Article, and a few that are fine. */
const HOSTILE = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\u009b', '\u00ad', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff', '\ufffe', '\ufffd', '\ue000', '\u{f0000}', '\u{1f600}', '\u{e0041}', '\u0378', '\t', '\r', '\n'];
const FINE = ['中', '文', '，', '。', 'a', 'Z', '1', ' ', '-', '（', '“', '—', '€', 'é', '\u3000', '\u00a0'];

const hex = (cp: number) => cp.toString(16).toUpperCase();
/** One character, written raw or through an escape of the field's kind. */
const unit = (kind: 'yaml' | 'markdown') =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FINE) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...HOSTILE).map((ch) => {
        const cp = ch.codePointAt(0)!;
        if (kind === 'markdown') return cp === 0x200b ? '&ZeroWidthSpace;' : cp === 0xad ? '&shy;' : cp === 0x200e ? '&lrm;' : `&#x${hex(cp)};`;
        if (cp === 0) return '\\0';
        if (cp === 0x1b) return '\\e';
        if (cp === 0x85) return '\\N';
        if (cp === 0x2028) return '\\L';
        return cp > 0xffff ? `\\U${hex(cp).padStart(8, '0')}` : `\\u${hex(cp).padStart(4, '0')}`;
      }),
    },
  );
const fuzzed = (kind: 'yaml' | 'markdown') => fc.array(unit(kind), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

/** Every editorial field of base.md: what to find, and how to write the fuzzed text there. */
const YAML_FIELDS: [string, (s: string) => string][] = [
  ['  zh: 测试文章\n', (s) => `  zh: "${s}"\n`],
  ['  en: Test Article\n', (s) => `  en: "${s}"\n`],
  ['  zh: 测试\n', (s) => `  zh: "${s}"\n`],
  ['  en: Lidao Think Tank\n', (s) => `  en: "${s}"\n`],
  ['  outlet: Test Outlet\n', (s) => `  outlet: "${s}"\n`],
  ['    zh: 测试作者\n', (s) => `    zh: "${s}"\n`],
  ['{ zh: 测试, en: Testing }', (s) => `{ zh: 测试, en: "${s}" }`],
  ['en: Both governments }', (s) => `en: "${s}" }`],
  ['languages: [zh-Hans, en]\n', (s) => `"${s}": x\nlanguages: [zh-Hans, en]\n`],
];
const MARKDOWN_FIELDS: [string, (s: string) => string][] = [
  [':p{#lede-1}导语第一段。', (s) => `:p{#lede-1}导语${s}第一段。`],
  ['## 第一节 :en[Section One]', (s) => `## 第一节${s} :en[Section ${s}One]`],
  ['::zh[本节的摘要。]', (s) => `::zh[本节${s}的摘要。]`],
  ['label-en="Topic"}**题目**', (s) => `label-en="To${s}pic"}**题${s}目**`],
  ['- :p{#part-one-3}列表中的一项，提到2024年11月的一次会议。', (s) => `- :p{#part-one-3}列表${s}中的一项，提到2024年11月的一次会议。\n\n> 引用${s}的话。\n\n| 甲${s} | 乙 |\n| - | - |\n| 丙 | 丁${s} |\n\n有脚注的段落。[^a]\n\n[^a]: 脚注${s}。`],
  ['::zh[要点一。]', (s) => `::zh[要点${s}一。]`],
  ['::en[A recommendation.]', (s) => `::en[A ${s}recommendation.]`],
  ['term="XYZ"', (s) => `term="X${s}YZ"`],
  ['::def-en[A term used in tests.]', (s) => `::def-en[A term ${s}used in tests.]`],
  ['as-written="2024年11月"', (s) => `as-written="2024年${s}11月"`],
  ['::en[Speaker notes.]', (s) => `::en[Speaker ${s}notes.]`],
  ['::zh[第一个要点。]', (s) => `::zh[第一个${s}要点。]`],
  ['::zh[第一节(二)]', (s) => `::zh[第一节${s}(二)]`],
];

const strings = (v: unknown, out: string[] = []): string[] => {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
};

describe('fuzz: decoded strings in every editorial field', () => {
  for (const field of MARKDOWN_FIELDS.concat(YAML_FIELDS)) expect(base, field[0]).toContain(field[0]);

  it(`${RUNS} sources: an error, or an Article with no refused character`, () => {
    let clean = 0;
    let refused = 0;
    const source = fc.oneof(
      fc.tuple(fc.constantFrom(...YAML_FIELDS), fuzzed('yaml')),
      fc.tuple(fc.constantFrom(...MARKDOWN_FIELDS), fuzzed('markdown')),
    );
    fc.assert(
      fc.property(source, ([[find, write], s]) => {
        const text = base.replace(find, write(s));
        const { file, article } = articleFromBytes(new TextEncoder().encode(text), 'source/base.md');
        for (const m of file.messages) {
          expect(refusedCharacters(`${m.reason}${m.note ?? ''}`, { allow: '\n' }), m.reason).toEqual([]);
          expect(m.line ?? 0).toBeGreaterThan(0);
        }
        if (article === null) {
          expect(file.messages.some((m) => m.fatal === true)).toBe(true);
          refused++;
          return;
        }
        clean++;
        for (const str of strings({ ...article, sourcePath: '' })) expect(refusedCharacters(str, { allow: '\n', font: true }), JSON.stringify(str)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // Both outcomes must be exercised for the property to mean something.
    expect(clean).toBeGreaterThan(RUNS / 50);
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, TIMEOUT);
});
