/**
 * The zh/en consistency fixtures point at the offending words: each message's
 * line:column range, read back from the file as an editor sees it, is the
 * text at fault (the full expected messages are in fixtures.test.ts). The
 * real article and the sources of every shape pass without a warning.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes, loadArticle } from '../../src/model/index.js';

const dir = path.resolve(import.meta.dirname, '../fixtures');
const root = path.resolve(import.meta.dirname, '../..');

function marked(name: string, rule: string): string {
  const text = readFileSync(path.join(dir, `${name}.md`), 'utf8');
  const { file } = articleFromBytes(new TextEncoder().encode(text), `tests/fixtures/${name}.md`);
  const m = file.messages.find((x) => x.ruleId === rule);
  expect(m, `${name}: ${file.messages.map(String).join('\n')}`).toBeDefined();
  const place = m!.place as { start: { line: number; column: number }; end: { line: number; column: number } };
  expect(place.end.line).toBe(place.start.line);
  return text.split(/\r?\n/)[place.start.line - 1].slice(place.start.column - 1, place.end.column - 1);
}

describe('consistency diagnostics point at the words at fault', () => {
  it.each([
    ['zh-en-date', 'zh-en-date', 'April 2023'],
    ['zh-en-term', 'zh-en-term', 'GCAP'],
    ['zh-en-number', 'zh-en-number', '十六'],
    ['term-abbreviation', 'term-abbreviation', 'SM3'],
    ['event-date-unsupported', 'event-date-unsupported', '2023-05'],
    ['event-fiscal-year', 'event-fiscal-year', '2025财年'],
    ['timeline-order', 'timeline-order', '2023-10'],
    ['unknown-certainty', 'unknown-certainty', 'infered'],
    ['certainty-note-missing', 'certainty-note-missing', 'uncertain'],
  ])('%s → %s at `%s`', (name, rule, words) => {
    expect(marked(name, rule)).toBe(words);
  });
});

describe('the bilingual texts of body structures are compared too', () => {
  it('a sub-heading, a label (its paragraph with a generated id), a list item label and a table caption, each at its words', () => {
    const text = readFileSync(path.join(dir, 'zh-en-body.md'), 'utf8');
    const lines = text.split(/\r?\n/);
    const { file } = articleFromBytes(new TextEncoder().encode(text), 'tests/fixtures/zh-en-body.md');
    const found = file.messages
      .filter((m) => /^(zh-en|term-)/.test(m.ruleId ?? ''))
      .map((m) => {
        const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } };
        return `${m.ruleId} ${lines[place.start.line - 1].slice(place.start.column - 1, place.end.column - 1)}`;
      });
    expect(found).toEqual(['zh-en-date 2023', 'zh-en-term GCAP', 'zh-en-number Sixteen', 'zh-en-number Four']);
  });
});

describe('the rules run on every article of source/', () => {
  const sources = readdirSync(path.join(root, 'source')).filter((f) => f.endsWith('.md'));
  it.each(sources)('%s: no warning and no error', async (f) => {
    const { file, article } = await loadArticle(path.join(root, 'source', f));
    // Notes (e.g. missing-id: a block gets a generated id) ask for nothing; warnings and errors do.
    expect(file.messages.filter((m) => m.fatal !== undefined).map(String)).toEqual([]);
    expect(article).not.toBeNull();
  });

  it('a warning in the front matter points into the YAML value', () => {
    const text = readFileSync(path.join(dir, 'valid-minimal.md'), 'utf8').replace('title: {zh: 标题, en: Title}', 'title: {zh: 2024年的标题, en: A 2023 title}');
    const { file } = articleFromBytes(new TextEncoder().encode(text), 'tests/fixtures/valid-minimal.md');
    const m = file.messages.find((x) => x.ruleId === 'zh-en-date')!;
    expect(String(m)).toBe("tests/fixtures/valid-minimal.md:3:29-3:33: In `title`, the English `2023` gives the year 2023, where the Chinese has the year 2024 (`2024年`)");
  });
});

describe('front matter `actors:`', () => {
  const base = readFileSync(path.join(dir, 'valid-minimal.md'), 'utf8');
  const withActors = (yaml: string) => base.replace('---\n\n', `${yaml}\n---\n\n`);
  const load = (text: string) => articleFromBytes(new TextEncoder().encode(text), 'tests/fixtures/valid-minimal.md');
  const shown = (text: string) => load(text).file.messages.filter((m) => !/-count$/.test(m.ruleId ?? '')).map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`);

  it('accepts a list of {id, zh, en}', () => {
    expect(shown(withActors('actors:\n  - { id: seoul, zh: 韩国政府, en: South Korean government }'))).toEqual([]);
  });
  it('reports a wrong shape like any front-matter field', () => {
    expect(shown(withActors('actors: seoul'))).toEqual(['8:9 Front-matter field `actors` must be a list of actors, each `{ id: …, zh: …, en: … }` [front-matter-field-type]']);
    expect(shown(withActors('actors:\n  - { id: seoul, zh: 韩国政府 }'))).toEqual(['9:5 Missing front-matter field `actors[0].en` [front-matter-field-missing]']);
  });
  it('compares an actor’s two names like any bilingual text', () => {
    expect(shown(withActors('actors:\n  - { id: dicas, zh: 美国新政府（经DICAS）, en: New US administration }'))).toEqual([
      '9:29 In `actors[0]`, the Chinese `DICAS` is not in the English: write it there, or the name its glossary term gives [zh-en-term]',
    ]);
  });
});
