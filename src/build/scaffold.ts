/**
 * `briefwright init <slug>`: a new source file with every construct of the
 * format once — declared actors, sections with a sub-heading, a labelled
 * paragraph, a block quote, numbered and bulleted lists, a captioned table, a
 * footnote, and each kind of editorial item. The event cites the list item
 * that names its month, as the timeline rules ask. It has no error, and `check`
 * flags each placeholder text (`placeholder-text`) until the editor replaces
 * it; the texts come from `src/model/placeholders.ts`, the list that check
 * compares with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import { PLACEHOLDER as P, MONTH, withMonth } from '../model/placeholders.js';
import { SOURCE_DIR } from './discover.js';

export const SLUG_PATTERN = /^[a-z0-9-]{3,64}$/;

interface SlideSpec {
  id: string;
  kind: string;
  zh: string;
  en: string;
  cites?: string;
}

/** Eight slides (the recommended minimum): one of each kind, points twice. */
const SLIDES: SlideSpec[] = [
  { id: 'slide-title', kind: 'title', zh: P.slideTitle.zh, en: P.slideTitle.en, cites: 'lede-1' },
  { id: 'slide-part-one', kind: 'points', zh: P.section.zh, en: P.section.en, cites: 'part-one-1' },
  { id: 'slide-part-one-more', kind: 'points', zh: P.slidePartMore.zh, en: P.slidePartMore.en, cites: 'part-one-2' },
  { id: 'slide-takeaways', kind: 'takeaways', zh: '要点', en: 'Key takeaways' },
  { id: 'slide-recommendations', kind: 'recommendations', zh: '政策建议', en: 'Recommendations' },
  { id: 'slide-timeline', kind: 'timeline', zh: '时间线', en: 'Timeline' },
  { id: 'slide-glossary', kind: 'glossary', zh: '术语', en: 'Glossary' },
  { id: 'slide-source', kind: 'source', zh: '来源', en: 'Source' },
];

function slide(s: SlideSpec): string {
  const cites = s.cites ? ` cites="${s.cites}"` : '';
  const point = s.kind === 'points' ? `:::point{cites="${s.cites}"}\n::zh[${P.point.zh}]\n::en[${P.point.en}]\n:::\n\n` : '';
  return [
    `::::slide{#${s.id} kind=${s.kind}${cites}}`,
    `::zh[${s.zh}]`,
    `::en[${s.en}]`,
    '',
    `${point}:::notes`,
    `::zh[${P.notes.zh}]`,
    `::en[${P.notes.en}]`,
    ':::',
    '::::',
    '',
  ].join('\n');
}

const takeaway = (n: number, cites: string) => `:::takeaway{#tk-${n} cites="${cites}"}\n::zh[${P.takeaways[n - 1].zh}]\n::en[${P.takeaways[n - 1].en}]\n:::\n`;

export function scaffold(slug: string, date: string): string {
  return `---
slug: ${slug}
title:
  zh: ${P.title.zh}
  en: ${P.title.en}
short_title:
  zh: ${P.shortTitle.zh}
  en: ${P.shortTitle.en}
publisher:
  zh: 砺道智库
  en: Lidao Think Tank
date: ${date}
original:
  outlet: ${P.outlet}
  author:
    zh: ${P.author.zh}
    en: ${P.author.en}
languages: [zh-Hans, en]
keywords:
  - { zh: ${P.keyword.zh}, en: ${P.keyword.en} }
actors:
  - { id: ${P.actorA.id}, zh: ${P.actorA.zh}, en: ${P.actorA.en} }
  - { id: ${P.actorB.id}, zh: ${P.actorB.zh}, en: ${P.actorB.en} }
---

:p{#lede-1}${P.lede}

## ${P.section.zh} :en[${P.section.en}]{#part-one}

:::summary
::zh[${P.summary.zh}]
::en[${P.summary.en}]
:::

:p{#part-one-1}${P.paragraph1}

:p{#part-one-2 label-en="${P.label.en}"}**${P.label.zh}**：${P.paragraph2}

### ${P.subHeading.zh} :en[${P.subHeading.en}]

> :p{#part-one-3}${P.quote}

1. :p{#part-one-4}${P.ordered[0]}
2. :p{#part-one-5}${P.ordered[1]}

- :p{#part-one-6}${withMonth(P.bullet, date)}

::table[${P.table.zh}]{#part-one-7 en="${P.table.en}"}
| ${P.cells[0]} | ${P.cells[1]} |
| --- | --- |
| ${P.cells[2]} | ${P.cells[3]} |

:p{#part-one-8}${P.footnoteRef}[^1]

[^1]: ${P.footnote}

${takeaway(1, 'lede-1')}
${takeaway(2, 'part-one-1')}
${takeaway(3, 'part-one-2')}
:::recommendation{#rec-1 actor=${P.actorA.id} horizon=near kind=explicit cites="part-one-4"}
::zh[${P.recommendation.zh}]
::en[${P.recommendation.en}]
:::

:::term{#term-1 term="${P.term.term}" cites="part-one-1"}
::zh[${P.term.zh}]
::en[${P.term.en}]
::def-zh[${P.term.defZh}]
::def-en[${P.term.defEn}]
:::

:::event{#ev-1 date=${date.slice(0, 7)} as-written="${withMonth(MONTH, date)}" cites="part-one-6"}
::zh[${P.event.zh}]
::en[${P.event.en}]
:::

${SLIDES.map(slide).join('\n')}`;
}

/** Today's date (UTC), or the date of SOURCE_DATE_EPOCH when set. */
export function scaffoldDate(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const raw = env.SOURCE_DATE_EPOCH;
  const ms = raw && /^\d+$/.test(raw) ? Number(raw) * 1000 : now();
  return new Date(ms).toISOString().slice(0, 10);
}

/** Write `source/<slug>.md` under `root`; never overwrites. Returns the path written (relative). */
export function initArticle(root: string, slug: string, date: string = scaffoldDate()): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw usageError(`slug "${slug}" must be 3–64 characters of a–z, 0–9 and "-"`);
  }
  const rel = path.join(SOURCE_DIR, `${slug}.md`);
  mkdirSync(path.join(root, SOURCE_DIR), { recursive: true });
  try {
    writeFileSync(path.join(root, rel), scaffold(slug, date), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw usageError(`${rel} already exists; not overwriting it`);
    throw error;
  }
  return rel;
}
