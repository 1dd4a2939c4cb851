import { describe, expect, it } from 'vitest';
import { byDate, uniq } from '../../templates/format.js';

describe('helpers', () => {
  it('uniq keeps first-seen order', () => expect(uniq(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']));
  it('byDate sorts by ISO date and is stable', () => {
    const ev = [{ date: '2024-05', n: 1 }, { date: '2023', n: 2 }, { date: '2024-05', n: 3 }, { date: '2024-04-10', n: 4 }];
    expect(byDate(ev).map((e) => e.n)).toEqual([2, 4, 1, 3]);
  });
});
