/**
 * `briefwright init <slug>`: a new source file that already passes `check`,
 * with every construct of the format once, to be overwritten by the editor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
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
  { id: 'slide-title', kind: 'title', zh: '文章标题', en: 'Article Title', cites: 'lede-1' },
  { id: 'slide-part-one', kind: 'points', zh: '第一部分', en: 'Part One', cites: 'part-one-1' },
  { id: 'slide-part-one-more', kind: 'points', zh: '第一部分（续）', en: 'Part One, continued', cites: 'part-one-2' },
  { id: 'slide-takeaways', kind: 'takeaways', zh: '要点', en: 'Key takeaways' },
  { id: 'slide-recommendations', kind: 'recommendations', zh: '政策建议', en: 'Recommendations' },
  { id: 'slide-timeline', kind: 'timeline', zh: '时间线', en: 'Timeline' },
  { id: 'slide-glossary', kind: 'glossary', zh: '术语', en: 'Glossary' },
  { id: 'slide-source', kind: 'source', zh: '来源', en: 'Source' },
];

function slide(s: SlideSpec): string {
  const cites = s.cites ? ` cites="${s.cites}"` : '';
  const point =
    s.kind === 'points' ? `:::point{cites="${s.cites}"}\n::zh[这一页的一个要点。]\n::en[One point of this slide.]\n:::\n\n` : '';
  return [
    `::::slide{#${s.id} kind=${s.kind}${cites}}`,
    `::zh[${s.zh}]`,
    `::en[${s.en}]`,
    '',
    `${point}:::notes`,
    '::zh[这一页的演讲者备注。]',
    '::en[Speaker notes for this slide.]',
    ':::',
    '::::',
    '',
  ].join('\n');
}

export function scaffold(slug: string, date: string): string {
  return `---
slug: ${slug}
title:
  zh: 文章标题
  en: Article Title
short_title:
  zh: 短标题
  en: Short Title
publisher:
  zh: 砺道智库
  en: Lidao Think Tank
date: ${date}
original:
  outlet: Outlet
  author:
    zh: 作者
    en: Author
languages: [zh-Hans, en]
keywords:
  - { zh: 关键词, en: Keyword }
---

:p{#lede-1}导语第一段。请用原文的中文译文替换本段。

## 第一部分 :en[Part One]{#part-one}

:::summary
::zh[本部分的摘要，两到四句。]
::en[A two-to-four sentence summary of this part.]
:::

:p{#part-one-1}第一部分的第一段。

:p{#part-one-2 label-en="Sub-topic"}**小标题**：第一部分的第二段。

- :p{#part-one-3}列表中的一段，提到${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月的一件事。

:::takeaway{#tk-1 cites="lede-1"}
::zh[第一条要点。]
::en[The first takeaway.]
:::

:::takeaway{#tk-2 cites="part-one-1"}
::zh[第二条要点。]
::en[The second takeaway.]
:::

:::takeaway{#tk-3 cites="part-one-2"}
::zh[第三条要点。]
::en[The third takeaway.]
:::

:::recommendation{#rec-1 actor=both horizon=near kind=explicit cites="part-one-3"}
::zh[一条政策建议。]
::en[A policy recommendation.]
:::

:::term{#term-1 term="ABC" cites="part-one-1"}
::zh[术语全称]
::en[Full name of the term]
::def-zh[一句话解释这个术语。]
::def-en[A one-sentence explanation of the term.]
:::

:::event{#ev-1 date=${date.slice(0, 7)} as-written="${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月" cites="part-one-3"}
::zh[一个事件。]
::en[An event.]
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
