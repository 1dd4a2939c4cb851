/**
 * The inline stylesheet, built from the theme: colours, type scale and fonts
 * are never written here as literals. A4 products use pt × 4/3 px; slides use
 * the slide page in points mapped onto the fixed 1280 × 720 px frame.
 */
import { slideTimeline, slideType, theme, type SlideType } from '../../theme/theme.js';
import type { DocProduct } from '../../ir/types.js';
import { SLIDE_FRAME } from './constants.js';

const c = theme.colors;
const s = theme.size;
/** Points → CSS px on an A4 page. */
const px = (pt: number) => `${+((pt * 4) / 3).toFixed(2)}px`;
/** Points → CSS px inside the slide frame. */
const spx = (pt: number) => `${+((pt * SLIDE_FRAME.width) / theme.pages.slide.width).toFixed(2)}px`;
const family = `"${theme.fonts.cjk}",sans-serif`;

const base = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:${family};color:${c.ink};background:${c.white};-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-size:${px(s.body)};line-height:${theme.lineHeight.zh};font-weight:400}
h1,h2,h3,h4,strong,th,caption,figcaption,.marker,.slide-number,.date,.progress-label,.notes-label,.count{font-weight:700}
dt{font-weight:400}
/* Captions repeat the heading above them: kept for assistive technology only. */
caption,figcaption{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
em{font-style:normal;text-decoration:underline dotted}
code{font-family:${family}}
a{color:${c.accent}}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid ${c.accent};outline-offset:2px}
[lang="en"]{color:${c.en};line-height:${theme.lineHeight.en}}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.cites{display:inline-flex;flex-wrap:wrap;gap:.15em .5em;margin-left:.5em;font-size:${px(s.small)};color:${c.muted};vertical-align:baseline}
.cite{white-space:nowrap}
`;

const page = `
.page{max-width:${px(theme.pages.a4.width * 1.35)};margin:0 auto;padding:${px(24)} ${px(20)}}
.page>header{border-bottom:3px solid ${c.accent};padding-bottom:${px(theme.spacing.block)};margin-bottom:${px(theme.spacing.section)}}
.doc-title{margin:0;font-size:${px(s.title)};line-height:1.35;color:${c.ink}}
.doc-title .en{display:block;margin-top:.3em;font-size:${px(s.subtitle)};color:${c.en}}
.subtitle{margin:.6em 0 0;color:${c.accent};font-size:${px(s.h3)}}
.subtitle .en{margin-left:.6em}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(14em,1fr));gap:${px(4)} ${px(16)};margin:${px(10)} 0 0;font-size:${px(s.meta)}}
.meta>div{display:flex;flex-wrap:wrap;gap:0 .5em}
.meta dt{color:${c.muted};font-weight:400}
.meta dt .en,.meta dd .en{margin-left:.35em}
.meta dd{margin:0;overflow-wrap:anywhere}
nav.toc ol{display:flex;flex-wrap:wrap;gap:${px(4)} ${px(18)};list-style:none;margin:0 0 ${px(theme.spacing.section)};padding:0;font-size:${px(s.meta)}}
nav.toc a{text-decoration:none}
nav.toc .en{margin-left:.35em}
main h2{font-size:${px(s.h1)};margin:${px(theme.spacing.section * 1.5)} 0 ${px(theme.spacing.block)};padding-bottom:${px(3)};border-bottom:1px solid ${c.rule};color:${c.accent}}
main h3{font-size:${px(s.h2)};margin:${px(theme.spacing.section)} 0 ${px(theme.spacing.paragraph)}}
main h4{font-size:${px(s.h3)};margin:${px(theme.spacing.block)} 0 ${px(theme.spacing.paragraph)};color:${c.muted}}
main :is(h2,h3,h4) .en{margin-left:.6em;font-weight:400;font-size:.8em}
.pair{display:grid;grid-template-columns:auto 1fr 1fr;column-gap:${px(16)};margin:0 0 ${px(theme.spacing.block)}}
.pair>.zh{grid-column:2}
.pair>.en{grid-column:3}
.pair>p{margin:0}
.pair>.pair-cites{grid-column:2 / 4}
.pair>.pair-cites .cites{margin-left:0}
.marker{grid-row:1 / 3;min-width:1.6em;height:1.6em;border-radius:50%;background:${c.accent};color:${c.white};font-size:${px(s.small)};display:flex;align-items:center;justify-content:center;margin-top:.15em}
.callout{background:${c.panel};border-left:4px solid ${c.accent};padding:${px(12)} ${px(14)} ${px(4)};margin:0 0 ${px(theme.spacing.section)}}
.callout-key{background:${c.accentSoft}}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:${px(s.body)}}
th,td{border-top:1px solid ${c.rule};padding:${px(5)} ${px(6)};text-align:left;vertical-align:top}
thead th{background:${c.panel};border-top:0}
thead th .en{display:block;font-weight:400}
td>.zh,td>.en,tbody th>.en{display:block}
tbody th>.zh{display:block}
.bi-list{margin:0 0 ${px(theme.spacing.block)};padding-left:1.4em}
.bi-list li{margin-bottom:${px(theme.spacing.paragraph)}}
.bi-list .item{display:block}
.page>footer{margin-top:${px(theme.spacing.section * 2)};padding-top:${px(theme.spacing.block)};border-top:1px solid ${c.rule};font-size:${px(s.small)};color:${c.muted}}
.page>footer p{margin:0 0 .3em}
.page>footer [lang="en"]{color:${c.muted}}
@media (max-width:720px){
  .page{padding:${px(14)} ${px(12)}}
  .pair{grid-template-columns:auto 1fr}
  .pair>.en,.pair>.pair-cites{grid-column:2}
  .pair>.en{margin-top:.2em}
  .marker{grid-row:1 / 4}
  .doc-title{font-size:${px(s.h1 + 1)}}
}
@media print{
  .page{max-width:none;padding:0}
  nav.toc{display:none}
  @page{size:A4;margin:${theme.pages.a4.margin[1]}pt ${theme.pages.a4.margin[2]}pt ${theme.pages.a4.margin[3]}pt ${theme.pages.a4.margin[0]}pt}
  .pair,.check-item,.event,tr{break-inside:avoid}
  h2,h3,h4{break-after:avoid}
}
`;

/** The site's index: file names and sizes kept on one line. */
const index = `
td{white-space:nowrap}
`;
const timelineCss = (pt: (n: number) => string, size: number) => `
.timeline{margin:0 0 ${pt(theme.spacing.section)}}
.events{list-style:none;margin:0;padding:0;display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,1fr);gap:${pt(10)};font-size:${pt(size)}}
.event{display:grid;grid-template-rows:auto ${pt(14)} auto;align-content:start;position:relative}
.event::before{content:"";position:absolute;left:0;right:-${pt(10)};top:calc(var(--date-h, 2.9em) + ${pt(7)});border-top:2px solid ${c.rule}}
.event:last-child::before{right:0}
.event .date{display:flex;flex-direction:column;min-height:var(--date-h, 2.9em);color:${c.accent};line-height:1.3}
.event .date .en{font-weight:400;color:${c.en};font-size:.85em}
.dot{position:relative;width:${pt(12)};height:${pt(12)};border-radius:50%;background:${c.accent};border:2px solid ${c.white};margin-top:${pt(1)};z-index:1}
.event-text p{margin:0 0 .2em}
.event-text .en{font-size:.9em}
`;

const timelinePhone = `
@media (max-width:720px){
  .events{grid-auto-flow:row;grid-auto-columns:auto;gap:0;border-left:2px solid ${c.rule};margin-left:.4em;padding-left:1em}
  .event{grid-template-rows:auto;grid-template-columns:1fr;padding-bottom:${px(10)}}
  .event::before{display:none}
  .event .date{flex-direction:row;gap:.6em;min-height:0}
  .dot{position:absolute;left:calc(-1em - 8px);top:.3em;margin:0}
}
`;

const checklist = `
.progress{position:sticky;top:0;z-index:2;background:${c.white};padding:${px(8)} 0;margin-bottom:${px(theme.spacing.block)};border-bottom:1px solid ${c.rule}}
.progress-label{display:flex;flex-wrap:wrap;gap:0 .6em;align-items:baseline;margin:0 0 ${px(4)};font-weight:700}
.progress-label .en{font-weight:400}
.count{margin-left:auto;font-size:${px(s.h2)};color:${c.accent}}
progress{width:100%;height:${px(8)};accent-color:${c.accent}}
.check-item{display:grid;grid-template-columns:auto 1fr;column-gap:${px(10)};padding:${px(8)} 0;border-bottom:1px solid ${c.rule}}
.check-item input{width:${px(16)};height:${px(16)};margin:.3em 0 0;accent-color:${c.accent}}
.check-item label{cursor:pointer;display:grid;grid-template-columns:1fr 1fr;column-gap:${px(16)}}
.check-item label .en{display:block}
.check-item input:checked+label .zh{text-decoration:line-through;color:${c.muted}}
.check-meta{grid-column:2;margin:${px(4)} 0 0;font-size:${px(s.small)};color:${c.muted};display:flex;flex-wrap:wrap;gap:${px(4)} ${px(8)};align-items:baseline}
.tag{background:${c.panel};border-radius:3px;padding:0 .5em}
.tag .en{margin-left:.35em;color:${c.muted}}
.check-meta .cites{margin-left:0}
@media (max-width:720px){.check-item label{grid-template-columns:1fr}.check-item label .en{margin-top:.2em}}
@media print{
  .progress{position:static;border:0}
  progress{display:none}
  .check-item input{appearance:none;-webkit-appearance:none;border:1.5px solid ${c.ink};border-radius:2px}
  .check-item input:checked{background:${c.ink}}
  .check-item input:checked+label .zh{text-decoration:none;color:${c.ink}}
}
`;

const W = SLIDE_FRAME.width;
const H = SLIDE_FRAME.height;
const [ml, mt, mr, mb] = theme.pages.slide.margin;

/** A compact slide (`.slide.compact`): the theme's compact type scale, tighter spacing and line heights. */
function compactCss(t: SlideType): string {
  const z = slideTimeline('compact');
  const k = '.compact';
  return `
${k} .slide-head h2{margin-bottom:${spx(6)};font-size:${spx(t.title)}}
${k} .slide-head h2 .en{font-size:${spx(t.titleEn)}}
${k} .slide-body{font-size:${spx(t.body)};line-height:${t.lineZh}}
${k} .slide-body .en,${k} .slide-body [lang="en"]{font-size:${spx(t.bodyEn)};line-height:${t.lineEn}}
${k} .slide-body .pair{margin-bottom:${spx(t.gap)}}
${k} .slide-body .marker{font-size:${spx(t.small)}}
${k} .slide-body .cites,${k} .slide-body .bi-list .cites{font-size:${spx(t.small * 0.8)}}
${k} .slide-body .bi-list li{margin-bottom:${spx(t.gap)}}
${k} .slide-body .bi-list .item.zh .cites{margin-left:.4em}
${k} .slide-body .note{font-size:${spx(t.small)};line-height:1.4}
${k} .slide-body .para{margin-top:${spx(6)}}
${k} .slide-body table{font-size:${spx(t.bodyEn)}}
${k} .slide-body table .zh{line-height:${t.lineZh}}
${k} .slide-body th,${k} .slide-body td{padding:${spx(2)} ${spx(5)}}
${k} .events{font-size:${spx(z.zh)};gap:${spx(z.gap)}}
${k} .event{--date-h:4em}
${k} .event::before{right:-${spx(z.gap)}}
${k} .event .date .en,${k} .event-text .en{font-size:${+(z.en / z.zh).toFixed(3)}em}
${k} .event-text p{line-height:${t.lineZh}}
${k} .event-text .en{line-height:${t.lineEn}}
${k} .event-text .cites{font-size:${spx(z.cite)}}
`;
}

const slides = `
html,body{height:100%;overflow:hidden;background:#2b2f36}
.deck{position:fixed;inset:0 0 3rem 0;display:flex;align-items:center;justify-content:center}
.slide{display:none;position:absolute;left:50%;top:50%;width:${W}px;height:${H}px;margin:-${H / 2}px 0 0 -${W / 2}px;transform:scale(var(--scale,1));transform-origin:50% 50%;background:${c.slideBg};box-shadow:0 4px 24px rgba(0,0,0,.35)}
.slide.current{display:block}
.slide-frame{position:absolute;inset:0;display:flex;flex-direction:column;padding:${spx(mt)} ${spx(mr)} ${spx(mb)} ${spx(ml)};overflow:hidden}
.slide-frame::before{content:"";position:absolute;left:0;top:0;bottom:0;width:${spx(8)};background:${c.slideBand}}
.slide-head h2{margin:0 0 ${spx(10)};font-size:${spx(s.slideTitle)};line-height:1.3;color:${c.ink}}
.slide-head h2 .en{display:block;font-size:${spx(s.slideTitleEn)};font-weight:400;color:${c.en}}
.slide-body{flex:1;min-height:0;overflow:hidden;font-size:${spx(s.slideBody)}}
.slide-body .en{font-size:${spx(s.slideBodyEn)}}
.slide-body .pair{display:grid;grid-template-columns:auto 1fr;column-gap:${spx(10)};margin:0 0 ${spx(theme.spacing.block)}}
.slide-body .pair>p{margin:0}
.slide-body .pair>.zh,.slide-body .pair>.en,.slide-body .pair>.pair-cites{grid-column:2}
.slide-body .marker{grid-row:1 / 4;min-width:1.5em;height:1.5em;border-radius:50%;background:${c.accent};color:${c.white};font-size:${spx(s.slideSmall)};display:flex;align-items:center;justify-content:center;margin-top:.35em}
.slide-body .cites{font-size:${spx(s.slideSmall * 0.8)};margin-left:0}
.slide-body .pair-cites{line-height:1.2}
.slide-body .bi-list{margin:0;padding-left:1.2em}
.slide-body .bi-list li{margin-bottom:${spx(7)}}
.slide-body .bi-list .item{display:block}
.slide-body .bi-list .cites{font-size:${spx(s.slideSmall * 0.8)};color:${c.muted}}
.slide-body .para{margin:${spx(8)} 0 0}
.slide-body .note{font-size:${spx(s.slideSmall)};color:${c.muted}}
.slide-body table{border-collapse:collapse;width:100%;font-size:${spx(s.slideBodyEn)}}
.slide-body th,.slide-body td{border-top:1px solid ${c.rule};padding:${spx(4)} ${spx(6)};text-align:left;vertical-align:top}
.slide-body thead th{background:${c.panel};border-top:0}
.slide-body thead th .en{margin-left:.5em;font-weight:400}
.slide-body td>span,.slide-body tbody th>span{display:block}
.slide-foot{display:flex;gap:.6em;margin:${spx(6)} 0 0;font-size:${spx(s.slideSmall)};color:${c.muted}}
.slide-foot [lang="en"]{color:${c.muted}}
.slide-number{margin-left:auto}
.layout-title .slide-frame{padding-left:${spx(ml * 2)}}
.layout-title .slide-frame::before{width:${spx(18)}}
.layout-title .slide-body{display:flex;flex-direction:column;justify-content:center}
.layout-title .doc-title{margin:0;font-size:${spx(s.slideTitle * 1.15)};line-height:1.35}
.layout-title .doc-title .en{display:block;margin-top:${spx(8)};font-size:${spx(s.slideTitleEn)};font-weight:400}
.layout-title .subtitle{margin:${spx(14)} 0 0;color:${c.accent};font-size:${spx(s.slideBodyEn)}}
.layout-title .subtitle .en{margin-left:.6em}
.layout-title .meta{display:grid;grid-template-columns:auto 1fr;gap:${spx(3)} ${spx(14)};margin:${spx(22)} 0 0;font-size:${spx(s.slideSmall * 1.1)}}
.layout-title .meta>div{display:contents}
.layout-title .meta dt{color:${c.muted};font-weight:400}
.layout-title .meta dd{margin:0;overflow-wrap:anywhere}
.layout-title .meta .en{margin-left:.5em}
.notes{position:fixed;left:0;right:0;bottom:3rem;max-height:40vh;overflow:auto;background:${c.white};border-top:3px solid ${c.accent};padding:.6rem 1rem;font-size:${px(s.body)};z-index:3}
.notes p{margin:0 0 .3em}
.notes-label{font-weight:700}
.notes-label .en{margin-left:.4em}
body.show-notes .slide.current .notes{display:block}
.toolbar{position:fixed;left:0;right:0;bottom:0;height:3rem;display:flex;align-items:center;justify-content:center;gap:.75rem;color:${c.white};font-size:${px(s.body)};z-index:4}
.toolbar nav{display:flex;align-items:center;gap:.75rem}
.toolbar button{font:inherit;color:${c.ink};background:${c.white};border:0;border-radius:4px;min-width:2.75rem;min-height:2.25rem;cursor:pointer}
.toolbar .counter{min-width:4.5em;text-align:center}
${compactCss(slideType('compact'))}
@media print{
  html,body{height:auto;overflow:visible;background:none}
  @page{size:${W}px ${H}px;margin:0}
  .deck{position:static;display:block}
  .slide{display:block;position:relative;left:auto;top:auto;margin:0;transform:none;box-shadow:none;break-after:page;page-break-after:always}
  .notes,.toolbar,body.show-notes .slide.current .notes{display:none}
}
`;

export function stylesheet(product: DocProduct, fontFaces: string): string {
  const body =
    product === 'slides'
      ? base + slides + timelineCss(spx, s.slideSmall * 1.1)
      : product === 'index'
        ? base + page + index
        : base + page + timelineCss(px, s.small + 0.5) + timelinePhone + (product === 'checklist' ? checklist : '');
  return fontFaces + body.replace(/\n\s*/g, '\n').trim() + '\n';
}
