/**
 * What the index page shows of an article besides its slug, title and files
 * (its date, the original, its takeaways), as the build keeps it in the
 * manifest. A module of its own without runtime imports, so that reading a
 * manifest loads nothing of the model or the templates.
 */
import type { Bi } from '../src/model/types.js';

/** The original an article translates, as the landing page shows it. */
export interface LandingOriginal {
  outlet: string;
  author: Bi;
  title?: string;
  url?: string;
  /** ISO date. */
  date?: string;
}

/** What the index page shows of an article beyond its slug, title and files. */
export type LandingFields = {
  /** ISO date of the Chinese edition (`YYYY-MM-DD`). */
  date: string;
  original: LandingOriginal;
  /** The key takeaways, printed as the article's abstract. */
  takeaways: Bi[];
};

/** The landing fields in a fixed key order, optional ones only when present (the manifest's canonical form). */
export function canonicalLanding(l: LandingFields): LandingFields {
  const o = l.original;
  return {
    date: l.date,
    original: {
      outlet: o.outlet,
      author: { zh: o.author.zh, en: o.author.en },
      ...(o.title !== undefined ? { title: o.title } : {}),
      ...(o.url !== undefined ? { url: o.url } : {}),
      ...(o.date !== undefined ? { date: o.date } : {}),
    },
    takeaways: l.takeaways.map((t) => ({ zh: t.zh, en: t.en })),
  };
}

