/**
 * The third-party code the Markdown stage runs (parser with GFM, front matter,
 * directives, vfile, the named character references of HTML),
 * imported from this one module. `scripts/compile.mjs` bundles the compiled
 * module with everything it imports from node_modules: Node 20 loads an ES
 * module graph of ~200 small files (micromark and friends) four times slower
 * than the same code in one file, and the parse stage is on the path of
 * every build. Unbundled (tests, a plain `tsc`) it works the same.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkFrontmatter } from 'remark-frontmatter';
export { default as remarkDirective } from 'remark-directive';
export { default as remarkGfm } from 'remark-gfm';
export { decodeNamedCharacterReference } from 'decode-named-character-reference';
export { VFile } from 'vfile';
export { location } from 'vfile-location';
export { isMap, isScalar, isSeq, parseDocument, visit as visitYaml, Scalar as YamlScalar } from 'yaml';
export type { Node as YamlNode, Pair, Document as YamlDocument } from 'yaml';
