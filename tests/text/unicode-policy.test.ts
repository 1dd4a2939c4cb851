/** The one Unicode policy: which characters are refused, and how text holding them is printed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCleanText, escapeForDisplay, isCleanText, refusal, refusedCharacters, ruleFor } from '../../src/text/unicode-policy.js';

describe('refusal', () => {
  it('refuses controls (C0 except allowed whitespace, DEL, C1)', () => {
    for (const cp of [0x00, 0x07, 0x08, 0x0b, 0x1b, 0x7f, 0x80, 0x85, 0x9f]) expect(refusal(cp), cp.toString(16)).toBe('control');
    expect(refusal(0x09)).toBe('control');
    expect(refusal(0x09, { allow: '\t' })).toBeNull();
    expect(refusal(0x0a, { allow: '\t\n\r' })).toBeNull();
    expect(refusal(0x85, { allow: '\t\n\r' })).toBe('control');
  });

  it('refuses invisible characters: bidi controls, zero-width, separators, other format characters', () => {
    for (const cp of [0x202a, 0x202e, 0x2066, 0x2069, 0x200e, 0x200f, 0x061c]) expect(refusal(cp)).toBe('bidi');
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) expect(refusal(cp)).toBe('zero-width');
    expect(refusal(0x2028)).toBe('separator');
    expect(refusal(0x00ad)).toBe('format');
    expect(refusal(0xe0041)).not.toBeNull(); // a tag character
  });

  it('refuses surrogates, noncharacters, private use, U+FFFD and unassigned code points', () => {
    expect(refusal(0xd800)).toBe('surrogate');
    for (const cp of [0xfdd0, 0xfffe, 0xffff, 0x1fffe, 0x10ffff]) expect(refusal(cp), cp.toString(16)).toBe('noncharacter');
    expect(refusal(0xe000)).toBe('private-use');
    expect(refusal(0xf0000)).toBe('private-use');
    expect(refusal(0xfffd)).toBe('replacement');
    expect(refusal(0x0378)).toBe('unassigned');
  });

  it('accepts text, and refuses what the font cannot draw only when asked', () => {
    for (const ch of ['a', '中', '，', '“', '—', '…', 'é', '€', ' ', '\u3000']) expect(refusal(ch.codePointAt(0)!, { font: true }), ch).toBeNull();
    expect(refusal(0x1f600)).toBeNull();
    expect(refusal(0x1f600, { font: true })).toBe('undrawable');
  });

  it('maps each refusal to the rule that reports it', () => {
    expect(ruleFor('control')).toBe('control-character');
    expect(ruleFor('bidi')).toBe('invisible-character');
    expect(ruleFor('zero-width')).toBe('invisible-character');
    expect(ruleFor('undrawable')).toBe('unsupported-character');
    expect(ruleFor('noncharacter')).toBe('unsupported-character');
  });
});

describe('refusedCharacters / isCleanText / assertCleanText', () => {
  it('finds each refused character with its offset and UTF-16 length', () => {
    expect(refusedCharacters('a\u202Eb\u{F0000}c\u0000', {}).map((r) => [r.offset, r.length, r.refusal])).toEqual([
      [1, 1, 'bidi'],
      [3, 2, 'private-use'],
      [6, 1, 'control'],
    ]);
    expect(isCleanText('美日同盟 US–Japan alliance')).toBe(true);
    expect(isCleanText('a\u200Bb')).toBe(false);
    expect(() => assertCleanText('x\u001b[2J', 'slide 3 title')).toThrow(/slide 3 title: refused character U\+001B ESCAPE/);
    expect(() => assertCleanText('clean 文本', 'x')).not.toThrow();
  });
});

describe('escapeForDisplay', () => {
  it('writes refused characters as \\u{…} and leaves everything else alone', () => {
    expect(escapeForDisplay('key \u001b]0;title\u0007 \u202E end')).toBe('key \\u{1b}]0;title\\u{7} \\u{202e} end');
    expect(escapeForDisplay('a\nb')).toBe('a\\u{a}b');
    expect(escapeForDisplay('a\nb', { keepNewlines: true })).toBe('a\nb');
    expect(escapeForDisplay('中文 😀 \\:')).toBe('中文 😀 \\:');
  });

  it('never lets a control or invisible character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeForDisplay(s);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/);
        expect(isCleanText(out)).toBe(true);
      }),
    );
  });
});
