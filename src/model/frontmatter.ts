/**
 * Front matter: YAML syntax, the field schema (required fields, types,
 * unknown keys with a suggestion), dates and the slug / file-name match.
 */
import path from 'node:path';
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YamlNode } from '../vendor/markdown.js';
import type { Article, Bi, Original } from './types.js';
import { didYouMean, nearest, report, span, type Ctx } from './report.js';

/** The article fields the front matter carries. */
export type FrontMatter = Pick<
  Article,
  'slug' | 'title' | 'shortTitle' | 'publisher' | 'date' | 'original' | 'languages' | 'keywords'
>;

type FieldSpec =
  | { type: 'string'; required: boolean }
  | { type: 'url'; required: boolean }
  | { type: 'slug'; required: boolean }
  | { type: 'date'; required: boolean; precision: 'day' | 'any' }
  | { type: 'bi'; required: boolean }
  | { type: 'strings'; required: boolean }
  | { type: 'bis'; required: boolean }
  | { type: 'map'; required: boolean; fields: Record<string, FieldSpec> }
  | { type: 'maps'; required: boolean; fields: Record<string, FieldSpec> };

const BI_KEYS = ['zh', 'en'] as const;

export const ORIGINAL_FIELDS: Record<string, FieldSpec> = {
  outlet: { type: 'string', required: true },
  author: { type: 'bi', required: true },
  title: { type: 'string', required: false },
  url: { type: 'url', required: false },
  date: { type: 'date', required: false, precision: 'any' },
};

/**
 * `actors:` (CONTRACT.md §1) is read and checked for its shape only, so a source can declare its
 * actors now; the model does not use them yet (recommendations still name one of ACTORS).
 */
export const ACTOR_FIELDS: Record<string, FieldSpec> = {
  id: { type: 'string', required: true },
  zh: { type: 'string', required: true },
  en: { type: 'string', required: true },
};

/** The front-matter schema; also the list of valid keys for suggestions. */
export const FRONT_MATTER_FIELDS: Record<string, FieldSpec> = {
  slug: { type: 'slug', required: true },
  title: { type: 'bi', required: true },
  short_title: { type: 'bi', required: true },
  publisher: { type: 'bi', required: true },
  date: { type: 'date', required: true, precision: 'day' },
  original: { type: 'map', required: true, fields: ORIGINAL_FIELDS },
  languages: { type: 'strings', required: false },
  keywords: { type: 'bis', required: false },
  actors: { type: 'maps', required: false, fields: ACTOR_FIELDS },
};

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (only the last when `day`), with a real month and day. */
export function isValidDate(value: string, precision: 'day' | 'any'): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  if (precision === 'day' && m[3] === undefined) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** Front-matter text and the file offset where it starts. */
export function frontMatterSource(ctx: Ctx, node: Yaml): { yaml: string; base: number } {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const nl = ctx.text.indexOf('\n', start);
  const base = nl < 0 || nl >= end ? end : nl + 1;
  const close = Math.max(base, end - 3);
  return { yaml: ctx.text.slice(base, close), base };
}

type Read = (node: YamlNode | null | undefined, spec: FieldSpec, name: string, keyPlace: [number, number]) => unknown;

/** Validate and read the YAML front matter of the tree; null after any error. */
export function readFrontMatter(ctx: Ctx, tree: Root, filePath: string): FrontMatter | null {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    report(ctx, 'front-matter-missing', 'The file must start with YAML front matter between two `---` lines', span(ctx, 0, 0));
    return null;
  }
  const { yaml, base } = frontMatterSource(ctx, first);
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const reason = e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
      report(ctx, 'yaml-syntax', `Invalid YAML in front matter: ${reason}`, span(ctx, base + e.pos[0], base + e.pos[1]));
    }
    return null;
  }
  const before = ctx.file.messages.length;
  const at = (r: [number, number]) => span(ctx, base + r[0], base + r[1]);
  const range = (n: YamlNode): [number, number] => (n.range ? [n.range[0], n.range[1]] : [0, 0]);
  const fenceStart = first.position?.start.offset ?? 0;
  const fence: [number, number] = [fenceStart - base, fenceStart - base + 3];

  const read: Read = (node, spec, name, keyPlace) => {
    if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) {
      if (spec.required) report(ctx, 'front-matter-field-missing', `Missing front-matter field \`${name}\``, at(keyPlace));
      return undefined;
    }
    const where = at(range(node));
    switch (spec.type) {
      case 'string':
      case 'url':
      case 'slug':
      case 'date': {
        if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a single line of text`, where);
          return undefined;
        }
        const value = String(node.value).trim();
        if (spec.type === 'date' && !isValidDate(value, spec.precision)) {
          const want = spec.precision === 'day' ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD';
          report(ctx, 'invalid-date', `Invalid date \`${value}\` in \`${name}\`: expected a real date written ${want}`, where);
          return undefined;
        }
        if (spec.type === 'url' && !/^https?:\/\/\S+$/i.test(value)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be an http(s) address`, where);
          return undefined;
        }
        if (spec.type === 'slug' && !SLUG.test(value)) {
          report(ctx, 'invalid-id', `Slug \`${value}\` must be 3–64 characters of [a-z0-9-], not starting or ending with a hyphen`, where);
          return undefined;
        }
        return value;
      }
      case 'bi': {
        if (!isMap(node)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a map with \`zh\` and \`en\``, where);
          return undefined;
        }
        const fields = Object.fromEntries(BI_KEYS.map((k) => [k, { type: 'string', required: true } as FieldSpec]));
        const value = readMap(node.items, fields, name, keyPlace, read, ctx, at) as Record<string, string | undefined>;
        return value.zh !== undefined && value.en !== undefined ? { zh: value.zh, en: value.en } : undefined;
      }
      case 'strings':
      case 'bis': {
        if (!isSeq(node)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a list`, where);
          return undefined;
        }
        const item: FieldSpec = spec.type === 'strings' ? { type: 'string', required: true } : { type: 'bi', required: true };
        return node.items.map((n, i) => read(n as YamlNode, item, `${name}[${i}]`, range(node)));
      }
      case 'maps': {
        if (!isSeq(node)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a list`, where);
          return undefined;
        }
        return node.items.map((n, i) => read(n as YamlNode, { type: 'map', required: true, fields: spec.fields }, `${name}[${i}]`, range(node)));
      }
      case 'map': {
        if (!isMap(node)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a map`, where);
          return undefined;
        }
        return readMap(node.items, spec.fields, name, keyPlace, read, ctx, at);
      }
    }
  };

  if (!isMap(doc.contents)) {
    report(ctx, 'front-matter-field-type', 'The front matter must be a map of `key: value` lines', at(fence));
    return null;
  }
  const raw = readMap(doc.contents.items, FRONT_MATTER_FIELDS, '', fence, read, ctx, at) as Record<string, unknown>;

  if (typeof raw.slug === 'string') {
    const expected = path.basename(filePath).replace(/\.md$/i, '');
    if (raw.slug !== expected) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'slug');
      const place = pair?.value ? at(range(pair.value as YamlNode)) : at(fence);
      report(ctx, 'slug-mismatch', `Slug \`${raw.slug}\` does not match the file name \`${path.basename(filePath)}\` (expected \`${expected}\`)`, place);
    }
  }
  if (ctx.file.messages.slice(before).some((m) => m.fatal)) return null;
  const original = raw.original as Record<string, unknown>;
  return {
    slug: raw.slug as string,
    title: raw.title as Bi,
    shortTitle: raw.short_title as Bi,
    publisher: raw.publisher as Bi,
    date: raw.date as string,
    original: {
      outlet: original.outlet as string,
      author: original.author as Bi,
      ...(original.title !== undefined ? { title: original.title as string } : {}),
      ...(original.url !== undefined ? { url: original.url as string } : {}),
      ...(original.date !== undefined ? { date: original.date as string } : {}),
    },
    languages: (raw.languages as string[] | undefined) ?? ['zh-Hans', 'en'],
    keywords: (raw.keywords as Bi[] | undefined) ?? [],
  };
}

/** Read the pairs of a YAML map against a field table; unknown keys get a suggestion. */
function readMap(
  items: Pair<unknown, unknown>[],
  fields: Record<string, FieldSpec>,
  parent: string,
  parentPlace: [number, number],
  read: Read,
  ctx: Ctx,
  at: (r: [number, number]) => ReturnType<typeof span>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  const names = Object.keys(fields);
  for (const pair of items) {
    const key = pair.key as YamlNode;
    const keyName = isScalar(key) ? String(key.value) : '';
    const keyRange: [number, number] = key?.range ? [key.range[0], key.range[1]] : parentPlace;
    const full = parent ? `${parent}.${keyName}` : keyName;
    // Own keys only: `__proto__` or `toString` are unknown keys, not inherited properties.
    const spec = Object.hasOwn(fields, keyName) ? fields[keyName] : undefined;
    if (spec === undefined) {
      const where = parent ? ` in \`${parent}\`` : '';
      report(ctx, 'front-matter-unknown-key', `Unknown front-matter key \`${keyName}\`${where}${didYouMean(keyName, names)}`, at(keyRange));
      // A misspelt required key is reported once, as unknown with its suggestion, not also as missing.
      const meant = nearest(keyName, names);
      if (meant !== undefined) seen.add(meant);
      continue;
    }
    seen.add(keyName);
    out[keyName] = read(pair.value as YamlNode, spec, full, keyRange);
  }
  for (const name of names) {
    if (!seen.has(name) && fields[name].required) {
      const full = parent ? `${parent}.${name}` : name;
      report(ctx, 'front-matter-field-missing', `Missing front-matter field \`${full}\``, at(parentPlace));
    }
  }
  return out;
}
