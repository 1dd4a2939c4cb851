/**
 * What a build prints. On a terminal: one line per artifact (article ×
 * product × format, with its time). Elsewhere (CI logs): only problems and
 * a one-line summary. `--quiet`: only problems. Colour only on a terminal
 * and never when NO_COLOR is set.
 */
import type { BuildEvent, BuildReport } from './index.js';
import { paint, plural } from '../text/terminal.js';
import { escapeForDisplay } from '../text/unicode-policy.js';

export interface ProgressOptions {
  tty: boolean;
  color: boolean;
  quiet: boolean;
  /** Print stack traces of failed renders. */
  debug?: boolean;
  write: (text: string) => void;
}

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}


export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}


export function createProgress(opts: ProgressOptions): (event: BuildEvent) => void {
  const green = paint(opts.color, 32);
  const red = paint(opts.color, 31);
  const dim = paint(opts.color, 2);
  const yellow = paint(opts.color, 33);
  const verbose = opts.tty && !opts.quiet;
  return (event) => {
    switch (event.type) {
      case 'plan':
        if (verbose) {
          opts.write(
            dim(`${plural(event.articles, 'article')}: ${event.render} to render, ${event.cached} up to date\n`),
          );
        }
        break;
      case 'rendered':
        if (verbose) {
          const what = `${event.slug} ${event.product}.${event.format}`;
          opts.write(`  ${green('✓')} ${what.padEnd(48)} ${dim(formatMs(event.ms).padStart(8))}\n`);
        }
        break;
      case 'failed':
        opts.write(`  ${red('✗')} ${event.slug} ${event.product}.${event.format}: ${escapeForDisplay(event.error.message)}\n`);
        if (opts.debug && event.error.stack) opts.write(`${escapeForDisplay(event.error.stack, { keepNewlines: true })}\n`);
        break;
      case 'warning':
        opts.write(`briefwright: ${yellow('warning')}: ${event.message}\n`);
        break;
      case 'waiting':
        opts.write(`briefwright: ${event.message}\n`);
        break;
      default:
        break;
    }
  };
}

/** The closing line, e.g. `briefwright: 1 article, 11 artifacts (11 written, 0 unchanged, 0 cached) in 4.2 s → out`. */
export function summaryLine(report: BuildReport, ms: number, outLabel: string): string {
  const artifacts = report.written.length + report.unchanged.length + report.cached.length;
  const bad = report.articles.filter((a) => a.status === 'invalid' || a.status === 'failed').length;
  const parts = [
    `briefwright: ${plural(report.articles.length, 'article')}, ${plural(artifacts, 'artifact')}`,
    `(${report.written.length} written, ${report.unchanged.length} unchanged, ${report.cached.length} cached)`,
    `in ${formatMs(ms)} → ${outLabel}`,
  ];
  const removed = report.removed.length > 0 ? `; removed ${plural(report.removed.length, 'file')} of deleted sources` : '';
  const line = `${parts.join(' ')}${removed}`;
  return bad > 0 ? `${line}; ${plural(bad, 'article')} failed` : line;
}
