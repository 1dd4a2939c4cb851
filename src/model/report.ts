/**
 * Diagnostics: every message goes through `report`, which attaches the rule
 * id, the severity (errors are `fatal: true`, warnings `false`, notes
 * `undefined`, as vfile has it), the source name, an exact place, the rule's
 * fix text (`note`) and the address of its docs (`url`). Text a message quotes
 * from the source is printed with control and invisible characters escaped.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];
import { location } from '../vendor/markdown.js';
import { RULES, SOURCE, ruleUrl, type RuleId } from './rules.js';
import { escapeForDisplay } from '../text/unicode-policy.js';

/** Shared state of one check: the file, its text and an offset index. */
export interface Ctx {
  file: VFile;
  text: string;
  toPoint(offset: number): Point;
}

export function createCtx(file: VFile, text: string): Ctx {
  const loc = location(text);
  return {
    file,
    text,
    toPoint(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const p = loc.toPoint(clamped);
      return p ? { line: p.line, column: p.column, offset: clamped } : { line: 1, column: 1, offset: 0 };
    },
  };
}

export type Place = Point | Position;

/** Position of the source range [start, end) given as offsets. */
export function span(ctx: Ctx, start: number, end: number): Position {
  return { start: ctx.toPoint(start), end: ctx.toPoint(Math.max(start, end)) };
}

/**
 * Emit one diagnostic; its severity, fix text and docs address come from the
 * rule table. `note` replaces the rule's fix text when the message has a more
 * specific one (e.g. the YAML to write).
 */
export function report(ctx: Pick<Ctx, 'file'>, rule: RuleId, reason: string, place: Place | undefined, options: { note?: string } = {}): VFileMessage {
  const message = ctx.file.message(escapeForDisplay(reason), { place, ruleId: rule, source: SOURCE });
  const severity = RULES[rule].severity;
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  message.note = escapeForDisplay(options.note ?? RULES[rule].fix, { keepNewlines: true });
  message.url = ruleUrl(rule);
  return message;
}

/** True when any error (fatal message) was reported. */
export function hasFatal(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

/** Sort messages by position so output reads top to bottom (stable for ties). */
export function sortMessages(file: VFile): void {
  const key = (m: VFileMessage) => [m.line ?? 0, m.column ?? 0] as const;
  const indexed = file.messages.map((m, i) => ({ m, i }));
  indexed.sort((a, b) => {
    const [la, ca] = key(a.m);
    const [lb, cb] = key(b.m);
    return la - lb || ca - cb || a.i - b.i;
  });
  // No spread: a hostile file can carry more messages than a call takes arguments.
  file.messages.length = 0;
  for (const x of indexed) file.messages.push(x.m);
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** The candidate closest to `name`, if it is close enough to be a likely typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  // Long names are not typos of short ones; the bound also keeps the cost linear in the candidates.
  if (name.length > 64) return undefined;
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > limit) continue;
    const dist = editDistance(lower, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** "; did you mean `x`?" or nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const s = nearest(name, candidates);
  return s === undefined ? '' : `; did you mean \`${s}\`?`;
}

/** Source text quoted in a message: at most `n` characters (escaping happens in `report`). */
export function shorten(text: string, n = 40): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}
