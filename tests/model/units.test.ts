/** The small plain functions behind the model, each on its own. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeZhPunctuation } from '../../src/text/normalize.js';
import { decodeUtf8, firstInvalidUtf8, findDeepNesting } from '../../src/model/source.js';
import { readAttributeBlock, valueTokens } from '../../src/model/attributes.js';
import { isValidDate } from '../../src/model/frontmatter.js';
import { editDistance, nearest } from '../../src/model/report.js';
import { joinLines, safeHref, looksLikeText } from '../../src/model/inline.js';
import { RULES, ruleUrl } from '../../src/model/rules.js';
import { characterReferences, yamlEscapes } from '../../src/model/decoded.js';
import { suggestKey } from '../../src/model/frontmatter.js';
import { isPlaceholder, MONTH, PLACEHOLDER, withMonth } from '../../src/model/placeholders.js';

describe('normalizeZhPunctuation', () => {
  it('makes half-width punctuation next to Chinese full-width', () => {
    expect(normalizeZhPunctuation('官网,日前')).toBe('官网，日前');
    expect(normalizeZhPunctuation('拦截器(GPI):去年')).toBe('拦截器（GPI）：去年');
    expect(normalizeZhPunctuation('为什么?因为;好!')).toBe('为什么？因为；好！');
  });
  it('leaves Latin contexts alone', () => {
    for (const s of ['2+2', 'RDT&E', 'T-7A', 'a, b: c (d)', 'US (Japan)']) expect(normalizeZhPunctuation(s)).toBe(s);
  });
  it('turns a run of half-width marks of any length full-width when it touches CJK text', () => {
    expect(normalizeZhPunctuation('),::?(:))中')).toBe('），：：？（：））中');
    expect(normalizeZhPunctuation('中' + '(,'.repeat(20))).toBe('中' + '（，'.repeat(20));
    expect(normalizeZhPunctuation('a,(b):c')).toBe('a,(b):c');
  });
  it('keeps the length and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('中', '文', ',', ':', '(', ')', 'a', ' ', '1', '?') }), (s) => {
        const once = normalizeZhPunctuation(s);
        expect(once.length).toBe(s.length);
        expect(normalizeZhPunctuation(once)).toBe(once);
        expect(once.normalize('NFKC')).toBe(s.normalize('NFKC'));
      }),
    );
  });
});

describe('UTF-8 and control characters', () => {
  it('finds the first invalid byte, agreeing with the strict decoder', () => {
    const enc = new TextEncoder();
    expect(firstInvalidUtf8(enc.encode('中文 ok'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xe4, 0xb8]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let strictOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          strictOk = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(strictOk);
      }),
    );
  });
  it('locates the bad byte in the decoded text and drops a BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe4, 0xb8, 0xad, 0xff]);
    const d = decodeUtf8(bytes);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.badByte).toBe(0xff);
      expect(d.text.slice(0, d.offset)).toBe('a\n中');
    }
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });
});

describe('findDeepNesting', () => {
  it('accepts nesting up to the limit and flags the first marker beyond it', () => {
    expect(findDeepNesting(`${'- '.repeat(20)}x`, 20)).toBe(-1);
    expect(findDeepNesting(`${'- '.repeat(21)}x`, 20)).toBe(40);
    expect(findDeepNesting(`${'> '.repeat(21)}x`, 20)).toBe(40);
    expect(findDeepNesting(`${'1. '.repeat(21)}x`, 20)).toBe(60);
  });
  it('counts indentation-nested lists and open container directives', () => {
    const indented = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(findDeepNesting(indented, 20)).toBeGreaterThan(0);
    const containers = Array.from({ length: 21 }, (_, i) => `${':'.repeat(30 - i)}box`).join('\n');
    expect(findDeepNesting(containers, 20)).toBeGreaterThan(0);
    expect(findDeepNesting(':::a\n:::\n'.repeat(50), 20)).toBe(-1);
  });
  it('does not mistake prose for markers', () => {
    expect(findDeepNesting('-1 and *emphasis* and 3.14 and >quote'.repeat(10), 2)).toBe(-1);
  });
});

describe('attributes', () => {
  it('tokenises ids, quoted and bare values with their offsets', () => {
    const src = '{#rec-1 actor=us cites="a b" label-en=\'X Y\'}';
    const attrs = readAttributeBlock(src, 0);
    expect(attrs.map((a) => [a.key, a.value, src.slice(a.start, a.end)])).toEqual([
      ['id', 'rec-1', '#rec-1'],
      ['actor', 'us', 'actor=us'],
      ['cites', 'a b', 'cites="a b"'],
      ['label-en', 'X Y', "label-en='X Y'"],
    ]);
    const cites = attrs[2];
    expect(valueTokens(cites).map((t) => src.slice(t.start, t.end))).toEqual(['a', 'b']);
  });
});

describe('dates', () => {
  it('accepts real dates at the allowed precision only', () => {
    expect(isValidDate('2024', 'any')).toBe(true);
    expect(isValidDate('2024-04', 'any')).toBe(true);
    expect(isValidDate('2024-02-29', 'any')).toBe(true);
    expect(isValidDate('2023-02-29', 'any')).toBe(false);
    expect(isValidDate('2024-13', 'any')).toBe(false);
    expect(isValidDate('2024-04', 'day')).toBe(false);
    expect(isValidDate('10/01/2025', 'day')).toBe(false);
  });
});

describe('suggestions', () => {
  it('measures edits with transpositions and suggests only close names', () => {
    expect(editDistance('lable-en', 'label-en')).toBe(1);
    expect(nearest('shorttitle', ['short_title', 'title'])).toBe('short_title');
    expect(nearest('zn', ['zh', 'en'])).toBe('zh');
    expect(nearest('completely-different', ['zh', 'en'])).toBeUndefined();
  });
});

describe('inline helpers', () => {
  it('joins soft line breaks without a space between Chinese characters', () => {
    expect(joinLines('中文\n继续')).toBe('中文继续');
    expect(joinLines('English\ntext')).toBe('English text');
  });
  it('keeps only safe link targets', () => {
    expect(safeHref('https://csis.org')).toBe('https://csis.org');
    expect(safeHref('#evolution-1')).toBe('#evolution-1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });
  it('recognises a Chinese directive name as text after a half-width colon', () => {
    expect(looksLikeText('日前刊载')).toBe(true);
    expect(looksLikeText('p')).toBe(false);
  });
});

describe('rules', () => {
  it('gives every rule a severity and a how-to-fix line', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(ruleUrl(id as keyof typeof RULES)).toBe(`docs/source-format.md#${id}`);
    }
  });
});

describe('escapes in decoded strings', () => {
  it('finds character references with the code points they write (before the parser replaces any)', () => {
    const text = 'a&#x202E;b&#0;c&ZeroWidthSpace;d\\&#x200B;e&nope;f&#X85;';
    expect(characterReferences(text, 0, text.length).map((e) => [text.slice(e.start, e.end), e.codePoints])).toEqual([
      ['&#x202E;', [0x202e]],
      ['&#0;', [0]],
      ['&ZeroWidthSpace;', [0x200b]],
      ['&#X85;', [0x85]],
    ]);
  });
  it('finds YAML double-quoted escapes, a surrogate pair as one character', () => {
    const text = String.raw`"a\e\\e\0\u202E\U0001F600\uD83D\uDE00\N\x41"`;
    expect(yamlEscapes(text, 0, text.length).map((e) => [text.slice(e.start, e.end), e.codePoints])).toEqual([
      ['\\e', [0x1b]],
      ['\\\\', [0x5c]],
      ['\\0', [0]],
      ['\\u202E', [0x202e]],
      ['\\U0001F600', [0x1f600]],
      ['\\uD83D\\uDE00', [0x1f600]],
      ['\\N', [0x85]],
      ['\\x41', [0x41]],
    ]);
  });
});

describe('suggestKey', () => {
  it('finds a misspelt key in its map, or a key of another map by its path or its last part', () => {
    expect(suggestKey('autor', 'original', ['outlet', 'author', 'title', 'url', 'date'])).toBe('author');
    expect(suggestKey('url', '', ['slug', 'title', 'date', 'original'])).toBe('original.url');
    expect(suggestKey('original_title', '', ['slug', 'title', 'date', 'original'])).toBe('original.title');
    expect(suggestKey('orignal-url', '', ['slug', 'title', 'date', 'original'])).toBe('original.url');
    expect(suggestKey('subtitle', '', ['slug', 'title', 'date', 'original', 'languages'])).toBeUndefined();
    expect(suggestKey('zh', '', ['slug', 'title'])).toBeUndefined();
  });
});

describe('placeholders', () => {
  it('recognises the skeleton list item that names its month, for any month, and nothing else like it', () => {
    expect(PLACEHOLDER.bullet).toContain(MONTH);
    expect(withMonth(PLACEHOLDER.bullet, '2025-06-10')).toBe('列表中的一段，提到2025年6月的一件事。');
    expect(isPlaceholder('列表中的一段，提到2025年6月的一件事。')).toBe(true);
    expect(isPlaceholder('列表中的一段,提到1999年12月的一件事。')).toBe(true);
    expect(isPlaceholder(PLACEHOLDER.bullet)).toBe(false);
    expect(isPlaceholder('列表中的一段，提到2025年6月的一件事，以及另一件事。')).toBe(false);
    expect(isPlaceholder('2025年6月')).toBe(false);
  });
});
