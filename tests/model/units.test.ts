/** The small plain functions behind the model, each on its own. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeZhPunctuation } from '../../src/text/normalize.js';
import { decodeUtf8, firstInvalidUtf8, controlCharacters, findDeepNesting } from '../../src/model/source.js';
import { readAttributeBlock, valueTokens } from '../../src/model/attributes.js';
import { isValidDate } from '../../src/model/frontmatter.js';
import { editDistance, nearest } from '../../src/model/report.js';
import { joinLines, safeHref, looksLikeText } from '../../src/model/inline.js';
import { RULES } from '../../src/model/rules.js';

describe('normalizeZhPunctuation', () => {
  it('makes half-width punctuation next to Chinese full-width', () => {
    expect(normalizeZhPunctuation('官网,日前')).toBe('官网，日前');
    expect(normalizeZhPunctuation('拦截器(GPI):去年')).toBe('拦截器（GPI）：去年');
    expect(normalizeZhPunctuation('为什么?因为;好!')).toBe('为什么？因为；好！');
  });
  it('leaves Latin contexts alone', () => {
    for (const s of ['2+2', 'RDT&E', 'T-7A', 'a, b: c (d)', 'US (Japan)']) expect(normalizeZhPunctuation(s)).toBe(s);
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
  it('flags C0 controls and DEL but not tab, LF or CR', () => {
    expect(controlCharacters('a\tb\r\nc\u0000d\u001be\u007f')).toEqual([6, 8, 10]);
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
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });
});
