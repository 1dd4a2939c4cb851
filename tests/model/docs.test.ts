/** The editor's reference stays in step with the checker. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { RULES, ruleUrl, type RuleId } from '../../src/model/rules.js';
import { allParagraphs } from '../../src/model/types.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/source-format.md'), 'utf8');

/** The first ```markdown example after a heading. */
function example(heading: string): string {
  const section = doc.slice(doc.indexOf(heading));
  return /```markdown\n([\s\S]*?)```/.exec(section)![1];
}

/** GitHub's anchor of a heading: lowercase, punctuation except `-` removed, spaces to `-`. */
const anchor = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');

describe('docs/source-format.md', () => {
  it('documents every rule id with its severity and how-to-fix text, in the table and in a section of its own', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(doc, id).toContain(`| \`${id}\` | ${rule.severity} | ${rule.fix.replace(/\|/g, '\\|')} |`);
      expect(doc, id).toContain(`\n### \`${id}\`\n`);
    }
  });

  it("gives each message a url that is the anchor of its rule's section", () => {
    const headings = [...doc.matchAll(/^#{2,4} (.+)$/gm)].map((m) => anchor(m[1]));
    for (const id of Object.keys(RULES) as RuleId[]) {
      const url = ruleUrl(id);
      expect(url.startsWith('docs/source-format.md#')).toBe(true);
      expect(headings.filter((h) => h === url.slice(url.indexOf('#') + 1)), id).toHaveLength(1);
    }
  });

  it('names only real rules in its prose', () => {
    const named = [...doc.matchAll(/`([a-z]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]);
    const ruleLike = named.filter((n) => /^(?:[a-z]+-)+(?:character|id|ids|cite|key|text|actor|default|block|break|level|link|footnote|markup|wide|missing|type|syntax|large|utf8|deep|paragraphs|mismatch|date|attribute|directive|colon|horizon|kind|content|count|supported)$/.test(n));
    for (const n of ruleLike) expect(Object.keys(RULES), n).toContain(n);
  });

  it('its minimal complete file passes check with only the two count warnings', () => {
    const { file, article } = articleFromBytes(new TextEncoder().encode(example('## Minimal complete file')), 'source/my-article.md');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['slide-count', 'takeaway-count']);
    expect(article).not.toBeNull();
  });

  it('its example of every body structure passes check with only the two count warnings, with the marks it states', () => {
    const { file, article } = articleFromBytes(new TextEncoder().encode(example('### Example: every body structure')), 'source/body-example.md');
    expect(file.messages.map((m) => m.ruleId).sort()).toEqual(['slide-count', 'takeaway-count']);
    const marks = Object.fromEntries(allParagraphs(article!).map((p) => [p.id, p.mark]));
    expect(marks['lede-1']).toBe('0.1');
    expect(marks['fn-1']).toBe('1.7');
    expect(marks['evolution-4']).toBe('1.4');
    expect(article!.sections[0].blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'quote', 'list', 'table', 'footnote']);
    expect(article!.actors).toEqual([{ id: 'seoul', zh: '韩国政府', en: 'South Korean government' }]);
  });

  it('every body example (a fragment after a minimal front matter and section) reads without an error', () => {
    const front = example('## Minimal complete file').split('\n:p{#lede-1}')[0];
    const headings = ['### Sub-headings', '### Paragraphs', '### Lists', '### Block quotes', '### Tables', '### Footnotes'];
    for (const h of headings) {
      const fragment = example(h);
      const text = `${front}\n## 节 :en[Section]{#s}\n\n:::summary\n::zh[摘要。]\n::en[Summary.]\n:::\n\n${fragment}`;
      const { file } = articleFromBytes(new TextEncoder().encode(text), 'source/my-article.md');
      expect(file.messages.filter((m) => m.fatal).map(String), h).toEqual([]);
    }
  });
});
