/**
 * A date the text does not state plainly is never shown bare: the summary's
 * timeline figure and the timeline slide carry the certainty mark in the date
 * label and the editors' note after the event's text, in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Article, TimelineEvent } from '../../src/model/types.js';
import type { Block, TimelineFigure } from '../../src/ir/types.js';
import { summary } from '../../templates/summary.js';
import { slides } from '../../templates/slides.js';
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
type Shown = { zhDate: string; enDate: string; zh: string; en: string };
const shown = (fig: TimelineFigure): Shown[] =>
  fig.events.map((e) => ({ zhDate: plain(e.dateLabel.zh), enDate: plain(e.dateLabel.en), zh: plain(e.text.zh), en: plain(e.text.en) }));

describe('certainty of timeline dates in the products', () => {
  const fromSummary = figures(summary(deepFreeze(structuredClone(marked))).blocks).flatMap(shown);
  const deck = slides(deepFreeze(structuredClone(marked))).blocks;
  const fromSlides = figures(deck).flatMap(shown);

  it('summary: marks an inferred and an uncertain date, and prints each note after the text', () => {
    expect(fromSummary).toEqual([
      { zhDate: '2022年12月（推断）', enDate: 'December 2022 (inferred)', zh: '日本公布现行战略注：文中未给出日期。', en: 'Japan announces its current strategies Note: The text gives no date.' },
      { zhDate: '2024年4月10日', enDate: '10 April 2024', zh: '美日峰会', en: 'US–Japan summit' },
      { zhDate: '2024年12月（存疑）', enDate: 'December 2024 (uncertain)', zh: '签署项目协议注：也可能指2023年12月。', en: 'Project agreement signed Note: It may mean December 2023.' },
    ]);
  });

  it('slides: marks the dates in the figure and prints the notes under it, each after its marked date', () => {
    expect(fromSlides).toEqual([
      { zhDate: '2022年12月（推断）', enDate: 'December 2022 (inferred)', zh: '日本公布现行战略', en: 'Japan announces its current strategies' },
      { zhDate: '2024年4月10日', enDate: '10 April 2024', zh: '美日峰会', en: 'US–Japan summit' },
      { zhDate: '2024年12月（存疑）', enDate: 'December 2024 (uncertain)', zh: '签署项目协议', en: 'Project agreement signed' },
    ]);
    const slide = deck.find((b) => b.type === 'slide' && figures(b.children).length > 0)!;
    const notes = walk([slide]).filter((b) => b.type === 'paragraph' && b.role === 'note').map((b) => (b.type === 'paragraph' ? [b.lang, plain(b.text)] : []));
    expect(notes).toEqual([
      ['zh', '2022年12月（推断）：文中未给出日期。2024年12月（存疑）：也可能指2023年12月。'],
      ['en', 'December 2022 (inferred): The text gives no date. December 2024 (uncertain): It may mean December 2023.'],
    ]);
  });

  it('sets the note apart from the claim with a bold label, so a reader tells them apart', () => {
    const fig = figures(summary(marked).blocks)[0];
    const e = fig.events[0];
    const style = (runs: typeof e.text.zh) => runs!.map((s) => (s.strong ? 'strong' : s.em ? 'em' : 'plain'));
    expect(style(e.text.zh)).toEqual(['plain', 'strong', 'plain']);
    expect(style(e.text.en)).toEqual(['plain', 'strong', 'plain']);
  });

  it('the real article: every event with a certainty shows its mark and note, every other one its plain date', async () => {
    const real = await loadRealArticle();
    expect(real, 'the real source loads').not.toBeNull();
    const events: TimelineEvent[] = real!.timeline;
    expect(events.filter((e) => e.certainty).map((e) => [e.id, e.certainty!.level]).sort()).toEqual([
      ['ev-cca-ai', 'uncertain'],
      ['ev-strategies', 'inferred'],
    ]);
    const all = figures(summary(real!).blocks).flatMap(shown);
    expect(all).toHaveLength(events.length);
    for (const e of events) {
      const s = all.find((x) => x.zh.startsWith(e.text.zh))!;
      expect(s, e.id).toBeDefined();
      if (e.certainty) {
        expect(s.enDate).toMatch(new RegExp(` \\(${e.certainty.level}\\)$`));
        expect(s.zhDate).toMatch(/（(推断|存疑)）$/);
        expect(s.zh).toContain(e.certainty.note.zh);
        expect(s.en).toContain(e.certainty.note.en);
      } else {
        expect(s.enDate).not.toMatch(/\(/);
        expect(s.zh).toBe(e.text.zh);
      }
    }
    // The slides: every marked date in the figure, every note under it.
    const deck = slides(real!).blocks;
    const onSlides = figures(deck).flatMap(shown);
    expect(onSlides).toHaveLength(events.length);
    const noteText = walk(deck).flatMap((b) => (b.type === 'paragraph' && b.role === 'note' ? [plain(b.text)] : [])).join('\n');
    for (const e of events.filter((x) => x.certainty)) {
      expect(onSlides.some((x) => x.zh === e.text.zh && /（(推断|存疑)）$/.test(x.zhDate))).toBe(true);
      expect(noteText).toContain(e.certainty!.note.zh);
      expect(noteText).toContain(e.certainty!.note.en);
    }
  });
});
