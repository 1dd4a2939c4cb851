/**
 * Constants of the HTML backend in one place: glyph sets, tags drawn in the
 * bold face, the storage key scheme, the slide frame and link schemes.
 */

/** Characters every page's font subsets hold whatever the text (digits and
 * separators written by the page's script, punctuation drawn by CSS). */
export const BASE_CHARS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') + '¶·–—…‘’“”•';

/**
 * Elements whose text may be drawn in the bold face: every selector the CSS
 * sets to weight 700 must be covered here. The regular subset holds all the
 * page's text (parts of bold contexts are set back to regular, e.g. English
 * under a heading), the bold one only the text under these.
 */
export const BOLD_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'th', 'caption', 'figcaption']);
/** Class names whose text is drawn in the bold face. */
export const BOLD_CLASSES: ReadonlySet<string> = new Set([
  'marker',
  'slide-number',
  'date',
  'progress-label',
  'doc-title',
  'count',
  'passage-mark',
  'note-label',
  'statement',
  'term-name',
  'callout-title',
]);
/** Elements whose text may be drawn in the italic face (English only: Chinese emphasis is underlined, never slanted). */
export const ITALIC_TAGS: ReadonlySet<string> = new Set(['em', 'cite', 'i']);

/** The fixed slide frame in CSS px (16:9); it is scaled to fit the viewport. */
export const SLIDE_FRAME = { width: 1280, height: 720 } as const;

/**
 * Link targets that may appear in `href`: http(s), mailto, an in-page
 * `#anchor`, or a relative path of plain segments (letters, digits,
 * `. _ ~ % -`; no colon, so never a scheme). Anything else is rendered as
 * plain text.
 */
export const SAFE_LINK = /^(?:https?:\/\/|mailto:|#|[\w.~%-]+(?:\/[\w.~%-]+)*$)/i;

/** localStorage key of one checklist item: `briefwright:<article id>:<recommendation id>`. */
export const STORAGE_PREFIX = 'briefwright';

/** Prefix of a slide's element id (`#slide-<id>`); `#<number>` also addresses a slide. */
export const SLIDE_ID_PREFIX = 'slide-';

/**
 * The smallest type on a slide, in points of the 720-pt-wide slide page (9 pt
 * there is 12 pt on a 13.33-inch slide and 16 px in the 1280-px frame): the
 * deck never sets text smaller, whatever the density.
 */
export const SLIDE_MIN_PT = 9;
/** The smallest slide title (21 pt on the 720-pt page: 28 pt on a 13.33-inch slide). */
export const SLIDE_MIN_TITLE_PT = 21;

/** Width (CSS px) below which the deck is a scrolling column of slides at reading size. */
export const DECK_READING_MAX = 700;
/** Width (CSS px) from which the reading edition sets margin notes in a side column. */
export const MARGIN_NOTES_MIN = 1000;
/**
 * How far (CSS px) a paragraph's margin notes may drift below its top, on a
 * wide screen, when the notes before them run on; beyond it the paragraph
 * moves down instead (scripts.ts).
 */
export const NOTES_DRIFT = 240;
/** From how far (CSS px) below its paragraph's top a drifting notes list is headed with the paragraph's mark. */
export const NOTES_NAMED = 20;
/** Width (CSS px) below which tables of three or more columns are stacked cards. */
export const STACK_TABLE_MAX = 600;

/**
 * Names of the deck's controls (buttons of the toolbar). They are the page's
 * controls, not content: never printed (the toolbar is left out in print).
 */
export const CONTROLS = {
  previous: { zh: '上一张', en: 'Previous' },
  next: { zh: '下一张', en: 'Next' },
  notes: { zh: '演讲备注', en: 'Speaker notes' },
  navigation: { zh: '幻灯片导航', en: 'Slide navigation' },
  contents: { zh: '目录', en: 'Contents' },
  /** The link from an article's page to the site's index (`../index.html`: every build writes one). */
  site: { zh: '全部文章', en: 'All articles' },
  /** The button that shows or hides a paragraph's margin notes on a narrow screen (the reading edition); the count follows. */
  marginNotes: { zh: '旁注', en: 'Notes' },
} as const;

/** Where an article's page finds the site's index (pages are written to `<out>/<slug>/`). */
export const SITE_INDEX_HREF = '../index.html';

/** Longest window title (characters) before the short title is used instead. */
export const MAX_TITLE = 60;

/**
 * The class that sets a slide's title at the size its template chose
 * (`SlideBlock.titleSize`, as the PDF and PPTX draw it): `ts-<zh>-<en>`, in
 * points; css/slides.ts has a rule for every size of the theme's lists.
 */
export function titleSizeClass(size: { zh: number; en: number }): string {
  return `ts-${String(size.zh).replace('.', '_')}-${String(size.en).replace('.', '_')}`;
}
