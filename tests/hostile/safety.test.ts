/**
 * The model's answer to what pasted sources carry besides text: inline raw
 * HTML is dropped with a warning, an HTML block is refused (its text would be
 * lost), images are refused, unsafe link targets are dropped,
 * and the front matter cannot smuggle a `javascript:` address or an inherited
 * key. Checked on the model itself (the CLI corpus test checks the outputs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../src/model/index.js';
import { htmlTag, isComment, linkScheme } from '../../src/model/safety.js';
import type { Article } from '../../src/model/types.js';

const base = readFileSync(path.resolve(import.meta.dirname, '../fixtures/hostile/base.md'), 'utf8');
const load = (text: string) => articleFromBytes(new TextEncoder().encode(text), 'source/base.md');
const inject = (find: string, replace: string) => {
  expect(base).toContain(find);
  return load(base.replace(find, replace));
};
const rules = (r: ReturnType<typeof load>) => r.file.messages.filter((m) => !/-count$/.test(m.ruleId ?? '')).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
/** Every string of the article, for "does the payload survive anywhere" checks. */
const everything = (a: Article | null) => JSON.stringify(a);

describe('safety helpers', () => {
  it('names the tag of raw HTML', () => {
    expect(htmlTag('<SCRIPT src=x>')).toBe('<script>');
    expect(htmlTag('</iframe>')).toBe('</iframe>');
    expect(htmlTag('<?php echo 1 ?>')).toBe('<?php echo 1…');
  });
  it('recognises HTML that is only comments', () => {
    expect(isComment('<!-- note -->')).toBe(true);
    expect(isComment('<!-- a -->\n<!-- b -->\n')).toBe(true);
    expect(isComment('<!-- a --><script>x</script>')).toBe(false);
  });
  it('shows the scheme of a link target', () => {
    expect(linkScheme('JavaScript:alert(1)')).toBe('javascript:');
    expect(linkScheme(' data:text/html,x')).toBe('data:');
    expect(linkScheme('../../etc/passwd')).toBe('../../etc/passwd');
  });
});

describe('raw HTML is dropped with a warning, in every field', () => {
  const cases: [string, string, string][] = [
    ['a body paragraph', '导语第一段。', '导语第一段。<script>alert(1)</script>'],
    ['a heading', '## 第一节 :en[Section One]', '## 第一节<b onclick=x>粗</b> :en[Section One<i>x</i>]'],
    ['a takeaway', '::zh[要点一。]', '::zh[要点一<img src=x onerror=alert(1)>。]'],
    ['speaker notes', '::en[Speaker notes.]', '::en[Speaker <script>alert(1)</script>notes.]'],
  ];
  for (const [where, find, replace] of cases) {
    it(where, () => {
      const r = inject(find, replace);
      expect(r.article, rules(r).join('\n')).not.toBeNull();
      expect(rules(r).length).toBeGreaterThan(0);
      expect(rules(r).every((m) => m.endsWith(' raw-html'))).toBe(true);
      expect(everything(r.article)).not.toMatch(/<\/?(script|iframe|img|b|i)\b|onerror|onclick/i);
    });
  }

  it('an HTML block is refused: its text would be lost', () => {
    const r = inject('\n## 第一节', '\n<iframe src="https://example.org/">\n</iframe>\n\n## 第一节');
    expect(r.article).toBeNull();
    expect(rules(r)).toEqual(['27:1 html-block']);
  });

  it('an HTML comment is dropped silently', () => {
    const r = inject('\n## 第一节', '\n<!-- 编辑备注 -->\n\n## 第一节');
    expect(rules(r)).toEqual([]);
    expect(everything(r.article)).not.toContain('编辑备注');
  });
});

describe('images are refused wherever they appear, and never read', () => {
  const cases: [string, string, string][] = [
    ['outside source/', '第一节的第一段。', '第一节的第一段。![图](../../etc/passwd)'],
    ['an absolute path', '第一节的第一段。', '第一节的第一段。![图](/etc/passwd)'],
    ['an http URL', '第一节的第一段。', '第一节的第一段。![图](http://example.org/a.png)'],
    ['a takeaway', '::zh[要点一。]', '::zh[要点一。![x](/etc/shadow)]'],
    ['a heading', '## 第一节 :en[Section One]', '## 第一节![x](/etc/passwd) :en[Section One]'],
  ];
  for (const [where, find, replace] of cases) {
    it(where, () => {
      const r = inject(find, replace);
      expect(r.article).toBeNull();
      expect(rules(r)).toHaveLength(1);
      expect(rules(r)[0]).toMatch(/ image-not-supported$/);
    });
  }
});

describe('links keep only http(s), mailto and #anchor targets', () => {
  for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'jav&#x61;script&#x3a;alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'file:///etc/passwd', '../../etc/passwd']) {
    it(url, () => {
      const r = inject('第一节的第一段。', `第一节的[第一段](<${url}>)。`);
      expect(r.article).not.toBeNull();
      expect(rules(r)).toEqual(['34:20 unsafe-link']);
      const spans = r.article!.sections[0].paragraphs[0].spans;
      expect(spans.map((s) => s.text).join('')).toBe('第一节的第一段。');
      expect(spans.every((s) => s.href === undefined)).toBe(true);
    });
  }
  it('safe targets stay, without a warning', () => {
    const r = inject('第一节的第一段。', '第一节的[第一段](https://example.org/)、[信](mailto:a@example.org)和[导语](#lede-1)。');
    expect(rules(r)).toEqual([]);
    expect(r.article!.sections[0].paragraphs[0].spans.filter((s) => s.href).map((s) => s.href)).toEqual(['https://example.org/', 'mailto:a@example.org', '#lede-1']);
  });
});

describe('front matter', () => {
  it('original.url must be an http(s) address', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/etc/passwd']) {
      const r = inject('  outlet: Test Outlet', `  outlet: Test Outlet\n  url: "${url}"`);
      expect(r.article).toBeNull();
      expect(rules(r)).toEqual(['15:8 front-matter-field-type']);
    }
    const ok = inject('  outlet: Test Outlet', '  outlet: Test Outlet\n  url: https://example.org/report');
    expect(ok.article?.original.url).toBe('https://example.org/report');
  });

  it('inherited property names are unknown keys, and pollute nothing', () => {
    const r = inject('languages:', '__proto__: {polluted: true}\ntoString: x\nconstructor: y\nlanguages:');
    expect(rules(r)).toEqual(['18:1 front-matter-unknown-key', '19:1 front-matter-unknown-key', '20:1 front-matter-unknown-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
