/**
 * The timeline: a horizontal axis on wide pages and slides (in even rows of at most six events, the
 * handler's `cols-N` class), a vertical one on a phone. Dates never break.
 */
import { MAX_EVENTS_A_ROW } from '../handlers/timeline.js';
import { c, px } from './units.js';

/** `size` and `gap` are CSS lengths (the A4 scale or the slide's custom properties). */
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
