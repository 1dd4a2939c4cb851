/**
 * The third-party code the Markdown stage runs (parser, GFM extensions, front matter,
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
export { gfmFootnote } from 'micromark-extension-gfm-footnote';
export { gfmTable } from 'micromark-extension-gfm-table';
export { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
export { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
export { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
export { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
export { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
export { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
export { decodeNamedCharacterReference } from 'decode-named-character-reference';
export { VFile } from 'vfile';
export { location } from 'vfile-location';
export { isMap, isScalar, isSeq, parseDocument, visit as visitYaml, Scalar as YamlScalar } from 'yaml';
export type { Node as YamlNode, Pair, Document as YamlDocument } from 'yaml';
