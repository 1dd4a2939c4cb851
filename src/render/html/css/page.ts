/** A4 products on screen (summary, checklist, reading edition, the site's index) and on paper. */
import { theme } from '../../../theme/theme.js';
import { STACK_TABLE_MAX } from '../constants.js';
import { c, px, s, srOnly } from './units.js';

const sp = theme.spacing;

export const page = `
.page{max-width:${px(theme.pages.a4.width * 1.35)};margin:0 auto;padding:${px(24)} ${px(20)}}
.page>header{border-bottom:3px solid ${c.accent};padding-bottom:${px(sp.block)};margin-bottom:${px(sp.section)}}
.doc-title{margin:0;font-size:${px(s.title)};line-height:1.35;color:${c.ink}}
.doc-title .en{display:block;margin-top:.3em;font-size:${px(s.subtitle)};color:${c.en}}
.subtitle{margin:.6em 0 0;color:${c.accent};font-size:${px(s.h3)}}
.subtitle .en{margin-left:.6em}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));align-items:start;gap:${px(8)} ${px(16)};margin:${px(12)} 0 0;font-size:${px(s.meta)};line-height:1.45}
dl.meta>div{min-width:0}
dl.meta dt{color:${c.muted};font-size:${px(s.small)}}
dl.meta dd{margin:0;overflow-wrap:anywhere;min-width:0}
dl.meta>.meta-wide{grid-column:1 / -1}
/* Chinese and English side by side, or the English on a line of its own, not indented, when they do not fit. */
dl.meta :is(dt,dd){display:flex;flex-wrap:wrap;align-items:baseline;column-gap:.35em}
dl.meta :is(dt,dd)>*{min-width:0}
nav.toc ol{display:flex;flex-wrap:wrap;gap:${px(4)} ${px(18)};list-style:none;margin:0 0 ${px(sp.section)};padding:0;font-size:${px(s.meta)}}
nav.toc a{text-decoration:none}
nav.site{margin:0 0 ${px(sp.block)};font-size:${px(s.meta)}}
nav.site a{text-decoration:none;display:inline-block;padding:${px(4)} 0}
nav.site .en{margin-left:.35em}
@media print{nav.site{display:none}}
nav.toc .en{margin-left:.35em}
main :is(h2,h3,h4,h5,h6){line-height:1.35}
main h2{font-size:${px(s.h1)};margin:${px(sp.section * 1.5)} 0 ${px(sp.block)};padding-bottom:${px(3)};border-bottom:1px solid ${c.rule};color:${c.accent}}
main h3{font-size:${px(s.h2)};margin:${px(sp.section)} 0 ${px(sp.paragraph)}}
main :is(h4,h5,h6){font-size:${px(s.h3)};margin:${px(sp.block)} 0 ${px(sp.paragraph)};color:${c.muted}}
main :is(h2,h3,h4,h5,h6) .en{margin-left:.6em;font-weight:400;font-size:.8em}
main :target:not(h2,h3,h4,h5,h6,section){background:${c.accentSoft};box-shadow:0 0 0 ${px(4)} ${c.accentSoft};border-radius:2px}
main [id]{scroll-margin-top:${px(sp.section * 2)}}
/* A glossary entry followed from a term's note: its whole row, not the term's cell alone. */
main tr:has(>:target)>*{background:${c.accentSoft}}
main tr>:target{box-shadow:none;border-radius:0}
.para{margin:0 0 ${px(sp.paragraph)}}
.para.note,.para.meta{font-size:${px(s.small)};color:${c.muted}}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:${px(16)};margin:0 0 ${px(sp.block)}}
.pair.has-marker{grid-template-columns:auto minmax(0,1fr) minmax(0,1fr)}
.pair>p{margin:0}
.pair.has-marker>.zh{grid-column:2}
.pair.has-marker>.en{grid-column:3}
.pair>.pair-foot{grid-column:1 / -1;display:flex;flex-wrap:wrap;gap:${px(3)} ${px(8)};align-items:baseline;margin-top:${px(3)}}
.pair.has-marker>.pair-foot{grid-column:2 / -1}
.marker{grid-row:1 / 3;min-width:1.6em;height:1.6em;padding:0 .3em;border-radius:.8em;background:${c.accent};color:${c.white};print-color-adjust:exact;-webkit-print-color-adjust:exact;font-size:${px(s.small)};display:flex;align-items:center;justify-content:center;margin-top:.15em}
.callout{background:${c.panel};border-left:4px solid ${c.accent};padding:${px(12)} ${px(14)} ${px(4)};margin:0 0 ${px(sp.section)}}
.callout-key{background:${c.accentSoft}}
.callout-title{margin:0 0 ${px(sp.paragraph)}}
.table-wrap{overflow-x:auto;margin:0 0 ${px(sp.block)}}
table{border-collapse:collapse;width:100%;font-size:${px(s.body)}}
th,td{border-top:1px solid ${c.rule};padding:${px(5)} ${px(6)};text-align:left;vertical-align:top}
thead th{background:${c.panel};border-top:0}
thead th .en{display:block;font-weight:400}
tbody th .en{font-weight:400}
td>.zh,td>.en,th>.zh,tbody th>.en,td>.same,td>.source,th>.source{display:block}
.bi-list{margin:0 0 ${px(sp.block)};padding-left:1.4em}
.bi-list li{margin-bottom:${px(sp.paragraph)}}
.bi-list .item{display:block}
.bi-list .source{display:block}
.group{margin:0}
@media (max-width:720px){
  .page{padding:${px(14)} ${px(12)}}
  .pair,.pair.has-marker{grid-template-columns:minmax(0,1fr)}
  .pair.has-marker{grid-template-columns:auto minmax(0,1fr)}
  .pair.has-marker>.zh,.pair.has-marker>.en,.pair.has-marker>.pair-foot{grid-column:2}
  .pair>.en{margin-top:.2em}
  .marker{grid-row:1 / 4}
  .doc-title{font-size:${px(s.h1 + 1)}}
}
@media (max-width:${STACK_TABLE_MAX - 0.02}px){
  table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block;width:auto}
  table.stack thead{${srOnly}}
  table.stack tr{border:1px solid ${c.rule};border-radius:6px;padding:${px(6)} ${px(9)};margin:0 0 ${px(8)}}
  table.stack th,table.stack td{border:0;padding:${px(2)} 0}
  table.stack tbody th{font-size:${px(s.h3)};color:${c.accent}}
  th,td{overflow-wrap:anywhere;padding:${px(4)} ${px(4)}}
  /* A table that stays a table (the reading edition's) keeps a few characters a column: the browser would give a short
     column one character a line beside long ones (its wrapper scrolls if they do not fit). */
  table:not(.stack) :is(th,td){min-width:4.5em}
}
@media print{
  .page{max-width:none;padding:0}
  nav.toc{display:none}
  .product-reading nav.toc{display:block}
  @page{size:A4;margin:${theme.pages.a4.margin[1]}pt ${theme.pages.a4.margin[2]}pt ${theme.pages.a4.margin[3]}pt ${theme.pages.a4.margin[0]}pt}
  .pair,.check-item,.event,tr,.passage{break-inside:avoid}
  /* A box's title stays with its text, and a part's summary in the reading edition (a long pair in a box) breaks as
     text does: kept whole, it moved to the next page and left the heading and the box's title alone at the foot of
     the one before. Short pairs elsewhere (the summary's takeaways) stay whole. */
  h2,h3,h4,.callout-title{break-after:avoid}
  .product-reading .callout .pair{display:block;break-inside:auto}
  .product-reading .callout .pair>.en{margin-top:${px(sp.paragraph)}}
  main :target,main tr:has(>:target)>*{background:none;box-shadow:none}
}
`;

/** Widest text line of the reading edition beside its notes, in characters (ems): a Chinese reading measure. */
export const TEXT_MEASURE = 42;
/** Widest margin-notes column of the reading edition (pt; ≈ 440 px, about 70 characters of note text a line). */
export const NOTES_MAX = 330;

/** The reading edition: marks in a gutter, margin notes in a side column on wide screens (below the text when narrow), sticky part headings. */
export function reading(notesFrom: number): string {
  return `
.product-reading .page{max-width:${px(theme.pages.a4.width * 1.35)}}
.product-reading main{font-size:${px(s.h3)};line-height:${theme.lineHeight.zh + 0.15}}
.product-reading main [lang="en"]{line-height:${theme.lineHeight.en + 0.1}}
.product-reading nav.toc ol{flex-direction:column;gap:${px(3)}}
.part>h2{background:${c.white}}
.passage{display:grid;grid-template-columns:2.6em minmax(0,1fr);column-gap:${px(8)};margin:0 0 ${px(sp.block)};padding:${px(2)} ${px(4)} ${px(2)} 0;border-radius:3px;scroll-margin-top:${px(sp.section * 2)}}
.passage-mark{grid-column:1;grid-row:1;justify-self:end;align-self:start;font-size:${px(s.small)};color:${c.muted};text-decoration:none;padding-top:.35em;white-space:nowrap;font-variant-numeric:tabular-nums}
a.passage-mark:hover,a.passage-mark:focus-visible{color:${c.accent}}
.passage-body{grid-column:2;min-width:0}
.passage-body>p{margin:0}
.margin-notes{grid-column:2;list-style:none;margin:${px(4)} 0 0;padding:0 0 0 ${px(8)};border-left:2px solid ${c.rule};font-size:${px(s.small)};line-height:1.5;color:${c.muted}}
.margin-note{margin:0 0 ${px(3)}}
.note-label{font-weight:700;text-decoration:none}
.note-label .en{font-weight:400;margin-left:.3em}
.note-text [lang="en"],.note-text .en{color:${c.muted}}
main .passage:target,main li:target>.passage,main .passage.in-range,main li.in-range>.passage{background:${c.accentSoft};box-shadow:-${px(4)} 0 0 ${c.accent}}
main .passage:target .passage-mark,main .passage.in-range .passage-mark{color:${c.accent};font-weight:700}
blockquote.quote{margin:0 0 ${px(sp.block)};padding:${px(4)} 0 ${px(4)} ${px(12)};border-left:3px solid ${c.rule};color:${c.ink}}
.body-list{margin:0 0 ${px(sp.block)};padding-left:2.2em}
.body-list>li{margin:0 0 ${px(sp.paragraph)}}
.body-list>li>.passage{margin-top:0;margin-bottom:0}
.body-list .body-list{margin-top:${px(sp.paragraph)}}
section.footnotes{margin-top:${px(sp.section * 1.5)};padding-top:${px(sp.block)};border-top:1px solid ${c.rule};font-size:${px(s.body)}}
section.footnotes ol{padding-left:1.6em;margin:0}
section.footnotes li{margin:0 0 ${px(sp.paragraph)}}
section.footnotes li>.passage{margin-top:0;margin-bottom:0}
.data-footnote-backref{margin-left:.2em}
.passage-table .table-wrap{margin:0}
@media (min-width:700px){
  .part>h2{position:sticky;top:0;z-index:1;margin-top:0;padding-top:${px(sp.paragraph)}}
  .part{margin-top:${px(sp.section * 1.5)}}
  main .passage,main [id]{scroll-margin-top:${px(sp.section * 4.5)}}
}
@media (min-width:${notesFrom}px){
  .product-reading .page{max-width:${px(960)}}
  .passage{grid-template-columns:2.6em minmax(0,1fr) ${px(180)};column-gap:${px(14)}}
  .margin-notes{grid-column:3;grid-row:1 / span 2;margin-top:0;align-self:start}
  .passage-table{grid-template-columns:2.6em minmax(0,1fr) ${px(180)}}
}
@media screen and (min-width:${notesFrom}px){
  /* On a screen the text keeps a reading measure (up to 60 %: between 1000 and 1280 px the notes get the width the text
     can spare) and the notes take the rest, up to ~70 characters a line. */
  .passage,.passage-table{grid-template-columns:2.6em min(${TEXT_MEASURE}em,60%) minmax(${px(180)},${px(NOTES_MAX)})}
  /* The reading script lets each notes list run on down one margin column past a short paragraph (scripts.ts): the
     paragraph (and its highlight as a link's target) is its mark and text, its notes stand beside it, and the script
     sets them below the notes before them. */
  .notes-drift{overflow-anchor:none}
  .notes-drift .passage{grid-template-columns:2.6em minmax(0,1fr);margin-right:var(--notes-room);position:relative}
  .notes-drift .passage>.margin-notes{position:absolute;grid-area:auto;top:${px(2)};left:calc(100% + var(--notes-gap));width:var(--notes);margin:0}
  .notes-drift .margin-notes[data-for]::before,.notes-drift .margin-notes>li[data-for]::before{content:attr(data-for) / "";display:block;padding:0 0 ${px(2)};font-weight:700;font-variant-numeric:tabular-nums}
  .notes-drift main .passage:target>.margin-notes,.notes-drift main .passage.in-range>.margin-notes{border-left-color:${c.accent}}
  .notes-measure .part>h2{position:static}
}
/* The reading script folds each paragraph's notes behind a button on a narrow screen (scripts.ts). */
.notes-toggle{display:none}
@media screen and (max-width:${notesFrom - 0.02}px){
  .notes-fold .notes-toggle{display:block;grid-column:2;justify-self:start;min-height:${px(24)};margin:${px(4)} 0 0;padding:${px(2)} ${px(10)};border:1px solid ${c.rule};border-radius:999px;background:${c.white};color:${c.muted};font:inherit;font-size:${px(s.small)};cursor:pointer}
  .notes-fold .notes-toggle .en{margin-left:.3em}
  .notes-fold .notes-toggle::after{content:"▸" / "";margin-left:.4em}
  .notes-fold .notes-toggle[aria-expanded="true"]::after{content:"▾" / ""}
  .notes-fold .passage>.margin-notes:not(.open){display:none}
}
@media (max-width:480px){
  .passage{grid-template-columns:2.2em minmax(0,1fr);column-gap:${px(5)}}
  .margin-notes{font-size:${px(s.meta + 1)}}
  .passage-mark{font-size:${px(s.meta)}}
  .body-list{padding-left:1.4em}
}
@media print{
  .part>h2{position:static}
  .passage{grid-template-columns:2.6em minmax(0,1fr) 28%}
  .margin-notes{grid-column:3;grid-row:1 / span 2;margin:0}
  a.cite,.note-label{color:${c.ink}}
  main .passage:target,main li:target>.passage,main .passage.in-range,main li.in-range>.passage{background:none;box-shadow:none}
}
`;
}

/** The checklist: a checkbox per item, labels as text, the counter on screen only. */
export const checklist = `
.progress{position:sticky;top:0;z-index:2;background:${c.white};padding:${px(8)} 0;margin-bottom:${px(sp.block)};border-bottom:1px solid ${c.rule};display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:${px(12)};align-items:center}
.progress-label{display:flex;flex-wrap:wrap;gap:0 .6em;align-items:baseline;margin:0 0 ${px(4)}}
.progress .reset{font:inherit;font-size:${px(s.small)};color:${c.ink};background:${c.white};border:1px solid ${c.rule};border-radius:4px;min-height:2.25rem;padding:0 .7em;margin:0 0 ${px(4)};cursor:pointer}
.progress .reset[hidden]{display:none}
.progress .reset:disabled{color:${c.muted};cursor:default}
.progress progress{grid-column:1 / -1}
.progress-label .en{font-weight:400}
.count{margin-left:auto;font-size:${px(s.h2)};color:${c.accent}}
progress{width:100%;height:${px(8)};accent-color:${c.accent}}
/* An item followed from another page lands below the sticky counter (two lines high on a phone). */
.product-checklist main [id]{scroll-margin-top:${px(sp.section * 4.5)}}
.check-item{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:${px(10)};padding:${px(8)} 0;border-bottom:1px solid ${c.rule}}
.check-item input{width:${px(16)};height:${px(16)};margin:.3em 0 0;accent-color:${c.accent}}
.check-item label{cursor:pointer;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:${px(16)}}
.check-item label .en{display:block}
.check-item label.has-marker{grid-template-columns:auto minmax(0,1fr) minmax(0,1fr)}
.check-item label .marker{grid-row:1}
.check-item input:checked+label :is(.zh,.en){text-decoration:line-through;color:${c.muted}}
.check-meta{grid-column:2;margin:${px(4)} 0 0;display:flex;flex-wrap:wrap;gap:${px(4)} ${px(8)};align-items:baseline}
@media (max-width:720px){.check-item label{grid-template-columns:minmax(0,1fr)}.check-item label.has-marker{grid-template-columns:auto minmax(0,1fr)}.check-item label.has-marker .en{grid-column:2}.check-item label .en{margin-top:.2em}}
@media print{
  .progress,progress{display:none}
  .check-item input{appearance:none;-webkit-appearance:none;border:1.5px solid ${c.ink};border-radius:2px}
  .check-item input:checked{background:${c.ink}}
  .check-item input:checked+label .zh{text-decoration:none;color:${c.ink}}
}
`;

/** The site's index page. */
export const index = `
.product-index main h2{color:${c.ink}}
.product-index td{overflow-wrap:break-word}
.product-index th{overflow-wrap:normal}
.product-index td a{white-space:nowrap}
`;
