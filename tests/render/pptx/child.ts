/**
 * Run in a fresh Node process by process.test.ts: imports the PPTX backend,
 * reports whether pptxgenjs (or its zip library) was loaded by the import
 * alone, renders the sample deck and prints the SHA-256 of the bytes.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loaded = () => Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/](jszip|pptxgenjs)[\\/]/.test(k));

const { backend } = await import('../../../src/render/pptx/index.js');
const afterImport = loaded();
const { slides } = await import('../../../templates/slides.js');
const { sampleArticle } = await import('../../helpers/sample-article.js');
const bytes = await backend.render(slides(sampleArticle), { epoch: Number(process.argv[2] ?? 0) });
console.log(JSON.stringify({ afterImport, afterRender: loaded(), sha256: createHash('sha256').update(bytes).digest('hex') }));
