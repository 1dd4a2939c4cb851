/**
 * Bad-input fixtures: each file under tests/fixtures/ must produce exactly
 * these diagnostics (line:column range, message and rule id). The article-level
 * count warnings (takeaways, slides) are left out except where they are the
 * point of the fixture, since small fixtures cannot hold 8 slides.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { RULES, SOURCE, type RuleId } from '../../src/model/rules.js';

const dir = path.resolve(import.meta.dirname, '../fixtures');
const COUNT_RULES = new Set(['takeaway-count', 'slide-count']);

const expected: Record<string, string[]> = {
  'bom-crlf': [
    "19:17-19:24: Unknown attribute `klass` on `:p` [unknown-attribute]",
  ],
  'control-character': [
    "10:14-10:15: Control character U+0000 in the text: delete it [control-character]",
  ],
  'date-event': [
    "26:21-26:31: Invalid date `2024-02-30`: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD [invalid-date]",
  ],
  'date-front-matter': [
    "6:7-6:17: Invalid date `2025-13-01` in `date`: expected a real date written YYYY-MM-DD [invalid-date]",
  ],
  'duplicate-item-id': [
    "26:14-26:18: Duplicate id `tk-1`: already used by the takeaway on line 21 [duplicate-id]",
  ],
  'duplicate-paragraph-id': [
    "21:5-21:16: Duplicate id `evolution-1`: already used by the paragraph on line 19 [duplicate-id]",
  ],
  'duplicate-section-id': [
    "12:23-12:29: Duplicate id `lede-1`: already used by the paragraph on line 10 [duplicate-id]",
  ],
  'empty-item': [
    "21:1-21:12: `:::takeaway` has no text: add `::zh[…]` and `::en[…]` [empty-text]",
  ],
  'empty-text': [
    "22:1-22:7: Empty `::zh[]`: write the text between the brackets [empty-text]",
  ],
  'field-missing': [
    "1:1-1:4: Missing front-matter field `publisher` [front-matter-field-missing]",
  ],
  'field-type': [
    "3:8-3:22: Front-matter field `title` must be a map with `zh` and `en` [front-matter-field-type]",
  ],
  'front-matter-missing': [
    "1:1-1:1: The file must start with YAML front matter between two `---` lines [front-matter-missing]",
  ],
  'half-width-colon': [
    "10:18-10:25: Half-width colon before `日前刊载文章` starts a directive: use the full-width colon '：' or escape it as '\\:' [half-width-colon]",
  ],
  'heading-without-en': [
    "12:1-12:6: Section heading has no English title and id: add `:en[Title]{#id}` [missing-en]",
  ],
  'invalid-utf8': [
    "19:19: Invalid UTF-8: byte 0xFF does not start a valid sequence; save the file as UTF-8 [invalid-utf8]",
  ],
  'misplaced-summary': [
    "10:1-10:11: `:::summary` belongs right after a section heading [misplaced-directive]",
  ],
  'missing-en': [
    "22:1-22:5: `::zh` has no English counterpart: add `::en[…]` [missing-en]",
  ],
  'missing-label-en': [
    "19:17-19:23: Label `标签` has no English: add `label-en=\"…\"` to `:p` [missing-en]",
  ],
  'missing-zh': [
    "22:1-22:5: `::en` has no Chinese counterpart: add `::zh[…]` [missing-zh]",
  ],
  'nesting-too-deep': [
    "21:41: Lists, quotes and directives nest deeper than 20 levels here [nesting-too-deep]",
  ],
  'paragraph-without-id': [
    "21:1-21:9: Paragraph has no id: start it with `:p{#id}` [paragraph-without-id]",
  ],
  'section-summary-missing': [
    "12:1-12:33: Section `evolution` has no `:::summary` [section-summary-missing]",
  ],
  'slug-mismatch': [
    "2:7-2:22: Slug `another-article` does not match the file name `slug-mismatch.md` (expected `slug-mismatch`) [slug-mismatch]",
  ],
  'takeaway-count': [
    "1:1: 0 key takeaways: write between 3 and 5 [takeaway-count]",
    "1:1: 0 slides: write between 8 and 12 [slide-count]",
  ],
  'unknown-actor': [
    "26:32-26:35: Unknown actor `usa`; did you mean `us`? (expected one of us, japan, both, dicas, industry) [unknown-actor]",
  ],
  'unknown-attribute': [
    "19:17-19:33: Unknown attribute `lable-en` on `:p`; did you mean `label-en`? [unknown-attribute]",
  ],
  'unknown-cite': [
    "21:33-21:44: Unknown paragraph id `evolution-9` in cites; did you mean `evolution-1`? [unknown-cite]",
  ],
  'unknown-directive': [
    "21:1-21:13: Unknown directive `:::takeaways`; did you mean `takeaway`? [unknown-directive]",
  ],
  'unknown-horizon': [
    "26:43-26:47: Unknown horizon `soon` (expected one of now, near, long) [unknown-horizon]",
  ],
  'unknown-key': [
    "4:1-4:11: Unknown front-matter key `shorttitle`; did you mean `short_title`? [front-matter-unknown-key]",
  ],
  'unknown-kind': [
    "26:52-26:59: Unknown kind `explict`; did you mean `explicit`? (expected one of explicit, implicit) [unknown-kind]",
  ],
  'unknown-leaf-directive': [
    "22:1-22:5: Unknown directive `::zn`; did you mean `zh`? [unknown-directive]",
    "23:1-23:5: `::en` has no Chinese counterpart: add `::zh[…]` [missing-zh]",
  ],
  'unknown-nested-key': [
    "7:26-7:31: Unknown front-matter key `autor` in `original`; did you mean `author`? [front-matter-unknown-key]",
  ],
  'unsupported-character': [
    "19:21-19:23: The project font cannot draw '😀' (U+1F600) [unsupported-character]",
  ],
  'valid-minimal': [

  ],
  'yaml-syntax': [
    "4:1-4:2: Invalid YAML in front matter: Flow map in block collection must be sufficiently indented and end with a } [yaml-syntax]",
  ],
  // Certainty of dates and zh/en consistency (issue 15); the places are checked in consistency-fixtures.test.ts.
  'certainty-note-missing': [
    "26:47-26:56: `certainty=uncertain` needs a note saying why: add `::note-zh[…]` and `::note-en[…]` to the event [certainty-note-missing]",
  ],
  'consistency-valid': [

  ],
  'event-date-unsupported': [
    "26:29-26:36: Event date `2023-05` is not given by the cited paragraphs (they give 2024-05): cite the paragraph that gives it, or mark the event `certainty=inferred` with a note [event-date-unsupported]",
  ],
  'event-fiscal-year': [
    "26:40-26:46: Event `ev-act` is dated by a fiscal year (`2025财年`), which is not the date of an event [event-fiscal-year]",
  ],
  'term-abbreviation': [
    "23:23-23:26: In takeaway `tk-1`, the English `SM3` spells the glossary abbreviation `SM-3` differently: write `SM-3` [term-abbreviation]",
  ],
  'unknown-certainty': [
    "26:48-26:55: Unknown certainty `infered`; did you mean `inferred`? (expected one of inferred, uncertain) [unknown-certainty]",
  ],
  'zh-en-date': [
    "23:10-23:20: In takeaway `tk-1`, the English `April 2023` gives the year 2023, where the Chinese has the year 2024 (`2024年4月`) [zh-en-date]",
  ],
  'zh-en-number': [
    "22:10-22:12: In takeaway `tk-1`, the Chinese `十六` gives the number 16, which the English does not have [zh-en-number]",
  ],
  'zh-en-term': [
    "23:6-23:10: In takeaway `tk-1`, the English `GCAP` is not in the Chinese, where the Chinese has `GPI` [zh-en-term]",
  ],
};

function load(name: string) {
  const rel = `tests/fixtures/${name}.md`;
  return articleFromBytes(readFileSync(path.join(dir, `${name}.md`)), rel);
}

describe('bad-input fixtures', () => {
  it('every fixture file has an expectation and there are at least 25 bad ones', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
    expect(Object.values(expected).filter((m) => m.some((s) => !/\[(takeaway|slide)-count\]$/.test(s))).length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, messages] of Object.entries(expected)) {
    it(`${name}: ${messages.length === 0 ? 'no diagnostics' : messages.map((m) => m.slice(m.lastIndexOf('['))).join(' ')}`, () => {
      const { file, article } = load(name);
      const all = file.messages;
      const shown = name === 'takeaway-count' ? all : all.filter((m) => !COUNT_RULES.has(m.ruleId ?? ''));
      const prefix = `${file.path}:`;
      expect(shown.map((m) => `${String(m).startsWith(prefix) ? String(m).slice(prefix.length) : String(m)} [${m.ruleId}]`)).toEqual(messages);
      for (const m of all) {
        expect(m.source).toBe(SOURCE);
        expect(Object.keys(RULES)).toContain(m.ruleId);
        expect(m.fatal).toBe(RULES[m.ruleId as RuleId].severity === 'error');
      }
      // The article exists if and only if there is no error.
      expect(article === null).toBe(all.some((m) => m.fatal === true));
    });
  }

  it('reported columns point at the offending text in the file as an editor shows it', () => {
    // Read the line back independently (BOM and CRLF removed as an editor would).
    const lineOf = (name: string, line: number) =>
      readFileSync(path.join(dir, `${name}.md`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1];
    const at = (name: string, rule: string) => {
      const m = load(name).file.messages.find((x) => x.ruleId === rule)!;
      const end = m.place && 'end' in m.place ? m.place.end.column : (m.column ?? 1) + 1;
      return lineOf(name, m.line!).slice(m.column! - 1, end - 1);
    };
    expect(at('bom-crlf', 'unknown-attribute')).toBe('klass=x');
    expect(at('unknown-attribute', 'unknown-attribute')).toBe('lable-en="Label"');
    expect(at('unknown-actor', 'unknown-actor')).toBe('usa');
    expect(at('unknown-cite', 'unknown-cite')).toBe('evolution-9');
    expect(at('slug-mismatch', 'slug-mismatch')).toBe('another-article');
    expect(at('unsupported-character', 'unsupported-character')).toBe('😀');
    expect(at('half-width-colon', 'half-width-colon').startsWith(':日前')).toBe(true);
    expect(at('control-character', 'control-character')).toBe('\u0000');
  });

  it('accepts a file with a BOM and CRLF line endings (positions stay right)', () => {
    const { file } = load('bom-crlf');
    // Only the deliberate unknown attribute; the same text with LF and no BOM gives the same places.
    const lf = readFileSync(path.join(dir, 'bom-crlf.md'), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const again = articleFromBytes(new TextEncoder().encode(lf), 'tests/fixtures/bom-crlf.md');
    expect(file.messages.map(String)).toEqual(again.file.messages.map(String));
  });
});
