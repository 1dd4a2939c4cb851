/**
 * The one Markdown processor of the project: CommonMark + YAML front matter +
 * generic directives. Syntax only — no transforms, no rendering.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();

/** Parse the file's text into mdast (with positions). */
export function parseMarkdown(file: VFile): Root {
  return processor.parse(file);
}
