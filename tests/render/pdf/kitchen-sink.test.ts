/**
 * The hand-written Docs of every product (kitchen-sink.ts) through the PDF
 * backend: every run the Doc prints is in the file and nothing else a reader
 * could take for content (no screen-only block, no speaker notes, no cites
 * or labels of the backend's own); Chinese lines keep the kinsoku rules;
 * qpdf finds the files clean; the same Doc gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc, ProductName } from '../../../src/ir/types.js';
import { backend } from '../../../src/render/pdf/index.js';
import { violatesKinsoku } from '../../../src/text/kinsoku.js';
import { need, readPdf, tempFile, type PdfPage } from '../../helpers/pdf.js';

import { kitchenSink } from './kitchen-sink.js';
import { readBack, squash, type ReadBack } from './read.js';

const rendered = new Map<ProductName, { doc: Doc; bytes: Uint8Array; rb: ReadBack; pages: PdfPage[] }>();

beforeAll(async () => {
  for (const [product, make] of Object.entries(kitchenSink) as [ProductName, () => Doc][]) {
    const doc = make();
    const bytes = await backend.render(doc, { epoch: 0 });
    rendered.set(product, { doc, bytes, rb: await readBack(bytes), pages: await readPdf(bytes) });
  }
}, 120_000);

/**
 * Texts of every run a PDF prints (screen-only blocks, progress counters and
 * speaker notes left out, and the header row of a table on a slide, which the
 * slide geometry draws without one).
 */
function printed(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if ((o as Partial<Block>).media === 'screen' || o.type === 'progress') return;
    if (o.type === 'table' && doc.page === 'slide') return visit(o.rows);
    if (typeof o.text === 'string' && !('type' in o)) return void out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'notesSource' && !(k === 'notes' && !Array.isArray(v)) && k !== 'cites' && k !== 'id') visit(v);
  };
  visit(doc.blocks);
  return out.filter((t) => t.trim() !== '');
}

describe('kitchen-sink Docs', () => {
  it('print every run of the Doc, and no screen-only block, speaker note or block cite', () => {
    for (const [product, r] of rendered) {
      const text = squash(r.rb.items.map((i) => i.text).join(''));
      for (const run of printed(r.doc)) expect(text, `${product}: "${run}"`).toContain(squash(run));
      expect(text, product).not.toContain('SCREEN-ONLY');
      expect(text, product).not.toContain(squash('SPEAKER NOTES NOT IN PDF'));
      expect(text, product).not.toMatch(/完成进度|Screenonly|¶[a-z]/u);
    }
  });

  it('keep the kinsoku rules on every extracted line', () => {
    for (const [product, r] of rendered) {
      // Lines as a reader selects them: a raised note reference ("模式¹。") belongs to its line.
      const lines: { page: number; y: number; x1: number; text: string }[] = [];
      for (const i of r.rb.items) {
        const last = lines[lines.length - 1];
        if (last && last.page === i.page && Math.abs(last.y - i.y) < 5 && i.x >= last.x1 - 0.5 && i.x - last.x1 < 4) {
          last.text += i.text;
          last.x1 = i.x + i.width;
        } else lines.push({ page: i.page, y: i.y, x1: i.x + i.width, text: i.text });
      }
      expect(lines.length).toBeGreaterThan(20);
      for (const l of lines) if (l.text.trim()) expect(violatesKinsoku(l.text.trim()), `${product} p${l.page}: "${l.text}"`).toEqual({ start: false, end: false });
    }
  });

  it.skipIf(!need('qpdf'))('pass qpdf --check', () => {
    for (const [product, r] of rendered) {
      const res = spawnSync('qpdf', ['--check', tempFile(r.bytes, 'k.pdf')], { encoding: 'utf8' });
      expect(res.status, `${product}: ${res.stdout}${res.stderr}`).toBe(0);
    }
  });

  it('give the same bytes for the same Doc', async () => {
    for (const [product, r] of rendered) {
      const again = await backend.render(kitchenSink[product as keyof typeof kitchenSink](), { epoch: 0 });
      expect(Buffer.from(again).equals(Buffer.from(r.bytes)), product).toBe(true);
    }
  });
});
