/**
 * The deck: 16:9 slides in a fixed 1280 × 720 px frame scaled to the window,
 * set with the theme's slide type scale (never below the minimum sizes of
 * constants.ts, never clipped); the layouts; a reading mode below
 * DECK_READING_MAX px (slides as a scrolling column at reading size, notes
 * under each slide); one slide a page in print. The title slide's text is as
 * wide as the template measured it (the slide's content width, its label
 * column `meta.labelWidth`), as the PDF and PPTX draw it.
 */
import { slideSpec, slideTimeline, slideType, theme, type SlideDensity } from '../../../theme/theme.js';
import { DECK_READING_MAX, SLIDE_FRAME, SLIDE_MIN_PT, SLIDE_MIN_TITLE_PT, titleSizeClass } from '../constants.js';
import { timelineRows } from './timeline.js';
import { c, px, s, spx } from './units.js';

const W = SLIDE_FRAME.width;
const H = SLIDE_FRAME.height;
const [ml, mt, mr, mb] = theme.pages.slide.margin;
const atLeast = (pt: number, min = SLIDE_MIN_PT) => Math.max(pt, min);

/** The type scale of a density as custom properties (px in the slide frame). */
export function slideVars(d: SlideDensity): string {
  const t = slideType(d);
  const z = slideTimeline(d);
  const body = atLeast(t.body);
  const title = atLeast(t.title, SLIDE_MIN_TITLE_PT);
  return [
    `--title:${spx(title)}`,
    `--title-big:${spx(title * 1.3)}`,
    `--title-en:${spx(atLeast(t.titleEn))}`,
    `--statement:${spx((body + title) / 2)}`,
    `--body:${spx(body)}`,
    `--body-en:${spx(atLeast(t.bodyEn))}`,
    `--small:${spx(atLeast(t.small))}`,
    `--rows:${spx(slideSpec.title.meta.size)}`,
    `--line-zh:${t.lineZh}`,
    `--line-en:${t.lineEn}`,
    `--gap:${spx(t.gap)}`,
    `--tl:${spx(atLeast(z.zh))}`,
    `--tl-en:${spx(atLeast(z.en))}`,
    `--tl-gap:${spx(z.gap)}`,
    `--tl-note:${spx(atLeast(z.cite))}`,
  ].join(';');
}

/**
 * The smallest scale a slide is set at when its content does not fit at its
 * density (the deck's script steps a slide down to it, css `fit-2`): the
 * minimum sizes of constants.ts, tight spacing.
 */
export function minimumVars(): string {
  const t = slideType('compact');
  return [
    `--title:${spx(SLIDE_MIN_TITLE_PT)}`,
    `--title-big:${spx(SLIDE_MIN_TITLE_PT)}`,
    `--title-en:${spx(SLIDE_MIN_PT + 1)}`,
    `--statement:${spx(SLIDE_MIN_PT + 4)}`,
    `--body:${spx(atLeast(Math.min(t.body, SLIDE_MIN_PT + 1)))}`,
    `--body-en:${spx(SLIDE_MIN_PT)}`,
    `--small:${spx(SLIDE_MIN_PT)}`,
    `--rows:${spx(SLIDE_MIN_PT)}`,
    `--line-zh:${Math.min(t.lineZh, 1.35)}`,
    `--line-en:${Math.min(t.lineEn, 1.2)}`,
    `--gap:${spx(Math.min(t.gap, 3))}`,
    `--tl:${spx(SLIDE_MIN_PT)}`,
    `--tl-en:${spx(SLIDE_MIN_PT)}`,
    `--tl-gap:${spx(4)}`,
    `--tl-note:${spx(SLIDE_MIN_PT)}`,
  ].join(';');
}

/**
 * A slide's title at the size its template chose (`SlideBlock.titleSize`,
 * the size the PDF and PPTX draw): one rule per size of the theme's lists
 * (headline, title slide, divider), after the density's rule and before the
 * fit steps, which still win when the slide overflows in the browser.
 */
function titleSizeRules(): { chosen: string; fit1: string } {
  const sizes = new Map<string, { zh: number; en: number }>();
  for (const z of [...slideSpec.headline.sizes, ...slideSpec.title.sizes, ...slideSpec.section.sizes]) sizes.set(titleSizeClass(z), z);
  const compact = slideType('compact');
  const rule = (sel: string, zh: number, big: number, en: number) =>
    `${sel}{--title:${spx(atLeast(zh, SLIDE_MIN_TITLE_PT))};--title-big:${spx(atLeast(big, SLIDE_MIN_TITLE_PT))};--title-en:${spx(atLeast(en))}}`;
  return {
    chosen: [...sizes].map(([cls, z]) => rule(`.slide.${cls}`, z.zh, z.zh, z.en)).join('\n'),
    // The first fit step never sets a title larger than the template chose (a title slide's 21 pt under compact's 27.3).
    fit1: [...sizes]
      .map(([cls, z]) => rule(`.slide.fit-1.${cls}`, Math.min(z.zh, compact.title), Math.min(z.zh, compact.title * 1.3), Math.min(z.en, compact.titleEn)))
      .join('\n'),
  };
}

const titleRules = titleSizeRules();

/** Reading mode: the same properties at the A4 pages' reading sizes. */
const readingVars = [
  `--title:${px(s.h1)}`,
  `--title-big:${px(s.title)}`,
  `--title-en:${px(s.h3)}`,
  `--statement:${px(s.h2)}`,
  `--body:${px(s.h3)}`,
  `--body-en:${px(s.body + 1)}`,
  `--small:${px(s.meta)}`,
  `--rows:${px(s.body)}`,
  `--line-zh:${theme.lineHeight.zh}`,
  `--line-en:${theme.lineHeight.en}`,
  `--gap:${px(theme.spacing.block)}`,
  `--tl:${px(s.h3)}`,
  `--tl-en:${px(s.body + 1)}`,
  `--tl-gap:${px(theme.spacing.block)}`,
  `--tl-note:${px(s.meta)}`,
].join(';');

export const slides = `
html,body{height:100%;overflow:hidden;background:#2b2f36}
.deck{position:fixed;inset:0 0 3rem 0;display:flex;align-items:center;justify-content:center}
.slide{${slideVars('normal')};display:none;position:absolute;left:50%;top:50%;width:${W}px;height:${H}px;margin:-${H / 2}px 0 0 -${W / 2}px;transform:scale(var(--scale,1));transform-origin:50% 50%;background:${c.slideBg};box-shadow:0 4px 24px rgba(0,0,0,.35)}
.slide.compact{${slideVars('compact')}}
${titleRules.chosen}
.slide.fit-1{${slideVars('compact')}}
${titleRules.fit1}
.slide.fit-2{${minimumVars()}}
.slide.measure{display:block;visibility:hidden}
.fit-2.layout-title dl.meta{grid-template-columns:auto minmax(0,1fr) auto minmax(0,1fr);margin-top:${spx(10)}}
.fit-2.layout-title .subtitle{margin-top:${spx(6)}}
.fit-2.layout-title .doc-title .en{margin-top:${spx(4)}}
.slide.current{display:block}
.slide-frame{position:absolute;inset:0;display:flex;flex-direction:column;padding:${spx(mt)} ${spx(mr)} ${spx(mb)} ${spx(ml)}}
.slide-frame::before{content:"";position:absolute;left:0;top:0;bottom:0;width:${spx(8)};background:${c.slideBand}}
.slide-head h2{margin:0 0 var(--gap);font-size:var(--title);line-height:1.25;color:${c.ink}}
.slide-head h2 .en{display:block;font-size:var(--title-en);font-weight:400;color:${c.en};line-height:var(--line-en)}
.slide-body{flex:1 1 auto;min-height:0;font-size:var(--body);line-height:var(--line-zh)}
.slide-body [lang="en"]{line-height:var(--line-en)}
.slide-body .en{font-size:var(--body-en)}
.slide :is(.tag,.run-tag,.source,.marker,dl.meta,.check-meta,.event-note) .en{font-size:inherit}
.slide-body .pair{display:grid;grid-template-columns:minmax(0,1fr);margin:0 0 var(--gap)}
.slide-body .pair.has-marker{grid-template-columns:auto minmax(0,1fr);column-gap:${spx(10)}}
.slide-body .pair>p{margin:0}
.slide-body .pair.has-marker>*{grid-column:2}
.slide-body .pair.has-marker>.marker{grid-column:1;grid-row:1 / 4}
.slide-body .pair-foot{display:flex;flex-wrap:wrap;gap:0 .6em;align-items:baseline;margin-top:.15em}
.slide-body .marker{min-width:1.5em;height:1.5em;padding:0 .35em;border-radius:.75em;background:${c.accent};color:${c.white};font-size:var(--small);display:flex;align-items:center;justify-content:center;margin-top:.3em;line-height:1}
.slide .source,.slide .tag,.slide .run-tag{font-size:var(--small)}
.slide-body .bi-list{margin:0;padding-left:1.2em}
.slide-body .bi-list li{margin-bottom:var(--gap)}
.slide-body .bi-list .item,.slide-body .bi-list .source{display:block}
.slide-body .para{margin:0 0 ${spx(6)}}
.slide-body .para.note,.slide-body .para.meta{font-size:var(--small);color:${c.muted}}
.slide-body table{border-collapse:collapse;width:100%;font-size:var(--body-en)}
.slide-body th,.slide-body td{border-top:1px solid ${c.rule};padding:${spx(3)} ${spx(6)};text-align:left;vertical-align:top}
.slide-body thead th{background:${c.panel};border-top:0}
.slide-body thead th .en{margin-left:.5em;font-weight:400}
.slide-body td>span,.slide-body tbody th>span{display:block}
/* A glossary's term column as wide as on paper, on each of its slides (the columns do not shift from slide to slide). */
.layout-glossary .slide-body table{table-layout:fixed}
.layout-glossary .slide-body tr>:first-child{width:${spx(slideSpec.glossary.termWidth)}}
.slide-body .callout{border-left:4px solid ${c.accent};background:${c.accentSoft};padding:${spx(6)} ${spx(10)};margin:0 0 var(--gap)}
.check-item.static{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:${spx(10)};padding:0 0 var(--gap)}
.check-item.static .box{width:.85em;height:.85em;border:2px solid ${c.ink};border-radius:2px;margin-top:.4em}
.check-item.static .check-text{margin:0}
.check-item.static .check-text .en{display:block}
.check-item.static .check-meta{grid-column:2;margin:.15em 0 0;display:flex;flex-wrap:wrap;gap:0 .6em;align-items:baseline}
.slide-foot{display:flex;align-items:flex-end;gap:.4em 1.2em;margin:${spx(6)} 0 0;font-size:var(--small);color:${c.muted}}
.slide-foot p{margin:0}
.slide-source{flex:1 1 auto;min-width:0;line-height:1.35}
.slide-foot .slide-deck{flex:0 1 auto;margin-left:auto;display:flex;gap:.6em;white-space:nowrap}
.slide-deck [lang="en"]{color:${c.muted}}
.slide-number{margin-left:.4em}
.layout-title .slide-frame{padding-left:${spx(ml)}}
.layout-title .slide-frame::before{width:${spx(18)}}
.layout-title .slide-body{display:flex;flex-direction:column}
.layout-title .doc-title{margin:0;font-size:var(--title-big);line-height:1.3}
.layout-title .doc-title .en{display:block;margin-top:${spx(8)};font-size:var(--title-en);font-weight:400}
.layout-title .subtitle{margin:${spx(14)} 0 0;color:${c.accent};font-size:var(--body-en)}
.layout-title .subtitle .en{margin-left:.6em}
.layout-title dl.meta{display:grid;grid-template-columns:${spx(slideSpec.title.meta.labelWidth - 8)} minmax(0,1fr);gap:${spx(slideSpec.title.meta.gap)} ${spx(8)};margin:${spx(20)} 0 0;font-size:var(--rows);line-height:${slideSpec.title.meta.line}}
.layout-title dl.meta>div{display:contents}
.layout-title dl.meta dt{color:${c.muted}}
.layout-title dl.meta dd{margin:0;overflow-wrap:anywhere}
.layout-title dl.meta .en{margin-left:.5em}
.title-layout .slide-head{flex:0 1 auto;margin-top:auto}
.title-layout .slide-head h2{font-size:var(--title-big)}
.title-layout .slide-head h2 .en{margin-top:.3em}
.title-layout .slide-body{flex:0 1 auto}
.title-layout .slide-foot{margin-top:auto}
.layout-closing .slide-head h2{color:${c.accent}}
.layout-statement .slide-body{display:flex;flex-direction:column}
/* Centred by auto margins, which never push content out of the top of the box (justify-content would). A timeline
   starts at the top, as on paper and in the PPTX: its dates stay level from one of its slides to the next. */
:is(.layout-title,.layout-statement) .slide-body>:first-child{margin-top:auto}
:is(.layout-title,.layout-statement) .slide-body>:last-child{margin-bottom:auto}
.layout-statement .pair>.zh{font-size:var(--statement);line-height:1.45}
.layout-statement .pair>.en{font-size:var(--body);margin-top:.4em}
@media print,(min-width:${DECK_READING_MAX}px){
.layout-columns .pair{grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:${spx(18)}}
}
${timelineRows()}
.notes{display:none;position:fixed;left:0;right:0;bottom:3rem;height:30vh;overflow:auto;background:${c.white};border-top:3px solid ${c.accent};padding:.6rem 1rem;font-size:${px(s.h3)};z-index:3}
.notes p{margin:0 0 .3em}
body.show-notes .slide.current+.notes{display:block}
body.show-notes .deck{bottom:calc(3rem + 30vh)}
.toolbar{position:fixed;left:0;right:0;bottom:0;height:3rem;display:flex;align-items:center;justify-content:center;gap:.75rem;color:${c.white};font-size:${px(s.body)};z-index:4}
.toolbar nav{display:flex;align-items:center;gap:.75rem}
.toolbar button{font:inherit;color:${c.ink};background:${c.white};border:0;border-radius:4px;min-width:2.75rem;min-height:2.25rem;padding:0 .6em;cursor:pointer}
.toolbar button[aria-pressed="true"]{background:${c.accentSoft}}
.toolbar .counter{min-width:4.5em;text-align:center}
@media screen and (max-width:${DECK_READING_MAX - 0.02}px){
  html,body{height:auto;overflow:visible;background:${c.panel}}
  .deck{position:static;display:block;padding:${px(8)} 0}
  .slide,.deck .slide{${readingVars};display:block;position:static;width:auto;height:auto;margin:0 0 ${px(12)};transform:none;box-shadow:none;border-top:1px solid ${c.rule};border-bottom:1px solid ${c.rule}}
  .slide-frame{position:relative;inset:auto;padding:${px(14)} ${px(12)} ${px(10)} ${px(18)}}
  .slide-frame::before{width:${px(4)}}
  .layout-title .slide-frame{padding-left:${px(18)}}
  .layout-title .slide-frame::before{width:${px(6)}}
  .layout-title dl.meta,.fit-2.layout-title dl.meta{grid-template-columns:minmax(0,1fr);gap:0}
  .layout-title dl.meta dt{margin-top:${px(6)}}
  .slide-foot{flex-wrap:wrap}
  .slide-foot .slide-deck{white-space:normal;flex-wrap:wrap}
  .events{border-left:2px solid ${c.rule};margin-left:.4em;padding-left:1em}
  .event{grid-template-columns:minmax(0,1fr);position:relative;padding-bottom:${px(10)}}
  .event .date{flex-direction:row;flex-wrap:wrap;gap:0 .6em}
  .dot{position:absolute;left:calc(-1em - 1px);top:0}
  .dot::after{display:none}
  .slide-body table{font-size:var(--body-en)}
  .slide-body th,.slide-body td{overflow-wrap:anywhere;padding:${px(3)} ${px(4)}}
  .layout-glossary .slide-body tr>:first-child{width:32%}
  .layout-glossary .slide-body :is(th,td){overflow-wrap:break-word}
  .slide-body .table-wrap{overflow-x:auto}
  body.show-notes .deck{bottom:auto}
  .notes .again{display:none}
  .notes,body.show-notes .slide.current+.notes{display:block;position:static;height:auto;max-height:none;overflow:visible;border-top:1px dashed ${c.rule};margin:0 ${px(12)} 0 ${px(18)};padding:${px(6)} 0 ${px(10)};font-size:${px(s.body + 1)};color:${c.muted};background:none}
  .toolbar{display:none}
}
@media print{
  html,body{height:auto;overflow:visible;background:none}
  @page{size:${W}px ${H}px;margin:0}
  .deck{position:static;display:block}
  .slide,.slide.current{display:block;position:relative;left:auto;top:auto;margin:0;transform:none;box-shadow:none;break-after:page;page-break-after:always}
  .notes,.toolbar,body.show-notes .slide.current+.notes{display:none}
}
`;
