/**
 * Front matter: YAML syntax, the field schema (required fields, types,
 * unknown keys with a suggestion, nested keys included), dates, the slug /
 * file-name match and the declared actors. Every scalar — key or value — is
 * checked after YAML decoded it (`"\e"`, `"\u202E"` …), and every value
 * against the `init` skeleton's placeholders.
 */
import path from 'node:path';
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, visitYaml, type Pair, type YamlDocument, type YamlNode } from '../vendor/markdown.js';
import type { Actor, Article, Bi } from './types.js';
import { checkYamlScalar } from './decoded.js';
import { ID } from './items.js';
import { isPlaceholder } from './placeholders.js';
import { nearest, report, shorten, span, type Ctx } from './report.js';

/** The article fields the front matter carries. */
export type FrontMatter = Pick<
  Article,
  'slug' | 'title' | 'shortTitle' | 'publisher' | 'date' | 'original' | 'languages' | 'keywords'
>;

/**
 * The actors of the file: declared ones, `'default'` when the front matter
 * has no `actors:` (the former five apply), `'invalid'` when they could not
 * be read (recommendations' `actor=` is then not checked, to avoid a cascade).
 */
export type ActorsRead = { declared: Actor[] } | 'default' | 'invalid';

export interface FrontMatterRead {
  /** Null after any error in the front matter. */
  value: FrontMatter | null;
  actors: ActorsRead;
  /** Place of the opening `---` (for article-level warnings about the front matter). */
  fence: ReturnType<typeof span>;
}

type FieldSpec =
  | { type: 'string'; required: boolean }
  | { type: 'url'; required: boolean }
  | { type: 'slug'; required: boolean }
  | { type: 'date'; required: boolean; precision: 'day' | 'any' }
  | { type: 'bi'; required: boolean }
  | { type: 'strings'; required: boolean }
  | { type: 'bis'; required: boolean }
  | { type: 'actors'; required: boolean }
  | { type: 'map'; required: boolean; fields: Record<string, FieldSpec> };

const BI_KEYS = ['zh', 'en'] as const;

export const ORIGINAL_FIELDS: Record<string, FieldSpec> = {
  outlet: { type: 'string', required: true },
  author: { type: 'bi', required: true },
  title: { type: 'string', required: false },
  url: { type: 'url', required: false },
  date: { type: 'date', required: false, precision: 'any' },
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
  actors: { type: 'actors', required: false },
};

/** Fields of one actor of `actors:`. */
export const ACTOR_FIELDS: Record<string, FieldSpec> = {
  id: { type: 'string', required: true },
  zh: { type: 'string', required: true },
  en: { type: 'string', required: true },
};

/**
 * Every key a front matter may hold, with its full path (`original.url`),
 * for suggestions: a nested key written at the top level (`url:`) or with
 * another separator (`original_title:`) is pointed to its real place.
 */
export const ALL_KEY_PATHS: readonly string[] = [
  ...Object.keys(FRONT_MATTER_FIELDS),
  ...Object.keys(ORIGINAL_FIELDS).map((k) => `original.${k}`),
  'actors[].id',
  'actors[].zh',
  'actors[].en',
];

/**
 * The key a misspelt one most likely meant: a near name in the same map
 * (`autor` → `author`), else a key of the whole schema by its path or its
 * last part (`original_title` → `original.title`, `url` → `original.url`).
 */
export function suggestKey(key: string, parent: string, local: readonly string[]): string | undefined {
  const near = nearest(key, local);
  if (near !== undefined) return near;
  const elsewhere = ALL_KEY_PATHS.filter((p) => !local.some((l) => p === (parent ? `${parent}.${l}` : l)));
  const flat = key.toLowerCase().replace(/[-_ ]/g, '.');
  const leafOf = (p: string) => p.slice(p.lastIndexOf('.') + 1);
  const exact = elsewhere.find((p) => p === flat || p.replace('[]', '') === flat) ?? elsewhere.find((p) => !p.includes('[]') && p.includes('.') && leafOf(p) === key.toLowerCase());
  return exact ?? nearest(flat, elsewhere);
}


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

/** Validate and read the YAML front matter of the tree. */
export function readFrontMatter(ctx: Ctx, tree: Root, filePath: string): FrontMatterRead {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    report(ctx, 'front-matter-missing', 'The file must start with YAML front matter between two `---` lines', span(ctx, 0, 0));
    return { value: null, actors: 'invalid', fence: span(ctx, 0, 0) };
  }
  const fenceStart = first.position?.start.offset ?? 0;
  const fencePlace = span(ctx, fenceStart, fenceStart + 3);
  const { yaml, base } = frontMatterSource(ctx, first);
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const reason = e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
      report(ctx, 'yaml-syntax', `Invalid YAML in front matter: ${reason}`, span(ctx, base + e.pos[0], base + e.pos[1]));
    }
    return { value: null, actors: 'invalid', fence: fencePlace };
  }
  const before = ctx.file.messages.length;
  checkScalars(ctx, doc, base);
  const at = (r: [number, number]) => span(ctx, base + r[0], base + r[1]);
  const range = (n: YamlNode): [number, number] => (n.range ? [n.range[0], n.range[1]] : [0, 0]);
  const fence: [number, number] = [fenceStart - base, fenceStart - base + 3];
  let actorsOk = true;

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
        if (/[\n\r\t]/.test(value)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a single line of text (it holds a line break or a tab)`, where);
          return undefined;
        }
        if (spec.type === 'date' && !isValidDate(value, spec.precision)) {
          const want = spec.precision === 'day' ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD';
          report(ctx, 'invalid-date', `Invalid date \`${shorten(value)}\` in \`${name}\`: expected a real date written ${want}`, where);
          return undefined;
        }
        if (spec.type === 'url' && !/^https?:\/\/\S+$/i.test(value)) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be an http(s) address`, where);
          return undefined;
        }
        if (spec.type === 'slug' && !SLUG.test(value)) {
          report(ctx, 'invalid-id', `Slug \`${shorten(value)}\` must be 3–64 characters of [a-z0-9-], not starting or ending with a hyphen`, where);
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
      case 'actors': {
        actorsOk = false;
        if (!isSeq(node) || node.items.length === 0) {
          report(ctx, 'front-matter-field-type', `Front-matter field \`${name}\` must be a list of actors, each \`{ id: …, zh: …, en: … }\``, where);
          return undefined;
        }
        const actors: Actor[] = [];
        const seen = new Map<string, number>();
        let ok = true;
        node.items.forEach((n, i) => {
          const item = n as YamlNode;
          const itemName = `${name}[${i}]`;
          if (!isMap(item)) {
            report(ctx, 'front-matter-field-type', `\`${itemName}\` must be a map \`{ id: …, zh: …, en: … }\``, at(range(item)));
            ok = false;
            return;
          }
          const v = readMap(item.items, ACTOR_FIELDS, itemName, range(item), read, ctx, at) as Partial<Actor>;
          if (v.id === undefined || v.zh === undefined || v.en === undefined) {
            ok = false;
            return;
          }
          const idNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.value as YamlNode | undefined;
          const idPlace = idNode ? at(range(idNode)) : at(range(item));
          if (!ID.test(v.id)) {
            report(ctx, 'invalid-id', `Invalid actor id \`${shorten(v.id)}\`: use lowercase letters, digits and hyphens`, idPlace);
            ok = false;
            return;
          }
          if (seen.has(v.id)) {
            report(ctx, 'duplicate-id', `Duplicate actor id \`${v.id}\`: already used by \`${name}[${seen.get(v.id)}]\``, idPlace);
            ok = false;
            return;
          }
          seen.set(v.id, i);
          actors.push({ id: v.id, zh: v.zh, en: v.en });
        });
        if (!ok) return undefined;
        actorsOk = true;
        return actors;
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
    return { value: null, actors: 'invalid', fence: fencePlace };
  }
  const raw = readMap(doc.contents.items, FRONT_MATTER_FIELDS, '', fence, read, ctx, at) as Record<string, unknown>;
  const actors: ActorsRead = !actorsOk ? 'invalid' : raw.actors === undefined ? 'default' : { declared: raw.actors as Actor[] };

  if (typeof raw.slug === 'string') {
    const expected = path.basename(filePath).replace(/\.md$/i, '');
    if (raw.slug !== expected) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'slug');
      const place = pair?.value ? at(range(pair.value as YamlNode)) : at(fence);
      report(ctx, 'slug-mismatch', `Slug \`${raw.slug}\` does not match the file name \`${shorten(path.basename(filePath))}\` (expected \`${shorten(expected)}\`)`, place);
    }
  }
  if (ctx.file.messages.slice(before).some((m) => m.fatal)) return { value: null, actors, fence: fencePlace };
  const original = raw.original as Record<string, unknown>;
  return {
    value: {
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
    },
    actors,
    fence: fencePlace,
  };
}

/**
 * Every scalar of the document, keys included, after YAML decoded it: refused
 * characters written as escapes, and placeholder values of the skeleton.
 */
function checkScalars(ctx: Ctx, doc: YamlDocument, base: number): void {
  visitYaml(doc, {
    Scalar(key, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const start = base + node.range[0];
      const end = base + node.range[1];
      checkYamlScalar(ctx, node.value, start, end, node.type === 'QUOTE_DOUBLE');
      if (key !== 'key' && isPlaceholder(node.value)) {
        report(ctx, 'placeholder-text', `Placeholder text \`${shorten(node.value.trim(), 30)}\` from the \`init\` skeleton: replace it with the article's own text`, span(ctx, start, end));
      }
    },
  });
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
      const meant = suggestKey(keyName, parent.replace(/\[\d+\]$/, '[]'), names);
      const hint = meant !== undefined ? `; did you mean \`${meant}\`?` : ` (valid keys${where}: ${names.join(', ')})`;
      report(ctx, 'front-matter-unknown-key', `Unknown front-matter key \`${shorten(keyName)}\`${where}${hint}`, at(keyRange));
      // A misspelt required key is reported once, as unknown with its suggestion, not also as missing.
      const local = nearest(keyName, names);
      if (local !== undefined) seen.add(local);
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
