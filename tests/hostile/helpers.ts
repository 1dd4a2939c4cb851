/**
 * Readers for the hostile-input tests: the CLI as an asynchronous subprocess,
 * a snapshot of a folder tree, and independent readers of every output
 * format that return what a person (or a browser, a PDF viewer, Word) would
 * get from it: visible text, link targets and anything active.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cliPath } from '../cli/helpers.js';

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the shipped CLI without blocking the test process (so several can run at once). */
export function runCliAsync(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
  delete env.SOURCE_DATE_EPOCH;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** Run `tasks` with at most `n` at a time; results in task order. */
export async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker));
  return results;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `read()`, or undefined when the path is gone (renamed or removed since it was listed). */
function unlessGone<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Every file and folder under `dir` (relative, `/`-separated) → sha256 of a
 * file, `dir` for a folder. A build may be running (the interrupt test polls
 * its output): an entry renamed or removed between listing and reading it is
 * left out, as if listed a moment later.
 */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of unlessGone(() => readdirSync(d, { withFileTypes: true })) ?? []) {
      const abs = path.join(d, e.name);
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (e.isDirectory()) {
        out.set(rel, 'dir');
        walk(abs);
      } else {
        const bytes = unlessGone(() => readFileSync(abs));
        if (bytes) out.set(rel, sha256(bytes));
      }
    }
  };
  walk(dir);
  return out;
}

/** Entries that differ between two snapshots (added, removed or changed). */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

// ---------------------------------------------------------------- HTML

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'link', 'img', 'video', 'audio', 'source', 'svg', 'math']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'ping']);
/**
 * A safe link: the web, mail, an anchor of the page, an anchor of another
 * product of the article (a citation: `reading.html#id`, a range of them
 * `reading.html?range=a,b#a`), or the site's index
 * (`../index.html`, which every article page links back to).
 */
export const SAFE_LINK = /^(?:https?:\/\/|mailto:|#|(?:summary|checklist|slides|reading)\.html(?:\?range=[^\s:/?#]*)?#[^\s:/?#]*$|\.\.\/index\.html$)/i;

export interface HtmlRead {
  /** Text content of the body as a reader gets it (hidden notes included; scripts and styles excluded). */
  text: string;
  /** Every `href` of an `<a>`. */
  links: string[];
  /** Everything active or external that a hostile source must never get into a page. */
  problems: string[];
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'script' || node.nodeName === 'style' || node.nodeName === 'template') return '';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/**
 * Parse a page as a browser does (parse5 is the WHATWG algorithm) and list
 * its problems: a script or style whose hash the CSP does not name, more than
 * one of either, any on* attribute, frames/objects/embeds/forms/bases/images,
 * a URL attribute that is not a safe link, and a CSP that is not strict.
 */
export function readHtml(html: string): HtmlRead {
  const doc = parse(html);
  const problems: string[] = [];
  const links: string[] = [];
  const scripts: string[] = [];
  const styles: string[] = [];
  let csp: string | null = null;
  let body: Element | null = null;
  const visit = (node: Node) => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) node.childNodes.forEach(visit);
      return;
    }
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'body') body = el;
    if (ACTIVE_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
    if (tag === 'script') scripts.push(textOf({ ...el, nodeName: 'div' } as Element));
    if (tag === 'style') styles.push(textOf({ ...el, nodeName: 'div' } as Element));
    for (const a of el.attrs) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag} ${name}> event handler`);
      if (name === 'style') problems.push(`<${tag} style> inline style`);
      if (tag === 'script' && name === 'src') problems.push('<script src>');
      if (tag === 'meta' && name === 'http-equiv') {
        const value = a.value.toLowerCase();
        if (value === 'content-security-policy') csp = el.attrs.find((x) => x.name === 'content')?.value ?? '';
        else problems.push(`<meta http-equiv="${a.value}">`);
      }
      if (URL_ATTRIBUTES.has(name)) {
        if (tag === 'a' && name === 'href') links.push(a.value);
        if (!(tag === 'a' && name === 'href' && SAFE_LINK.test(a.value.trim()))) problems.push(`<${tag} ${name}="${a.value.slice(0, 40)}">`);
      }
    }
    (tag === 'template' ? (el as unknown as { content: Node }).content.childNodes ?? [] : el.childNodes).forEach(visit);
  };
  visit(doc);
  if (csp === null) problems.push('no Content-Security-Policy');
  else {
    const directives = new Map((csp as string).split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    if (directives.get('default-src')?.join(' ') !== "'none'") problems.push(`CSP default-src is not 'none': ${csp}`);
    const allowedScripts = directives.get('script-src') ?? [];
    const allowedStyles = directives.get('style-src') ?? [];
    for (const [kind, list] of [['script-src', allowedScripts], ['style-src', allowedStyles]] as const) {
      for (const source of list) if (!/^'sha256-[A-Za-z0-9+/=]+'$/.test(source) && source !== "'none'") problems.push(`CSP ${kind} allows ${source}`);
    }
    for (const s of scripts) if (!allowedScripts.includes(sha(s))) problems.push('a script the CSP does not name by hash');
    for (const s of styles) if (!allowedStyles.includes(sha(s))) problems.push('a style the CSP does not name by hash');
    for (const [k, v] of directives) {
      if (/-src$/.test(k) && v.some((x) => /^(https?:|\*|'unsafe-|blob:)/.test(x))) problems.push(`CSP ${k} allows ${v.join(' ')}`);
    }
  }
  if (scripts.length > 1) problems.push(`${scripts.length} scripts`);
  if (styles.length > 1) problems.push(`${styles.length} styles`);
  return { text: body ? textOf(body) : '', links, problems };
}

// ---------------------------------------------------------------- PDF

export interface PdfRead {
  text: string;
  links: string[];
  javascript: boolean;
}

/** Text (items joined without separators, so a token wrapped over lines stays whole), link URLs and any JavaScript. */
export async function readPdfFile(bytes: Uint8Array): Promise<PdfRead> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  const links: string[] = [];
  let javascript = (await pdf.getJSActions()) !== null;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str;
    for (const a of await page.getAnnotations()) {
      const url = (a as { unsafeUrl?: string; url?: string }).unsafeUrl ?? (a as { url?: string }).url;
      if (url) links.push(url);
      if ((a as { actions?: unknown }).actions) javascript = true;
    }
  }
  await pdf.destroy();
  return { text, links, javascript };
}

// ---------------------------------------------------------------- DOCX / PPTX

export interface ZipRead {
  text: string;
  /** Targets of external relationships (hyperlinks, linked images…). */
  external: string[];
  /** Parts that would run code or pull content in: macros, OLE objects, ActiveX, external data. */
  active: string[];
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name],
  );

/** Text runs (`<w:t>` / `<a:t>`), external relationship targets and active parts of a DOCX or PPTX. */
export function readOfficeZip(bytes: Uint8Array): ZipRead {
  const files = unzipSync(bytes);
  let text = '';
  const external: string[] = [];
  const active: string[] = [];
  for (const [name, data] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith('/') && /vbaProject|activeX|oleObject|embeddings\/|externalLinks\//i.test(name)) active.push(name);
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const xml = strFromU8(data);
    if (name.endsWith('.rels')) {
      for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) external.push(decodeXml(/Target="([^"]*)"/.exec(m[0])?.[1] ?? ''));
      }
      continue;
    }
    if (/<w:instrText[^>]*>[^<]*(INCLUDE|LINK|DDE)/i.test(xml)) active.push(`${name}: field code`);
    for (const m of xml.matchAll(/<(?:w|a):t(?:\s[^>]*)?>([^<]*)<\/(?:w|a):t>/g)) text += decodeXml(m[1]);
  }
  return { text, external, active };
}
