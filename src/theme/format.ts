/**
 * Display formatting shared by templates and backends: dates in both
 * languages and file sizes. Pure and deterministic.
 */
import type { Bi } from '../model/types.js';

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Format an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) for display:
 * `2024年4月10日` / `10 April 2024`, `2024年4月` / `April 2024`, `2024年` / `2024`.
 */
export function formatDate(iso: string): Bi {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${iso}"`);
  const year = Number(m[1]);
  if (m[2] === undefined) return { zh: `${year}年`, en: `${year}` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`month out of range in "${iso}"`);
  if (m[3] === undefined) return { zh: `${year}年${month}月`, en: `${MONTHS_EN[month - 1]} ${year}` };
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw new RangeError(`day out of range in "${iso}"`);
  return { zh: `${year}年${month}月${day}日`, en: `${day} ${MONTHS_EN[month - 1]} ${year}` };
}

/** Human-readable size: `812 B`, `14.2 KB`, `1.3 MB` (1 KB = 1024 B). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
