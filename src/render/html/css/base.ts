/**
 * Rules every page shares: faces per language, roles of runs, media, links and
 * focus. Text wraps `pretty`: the browser avoids a last line of one character
 * (a Chinese paragraph ending "…之/上。").
 */
import { boldSelector, c, cjkFamily, enFamily, px, s, srOnly } from './units.js';
import { theme } from '../../../theme/theme.js';

export const base = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:${cjkFamily};color:${c.ink};background:${c.white};-webkit-text-size-adjust:100%;text-size-adjust:100%}
:lang(en){font-family:${enFamily}}
body{margin:0;font-size:${px(s.body)};line-height:${theme.lineHeight.zh};font-weight:400;text-wrap:pretty}
${boldSelector}{font-weight:700}
dt{font-weight:400}
/* A caption is shown where it says more than the heading above it (handlers/table.ts); else it is kept for assistive
   technology alone. */
caption,figcaption{${srOnly}}
:is(caption,figcaption).shown{position:static;width:auto;height:auto;margin:0 0 ${px(4)};padding:0 0 ${px(4)};overflow:visible;clip:auto;white-space:normal;caption-side:top;text-align:left;font-size:${px(s.small)};color:${c.muted}}
:is(caption,figcaption).shown .en{margin-left:.4em}
em,cite{font-style:normal}
em{text-decoration:underline dotted;text-underline-offset:.2em}
em:lang(en),cite:lang(en){font-style:italic;text-decoration:none}
code{font-family:inherit}
a{color:${c.accent}}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid ${c.accent};outline-offset:2px}
[lang="en"]{color:${c.en};line-height:${theme.lineHeight.en}}
.sr-only{${srOnly}}
.source{font-size:${px(s.small)};color:${c.muted}}
a.cite{color:${c.muted};text-decoration:none;white-space:nowrap;border-bottom:1px dotted currentColor}
a.cite:hover,a.cite:focus-visible{color:${c.accent}}
.noteref-sup{line-height:0}
.noteref-sup a{text-decoration:none;padding:0 .1em}
.nowrap{white-space:nowrap}
cite{font-style:italic}
.term{text-decoration:underline dotted ${c.accent};text-underline-offset:.25em}
.run-mark{color:${c.muted}}
.tags{display:inline-flex;flex-wrap:wrap;gap:${px(3)} ${px(6)}}
.tag,.run-tag{display:inline-block;border:1px solid ${c.rule};border-radius:3px;padding:0 .45em;font-size:${px(s.small)};color:${c.ink};background:${c.panel};line-height:1.5}
.tag [lang="en"]{color:${c.muted}}
.align-center{text-align:center}
.align-right{text-align:right}
@media screen{.media-print{display:none !important}}
@media print{.media-screen{display:none !important}}
@media print{.keep-with-next{break-after:avoid}}
`;
