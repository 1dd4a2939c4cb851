/**
 * The blocks of the article's text — passages, quotes, footnotes — drawn
 * through mdast and remark-rehype (../reading.ts) wherever they appear: the
 * reading edition renders its whole body that way, another product (e.g. a
 * print-only "sources cited" appendix) one block at a time.
 */
import type { ElementContent } from 'hast';
import type { Block } from '../../../ir/types.js';
import type { Handler } from '../../state.js';
import { bodyToHast } from '../reading.js';
import type { HtmlContext } from './index.js';

type H<K extends Block['type']> = Handler<HtmlContext, K, ElementContent>;

export const passage: H<'passage'> = (b, ctx) => bodyToHast([{ ...b, media: undefined }], ctx);
export const quote: H<'quote'> = (b, ctx) => bodyToHast([{ ...b, media: undefined }], ctx);
export const footnotes: H<'footnotes'> = (b, ctx) => bodyToHast([{ ...b, media: undefined }], ctx);
