/**
 * A date the text does not state plainly is never shown bare: the summary's
 * timeline figure and the timeline slides carry the certainty mark in the date
 * label and the editors' note with the event (its `note`, led by a bold
 * "注：" / "Note:"), in both languages; the reading edition's margin note too.
 */
import { describe, expect, it } from 'vitest';
import type { Article, TimelineEvent } from '../../src/model/types.js';
import type { Block, TimelineFigure } from '../../src/ir/types.js';
import { summary } from '../../templates/summary.js';
import { slides } from '../../templates/slides.js';
import { reading } from '../../templates/reading.js';
import { sampleArticle } from '../helpers/sample-article.js';
import { deepFreeze, loadRealArticle, plain, walk } from './articles.js';

const marked: Article = {
  ...structuredClone(sampleArticle),
  timeline: [
    {
      id: 'ev-inferred',
      date: '2022-12',
      text: { zh: '日本公布现行战略', en: 'Japan announces its current strategies' },
      cites: ['lede-1'],
      certainty: { level: 'inferred', note: { zh: '文中未给出日期。', en: 'The text gives no date.' } },
    },
    { id: 'ev-plain', date: '2024-04-10', text: { zh: '美日峰会', en: 'US–Japan summit' }, cites: ['lede-1'] },
    {
      id: 'ev-uncertain',
      date: '2024-12',
      asWritten: '次年12月',
      text: { zh: '签署项目协议', en: 'Project agreement signed' },
      cites: ['opportunities-1'],
      certainty: { level: 'uncertain', note: { zh: '也可能指2023年12月。', en: 'It may mean December 2023.' } },
    },
  ],
};

const figures = (blocks: Block[]) => walk(blocks).filter((b): b is TimelineFigure => b.type === 'figure');
type Shown = { zhDate: string; enDate: string; zh: string; en: string; noteZh: string; noteEn: string };
const shown = (fig: TimelineFigure): Shown[] =>
  fig.events.map((e) => ({ zhDate: plain(e.dateLabel.zh), enDate: plain(e.dateLabel.en), zh: plain(e.text.zh), en: plain(e.text.en), noteZh: plain(e.note?.zh), noteEn: plain(e.note?.en) }));

const expected: Shown[] = [
  { zhDate: '2022年12月（推断）', enDate: 'December 2022 (inferred)', zh: '日本公布现行战略', en: 'Japan announces its current strategies', noteZh: '注：文中未给出日期。', noteEn: 'Note: The text gives no date.' },
  { zhDate: '2024年4月10日', enDate: '10 April 2024', zh: '美日峰会', en: 'US–Japan summit', noteZh: '', noteEn: '' },
  { zhDate: '2024年12月（存疑）', enDate: 'December 2024 (uncertain)', zh: '签署项目协议', en: 'Project agreement signed', noteZh: '注：也可能指2023年12月。', noteEn: 'Note: It may mean December 2023.' },
];

describe('certainty of timeline dates in the products', () => {
  const fromSummary = figures(summary(deepFreeze(structuredClone(marked))).blocks).flatMap(shown);
  const deck = slides(deepFreeze(structuredClone(marked))).blocks;
  const fromSlides = figures(deck).flatMap(shown);

  it('summary: marks an inferred and an uncertain date, and gives each its note, apart from the claim', () => {
    expect(fromSummary).toEqual(expected);
  });

  it('slides: the same marks and notes, each note with its event', () => {
    expect(fromSlides).toEqual(expected);
  });

  it('sets the note apart from the claim with a bold label, so a reader tells them apart', () => {
    const e = figures(summary(marked).blocks)[0].events[0];
    const style = (runs: typeof e.text.zh) => runs!.map((s) => (s.strong ? 'strong' : s.em ? 'em' : 'plain'));
    expect(style(e.note!.zh)).toEqual(['strong', 'plain']);
    expect(style(e.note!.en)).toEqual(['strong', 'plain']);
    expect(style(e.text.zh)).toEqual(['plain']);
  });

  it('reading edition: the margin note of an event names its marked date and its note', () => {
    const doc = reading(marked);
    const notes = walk(doc.blocks).flatMap((b) => (b.type === 'passage' ? b.notes : []));
    const n = notes.find((x) => plain(x.text.zh).startsWith('签署项目协议'))!;
    expect(plain(n.label.zh)).toBe('事件 \u00B7 2024年12月（存疑）');
    expect(plain(n.text.zh)).toBe('签署项目协议注：也可能指2023年12月。');
  });

  it('the real article: every event with a certainty shows its mark and note, every other one its plain date', async () => {
    const real = await loadRealArticle();
    const events: TimelineEvent[] = real.timeline;
    expect(events.filter((e) => e.certainty).map((e) => [e.id, e.certainty!.level]).sort()).toEqual([
      ['ev-cca-ai', 'inferred'],
      ['ev-strategies', 'inferred'],
    ]);
    for (const all of [figures(summary(real).blocks).flatMap(shown), figures(slides(real).blocks).flatMap(shown)]) {
      expect(all).toHaveLength(events.length);
      for (const e of events) {
        const s = all.find((x) => x.zh === e.text.zh)!;
        expect(s, e.id).toBeDefined();
        if (e.certainty) {
          expect(s.enDate).toMatch(new RegExp(` \\(${e.certainty.level}\\)$`));
          expect(s.zhDate).toMatch(/（(推断|存疑)）$/);
          expect(s.noteZh).toContain(e.certainty.note.zh);
          expect(s.noteEn).toContain(e.certainty.note.en);
        } else {
          expect(s.enDate).not.toMatch(/\(/);
          expect(s.noteZh).toBe('');
        }
      }
    }
  });
});
