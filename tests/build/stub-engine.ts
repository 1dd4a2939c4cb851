/**
 * A stand-in for the real pipeline in build-engine tests: fast, deterministic,
 * and able to fail on demand. A source is a tiny text file:
 *
 *   title: <zh> | <en>
 *   date: YYYY-MM-DD
 *   [BROKEN]          → the article has a content error (line 3)
 *   [FAIL <format>]   → rendering that format throws
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Article } from '../../src/model/types.js';
import type { Engine } from '../../src/build/index.js';

export interface StubEngine extends Engine {
  calls: { parse: string[]; render: string[]; landing: number };
}

export function stubEngine(): StubEngine {
  const calls = { parse: [] as string[], render: [] as string[], landing: 0 };
  return {
    calls,
    async parse(bytes, file) {
      calls.parse.push(file);
      const text = new TextDecoder().decode(bytes);
      const vfile = new VFile({ path: file, value: text });
      const lines = text.split('\n');
      const broken = lines.findIndex((l) => l.trim() === 'BROKEN');
      if (broken >= 0) {
        const m = vfile.message('article marked broken', { place: { line: broken + 1, column: 1 }, ruleId: 'stub-broken', source: 'briefwright' });
        m.fatal = true;
        return { file: vfile, article: null };
      }
      const [zh, en] = (/^title: (.*)$/m.exec(text)?.[1] ?? 'x | x').split('|').map((s) => s.trim());
      const date = /^date: (.*)$/m.exec(text)?.[1] ?? '2025-01-01';
      const slug = path.basename(file, '.md');
      const article = { slug, title: { zh, en }, date, original: { outlet: 'Outlet', author: { zh: '作者', en: 'Author' } }, takeaways: [], body: text } as unknown as Article;
      return { file: vfile, article };
    },
    async epoch(article) {
      const raw = process.env.SOURCE_DATE_EPOCH;
      return raw ? Number(raw) : Date.parse(`${article.date}T00:00:00Z`) / 1000;
    },
    async render(task) {
      const body = (task.article as unknown as { body: string }).body;
      calls.render.push(`${task.article.slug}/${task.product}.${task.format}`);
      if (body.split('\n').some((l) => l.trim() === `FAIL ${task.format}`)) throw new Error(`cannot render ${task.format}`);
      return new TextEncoder().encode(`${task.format}|${task.product}|${task.epoch}|${body}`);
    },
    async landing(entries) {
      calls.landing += 1;
      return `<!doctype html>${entries.map((e) => `<h2>${e.title.zh}</h2>${e.artifacts.map((a) => `<a href="${a.path}">${a.product}.${a.format} ${a.bytes}</a>`).join('')}`).join('')}`;
    },
    async fontLicense() {
      return { name: 'Test Sans', text: 'SIL OPEN FONT LICENSE Version 1.1\n' };
    },
  };
}

export function articleText(title: string, extra: string[] = []): string {
  return [`title: ${title} | ${title}-en`, 'date: 2025-01-10', ...extra, ''].join('\n');
}

/** A temp project with `source/<slug>.md` for each entry. */
export function tempProject(sources: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'briefwright-build-'));
  mkdirSync(path.join(root, 'source'));
  for (const [slug, text] of Object.entries(sources)) writeFileSync(path.join(root, 'source', `${slug}.md`), text);
  return root;
}
