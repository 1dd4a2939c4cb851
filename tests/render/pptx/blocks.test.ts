import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { theme } from '../../../src/theme/theme.js';
import type { SlideBlock } from '../../../src/ir/types.js';
import { backend, planDeck } from '../../../src/render/pptx/index.js';
import { convertToPdf, need, pdfPageCount } from '../../helpers/office.js';
import { blocksDoc } from './blocks-doc.js';
import { expectedTexts } from './expected.js';
import { useProjectFontIn } from './fonts.js';
import { readPptx } from './read.js';

const slides = blocksDoc.blocks as SlideBlock[];
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('pptx: every block type', async () => {
  const bytes = await backend.render(blocksDoc, { epoch: 0 });
  const read = readPptx(bytes);

  it('draws the text of every block, including a type it does not know', () => {
    slides.forEach((s, i) => {
      const texts = read.slides[i].paras.map((p) => norm(p.text));
      const exp = expectedTexts(s);
      for (const x of [...exp.zh, ...exp.en, ...exp.either]) expect(texts.some((t) => t.includes(norm(x))), `slide ${i + 1}: ${x}`).toBe(true);
    });
    const unknown = read.slides[5].paras.map((p) => p.text);
    expect(unknown).toContain('未知类型的文字仍然显示。');
    expect(unknown).toContain('Text of an unknown type still shows.');
  });

  it('keeps bold and links as run properties and escapes markup in properties', () => {
    const lead = read.slides[1].paras.find((p) => p.text.startsWith('日本已采取'));
    expect(lead?.runs.find((r) => r.text === '重大举措')?.bold).toBe(true);
    expect(read.core['dc:title']).toContain('每种块类型 & <转义>');
    expect(read.app['Company']).toBe('砺道智库 & Co');
  });

  it('uses a native table for tables and a disc per timeline event', () => {
    expect(read.slides[4].tables).toBe(1);
    expect(read.slides[3].shapes.filter((s) => s === 'ellipse').length).toBe(6);
  });

  it('fits every slide and keeps text boxes apart', () => {
    for (const plan of planDeck(blocksDoc)) {
      expect(plan.overflow, `slide ${plan.number}`).toBe(false);
      const boxes = plan.items.filter((it) => it.kind === 'text' || it.kind === 'table');
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b) continue;
          const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          expect(ox > 0.5 && oy > 0.5, `slide ${plan.number}`).toBe(false);
        }
      for (const it of plan.items) {
        expect(it.x + it.w).toBeLessThanOrEqual(theme.pages.slide.width + 0.01);
        expect(it.y + it.h).toBeLessThanOrEqual(theme.pages.slide.height + 0.01);
      }
    }
  });

  describe('in LibreOffice Impress', () => {
    const hasOffice = need('soffice') && need('pdftoppm');
    const dir = '/tmp/pptxshots';
    useProjectFontIn(dir);
    it.skipIf(!hasOffice)('converts with one page per slide', async () => {
      const file = path.join(dir, 'blocks.pptx');
      writeFileSync(file, bytes);
      const pdf = await convertToPdf(file, dir);
      expect(pdfPageCount(pdf)).toBe(slides.length);
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'blocks')]);
    }, 120_000);
  });
});
