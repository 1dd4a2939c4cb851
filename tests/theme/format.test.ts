import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from '../../src/theme/format.js';

describe('formatDate', () => {
  it('formats a full date in both languages', () => {
    expect(formatDate('2024-04-10')).toEqual({ zh: '2024年4月10日', en: '10 April 2024' });
  });
  it('formats a month and a year', () => {
    expect(formatDate('2024-04')).toEqual({ zh: '2024年4月', en: 'April 2024' });
    expect(formatDate('2023')).toEqual({ zh: '2023年', en: '2023' });
  });
  it('agrees with the platform calendar for every day of a leap year', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const en = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
      expect(formatDate(iso).en).toBe(en);
      expect(formatDate(iso).zh).toBe(`${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
    }
  });
  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2024-13', '2024-02-30', '24-01-01', '2024/01/01', '']) expect(() => formatDate(bad)).toThrow(RangeError);
  });
});

describe('formatBytes', () => {
  it('formats sizes in B, KB and MB (1 KB = 1024 B)', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1024), formatBytes(1536), formatBytes(5 * 1024 * 1024)]).toEqual(['0 B', '1023 B', '1.0 KB', '1.5 KB', '5.0 MB']);
  });
});
