/**
 * The parts of GitHub-flavoured Markdown the format reads: tables, footnotes,
 * strikethrough (`~~` only: a single `~` is common in Chinese text, 5~10年)
 * and task-list items (the last two so that the model can name them instead
 * of reading them as text). A unified plugin, written as remark-gfm is, over
 * the micromark and mdast extensions' public API.
 *
 * Not autolink literals: Chinese text has no spaces, so a bare address would
 * take the rest of the sentence into its link (`见https://x.org了解更多` links
 * "https://x.org了解更多"). A bare address stays text; links are written
 * `[text](https://…)`.
 */
import type { Processor } from 'unified';
import { gfmFootnote, gfmFootnoteFromMarkdown, gfmStrikethrough, gfmStrikethroughFromMarkdown, gfmTable, gfmTableFromMarkdown, gfmTaskListItem, gfmTaskListItemFromMarkdown } from '../vendor/markdown.js';

export function remarkGfmSubset(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmTable(), gfmStrikethrough({ singleTilde: false }), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}
