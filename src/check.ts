/**
 * The core of `briefwright check`: validate source files and format their
 * diagnostics as `path:line:col: error|warning|note message [rule-id]` lines,
 * each optionally followed by its fix text and docs address. Every line is
 * printed with control and invisible characters escaped (`\u{1b}`), so no
 * source can write to the terminal through a diagnostic.
 */
import type { VFile } from 'vfile';
import { loadArticle, type LoadResult } from './model/index.js';
import { report, sortMessages } from './model/report.js';
import { slotProblems } from '../templates/slots.js';
import { paint as painter, plural } from './text/terminal.js';
import { escapeForDisplay } from './text/unicode-policy.js';

const paint = (on: boolean, code: string, text: string) => painter(on, Number(code))(text);

/** Validate each file (in the given order); unreadable files become diagnostics. */
export async function checkFiles(paths: string[]): Promise<VFile[]> {
  const files: VFile[] = [];
  for (const p of paths) files.push(checkSlots(await loadArticle(p)));
  return files;
}

/** Line of a top-level front-matter key (`title:`), or the first line. */
function frontMatterLine(text: string, key: string): number {
  const lines = text.split('\n');
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return 1;
  for (let i = 1; i < lines.length && lines[i].trimEnd() !== '---'; i++) if (lines[i].startsWith(`${key}:`)) return i + 1;
  return 1;
}

/**
 * `text-too-long`: editorial texts that do not fit their slot in the products
 * even split and at the smallest sizes (measured as the templates set them),
 * at the line and column of the item. Only for an article without errors.
 */
export function checkSlots(result: LoadResult): VFile {
  const { file, article, places } = result;
  if (!article) return file;
  const text = String(file.value ?? '');
  for (const p of slotProblems(article)) {
    const place = p.at.startsWith('front:') ? { line: frontMatterLine(text, p.at.slice('front:'.length)), column: 1 } : (places.get(p.at) ?? { line: 1, column: 1 });
    report({ file }, 'text-too-long', p.reason, place);
  }
  sortMessages(file);
  return file;
}

/**
 * `check --strict`: every warning becomes an error (printed and counted as
 * one), so CI fails on a consistency warning as on any error. Notes stay
 * notes: they ask for nothing (`missing-id`: the block gets a generated id).
 */
export function strict(files: VFile[]): VFile[] {
  for (const f of files) for (const m of f.messages) if (m.fatal === false) m.fatal = true;
  return files;
}

/** True when any file has an error (a fatal message). */
export function hasErrors(files: VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}

export interface FormatOptions {
  color: boolean;
  /**
   * Under a message, its fix text (`fix:`) and the address of its rule's docs
   * (`docs:`) — once per file for each rule and fix text, so forty placeholder
   * warnings do not repeat the same advice forty times.
   */
  verbose?: boolean;
}

/** One line per message (with its fix and docs lines when verbose), then a summary line. */
export function formatDiagnostics(files: VFile[], { color, verbose = false }: FormatOptions): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const file of files) {
    const path = escapeForDisplay(file.path);
    const explained = new Set<string>();
    for (const m of file.messages) {
      let level: string;
      if (m.fatal === true) {
        errors++;
        level = paint(color, '31', 'error');
      } else if (m.fatal === false) {
        warnings++;
        level = paint(color, '33', 'warning');
      } else {
        notes++;
        level = paint(color, '36', 'note');
      }
      const where = `${path}:${m.line ?? 1}:${m.column ?? 1}`;
      const rule = m.ruleId ? ` ${paint(color, '90', `[${escapeForDisplay(m.ruleId)}]`)}` : '';
      lines.push(`${where}: ${level} ${escapeForDisplay(m.reason)}${rule}`);
      const advice = `${m.ruleId}\u0000${m.note ?? ''}`;
      if (verbose && !explained.has(advice)) {
        explained.add(advice);
        if (m.note) lines.push(...escapeForDisplay(m.note, { keepNewlines: true }).split('\n').map((l, i) => `  ${i === 0 ? 'fix: ' : '     '}${l}`));
        if (m.url) lines.push(`  ${paint(color, '90', `docs: ${escapeForDisplay(m.url)}`)}`);
      }
    }
  }
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(notes > 0 ? [plural(notes, 'note')] : [])].join(', ');
  const summary = errors + warnings + notes === 0 ? `${plural(files.length, 'file')} checked: no problems` : `${plural(files.length, 'file')} checked: ${counts}`;
  lines.push(errors > 0 ? paint(color, '31', summary) : warnings > 0 ? paint(color, '33', summary) : paint(color, '32', summary));
  return `${lines.join('\n')}\n`;
}
