/**
 * The site's index page (`out/index.html`): every article the build lists
 * and every file made of it, with its size, as a Doc like any product. It is
 * made from what the build knows without parsing an article again (the
 * manifest's titles and artifacts), not from the model.
 */
import type { Bi } from '../src/model/types.js';
import { PRODUCTS, type Block, type Doc, type TableBlock, type TableCell } from '../src/ir/types.js';
import { OUTPUT_FORMATS } from '../src/render/registry.js';
import { formatBytes } from '../src/theme/format.js';
import { LABELS } from '../src/theme/labels.js';
import { biInline } from './format.js';

export interface LandingArtifact {
  /** Path relative to `out/`, e.g. `us-japan-acquisition/summary.pdf`. */
  path: string;
  format: string;
  product: string;
  bytes: number;
}

/** One article on the index page: its slug, title and files. */
export interface LandingEntry {
  slug: string;
  title: Bi;
  artifacts: LandingArtifact[];
}

/** Where the build puts the font licence, relative to `out/`. */
export const FONT_LICENSE_HREF = 'fonts/OFL.txt';

const rank = (order: readonly string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Artifacts in reading order: product (as the editors present them), then format (as the registry lists them), then path; unknown names last. */
export function artifactOrder(a: LandingArtifact, b: LandingArtifact): number {
  return rank(PRODUCTS, a.product) - rank(PRODUCTS, b.product) || rank(OUTPUT_FORMATS, a.format) - rank(OUTPUT_FORMATS, b.format) || byCodeUnit(a.path, b.path);
}

/** A relative link to an artifact, path segments percent-encoded (so it can never become a scheme). */
export function artifactHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The same text in both languages (a name, a number, a file name). */
const same = (text: string, href?: string): TableCell => ({ text: { zh: [{ text, ...(href ? { href } : {}) }], en: [{ text, ...(href ? { href } : {}) }] } });

const productLabel = (product: string): Bi => ((PRODUCTS as readonly string[]).includes(product) ? LABELS[product as (typeof PRODUCTS)[number]] : { zh: product, en: product });

function artifactTable(entry: LandingEntry): TableBlock {
  return {
    type: 'table',
    // The file name says the format (summary.pdf), so a phone has room for three columns.
    columns: [LABELS.product, LABELS.file, LABELS.size].map((l) => ({ text: biInline(l) })),
    rows: [...entry.artifacts].sort(artifactOrder).map((a) => [
      { text: biInline(productLabel(a.product)) },
      same(a.path.split('/').pop()!, artifactHref(a.path)),
      same(formatBytes(a.bytes)),
    ]),
    cites: [],
  };
}

/** The index page's Doc: per article (by slug) its title and a table of its files, then where the font licence is. */
export function landing(entries: readonly LandingEntry[]): Doc {
  const sorted = [...entries].sort((a, b) => byCodeUnit(a.slug, b.slug));
  const title = biInline(LABELS.publications);
  const blocks: Block[] = [
    { type: 'title', id: 'title', title, meta: [], cites: [] },
    // Each article's title is a top-level heading anchored at its slug, so pages list them in their contents.
    ...sorted.flatMap((e): Block[] => [{ type: 'heading', level: 1, id: e.slug, text: biInline(e.title), cites: [] }, artifactTable(e)]),
    { type: 'paragraph', lang: 'zh', role: 'note', text: [{ text: LABELS.offline.zh }], cites: [] },
    { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: `${LABELS.offline.en} ` }, { text: FONT_LICENSE_HREF, href: FONT_LICENSE_HREF }], cites: [] },
  ];
  return {
    product: 'index',
    page: 'a4',
    meta: { articleId: '', title, shortTitle: title, author: '', subject: '', keywords: [], lang: 'zh-Hans' },
    blocks,
  };
}
