/**
 * fast-check generators of whole source files, assembled from valid and
 * invalid fragments: front-matter variants (declared actors among them),
 * body paragraphs with and without ids, section headings and sub-headings,
 * bulleted, numbered and nested lists, block quotes, tables with captions,
 * footnotes, every editorial directive (well-formed, unclosed, with bad
 * attributes), raw HTML, links, images and hostile payload text. Ids come from
 * a small pool so cites often resolve and duplicates happen.
 */
import fc from 'fast-check';

/** Runs per property: 1,000 by default, `FUZZ_RUNS` overrides (`make fuzz` uses 20,000). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** A generous per-test budget that grows with the runs (not a speed assertion). */
export const TIMEOUT = Math.max(600_000, RUNS * 300);

const ids = fc.constantFrom('a-1', 'a-2', 'b-1', 'lede-1', 'x', 'tk-1', 'UPPER', 'bad id', '');
const payload = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<style>*{display:none}</style>',
  '<!-- comment -->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\\<script>alert(1)\\</script>',
  '`<b>code</b>`',
  '[链接](javascript:alert(1))',
  '[链接](data:text/html;base64,PHNjcmlwdD4=)',
  '[链接](https://example.org/?a=1&b="2")',
  '[锚](#a-1)',
  '<javascript:alert(1)>',
  '![图](../../etc/passwd)',
  '![图](/etc/passwd)',
  '![图](http://example.org/x.png)',
  '**粗体**',
  '*斜体*',
  '\u200b\u202e\u0085\u0000\ufeff',
  '😀𠀀',
  'W'.repeat(300),
  ' " \' & < > ',
  ':half-width:colon',
  '\\:escaped',
  '[[[[nested]]]]',
  '* * * _ _ _',
  ']',
  '[',
  '{#id}',
  '\r\n',
);
const zh = fc.oneof(fc.constantFrom('中文文本。', '美日同盟的新渠道。', '要点', ''), payload, fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
const en = fc.oneof(fc.constantFrom('English text.', 'A point', ''), payload, fc.string({ maxLength: 20 }));
const text = fc.tuple(zh, fc.option(payload, { nil: '' }), zh).map(([a, b, c]) => `${a}${b}${c}`);

const yamlValue = fc.oneof(
  fc.constantFrom('标题', 'Title', '"quoted: value"', "'it''s'", '42', '[a, b]', '{zh: 中, en: En}', '', '~', '!!js/function "f"', '*alias', '&anchor x', '|\n  block', '[{id: us, zh: 美国, en: US}]', '[{id: seoul, zh: 首尔, en: Seoul}, {id: seoul, zh: x, en: y}]', '[{id: X, zh: 甲}]', '"\\e[2J"', '"\\u202E"'),
  payload.map((p) => JSON.stringify(p)),
  fc.string({ maxLength: 15 }),
);
const bi = fc.tuple(yamlValue, yamlValue).map(([z, e]) => `\n  zh: ${z}\n  en: ${e}`);
const validFront = (slug: string) =>
  `---\nslug: ${slug}\ntitle: {zh: 标题, en: Title}\nshort_title: {zh: 短, en: Short}\npublisher: {zh: 智库, en: Think tank}\ndate: 2025-01-10\noriginal: {outlet: X, author: {zh: 作者, en: Author}}\n---\n`;

const FIELDS = ['slug', 'title', 'short_title', 'publisher', 'date', 'original', 'keywords', 'languages', 'actors'] as const;

/** Front matter: valid, valid with one field replaced, broken YAML, or missing. */
export const frontMatter = (slug: string) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(validFront(slug)) },
    {
      weight: 3,
      // One field dropped, one (possibly the same, possibly unknown) added with a random value.
      arbitrary: fc
        .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...FIELDS, 'extra', '__proto__', 'toString'), fc.oneof(bi, yamlValue))
        .map(([drop, add, v]) => validFront(slug).replace(new RegExp(`^${drop}:.*\\n`, 'm'), '').replace(/---\n$/, `${add}:${v.startsWith('\n') ? v : ` ${v}`}\n---\n`)),
    },
    { weight: 1, arbitrary: fc.constantFrom('---\ntitle: [unclosed\n---\n', '---\n: :\n---\n', '---\n', '', '---\n---\n', '+++\ntitle = "toml"\n+++\n') },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `---\n${s}\n---\n`) },
  );

const attr = fc.oneof(
  fc.tuple(ids).map(([i]) => `#${i}`),
  fc.tuple(fc.array(ids, { maxLength: 3 })).map(([c]) => `cites="${c.join(' ')}"`),
  fc.constantFrom('actor=us', 'actor=mars', 'horizon=now', 'horizon=', 'kind=explicit', 'kind=points', 'kind=title', 'date=2024-11', 'date=2024-02-30', 'term="ABC"', 'as-written="去年"', 'label-en="Label"', 'onclick="x"', '.class', 'x=', '"'),
);
const attrs = fc.array(attr, { maxLength: 5 }).map((a) => `{${a.join(' ')}}`);
const texts = fc.tuple(text, text, fc.boolean(), fc.boolean()).map(([z, e, dropZh, dropEn]) => `${dropZh ? '' : `::zh[${z}]\n`}${dropEn ? '' : `::en[${e}]\n`}`);
const close = fc.constantFrom(':::\n', ':::\n', ':::\n', '', '::::\n');

const paragraph = fc.tuple(ids, text, fc.boolean()).map(([id, t, withId]) => (withId ? `:p{#${id}}${t}` : t));
const heading = fc.tuple(text, text, ids, texts).map(([z, e, id, s]) => `## ${z} :en[${e}]{#${id}}\n\n:::summary\n${s}:::`);
const list = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.constantFrom('- ', '1. ', '* '), fc.option(paragraph, { nil: undefined }))
  .map(([ps, marker, nested]) => `${ps.map((p) => `${marker}${p}`).join('\n')}${nested === undefined ? '' : `\n   - ${nested}`}`);
const quote = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p) => `> ${p}`).join('\n>\n'));
const table = fc
  .tuple(fc.option(fc.tuple(text, ids, text), { nil: undefined }), fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(fc.array(text, { maxLength: 4 }), { maxLength: 3 }))
  .map(([caption, head, rows]) => {
    const cap = caption === undefined ? '' : `::table[${caption[0]}]{#${caption[1]} en="${caption[2]}"}\n`;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return `${cap}${row(head)}\n|${head.map(() => ' --- |').join('')}\n${rows.map(row).join('\n')}`;
  });
const footnote = fc.tuple(fc.constantFrom('1', '2', 'note', '注'), text, fc.boolean()).map(([label, t, withRef]) => `${withRef ? `正文[^${label}]。\n\n` : ''}[^${label}]: ${t}`);
const subHeading = fc.tuple(fc.constantFrom('###', '####', '#####', '#'), text, fc.option(ids, { nil: undefined })).map(([h, t, id]) => `${h} ${t}${id === undefined ? '' : ` :en[Sub]{#${id}}`}`);
const item = fc.tuple(fc.constantFrom('takeaway', 'recommendation', 'term', 'event', 'summary', 'point', 'notes', 'unknown'), attrs, texts, close).map(([name, a, t, c]) => `:::${name}${a}\n${t}${name === 'term' ? '::def-zh[定义]\n::def-en[Definition]\n' : ''}${c}`);
const slide = fc
  .tuple(attrs, texts, fc.array(fc.tuple(attrs, texts), { maxLength: 3 }), texts, fc.boolean())
  .map(([a, t, points, notes, withNotes]) => `::::slide${a}\n${t}\n${points.map(([pa, pt]) => `:::point${pa}\n${pt}:::\n`).join('\n')}${withNotes ? `:::notes\n${notes}:::\n` : ''}::::`);
const raw = fc.oneof(payload, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('> 引用', '```\ncode\n```', '---', '| a | b |', '# H1', '<div>\n块\n</div>', '[ref]: /etc/passwd', '1. 编号'));

const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: list },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: footnote },
  { weight: 1, arbitrary: subHeading },
  { weight: 3, arbitrary: item },
  { weight: 2, arbitrary: slide },
  { weight: 2, arbitrary: raw },
);

/** A whole source file for `source/<slug>.md`. */
/** Payloads that leave a source valid: they are dropped or kept as inert text, with at most a warning. */
const harmless = fc.constantFrom(
  '<script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<style>*{display:none}</style>',
  '<!-- comment -->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[链接](javascript:alert(1))',
  '[链接](data:text/html;base64,PHNjcmlwdD4=)',
  '[链接](https://example.org/?a=1&b="2")',
  '**粗体**',
  ' " \' & < > ',
);

/** A valid article (front matter and one cited paragraph) carrying harmless payloads in its body. */
const validArticle = (slug: string) =>
  fc
    .array(harmless, { minLength: 1, maxLength: 3 })
    .map((ps) => `${validFront(slug)}\n:p{#lede-1}中文文本${ps.join('中文')}。\n`);

export const sourceFile = (slug = 'fuzz-doc') =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(frontMatter(slug), fc.array(block, { maxLength: 14 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n'))
        .map(([fm, blocks, sep]) => `${fm}\n${blocks.join(sep)}\n`),
    },
    // Keeps a steady share of sources that get through the model, so the
    // output side of the properties is always exercised.
    { weight: 1, arbitrary: validArticle(slug) },
  );
