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
export const BOLD_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'strong', 'th', 'caption', 'figcaption']);
/** Class names whose text is drawn in the bold face. */
export const BOLD_CLASSES: ReadonlySet<string> = new Set(['marker', 'slide-number', 'date', 'progress-label', 'notes-label', 'doc-title', 'count']);

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

/** Longest window title (characters) before the short title is used instead. */
export const MAX_TITLE = 60;
