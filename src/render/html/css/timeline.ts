/**
 * The timeline on pages: a horizontal axis on a wide screen (in even rows of at most six events, the
 * handler's `cols-N` class), a vertical one on a phone; on a slide, a row per event (`timelineRows`).
 * Dates never break.
 */
import { slideSpec, theme } from '../../../theme/theme.js';
import { MAX_EVENTS_A_ROW } from '../handlers/timeline.js';
import { c, px, spx } from './units.js';

/** `size` and `gap` are CSS lengths of the A4 scale. */
export function timeline(size: string, gap: string, sectionGap: string): string {
  return `
.timeline{margin:0 0 ${sectionGap}}
.events{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(var(--cols,1),minmax(0,1fr));gap:calc(1.6 * ${gap}) ${gap};font-size:${size}}
${Array.from({ length: MAX_EVENTS_A_ROW }, (_, i) => `.events.cols-${i + 1}{--cols:${i + 1}}\n.events.cols-${i + 1} .event:nth-child(${i + 1}n)::before{right:0}`).join('\n')}
.event{display:grid;grid-template-rows:auto 1.1em auto;align-content:start;position:relative}
.event::before{content:"";position:absolute;left:0;right:calc(-1 * ${gap});top:calc(var(--date-h, 2.9em) + .55em);border-top:2px solid ${c.rule}}
.event:last-child::before{right:0}
.event .date{display:flex;flex-direction:column;min-height:var(--date-h, 2.9em);color:${c.accent};line-height:1.3}
.event .date>span{white-space:nowrap}
.event .date .en{font-weight:400;color:${c.en};font-size:.85em}
.dot{position:relative;width:.95em;height:.95em;border-radius:50%;background:${c.accent};border:2px solid ${c.white};margin-top:.1em;z-index:1}
.event-text p{margin:0 0 .2em}
.event-text>.en{font-size:.9em}
.event-note{color:${c.muted};font-size:.85em}
.event-note .en{color:inherit}
/* Each language of a note is a line box of its own, so a Chinese note breaks as its own paragraph (no character alone at its end, no English run in after it). */
.event-note>:is(.zh,.en){display:block}
`;
}

export const timelinePhone = `
@media (max-width:720px){
  .events{grid-template-columns:minmax(0,1fr);gap:0;border-left:2px solid ${c.rule};margin-left:.4em;padding-left:1em}
  .event{grid-template-rows:auto;grid-template-columns:minmax(0,1fr);padding-bottom:${px(10)}}
  .event::before{display:none}
  .event .date{flex-direction:row;flex-wrap:wrap;gap:0 .6em;min-height:0}
  .dot{position:absolute;left:calc(-1em - 8px);top:.3em;margin:0}
}
`;

/**
 * The timeline on a slide, as the template measured it (`slideSpec.timeline`) and the PDF and PPTX draw it: a row
 * per event, top to bottom: the date (Chinese over English, bold, each on one line) in a column as wide as the
 * timeline's widest date (`--date-w`, from the list's `dw-N` class: the same on each of its slides, so the dates
 * line up from one to the next), a rule with a dot, then the event's Chinese, English and note, each language on
 * a line of its own. The rule runs from each dot down to the next one's. Dot and rule as the theme's marks.
 */
export function timelineRows(): string {
  const t = slideSpec.timeline;
  // The first line's middle: the Chinese date's line box (its size is --tl, as the event's Chinese).
  const mid = `${t.line.zh / 2}em`;
  const dot = spx(2 * theme.timeline.dot);
  const rule = spx(theme.timeline.rule);
  return `
.timeline{margin:0}
.events{list-style:none;margin:0;padding:0;font-size:var(--tl)}
.event{display:grid;grid-template-columns:var(--date-w,max-content) ${spx(t.rule)} minmax(0,1fr);padding:0 0 var(--tl-gap)}
.event:last-child{padding-bottom:0}
.event .date{display:flex;flex-direction:column;color:${c.accent}}
.event .date>span{white-space:nowrap}
.event .date>.zh{line-height:${t.line.zh}}
.event .date>.en{font-size:var(--tl-en);line-height:${t.line.en};color:${c.muted}}
.dot{position:relative}
.dot::before{content:"";position:absolute;left:50%;top:calc(${mid} - ${dot} / 2);width:${dot};height:${dot};margin-left:calc(${dot} / -2);border-radius:50%;background:${c.accent};z-index:1}
.dot::after{content:"";position:absolute;left:50%;top:${mid};bottom:calc(-1 * var(--tl-gap) - ${mid});margin-left:calc(${rule} / -2);border-left:${rule} solid ${c.rule}}
.event:last-child .dot::after{display:none}
.event-text p{margin:0}
.event-text>.zh{line-height:${t.line.zh}}
.event-text>.en{font-size:var(--tl-en);line-height:${t.line.en}}
.event-note{font-size:var(--tl-note);color:${c.muted}}
.event-note .en{color:inherit}
/* Each language on its own line, at the note's pitch (not the [lang="en"] one). */
.event-note>:is(.zh,.en){display:block;line-height:${t.line.note}}
.event-text .source{font-size:var(--small)}
`;
}

/** The width of each timeline's date column in a deck (its `dw-N` class), in slide points. */
export function dateColumnRules(widths: Iterable<number>): string {
  return [...new Set(widths)].sort((a, b) => a - b).map((w) => `.dw-${w}{--date-w:${spx(w)}}`).join('\n');
}
