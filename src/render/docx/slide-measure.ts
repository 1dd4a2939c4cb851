/**
 * What the DOCX takes from the slides template's measure (src/theme/fit.ts,
 * and the slides template): the width of a timeline's date column, which the
 * template sized to the widest date and measured the events' text beside,
 * and the room a slide leaves its body, for centring a statement in it.
 * Word and LibreOffice lay the text out themselves when the file is opened,
 * so the backend cannot measure it; it sizes what the template sized with
 * the template's own numbers, so both agree to the point.
 */
import type { Inline, SlideBlock, TimelineFigure } from '../../ir/types.js';
import { slideContent, slideSpec, type SizePair } from '../../theme/theme.js';
import { SAFETY, autospaceWidth, lineCount, sourceHeight, textWidth, timelineDateWidth } from '../../theme/fit.js';

export { autospaceWidth, textWidth, timelineDateWidth };

const plain = (inl: Inline | undefined) => (inl ?? []).map((s) => s.text).join('');

/** Height of a slide's headline at `size` as the template measured it (bold, wrapped in the content width), the space under it included. */
export function headlineHeight(b: Pick<SlideBlock, 'title'>, size: SizePair): number {
  const h = slideSpec.headline;
  const w = slideContent.width;
  const zh = lineCount([{ text: plain(b.title.zh), size: size.zh, lang: 'zh', bold: true }], w);
  const en = lineCount([{ text: plain(b.title.en), size: size.en, lang: 'en', bold: true }], w);
  return zh * size.zh * h.line + h.between + en * size.en * h.line + h.after;
}

/** The room for a slide's body under its headline and above its source line, less the template's safety share. */
export function bodyRoom(b: Pick<SlideBlock, 'title' | 'source'>, size: SizePair): number {
  return Math.max(0, (slideContent.height - headlineHeight(b, size) - sourceHeight(b.source)) * SAFETY);
}

/** Height of a slide's source line as the template measured it (0 without one). */
export { sourceHeight };

/** The widest date of a timeline, in points, as the template sized its date column on a slide. */
export function slideDateWidth(f: TimelineFigure): number {
  return timelineDateWidth(f);
}
