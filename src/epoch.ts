/**
 * The one reading of SOURCE_DATE_EPOCH. Kept apart from the pipeline so the
 * build can check the variable before it loads anything else.
 */
import type { Article } from './model/types.js';

/**
 * SOURCE_DATE_EPOCH as a number of seconds, or null when it is not set (or
 * empty). A RangeError when it is not a whole number of seconds.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw)) throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`);
  return Number(raw);
}

/**
 * Seconds since the epoch for every date written into an output:
 * SOURCE_DATE_EPOCH when set, otherwise the article's own date (00:00 UTC).
 */
export function buildEpoch(article: Pick<Article, 'date'>, env: NodeJS.ProcessEnv = process.env): number {
  return sourceDateEpoch(env) ?? Math.floor(Date.parse(`${article.date}T00:00:00Z`) / 1000);
}
