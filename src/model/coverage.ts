/** Character coverage: every character of the source must be drawable by the project font. */
import { canDraw } from '../fonts/coverage.js';
import { report, span, type Ctx } from './report.js';

/** At most this many characters are reported one by one; the rest are counted. */
export const MAX_REPORTED = 100;

/** Offsets and code points of characters the font has no glyph for (whitespace and controls excluded). */
export function undrawable(text: string): { offset: number; codePoint: number }[] {
  const out: { offset: number; codePoint: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp >= 0x20 && cp !== 0x7f && !canDraw(cp)) out.push({ offset: i, codePoint: cp });
    i += width - 1;
  }
  return out;
}

export const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

export function checkCoverage(ctx: Ctx): void {
  const found = undrawable(ctx.text);
  for (const { offset, codePoint } of found.slice(0, MAX_REPORTED)) {
    const ch = String.fromCodePoint(codePoint);
    const shown = /\p{L}|\p{N}|\p{P}|\p{S}/u.test(ch) ? `'${ch}' ` : '';
    report(ctx, 'unsupported-character', `The project font cannot draw ${shown}(${codePointLabel(codePoint)})`, span(ctx, offset, offset + ch.length));
  }
  if (found.length > MAX_REPORTED) {
    const last = found[found.length - 1];
    report(ctx, 'unsupported-character', `…and ${found.length - MAX_REPORTED} more characters the project font cannot draw`, span(ctx, last.offset, last.offset + 1));
  }
}
