/**
 * IR inline content → drawing runs and paragraphs, each run tagged with its
 * language so Chinese gets `lang="zh-CN"` and the East Asian face.
 */
import type { BiInline, Inline, Lang } from '../../ir/types.js';
import { COLOR, MIN_FONT_SIZE } from './constants.js';
import type { Para, Run } from './draw.js';

export interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

/** Only web and mail links become hyperlinks; in-document anchors stay plain text. */
export function safeHref(href: string | undefined): string | undefined {
  return href && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

/** A size scaled for fitting, never below the readable minimum, rounded to 0.5 pt. */
export function scaled(size: number, scale: number): number {
  return Math.max(MIN_FONT_SIZE, Math.round(size * scale * 2) / 2);
}

/** Runs of one inline sequence in one language. Line breaks inside text become spaces. */
export function runs(content: Inline | undefined, lang: Lang, style: RunStyle): Run[] {
  return (content ?? [])
    .map((s): Run => {
      const href = safeHref(s.href);
      return {
        text: s.text.replace(/\s*[\r\n]+\s*/g, ' '),
        lang,
        size: style.size,
        color: href ? COLOR.accent : style.color,
        ...(style.bold || s.strong ? { bold: true } : {}),
        ...(style.italic || s.em ? { italic: true } : {}),
        ...(href ? { href } : {}),
      };
    })
    .filter((r) => r.text.length > 0);
}

/** Plain text of inline content. */
export function plain(content: Inline | undefined): string {
  return (content ?? []).map((s) => s.text).join('');
}

export interface BiStyle {
  zh: RunStyle;
  en: RunStyle;
  /** Space between the Chinese and the English paragraph. */
  gap?: number;
}

/** Chinese paragraph then English paragraph (either may be absent). */
export function biParas(text: BiInline, style: BiStyle): Para[] {
  const out: Para[] = [];
  const zh = runs(text.zh, 'zh', style.zh);
  const en = runs(text.en, 'en', style.en);
  if (zh.length > 0) out.push({ runs: zh, ...(en.length > 0 && style.gap ? { spaceAfter: style.gap } : {}) });
  if (en.length > 0) out.push({ runs: en });
  return out;
}

/** A small muted run citing source paragraphs (`¶ a, b`), or nothing. A no-break space keeps `¶` with its id. */
export function citeRun(cites: readonly string[], size: number): Run[] {
  if (cites.length === 0) return [];
  return [{ text: ` ¶\u00A0${cites.join(', ¶\u00A0')}`, lang: 'en', size, color: COLOR.muted }];
}
