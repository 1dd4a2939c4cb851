import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NO_LINE_END,
  NO_LINE_START,
  breakUnits,
  canBreakBetween,
  violatesKinsoku,
} from '../../src/text/kinsoku.js';

// Full-width punctuation written as escapes so no editor or tool can fold it to ASCII.
const COMMA = '\uFF0C';
const COLON = '\uFF1A';

const zhChars = fc.constantFrom(...'美日防务采购合作的新渠道我们', ...NO_LINE_START, ...NO_LINE_END, ' ', 'A', 'b', '1', '-', '—', '…');
const zhText = fc.array(zhChars, { maxLength: 40 }).map((a) => a.join(''));

describe('breakUnits', () => {
  it('gives back the text unchanged when the units are joined', () => {
    fc.assert(fc.property(zhText, (t) => breakUnits(t).join('') === t));
  });

  it('never lets a unit (hence a line) start with closing punctuation or end with opening punctuation', () => {
    fc.assert(
      fc.property(zhText, (t) => {
        const units = breakUnits(t);
        return units.every((u, i) => {
          const chars = [...u];
          const startsBad = i > 0 && NO_LINE_START.has(chars[0]);
          const endsBad = i < units.length - 1 && NO_LINE_END.has(chars[chars.length - 1]);
          return !startsBad && !endsBad;
        });
      }),
    );
  });

  it('breaks between ideographs and keeps Latin words and numbers whole', () => {
    expect(breakUnits('美日2025财年GPI协议')).toEqual(['美', '日', '2025', '财', '年', 'GPI', '协', '议']);
    expect(breakUnits('Forum on Defense')).toEqual(['Forum ', 'on ', 'Defense']);
  });

  it('keeps a number with the unit or measure word after it (a date, an amount, a count)', () => {
    expect(breakUnits('2023年1月签署')).toEqual(['2023年', '1月', '签', '署']);
    expect(breakUnits('5亿美元')).toEqual(['5亿', '美', '元']);
    expect(breakUnits('第1至第4国')).toEqual(['第', '1', '至', '第', '4国']);
    expect(breakUnits('2025年（预计）')).toEqual(['2025年', '（预', '计）']);
    expect(canBreakBetween('1', '月')).toBe(false);
    expect(canBreakBetween('月', '1')).toBe(true);
  });

  it('glues punctuation to its neighbour and keeps dashes and ellipses in one piece', () => {
    expect(breakUnits(`他说${COLON}“合作。”`)).toEqual(['他', `说${COLON}`, '“合', '作。”']);
    expect(breakUnits(`合作${COMMA}然后`)).toEqual(['合', `作${COMMA}`, '然', '后']);
    expect(breakUnits('《日本时报》报道')).toEqual(['《日', '本', '时', '报》', '报', '道']);
    expect(breakUnits('等等——然后……')).toEqual(['等', '等', '——', '然', '后……']);
  });

  it('allows a break only where kinsoku allows one', () => {
    expect(canBreakBetween('美', '日')).toBe(true);
    expect(canBreakBetween('美', COMMA)).toBe(false);
    expect(canBreakBetween('美', COLON)).toBe(false);
    expect(canBreakBetween('\uFF08', '美')).toBe(false);
    expect(canBreakBetween('《', '美')).toBe(false);
    expect(canBreakBetween('a', 'b')).toBe(false);
    expect(canBreakBetween(' ', 'b')).toBe(true);
  });
});

describe('violatesKinsoku', () => {
  it('flags a Chinese line that starts with closing or ends with opening punctuation', () => {
    expect(violatesKinsoku('。美日')).toEqual({ start: true, end: false });
    expect(violatesKinsoku('美日《')).toEqual({ start: false, end: true });
    expect(violatesKinsoku('美日合作。')).toEqual({ start: false, end: false });
  });
});
