/**
 * The site's own files beside the artifacts: the landing page and the font
 * licence. A build and a merge write them the same way from the same data,
 * so a merged folder is byte-identical to a full build.
 *
 * The landing page is made from data derived from the sources: each article's
 * title as its source gave it (parsed this run, or recorded when the same
 * source bytes were parsed and validated again on reading), and its artifacts
 * as planned (links made from slug, product and format, never read from the
 * manifest), with the sizes of the files the manifest vouches for.
 */
import path from 'node:path';
import { sha256 } from './cache.js';
import type { Engine, LandingEntry } from './engine.js';
import { artifactPath } from './jobs.js';
import {
  entryIsIntact,
  FONT_LICENSE_FILE,
  FONT_NOTICE_FILE,
  LANDING_FILE,
  type ArticleEntry,
  type ArtifactEntry,
  type SiteEntry,
} from './manifest.js';
import { writeIfChanged } from './write.js';
import { checkRealFolders } from './outdir.js';
import type { ProductName } from '../ir/types.js';
import type { OutputFormat } from '../render/types.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Landing page input: articles by slug, each with its artifacts by path. */
export function landingEntries(articles: readonly ArticleEntry[], artifacts: readonly ArtifactEntry[]): LandingEntry[] {
  const bySlug = new Map<string, ArtifactEntry[]>();
  for (const a of artifacts) {
    const list = bySlug.get(a.article);
    if (list) list.push(a);
    else bySlug.set(a.article, [a]);
  }
  return [...articles]
    .sort((a, b) => byString(a.slug, b.slug))
    .map((a) => ({
      slug: a.slug,
      title: { zh: a.title.zh, en: a.title.en },
      ...(a.landing ?? {}),
      artifacts: (bySlug.get(a.slug) ?? [])
        .map((x) => ({
          path: artifactPath(a.slug, x.product as ProductName, x.format as OutputFormat),
          format: x.format,
          product: x.product,
          bytes: x.size,
        }))
        .sort((x, y) => byString(x.path, y.path)),
    }));
}

export function fontNotice(fontName: string): string {
  return [
    'Fonts',
    '',
    `The documents in this folder are set in ${fontName}`,
    'and embed them (or subsets of them) where the format allows.',
    'The fonts are licensed under the SIL Open Font License, Version 1.1;',
    'their copyright notices and the full licence text are in OFL.txt next',
    'to this notice.',
    '',
  ].join('\n');
}

/** The inputs hash of each site file (what its bytes depend on). */
export const siteInputs = {
  landing: (code: string, entries: LandingEntry[]): string => sha256(JSON.stringify([code, entries])),
  license: (code: string): string => sha256(JSON.stringify([code, 'license'])),
  notice: (code: string): string => sha256(JSON.stringify([code, 'notice'])),
};

export interface SiteInput {
  outDir: string;
  engine: Engine;
  /** Hash of the code (part of each file's inputs). */
  code: string;
  articles: readonly ArticleEntry[];
  artifacts: readonly ArtifactEntry[];
  /** The site entries of the previous manifest (a file is kept when its inputs and bytes are unchanged). */
  previous: readonly SiteEntry[];
  /** Render the landing page (in a render thread when there is one). */
  renderLanding: (entries: LandingEntry[]) => Promise<string>;
  /** Token of this build's temp files. */
  token: string;
}

/** Landing page and font licence; each rewritten only when its inputs changed. Returns their entries. */
export async function writeSite(input: SiteInput): Promise<SiteEntry[]> {
  const oldSite = new Map(input.previous.map((s) => [s.path, s]));
  const entries: SiteEntry[] = [];
  const emitFile = async (rel: string, inputs: string, make: () => Promise<string>): Promise<void> => {
    const prev = oldSite.get(rel);
    if (prev && prev.inputs === inputs && entryIsIntact(input.outDir, prev)) {
      entries.push(prev);
      return;
    }
    const bytes = Buffer.from(await make(), 'utf8');
    checkRealFolders(input.outDir, rel);
    writeIfChanged(path.join(input.outDir, rel), bytes, input.token);
    entries.push({ path: rel, sha256: sha256(bytes), size: bytes.length, inputs });
  };

  const landing = landingEntries(input.articles, input.artifacts);
  await emitFile(LANDING_FILE, siteInputs.landing(input.code, landing), () => input.renderLanding(landing));
  if (input.artifacts.length > 0) {
    let license: { name: string; text: string } | null = null;
    const getLicense = async () => (license ??= await input.engine.fontLicense());
    await emitFile(FONT_LICENSE_FILE, siteInputs.license(input.code), async () => (await getLicense()).text);
    await emitFile(FONT_NOTICE_FILE, siteInputs.notice(input.code), async () => fontNotice((await getLicense()).name));
  }
  return entries;
}
