/**
 * `briefwright fix`: writes the generated ids into the source and nothing
 * else, atomically, idempotently, never renumbering an id. Each written file
 * is compared with the original line by line by an independent reading: every
 * line is either unchanged, or the original with one id inserted, or an
 * inserted `::table{#id}` caption line.
 */
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fixFiles, planFix, replaceFile } from '../../src/fix.js';
import { main, type Io } from '../../src/cli.js';
import { articleFromBytes } from '../../src/model/index.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefwright-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Lines with their endings, so CRLF is compared too. */
const linesOf = (s: string) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * True when `after` is `before` with only ids inserted; returns the ids found.
 * Independent of the implementation: it knows only the three insertion forms.
 */
function onlyIdsInserted(before: string, after: string): string[] | null {
  const a = linesOf(before);
  const b = linesOf(after);
  const ids: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) {
      i++;
      continue;
    }
    const caption = /^([ \t>]*)::table\{#([a-z0-9-]+)\}(\r?\n)$/.exec(line);
    if (caption) {
      ids.push(caption[2]);
      continue;
    }
    if (i >= a.length) return null;
    const found = [...line.matchAll(/:p\{#([a-z0-9-]+)\}|#([a-z0-9-]+) ?(?=[^{]*\})/g)].find((m) => line.slice(0, m.index) + line.slice(m.index! + m[0].length) === a[i] || (m[0].startsWith('#') && line.slice(0, m.index) + line.slice(m.index! + m[0].length) === a[i]));
    if (!found) return null;
    ids.push(found[1] ?? found[2]);
    i++;
  }
  return i === a.length ? ids : null;
}

const shape = (bytes: Uint8Array) =>
  articleFromBytes(bytes, 'source/doc.md').citables.map((c) => ({ id: c.id, mark: c.mark, kind: c.kind, text: c.text }));

describe('planFix', () => {
  it('writes exactly the generated ids, keeps every other byte (BOM, CRLF, trailing spaces), and is idempotent', () => {
    const source = readFileSync(path.join(fixtures, 'valid-structures.md'), 'utf8')
      .replace(':p{#evolution-1}', ':p{label-en="Label"}**小题**：')
      .replace('::table[表格标题]{#evolution-6 en="Table title"}\n', '')
      .replace('1. :p{#evolution-3}', '1. ')
      .replace(/\n/g, '  \r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(source)]);
    const before = articleFromBytes(bytes, 'source/doc.md');
    const generated = before.generated.map((g) => g.id);
    expect(generated.length).toBeGreaterThanOrEqual(5);

    const plan = planFix(bytes, 'source/doc.md');
    expect(plan.problem).toBeUndefined();
    expect(plan.written.map((g) => g.id)).toEqual(generated);
    const out = plan.output!;
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(onlyIdsInserted(dec(bytes.subarray(3)), dec(out.subarray(3)))?.sort()).toEqual([...generated].sort());
    // Same blocks, same ids and marks; nothing generated any more.
    expect(shape(out)).toEqual(shape(bytes));
    const after = articleFromBytes(out, 'source/doc.md');
    expect(after.generated).toEqual([]);
    expect(after.file.messages.map((m) => m.ruleId).filter((r) => r === 'missing-id' || r === 'unstable-cite')).toEqual([]);
    // A second run changes nothing.
    expect(planFix(out, 'source/doc.md').output).toBeNull();
  });

  it('never renumbers: an inserted paragraph between numbered ones gets a free id, the others keep theirs', () => {
    const text = readFileSync(path.join(fixtures, 'missing-id.md'), 'utf8').replace('没有编号的段落。', '没有编号的段落。\n\n:p{#evolution-2}已有编号的段落。\n\n又一段没有编号的。');
    const plan = planFix(enc(text), 'source/doc.md');
    expect(plan.written.map((g) => g.id)).toEqual(['evolution-2-2', 'evolution-4']);
    const fixed = dec(plan.output!);
    expect(fixed).toContain(':p{#evolution-1}正文段落。');
    expect(fixed).toContain(':p{#evolution-2}已有编号的段落。');
    expect(fixed).toContain(':p{#evolution-2-2}没有编号的段落。');
    expect(fixed).toContain(':p{#evolution-4}又一段没有编号的。');
  });

  it('holds for generated documents: only ids inserted, same blocks, idempotent', () => {
    const block = fc.constantFrom(
      '正文段落。',
      ':p{#a-1}有编号的段落。',
      '**标签**：没有编号但有标签。',
      ':p{label-en="L"}**标签**：有英文标签。',
      '- 列表一\n- :p{#a-2}列表二\n  - 嵌套',
      '1. 编号一\n2. 编号二',
      '> 引用一\n>\n> :p{#a-3}引用二',
      '> 引用中的表格：\n>\n> | a | b |\n> | - | - |\n> | 1 | 2 |',
      '| x | y |\n| - | - |\n| 1 | 2 |',
      '::table[标题]{en="Title"}\n| x | y |\n| - | - |\n| 1 | 2 |',
      '::table{#t-1}\n| x |\n| - |',
      '段落[^n]。\n\n[^n]: 脚注。',
      '### 小节 :en[Sub]',
      '[链接](https://example.org)开头的段落。',
    );
    const doc = fc
      .tuple(fc.array(block, { maxLength: 6 }), fc.array(block, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([lede, body, eol, bom]) => {
        const text = `---\nslug: doc\ntitle: {zh: 标题, en: Title}\nshort_title: {zh: 短题名, en: Short}\npublisher: {zh: 智库, en: Think tank}\ndate: 2025-01-10\noriginal: {outlet: X, author: {zh: 撰稿, en: Writer}}\n---\n\n${lede.join('\n\n')}\n\n## 节 :en[Section]{#sec}\n\n:::summary\n::zh[摘要。]\n::en[Summary.]\n:::\n\n${body.join('\n\n')}\n`;
        const bytes = enc(text.replace(/\n/g, eol));
        return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
      });
    fc.assert(
      fc.property(doc, (bytes) => {
        const before = articleFromBytes(bytes, 'source/doc.md');
        const plan = planFix(bytes, 'source/doc.md');
        expect(plan.problem).toBeUndefined();
        if (before.generated.length === 0) {
          expect(plan.output).toBeNull();
          return;
        }
        const out = plan.output!;
        const lead = bytes[0] === 0xef ? 3 : 0;
        expect(out.subarray(0, lead)).toEqual(bytes.subarray(0, lead));
        expect(onlyIdsInserted(dec(bytes.subarray(lead)), dec(out.subarray(lead)))?.sort()).toEqual(before.generated.map((g) => g.id).sort());
        expect(shape(out)).toEqual(shape(bytes));
        expect(planFix(out, 'source/doc.md').output).toBeNull();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 300_000);
});

describe('fixFiles and replaceFile', () => {
  it('writes atomically in place: mode kept, a symlink stays a link, no temporary file left', async () => {
    const dir = mkdtempSync(path.join(tmp, 'atomic-'));
    const real = path.join(dir, 'real.md');
    writeFileSync(real, readFileSync(path.join(fixtures, 'missing-id.md')));
    chmodSync(real, 0o640);
    const link = path.join(dir, 'missing-id.md');
    symlinkSync('real.md', link);
    const [r] = await fixFiles([link]);
    expect(r.status).toBe('written');
    expect(r.written.map((g) => g.id)).toEqual(['evolution-2']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.md');
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readFileSync(real, 'utf8')).toContain(':p{#evolution-2}没有编号的段落。');
    expect(readdirSync(dir).sort()).toEqual(['missing-id.md', 'real.md']);
    const [again] = await fixFiles([link]);
    expect(again.status).toBe('unchanged');
  });

  it('leaves a file alone when it changed since it was read', () => {
    const file = path.join(mkdtempSync(path.join(tmp, 'race-')), 'a.md');
    writeFileSync(file, 'edited meanwhile');
    expect(() => replaceFile(file, enc('new'), enc('what was read'))).toThrow(/changed while/);
    expect(readFileSync(file, 'utf8')).toBe('edited meanwhile');
    expect(readdirSync(path.dirname(file))).toEqual(['a.md']);
  });

  it('the CLI: fix reports what it wrote, a second run writes nothing, check then has no missing-id', async () => {
    const cwd = mkdtempSync(path.join(tmp, 'cli-'));
    writeFileSync(path.join(cwd, 'doc.md'), readFileSync(path.join(fixtures, 'unstable-cite.md'), 'utf8').replace('slug: unstable-cite', 'slug: doc'));
    const run = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const io: Io = { cwd, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
      return { status: await main(argv, io), stdout, stderr };
    };
    const first = await run(['fix', 'doc.md']);
    expect(first).toEqual({ status: 0, stdout: 'doc.md: wrote 1 id (evolution-2)\n', stderr: '' });
    expect((await run(['fix', 'doc.md'])).stdout).toBe('doc.md: every block has its id; nothing to write\n');
    const checked = await run(['check', '--compact', 'doc.md']);
    expect(checked.stdout).not.toMatch(/missing-id|unstable-cite/);
    expect((await run(['fix', 'nope.md'])).status).toBe(2);
  });
});
