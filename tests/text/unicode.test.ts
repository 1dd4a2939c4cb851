import { describe, expect, it } from 'vitest';
import { hasCjk, isCjk } from '../../src/text/unicode.js';

describe('isCjk', () => {
  it('takes ideographs of every block, kana, Hangul and the punctuation Chinese sets full-width', () => {
    for (const ch of ['中', '㐀', '\u{20000}', '\u{2A6DF}', 'か', 'カ', '한', '，', '。', '“', '”', '‘', '’', '—', '…', '·', '（', '\u3000']) {
      expect(isCjk(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    }
  });

  it('leaves out Latin, digits, ASCII punctuation, spaces, a lone surrogate and nothing', () => {
    for (const ch of ['A', 'z', '1', ',', '(', ' ', '-', 'é', '\uD840', undefined, '']) expect(isCjk(ch), JSON.stringify(ch)).toBe(false);
  });
});

describe('hasCjk', () => {
  it('finds one CJK character anywhere, including outside the BMP', () => {
    expect(hasCjk('GPI 拦截器')).toBe(true);
    expect(hasCjk('x\u{20000}')).toBe(true);
    expect(hasCjk('Tokyo, Japan')).toBe(false);
  });
});
