/**
 * The core of `briefwright check`: validate source files and format their
 * diagnostics as `path:line:col: error|warning message [rule-id]` lines.
 */
import type { VFile } from 'vfile';
import { loadArticle } from './model/index.js';
import { paint as painter, plural } from './text/terminal.js';

const paint = (on: boolean, code: string, text: string) => painter(on, Number(code))(text);

/** Validate each file (in the given order); unreadable files become diagnostics. */
export async function checkFiles(paths: string[]): Promise<VFile[]> {
  const files: VFile[] = [];
  for (const p of paths) files.push((await loadArticle(p)).file);
  return files;
}

/** True when any file has an error (a fatal message). */
export function hasErrors(files: VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}


/** One line per message, then a summary line. */
export function formatDiagnostics(files: VFile[], { color }: { color: boolean }): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const m of file.messages) {
      const isError = m.fatal === true;
      if (isError) errors++;
      else warnings++;
      const where = `${file.path}:${m.line ?? 1}:${m.column ?? 1}`;
      const level = isError ? paint(color, '31', 'error') : paint(color, '33', 'warning');
      const rule = m.ruleId ? ` ${paint(color, '90', `[${m.ruleId}]`)}` : '';
      lines.push(`${where}: ${level} ${m.reason}${rule}`);
    }
  }
  const summary =
    errors + warnings === 0
      ? `${plural(files.length, 'file')} checked: no problems`
      : `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  lines.push(errors > 0 ? paint(color, '31', summary) : warnings > 0 ? paint(color, '33', summary) : paint(color, '32', summary));
  return `${lines.join('\n')}\n`;
}
