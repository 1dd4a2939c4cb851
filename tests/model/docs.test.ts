/** The editor's reference stays in step with the checker. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { RULES } from '../../src/model/rules.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/source-format.md'), 'utf8');

describe('docs/source-format.md', () => {
  it('documents every rule id with its how-to-fix text', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(doc, id).toContain(`| \`${id}\` | ${rule.severity} | ${rule.fix.replace(/\|/g, '\\|')} |`);
    }
  });

  it('its minimal complete file passes check with only the two count warnings', () => {
    const section = doc.slice(doc.indexOf('## Minimal complete file'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)![1];
    const { file, article } = articleFromBytes(new TextEncoder().encode(example), 'source/my-article.md');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['slide-count', 'takeaway-count']);
    expect(article).not.toBeNull();
  });
});
