import { describe, expect, it } from 'vitest';
import { paint, plural } from '../../src/text/terminal.js';

describe('paint', () => {
  it('wraps text in an ANSI colour and ends only that colour', () => {
    expect(paint(true, 31)('error')).toBe('\u001b[31merror\u001b[39m');
    expect(paint(true, 2)('12 ms')).toBe('\u001b[2m12 ms\u001b[22m');
  });
  it('leaves text alone when colour is off', () => expect(paint(false, 31)('error')).toBe('error'));
});

describe('plural', () => {
  it('counts', () => expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'error')]).toEqual(['0 files', '1 file', '2 errors']));
});
