/**
 * Every diagnostic the checker can emit, in one module (as remark-validate-links
 * keeps its rules): a stable rule id, its severity, a one-line "how to fix"
 * text (attached to each message as `note`) and the address of the rule's
 * section in `docs/source-format.md` (attached as `url`). The docs list the
 * same table, and `tests/model/docs.test.ts` keeps both in step.
 */
import { MAX_SOURCE_BYTES } from '../source-bytes.js';

/** `error` stops the article from building; `warning` does not; `info` is a note. */
export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
  severity: Severity;
  fix: string;
}

export const RULES = {
  'read-error': { severity: 'error', fix: 'Check that the path exists and is a readable file.' },
  'source-too-large': { severity: 'error', fix: 'Split the article: a source file may be at most 2 MiB, with at most 200,000 line breaks and markup characters.' },
  'invalid-utf8': { severity: 'error', fix: 'Save the file as UTF-8 (without legacy encodings such as GBK).' },
  'control-character': { severity: 'error', fix: 'Delete the invisible control character (often pasted from a PDF or word processor), or the escape (`\\e`, `&#0;`…) that writes it.' },
  'invisible-character': { severity: 'error', fix: 'Delete the invisible character (bidirectional control, zero-width character, separator or soft hyphen), or the escape (`\\u202E`, `&#x200B;`…) that writes it.' },
  'nesting-too-deep': { severity: 'error', fix: 'Flatten the structure: lists, quotes, directives and brackets nest at most 20 levels; at most 200 emphasis markers per block.' },
  'too-many-paragraphs': { severity: 'error', fix: 'Split the article: at most 20,000 paragraphs per file.' },
  'yaml-syntax': { severity: 'error', fix: 'Fix the YAML syntax of the front matter (quote values that contain ": " or start with a special character).' },
  'front-matter-missing': { severity: 'error', fix: 'Start the file with a YAML front matter block between two "---" lines.' },
  'front-matter-field-missing': { severity: 'error', fix: 'Add the required front-matter field.' },
  'front-matter-field-type': { severity: 'error', fix: 'Give the field a value of the documented type.' },
  'front-matter-unknown-key': { severity: 'error', fix: 'Remove the key or correct its spelling (the message names the nearest valid key).' },
  'slug-mismatch': { severity: 'error', fix: 'Make `slug` equal to the file name without `.md` (or rename the file).' },
  'invalid-date': { severity: 'error', fix: 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD (front matter `date`: YYYY-MM-DD), with a real month and day.' },
  'invalid-id': { severity: 'error', fix: 'Ids use lowercase letters, digits and hyphens only: [a-z0-9-]; footnote labels letters, digits, `-` and `_`.' },
  'missing-id': { severity: 'info', fix: 'Nothing to do: the block gets a generated id. Run `briefwright fix <file>` to write the generated ids into the file, so that later edits cannot move them.' },
  'missing-item-id': { severity: 'error', fix: 'Give the section or item a stable id with `{#some-id}`.' },
  'duplicate-id': { severity: 'error', fix: 'Choose an id that is not used anywhere else in the file.' },
  'unknown-cite': { severity: 'error', fix: 'Cite only ids of citable blocks: paragraphs, list items, tables, footnotes.' },
  'unstable-cite': { severity: 'warning', fix: 'Run `briefwright fix <file>` to write the generated id into the file, so the cite keeps pointing at the same block when text is inserted before it.' },
  'missing-cites': { severity: 'error', fix: 'Add `cites="paragraph-id …"` naming the paragraphs the item is based on.' },
  'missing-zh': { severity: 'error', fix: 'Add the Chinese text: `::zh[…]` (or the bold label for `label-en`, the `[中文]` label of `::table`).' },
  'missing-en': { severity: 'error', fix: 'Add the English text: `::en[…]` (`:en[…]` in a heading, `label-en="…"` for a label, `en="…"` on `::table`).' },
  'duplicate-text': { severity: 'error', fix: 'Keep exactly one `::zh[…]` and one `::en[…]` per item.' },
  'empty-text': { severity: 'error', fix: 'Write the text between the brackets; an item may not be empty.' },
  'unknown-directive': { severity: 'error', fix: 'Use one of the documented directives, or escape a literal colon as `\\:`.' },
  'half-width-colon': { severity: 'error', fix: "Use the full-width colon '：' in Chinese text, or escape it as '\\:'." },
  'unknown-attribute': { severity: 'error', fix: 'Remove the attribute or correct its spelling (the message names the nearest valid one).' },
  'missing-attribute': { severity: 'error', fix: 'Add the required attribute.' },
  'unknown-actor': { severity: 'error', fix: 'Use the id of an actor declared in the front matter `actors:`, or declare the actor there.' },
  'actors-default': { severity: 'warning', fix: 'Declare the actors this article addresses in the front matter (`actors:` with id, zh and en each); the message shows the YAML for the actors in use.' },
  'unknown-horizon': { severity: 'error', fix: 'Use a horizon of the list: now, near, long.' },
  'unknown-kind': { severity: 'error', fix: 'Use a kind of the documented list for this directive.' },
  'misplaced-directive': { severity: 'error', fix: 'Move the directive to where the format allows it.' },
  'unexpected-content': { severity: 'error', fix: 'Remove the content, or move it where the format allows it.' },
  'heading-level': { severity: 'error', fix: 'Open sections with `## 中文 :en[English]{#id}` and sub-headings with `###` or `####`; levels 1, 5 and 6 and underlined headings are not part of the format.' },
  'code-block': { severity: 'error', fix: 'Write the text as a paragraph (inline `code` is fine); sources hold no code blocks.' },
  'thematic-break': { severity: 'error', fix: 'Delete the horizontal rule; to start a new part, open a section with `##`. (Under a line of text, `---` makes it a heading: leave a blank line before it.)' },
  'html-block': { severity: 'error', fix: 'Write the text of the HTML block as Markdown (paragraphs, lists, tables, `>` quotes); sources hold no HTML blocks. HTML comments are fine.' },
  'reference-link': { severity: 'error', fix: 'Write links inline as `[text](https://…)`, and notes as footnotes: `[^1]` in the text and `[^1]: …` as the note.' },
  'unknown-footnote': { severity: 'error', fix: 'Add the note as `[^label]: …` on its own line, or correct the label (the message names the nearest defined one).' },
  'unused-footnote': { severity: 'warning', fix: 'Refer to the note with `[^label]` in the text, or delete it.' },
  'unsupported-markup': { severity: 'error', fix: 'Rewrite it with the constructs of the format; the message says what to write instead.' },
  'table-too-wide': { severity: 'error', fix: 'Split the table: at most 30 columns.' },
  'slide-notes-missing': { severity: 'error', fix: 'Add a `:::notes` block with `::zh[…]` and `::en[…]` speaker notes inside the slide.' },
  'section-summary-missing': { severity: 'error', fix: 'Add a `:::summary` with `::zh[…]` and `::en[…]` right after the section heading.' },
  'raw-html': { severity: 'warning', fix: 'Delete the HTML tags (often pasted from a web page): raw HTML is dropped from every output. Write a literal `<` as `\\<`.' },
  'image-not-supported': { severity: 'error', fix: 'Remove the image: sources hold no images, and no file a source names is ever read. Describe the figure in the text.' },
  'unsafe-link': { severity: 'warning', fix: 'Link only to http(s), mailto or #anchor targets; other targets (javascript:, data:, file:…) are dropped and the text kept.' },
  'unsupported-character': { severity: 'error', fix: 'Replace the character: the project font cannot draw it (emoji, rare ideographs, private-use characters, unassigned code points, noncharacters, U+FFFD).' },
  'placeholder-text': { severity: 'warning', fix: 'Replace the placeholder text of the `init` skeleton with the article\'s own text.' },
  'takeaway-count': { severity: 'warning', fix: 'Write between 3 and 5 key takeaways.' },
  'slide-count': { severity: 'warning', fix: 'Outline between 8 and 12 slides.' },
  // Dates the editors are not sure of, and zh/en consistency of the editorial layer (docs: "Consistency checks").
  'unknown-certainty': { severity: 'error', fix: 'Use `certainty=inferred` (a date the editors infer; the text does not give it) or `certainty=uncertain` (the text allows another reading).' },
  'certainty-note-missing': { severity: 'error', fix: 'Add `::note-zh[…]` and `::note-en[…]` to the event saying why the date is inferred or uncertain.' },
  'zh-en-date': { severity: 'warning', fix: 'Make the years, months, days and fiscal years of the Chinese and the English agree (2024年4月 = April 2024, 2025财年 = FY2025).' },
  'zh-en-number': { severity: 'warning', fix: 'Make the numbers of the Chinese and the English agree (16 = sixteen = 十六).' },
  'zh-en-term': { severity: 'warning', fix: 'Write the acronym or programme name in both languages, or in the other language the name its glossary term gives.' },
  'term-abbreviation': { severity: 'warning', fix: 'Spell the abbreviation exactly as its glossary term does.' },
  'event-date-unsupported': { severity: 'warning', fix: 'Cite the paragraph that gives the date (its year, or a relative date such as 去年4月 that resolves to it), or mark the event `certainty=inferred` with a note.' },
  'event-fiscal-year': { severity: 'warning', fix: 'A fiscal year is not an event date: date the event by when it happened, or leave it out of the timeline.' },
  'timeline-order': { severity: 'warning', fix: "Check the event's date; if it is right, move the event to its place in date order (the products print the timeline sorted by date, so the source then reads as they do)." },
  // Editorial texts measured as the products set them (docs: "Slot lengths").
  'text-too-long': { severity: 'warning', fix: 'Shorten the text: it does not fit its slot even at the smallest type size the products allow, and splitting across slides cannot help; the message says how much fits.' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The editor's reference, relative to the project root. */
export const DOCS_PATH = 'docs/source-format.md';

/** Address of a rule's section in the docs: `docs/source-format.md#unknown-actor`. */
export function ruleUrl(rule: RuleId): string {
  return `${DOCS_PATH}#${rule}`;
}

/** Limits enforced before and while parsing. */
export const LIMITS = {
  /** Largest source file accepted, in bytes. */
  maxBytes: MAX_SOURCE_BYTES,
  /** Deepest nesting of lists, block quotes and container directives. */
  maxNesting: 20,
  /** Most runs of `*` / `_` emphasis markers in one block (their parsing cost grows quadratically). */
  maxEmphasisRuns: 200,
  /** Most line breaks and markup characters (the parser's cost grows with them, not with bytes). */
  maxMarkup: 200_000,
  /** Most paragraphs (list items included) in one file. */
  maxParagraphs: 20_000,
  /** Most columns of a table. */
  maxTableColumns: 30,
} as const;

/** Article-level counts that trigger a warning when outside the range. */
export const COUNTS = {
  takeaways: { min: 3, max: 5 },
  slides: { min: 8, max: 12 },
} as const;

/** Every diagnostic carries this `source`. */
export const SOURCE = 'briefwright';
