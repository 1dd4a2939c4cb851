/**
 * The third-party code the HTML backend runs (hastscript, remark-rehype, the HTML
 * serialiser), imported from this one module so `scripts/compile.mjs` can
 * bundle it into one file (see ./markdown.ts for why).
 */
export { h } from 'hastscript';
export { unified } from 'unified';
export { default as rehypeStringify } from 'rehype-stringify';
export { default as remarkRehype } from 'remark-rehype';
