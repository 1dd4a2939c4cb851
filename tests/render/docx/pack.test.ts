/**
 * The DOCX backend zips docx's compiled package parts itself instead of
 * letting docx zip them and unzipping them again, embeds the bold face's
 * subset in the part docx reserved for it, and reuses the faces' compressed
 * forms and the styles part of the first document packed: the bytes must be
 * exactly the ones the Packer route gives with the same faces, for every
 * product and document.
 */
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildDocument, packageOf, renderDocx, rewriteEntry } from '../../../src/render/docx/index.js';
import { hashString, withSeededRandom } from '../../../src/render/docx/determinism.js';
import { normalizeZip } from '../../../src/render/zip.js';
import { getTemplate } from '../../../templates/index.js';
import path from 'node:path';
import type { Doc } from '../../../src/ir/types.js';
import { loadArticle } from '../../../src/model/index.js';
import { sampleArticle } from '../../helpers/sample-article.js';
import { pageDoc, slideDoc } from './every-block.js';

describe('DOCX packing', () => {
  it('gives the same bytes as packing with docx and normalising the zip', async () => {
    const epoch = 1736467200;
    const { article: real } = await loadArticle(path.resolve('source/us-japan-acquisition.md'));
    if (!real) throw new Error('the real article did not load');
    const docs: [string, Doc][] = [
      ...[sampleArticle, real].flatMap((a, i) => (['summary', 'checklist', 'slides'] as const).map((p): [string, Doc] => [`${i ? 'real' : 'sample'} ${p}`, getTemplate(p)(a)])),
      ['every page', pageDoc],
      ['every slide', slideDoc],
    ];
    for (const [name, doc] of docs) {
      const { faces } = (await packageOf(doc))!;
      const packed = await withSeededRandom(hashString(JSON.stringify(doc)), () => Packer.toBuffer(buildDocument(doc, faces)));
      const viaPacker = normalizeZip(new Uint8Array(packed), { epoch, rewrite: rewriteEntry(epoch) });
      const rendered = await renderDocx(doc, { epoch });
      expect(Buffer.from(rendered).equals(Buffer.from(viaPacker)), name).toBe(true);
    }
  }, 120_000);
});
