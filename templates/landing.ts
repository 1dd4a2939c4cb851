/**
 * The site's index page (`out/index.html`), as a Doc like any product: per
 * article (by slug) its title in both languages, its date, the original it
 * translates (author, outlet, title as a linked work), its key takeaways as
 * an abstract, and its products, each with its files (format and size, a
 * link each). It is made from what the build knows without parsing an
 * article again (the manifest's entries); `landingFields` gives the build
 * what to keep of an article when it has one.
 */
import type { Article, Bi } from '../src/model/types.js';
import { PRODUCTS, type Block, type Doc, type Inline, type TableBlock, type TableCell } from '../src/ir/types.js';
import { OUTPUT_FORMATS } from '../src/render/registry.js';
import { formatBytes, formatDate } from '../src/theme/format.js';
import { LABELS } from '../src/theme/labels.js';
import { FW, biInline, originalLine } from './format.js';
import { canonicalLanding, type LandingFields, type LandingOriginal } from './landing-fields.js';

export { canonicalLanding, type LandingFields, type LandingOriginal };

export interface LandingArtifact {
  /** Path relative to `out/`, e.g. `us-japan-acquisition/summary.pdf`. */
  path: string;
  format: string;
  product: string;
  bytes: number;
}


/** One article on the index page: its slug, title and files; date, original and takeaways when the build passes them. */
export interface LandingEntry extends Partial<LandingFields> {
  slug: string;
  title: Bi;
  artifacts: LandingArtifact[];
}

/** What the index page shows of an article beyond its slug, title and files (for the build to keep in its manifest). */
export function landingFields(article: Article): LandingFields {
  return canonicalLanding({ date: article.date, original: article.original, takeaways: article.takeaways.map((t) => t.text) });
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

const productLabel = (product: string): Bi => ((PRODUCTS as readonly string[]).includes(product) ? LABELS[product as (typeof PRODUCTS)[number]] : { zh: product, en: product });

/** The files of one product: "HTML 120.4 KB · PDF 1.2 MB …", each format a link to its file. */
function filesCell(files: readonly LandingArtifact[]): TableCell {
  const runs: Inline = [];
  files.forEach((a, i) => {
    if (i > 0) runs.push({ text: ' \u00B7 ' });
    // A format and its size never part across lines ("PDF 239.9 KB").
    runs.push({ text: a.format.toUpperCase(), href: artifactHref(a.path) }, { text: `\u00A0${formatBytes(a.bytes).replace(' ', '\u00A0')}` });
  });
  return { text: { zh: runs, en: runs.map((r) => ({ ...r })) } };
}

/** One row per product (in reading order), with its files. */
function artifactTable(entry: LandingEntry): TableBlock {
  const sorted = [...entry.artifacts].sort(artifactOrder);
  const products = [...new Set(sorted.map((a) => a.product))];
  return {
    type: 'table',
    columns: [{ text: biInline(LABELS.product), weight: 1 }, { text: biInline(LABELS.file), weight: 3 }],
    rows: products.map((p) => [{ text: biInline(productLabel(p)) }, filesCell(sorted.filter((a) => a.product === p))]),
    cites: [],
  };
}

function articleBlocks(e: LandingEntry): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 1, id: e.slug, text: biInline(e.title), cites: [] }];
  if (e.date) {
    const d = formatDate(e.date);
    blocks.push({ type: 'pair', zh: [{ text: `${LABELS.date.zh}${FW.colon}${d.zh}` }], en: [{ text: `${LABELS.date.en}: ${d.en}` }], cites: [] });
  }
  if (e.original) blocks.push({ type: 'pair', zh: originalLine(e.original, 'zh'), en: originalLine(e.original, 'en'), cites: [] });
  if (e.takeaways && e.takeaways.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: biInline(LABELS.abstract), outline: false, cites: [] },
      { type: 'list', ordered: false, items: e.takeaways.map((t) => ({ text: biInline(t), cites: [] })), cites: [] },
    );
  }
  blocks.push(artifactTable(e));
  return blocks;
}

/** The index page's Doc: per article (by slug) its heading, facts, abstract and files, then where the fonts' licence is. */
export function landing(entries: readonly LandingEntry[]): Doc {
  const sorted = [...entries].sort((a, b) => byCodeUnit(a.slug, b.slug));
  const title = biInline(LABELS.publications);
  const blocks: Block[] = [
    { type: 'title', id: sorted.some((e) => e.slug === 'title') ? 'title_doc' : 'title', title, meta: [], cites: [] },
    // Each article's title is a top-level heading anchored at its slug, so pages list them in their contents.
    ...sorted.flatMap(articleBlocks),
    { type: 'paragraph', lang: 'zh', role: 'note', text: [{ text: LABELS.offline.zh }, { text: FONT_LICENSE_HREF, href: FONT_LICENSE_HREF }], cites: [] },
    { type: 'paragraph', lang: 'en', role: 'note', text: [{ text: `${LABELS.offline.en} ` }, { text: FONT_LICENSE_HREF, href: FONT_LICENSE_HREF }], cites: [] },
  ];
  return {
    product: 'index',
    page: 'a4',
    meta: { articleId: '', title, shortTitle: title, author: '', subject: '', keywords: [], lang: 'zh-Hans' },
    blocks,
  };
}
